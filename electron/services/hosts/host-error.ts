/**
 * Expected failures of the hosts service: what went wrong, on which host, at which step, with
 * which command and what it printed, and what to do next (STYLE.md §5).
 */
import type { Result } from '../../../schemas/index.js';

export type HostErrorKind =
  /** TCP connection refused, no route, DNS failure. */
  | 'ssh-connect'
  /** No answer within the connect timeout (a host that accepts TCP and never speaks, too). */
  | 'ssh-timeout'
  /** The server refused every credential offered. */
  | 'ssh-auth'
  /** A key file that cannot be read or decrypted, an agent that cannot be reached. */
  | 'ssh-credentials'
  /** The host key is not in known_hosts and was not accepted. */
  | 'host-key-unknown'
  /** The host key differs from the one recorded: possible man-in-the-middle. */
  | 'host-key-changed'
  /** The host key is marked @revoked in known_hosts. */
  | 'host-key-revoked'
  /** A remote command exited non-zero. */
  | 'command-failed'
  /** A remote command did not finish within the command timeout. */
  | 'command-timeout'
  /** An SFTP transfer failed. */
  | 'sftp'
  /** What the host stored differs from what was sent. */
  | 'verify-mismatch'
  /** Pre-flight: product commands missing, too little space, configurations disagreeing. */
  | 'preflight'
  /** The project has rule errors and no override was given. */
  | 'rule-errors'
  /** Local files: snapshot folder, staging folder, known_hosts. */
  | 'io'
  /** Bad input: host syntax, missing hosts, options that do not go together. */
  | 'usage';

/** One expected failure. Never holds a secret: messages are built from public facts only. */
export interface HostError {
  readonly kind: HostErrorKind;
  readonly message: string;
  /** `address:port` of the host, when the failure is about one. */
  readonly host?: string;
  /** The step of the upload plan (`push`, `verify`, ...). */
  readonly step?: string;
  /** The command as sent to the host. */
  readonly command?: string;
  /** What the command printed (stdout then stderr), trimmed. */
  readonly output?: string;
  /** For host-key errors: the key the host offered, for the app's accept dialog. */
  readonly hostKey?: { readonly type: string; readonly fingerprint: string };
  /** `message` in Japanese, for the app in Japanese (the command line speaks English). */
  readonly ja?: string;
}

export type HostResult<T> = Result<T, HostError>;

/** Builds a HostError. */
export function hostError(
  kind: HostErrorKind,
  message: string,
  extra: Partial<Omit<HostError, 'kind' | 'message'>> = {},
): HostError {
  return { kind, message, ...extra };
}

/** The error with the host and step filled in when it has none. */
export function atStep(error: HostError, host: string, step: string): HostError {
  return { ...error, host: error.host ?? host, step: error.step ?? step };
}
