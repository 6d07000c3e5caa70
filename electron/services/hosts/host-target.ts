/**
 * Which host to talk to: `address[:port]` as typed on the command line or kept in project.json,
 * and the names derived from it (the known_hosts lookup name, the snapshot folder name).
 */
import {
  DEFAULT_SSH_PORT,
  type Result,
  fail,
  hostLabel,
  ok,
  parseHostAddress,
} from '../../../schemas/index.js';
import { type HostError, hostError } from './host-error.js';

/** A host to connect to. */
export interface HostTarget {
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** The server name in clp.conf this host is, when project.json says so. */
  readonly server?: string;
}

/**
 * Parses `address`, `address:port`, `[v6-address]` or `[v6-address]:port` (the core's
 * `parseHostAddress`, shared with the Upload dialog) into a target for `user`.
 */
export function parseHostSpec(spec: string, user: string): Result<HostTarget, HostError> {
  const parsed = parseHostAddress(spec);
  if (!parsed.ok) {
    const { message, ja } = parsed.error;
    return fail(hostError('usage', message, { ja: ja ?? message }));
  }
  return ok({ ...parsed.value, user });
}

/** `address:port` as shown to the user (`[v6]:port` for IPv6); the core's, shared with the app. */
export { hostLabel };

/** The name OpenSSH records in known_hosts: `address` on port 22, `[address]:port` otherwise. */
export function knownHostsName(target: Pick<HostTarget, 'address' | 'port'>): string {
  const address = target.address.toLowerCase();
  return target.port === DEFAULT_SSH_PORT ? address : `[${address}]:${target.port}`;
}

/** A file-name-safe form of the host (`10.0.0.1_2222`), for snapshot folders. */
export function hostFileName(target: Pick<HostTarget, 'address' | 'port'>): string {
  const base = target.address.replace(/[^A-Za-z0-9.-]/g, '_');
  return target.port === DEFAULT_SSH_PORT ? base : `${base}_${target.port}`;
}
