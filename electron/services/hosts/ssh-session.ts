/**
 * One SSH connection to one host (ssh2): host key checked against known_hosts, credentials
 * tried in turn, a timeout on the connection and on every command.
 *
 * Every failure comes back as a HostError naming the host and saying what to do; nothing here
 * throws for a host that is down, refuses us, or hangs.
 */
import ssh2, { type Client, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { fail, ok } from '../../../schemas/index.js';
import { type HostError, type HostResult, hostError } from './host-error.js';
import {
  type HostKeyCheck,
  type HostKeyPolicy,
  checkHostKey,
  prepareHostKeyCheck,
} from './host-key-check.js';
import { type HostTarget, hostLabel } from './host-target.js';
import type { AuthMethod } from './ssh-auth.js';

/** How to connect. */
export interface ConnectOptions {
  readonly auth: readonly AuthMethod[];
  readonly hostKeys: HostKeyPolicy;
  /** From opening the socket to being logged in. */
  readonly connectTimeoutMs: number;
}

/** What a command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** An open connection. */
export interface Session {
  readonly target: HostTarget;
  /** `address:port`. */
  readonly label: string;
  /** The host key as verified: type and SHA256 fingerprint; `recorded` when accepted just now. */
  readonly hostKey: {
    readonly type: string;
    readonly fingerprint: string;
    readonly recorded: boolean;
  };
  /** Runs a shell command; a non-zero exit is a `command-failed` error carrying the output. */
  run(command: string, timeoutMs: number): Promise<HostResult<CommandOutput>>;
  /** The connection's SFTP channel, opened on first use. */
  sftp(): Promise<HostResult<SFTPWrapper>>;
  close(): void;
}

/** Keeps a runaway command from filling memory; the tail of a failure is what matters. */
const MAX_OUTPUT = 1024 * 1024;

/** Connects and logs in; resolves once the host is verified and has accepted a credential. */
export async function openSession(
  target: HostTarget,
  options: ConnectOptions,
): Promise<HostResult<Session>> {
  const label = hostLabel(target);
  const prepared = await prepareHostKeyCheck(target, options.hostKeys);
  if (!prepared.ok) {
    return fail({ ...prepared.error, host: label });
  }
  const check = prepared.value;
  const client = new ssh2.Client();
  // Only the first error decides the connection; later ones (a socket closing after a timeout)
  // surface through the command that meets them, and must not crash the process meanwhile.
  client.on('error', () => undefined);
  const connected = await new Promise<HostResult<void>>((resolve) => {
    client.once('ready', () => resolve(ok(undefined)));
    client.once('error', (error: Error & { level?: string; code?: string }) =>
      resolve(fail(connectionError(error, target, check, options))),
    );
    client.connect(connectConfig(target, options, check));
  });
  if (!connected.ok) {
    client.destroy();
    return connected;
  }
  return ok(makeSession(client, target, label, check));
}

function connectConfig(
  target: HostTarget,
  options: ConnectOptions,
  check: HostKeyCheck,
): ConnectConfig {
  return {
    host: target.address,
    port: target.port,
    username: target.user,
    readyTimeout: options.connectTimeoutMs,
    keepaliveInterval: 5000,
    keepaliveCountMax: 3,
    authHandler: options.auth.map((method) => ({
      ...method,
      username: target.user,
    })) as ConnectConfig['authHandler'],
    ...(check.preferredAlgorithms.length > 0
      ? {
          algorithms: {
            serverHostKey: { prepend: check.preferredAlgorithms },
          } as ConnectConfig['algorithms'],
        }
      : {}),
    hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
      void checkHostKey(check, key).then(verify);
    },
  };
}

/** Turns ssh2's error into one the user can act on; a host-key refusal explains itself. */
function connectionError(
  error: Error & { level?: string; code?: string },
  target: HostTarget,
  check: HostKeyCheck,
  options: ConnectOptions,
): HostError {
  const host = hostLabel(target);
  if (check.refusal) {
    return { ...check.refusal, host };
  }
  if (error.level === 'client-authentication') {
    const tried = options.auth.map((method) => (method.type === 'publickey' ? 'key' : method.type));
    return hostError(
      'ssh-auth',
      `${host} refused the login as ${target.user} (tried: ${[...new Set(tried)].join(', ')}): check the user name, that the key's .pub is in the host's authorized_keys, or the password`,
      { host },
    );
  }
  if (error.level === 'client-timeout') {
    return hostError(
      'ssh-timeout',
      `${host} did not answer within ${options.connectTimeoutMs / 1000} s (no SSH greeting or login in time): is the host up, is ${target.port} its SSH port, is a firewall dropping packets?`,
      { host },
    );
  }
  return hostError('ssh-connect', `cannot connect to ${host}: ${socketReason(error, target)}`, {
    host,
  });
}

function socketReason(error: Error & { code?: string }, target: HostTarget): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection refused; nothing listens on port ${target.port} (is sshd running, is the port right?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the name ${target.address} cannot be resolved`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host';
    default:
      return error.message;
  }
}

function makeSession(
  client: Client,
  target: HostTarget,
  label: string,
  check: HostKeyCheck,
): Session {
  let channel: Promise<HostResult<SFTPWrapper>> | undefined;
  return {
    target,
    label,
    hostKey: {
      type: check.seen?.type ?? '',
      fingerprint: check.seen?.fingerprint ?? '',
      recorded: check.recorded,
    },
    run: (command, timeoutMs) => runCommand(client, label, command, timeoutMs),
    sftp() {
      channel ??= new Promise((resolve) =>
        client.sftp((error, sftp) =>
          resolve(
            error
              ? fail(
                  hostError('sftp', `${label}: cannot open SFTP: ${error.message}`, {
                    host: label,
                  }),
                )
              : ok(sftp),
          ),
        ),
      );
      return channel;
    },
    close: () => client.end(),
  };
}

function runCommand(
  client: Client,
  host: string,
  command: string,
  timeoutMs: number,
): Promise<HostResult<CommandOutput>> {
  return new Promise((resolve) => {
    client.exec(command, (error, stream) => {
      if (error) {
        const message = `${host}: cannot run a command: ${error.message}`;
        resolve(fail(hostError('command-failed', message, { host, command })));
        return;
      }
      resolve(collect(stream, host, command, timeoutMs));
    });
  });
}

/** Gathers a command's output until it exits, or kills it at the timeout. */
function collect(
  stream: ClientChannel,
  host: string,
  command: string,
  timeoutMs: number,
): Promise<HostResult<CommandOutput>> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const failed = (kind: 'command-failed' | 'command-timeout', how: string) =>
      fail(hostError(kind, `${host}: ${how}`, { host, command, output: tail(stdout, stderr) }));
    const timer = setTimeout(() => {
      stream.signal('KILL');
      stream.close();
      resolve(failed('command-timeout', `no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    stream.on('data', (data: Buffer) => (stdout = capped(stdout, data)));
    stream.stderr.on('data', (data: Buffer) => (stderr = capped(stderr, data)));
    stream.on('close', (code: number | null, signal?: string) => {
      clearTimeout(timer);
      const how = code === null ? `was killed (${signal ?? 'signal'})` : `exited with ${code}`;
      resolve(code === 0 ? ok({ stdout, stderr }) : failed('command-failed', `the command ${how}`));
    });
  });
}

function capped(text: string, data: Buffer): string {
  const next = text + data.toString('utf8');
  return next.length > MAX_OUTPUT ? next.slice(-MAX_OUTPUT) : next;
}

function tail(stdout: string, stderr: string): string {
  return [stdout.trim(), stderr.trim()]
    .filter((part) => part !== '')
    .join('\n')
    .slice(-4000);
}
