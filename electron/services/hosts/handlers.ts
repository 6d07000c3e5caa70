/**
 * The IPC handlers of the hosts calls (electron/contract.ts `hosts:*`, `secrets:*`), for the
 * desktop main process and the browser host to register beside their own.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hostLogin } from '../../../schemas/index.js';
import { type CallArgs, type CallResult, type HostConnection, contract } from '../../contract.js';
import { downloadConfiguration, downloadInto } from './download.js';
import type { HostResult } from './host-error.js';
import { type HostTarget, hostLabel } from './host-target.js';
import { progressBoard } from './progress-board.js';
import type { SecretStore } from './secret-store.js';
import { rollbackUpload, uploadProject } from './upload.js';
import type { ConnectionOptions, UploadOptions, UploadReport } from './upload-types.js';

type HostCall =
  | 'hosts:plan'
  | 'hosts:upload'
  | 'hosts:rollback'
  | 'hosts:progress'
  | 'hosts:download'
  | 'secrets:status'
  | 'secrets:forget';
type UploadRequest = CallArgs<'hosts:upload'>[0];
type HostHandlers = { [N in HostCall]: (...args: CallArgs<N>) => Promise<CallResult<N>> };

/** One handler per hosts call; arguments arrive already checked against the contract. */
export function createHostHandlers(secrets: SecretStore): HostHandlers {
  const passwords = rememberedPasswords(secrets);
  return {
    'hosts:plan': (request) =>
      tracked(request, passwords, (options) => uploadProject(request.project, options), true),
    'hosts:upload': (request) =>
      tracked(request, passwords, (options) => uploadProject(request.project, options), false),
    'hosts:rollback': (request) =>
      tracked(
        request,
        passwords,
        (options) => rollbackUpload(request.project, request.snapshot, options),
        false,
      ),
    'hosts:progress': async ({ id, since }) => {
      const page = progressBoard.read(id, since);
      return { ok: true, value: { ...page, events: [...page.events] } };
    },
    'hosts:download': async (request) => {
      const password = await passwords.resolve(request, [request.host]);
      if (!password.ok) {
        return password;
      }
      const connection = connectionOf({ ...request, password: password.value });
      const downloaded = await downloadConfiguration(request.host, connection);
      if (!downloaded.ok) {
        return downloaded;
      }
      await passwords.keep(request, [request.host]);
      return downloadInto(request.folder, downloaded.value, request.force === true);
    },
    'secrets:status': async ({ keys }) => {
      const state = secrets.availability();
      return {
        ok: true,
        value: {
          available: state.available,
          ...(state.available ? {} : { reason: state.reason, reasonJa: state.reasonJa }),
          remembered: await secrets.has(keys),
        },
      };
    },
    'secrets:forget': async ({ keys }) => {
      for (const key of keys) {
        const forgotten = await secrets.forget(key);
        if (!forgotten.ok) {
          return forgotten;
        }
      }
      return { ok: true, value: { forgotten: keys.length } };
    },
  };
}

interface RememberedPasswords {
  /** The password to log in with: the one typed, or the one remembered for every host. */
  resolve(
    request: HostConnection,
    hosts: readonly HostTarget[],
  ): Promise<HostResult<string | undefined>>;
  /** Remembers the typed password for the hosts it logged in to, when the user asked. */
  keep(request: HostConnection, hosts: readonly HostTarget[]): Promise<void>;
}

function rememberedPasswords(secrets: SecretStore): RememberedPasswords {
  return {
    resolve: async (request, hosts) => {
      if (request.password !== undefined || request.useRememberedPassword !== true) {
        return { ok: true, value: request.password };
      }
      const found = await Promise.all(hosts.map((host) => secrets.recall(hostLogin(host))));
      const missing = hosts.filter((_, index) => found[index] === undefined);
      if (hosts.length === 0 || missing.length > 0) {
        const logins = missing.map(hostLogin);
        const names = logins.join(', ') || 'these hosts';
        const namesJa = logins.join('、') || 'これらのホスト';
        return usage(
          `no password is remembered for ${names}: type it`,
          `${namesJa} のパスワードは保存されていません。入力してください`,
        );
      }
      if (new Set(found).size > 1) {
        return usage(
          'the hosts have different remembered passwords: upload to them one at a time, or type the password',
          'ホストごとに保存されているパスワードが異なります。1 台ずつアップロードするか、パスワードを入力してください',
        );
      }
      return { ok: true, value: found[0] };
    },
    keep: async (request, hosts) => {
      if (request.rememberPassword !== true || request.password === undefined) {
        return;
      }
      for (const host of hosts) {
        await secrets.remember(hostLogin(host), request.password);
      }
    },
  };
}

function usage(message: string, ja: string): HostResult<never> {
  return { ok: false, error: { kind: 'usage', message, ja } };
}

function connectionOf(request: HostConnection): ConnectionOptions {
  return {
    auth: {
      ...(request.identity ? { identity: request.identity } : {}),
      ...(request.passphrase !== undefined ? { passphrase: request.passphrase } : {}),
      ...(request.password !== undefined ? { password: request.password } : {}),
      ...(request.useAgent === false ? { agent: false as const } : {}),
    },
    hostKeys: {
      knownHostsFile: request.knownHostsFile ?? join(homedir(), '.ssh', 'known_hosts'),
      acceptNew: request.acceptNew ?? false,
      ...(request.acceptHostKeys ? { accepted: request.acceptHostKeys } : {}),
    },
    ...(request.connectTimeoutMs ? { connectTimeoutMs: request.connectTimeoutMs } : {}),
    ...(request.commandTimeoutMs ? { commandTimeoutMs: request.commandTimeoutMs } : {}),
  };
}

/**
 * Runs an upload-like call: the remembered password if asked, its progress recorded under the
 * request's id when it has one, and the typed password remembered for the hosts it logged in to.
 */
async function tracked(
  request: UploadRequest,
  passwords: RememberedPasswords,
  run: (options: UploadOptions) => Promise<HostResult<UploadReport>>,
  dryRun: boolean,
): Promise<CallResult<'hosts:upload'>> {
  const targets = request.hosts ?? [];
  const password = await passwords.resolve(request, targets);
  if (!password.ok) {
    return reportOf(password);
  }
  const options = uploadOptions({ ...request, password: password.value }, dryRun);
  const id = request.progressId;
  const onProgress = id === undefined ? undefined : progressBoard.start(id);
  try {
    const result = await run(onProgress ? { ...options, onProgress } : options);
    if (result.ok) {
      // Pre-flight facts exist only for hosts that accepted the login.
      const loggedIn = new Set(result.value.hosts.filter((h) => h.facts).map((h) => h.host));
      await passwords.keep(
        request,
        targets.filter((target) => loggedIn.has(hostLabel(target))),
      );
    }
    return reportOf(result);
  } finally {
    if (id !== undefined) {
      progressBoard.finish(id);
    }
  }
}

function uploadOptions(request: UploadRequest, dryRun: boolean): UploadOptions {
  return {
    ...connectionOf(request),
    ...(request.hosts ? { hosts: request.hosts } : {}),
    dryRun,
    suspend: request.suspend ?? true,
    stopGroups: request.stopGroups ?? false,
    allowErrors: request.allowErrors ?? false,
  };
}

/** The report as the contract declares it (parsing also drops anything the contract does not list). */
function reportOf(result: HostResult<UploadReport>): CallResult<'hosts:upload'> {
  return contract['hosts:upload'].result.parse(result);
}
