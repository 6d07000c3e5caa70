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
import type { Wording } from './wording.js';

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
    const types = [...new Set(options.auth.map((method) => method.type))];
    const tried = types.map((type) => (type === 'publickey' ? 'key' : type));
    const triedJa = types.map((type) => AUTH_METHOD_JA[type]);
    return hostError(
      'ssh-auth',
      `${host} refused the login as ${target.user} (tried: ${tried.join(', ')}): check the user name, that the key's .pub is in the host's authorized_keys, or the password`,
      {
        host,
        ja: `${host} が ${target.user} としてのログインを拒否しました (試した認証: ${triedJa.join('、')})。ユーザ名、鍵の .pub がホストの authorized_keys にあること、またはパスワードを確認してください`,
      },
    );
  }
  if (error.level === 'client-timeout') {
    const seconds = options.connectTimeoutMs / 1000;
    return hostError(
      'ssh-timeout',
      `${host} did not answer within ${seconds} s (no SSH greeting or login in time): is the host up, is ${target.port} its SSH port, is a firewall dropping packets?`,
      {
        host,
        ja: `${host} が ${seconds} 秒以内に応答しませんでした (SSH の応答またはログインが時間内に完了しませんでした)。ホストが起動しているか、${target.port} がその SSH ポートか、ファイアウォールがパケットを破棄していないかを確認してください`,
      },
    );
  }
  const reason = socketReason(error, target);
  return hostError('ssh-connect', `cannot connect to ${host}: ${reason.message}`, {
    host,
    ja: `${host} に接続できません: ${reason.ja}`,
  });
}

/** The authentication methods in Japanese, for the refused-login message. */
const AUTH_METHOD_JA: Record<AuthMethod['type'], string> = {
  agent: 'SSH エージェント',
  publickey: '鍵',
  password: 'パスワード',
};

function socketReason(error: Error & { code?: string }, target: HostTarget): Wording {
  switch (error.code) {
    case 'ECONNREFUSED':
      return {
        message: `connection refused; nothing listens on port ${target.port} (is sshd running, is the port right?)`,
        ja: `接続が拒否されました。ポート ${target.port} で待ち受けているものがありません (sshd が起動しているか、ポートが正しいかを確認してください)`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        message: `the name ${target.address} cannot be resolved`,
        ja: `名前 ${target.address} を解決できません`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { message: 'no route to the host', ja: 'ホストへの経路がありません' };
    default:
      return { message: error.message, ja: error.message };
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
                    ja: `${label}: SFTP を開けません: ${error.message}`,
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
        const ja = `${host}: コマンドを実行できません: ${error.message}`;
        resolve(fail(hostError('command-failed', message, { host, command, ja })));
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
    const failed = (kind: 'command-failed' | 'command-timeout', how: string, howJa: string) =>
      fail(
        hostError(kind, `${host}: ${how}`, {
          host,
          command,
          output: tail(stdout, stderr),
          ja: `${host}: ${howJa}`,
        }),
      );
    const timer = setTimeout(() => {
      stream.signal('KILL');
      stream.close();
      const seconds = timeoutMs / 1000;
      resolve(
        failed(
          'command-timeout',
          `no answer within ${seconds} s`,
          `${seconds} 秒以内に応答がありません`,
        ),
      );
    }, timeoutMs);
    stream.on('data', (data: Buffer) => (stdout = capped(stdout, data)));
    stream.stderr.on('data', (data: Buffer) => (stderr = capped(stderr, data)));
    stream.on('close', (code: number | null, signal?: string) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(ok({ stdout, stderr }));
      } else if (code === null) {
        const how = `the command was killed (${signal ?? 'signal'})`;
        resolve(
          failed('command-failed', how, `コマンドが強制終了されました (${signal ?? 'シグナル'})`),
        );
      } else {
        const how = `the command exited with ${code}`;
        resolve(failed('command-failed', how, `コマンドが終了コード ${code} で終了しました`));
      }
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
