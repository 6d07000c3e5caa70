/**
 * The host-key decision for one connection: known keys pass, an unknown key passes only when the
 * user accepts it (then it is recorded), a changed or revoked key never passes.
 */
import { ok } from '../../../schemas/index.js';
import { type HostError, type HostResult, hostError } from './host-error.js';
import { type HostTarget, hostLabel, knownHostsName } from './host-target.js';
import {
  type HostKey,
  type HostKeyVerdict,
  type KnownHostsEntry,
  fingerprintOf,
  hostKeyOf,
  lookupHostKey,
  readKnownHosts,
  recordHostKey,
  recordedKeyAlgorithms,
} from './known-hosts.js';

/** What the user decided about host keys. */
export interface HostKeyPolicy {
  /** OpenSSH known_hosts file to check against and record into. */
  readonly knownHostsFile: string;
  /** Accept and record a key never seen before (`--accept-new`). */
  readonly acceptNew: boolean;
  /** Unknown keys the user accepted by fingerprint: host label → `SHA256:...`. Only that key passes. */
  readonly accepted?: Readonly<Record<string, string>>;
  /** Asks the user about an unknown key (the app's dialog); consulted when `acceptNew` is off. */
  readonly confirm?: (question: HostKeyQuestion) => Promise<boolean>;
}

/** What the user is shown about an unknown key. */
export interface HostKeyQuestion {
  readonly host: string;
  readonly type: string;
  readonly fingerprint: string;
}

/** The state of one connection's check: filled in by the verifier during the handshake. */
export interface HostKeyCheck {
  readonly target: HostTarget;
  readonly policy: HostKeyPolicy;
  readonly entries: readonly KnownHostsEntry[];
  readonly preferredAlgorithms: readonly string[];
  seen?: { readonly type: string; readonly fingerprint: string };
  recorded: boolean;
  refusal?: HostError;
}

/** Reads known_hosts before connecting: the recorded key types are asked for first. */
export async function prepareHostKeyCheck(
  target: HostTarget,
  policy: HostKeyPolicy,
): Promise<HostResult<HostKeyCheck>> {
  const entries = await readKnownHosts(policy.knownHostsFile);
  if (!entries.ok) {
    return entries;
  }
  const name = knownHostsName(target);
  return ok({
    target,
    policy,
    entries: entries.value,
    preferredAlgorithms: recordedKeyAlgorithms(entries.value, name),
    recorded: false,
  });
}

/** The verifier: true lets the handshake go on. A refusal is kept on `check` for the message. */
export async function checkHostKey(check: HostKeyCheck, blob: Buffer): Promise<boolean> {
  const key = hostKeyOf(blob);
  const fingerprint = fingerprintOf(blob);
  check.seen = { type: key.type, fingerprint };
  const name = knownHostsName(check.target);
  const verdict = lookupHostKey(check.entries, name, key);
  if (verdict.status === 'known') {
    return true;
  }
  if (verdict.status === 'unknown' && (await isAccepted(check, key.type, fingerprint))) {
    const recorded = await recordHostKey(check.policy.knownHostsFile, name, key);
    if (!recorded.ok) {
      check.refusal = recorded.error;
      return false;
    }
    check.recorded = true;
    return true;
  }
  check.refusal = refusalOf(verdict, check, key, fingerprint);
  return false;
}

async function isAccepted(
  check: HostKeyCheck,
  type: string,
  fingerprint: string,
): Promise<boolean> {
  const host = hostLabel(check.target);
  if (check.policy.acceptNew || check.policy.accepted?.[host] === fingerprint) {
    return true;
  }
  const question = { host, type, fingerprint };
  return check.policy.confirm ? check.policy.confirm(question).catch(() => false) : false;
}

function refusalOf(
  verdict: HostKeyVerdict,
  check: HostKeyCheck,
  key: HostKey,
  fingerprint: string,
): HostError {
  const host = hostLabel(check.target);
  const file = check.policy.knownHostsFile;
  const name = knownHostsName(check.target);
  if (verdict.status === 'changed') {
    const recorded = verdict.recorded
      .map((entry) => `${entry.type} ${fingerprintOf(entry.blob)} (${file} line ${entry.line})`)
      .join('; ');
    const recordedJa = verdict.recorded
      .map((entry) => `${entry.type} ${fingerprintOf(entry.blob)} (${file} の ${entry.line} 行目)`)
      .join('、');
    return hostError(
      'host-key-changed',
      `HOST KEY CHANGED for ${host}. It offered ${key.type} ${fingerprint}, but known_hosts records ${recorded}. ` +
        'Someone may be intercepting the connection (man-in-the-middle), or the server was reinstalled. Nothing was sent. ' +
        `Ask the server's administrator for its key fingerprint; only if the change is expected, remove the old entry with: ssh-keygen -R '${name}' -f '${file}'`,
      {
        host,
        hostKey: { type: key.type, fingerprint },
        ja:
          `警告: ${host} のホスト鍵が変わっています。提示された鍵は ${key.type} ${fingerprint} ですが、known_hosts に記録されているのは ${recordedJa} です。` +
          '何者かが接続を傍受している (中間者攻撃) か、サーバが再インストールされた可能性があります。何も送信していません。' +
          `サーバの管理者に鍵のフィンガープリントを確認し、変更が想定どおりの場合に限り、次のコマンドで古いエントリを削除してください: ssh-keygen -R '${name}' -f '${file}'`,
      },
    );
  }
  if (verdict.status === 'revoked') {
    return hostError(
      'host-key-revoked',
      `${host} offered a key marked @revoked in ${file} line ${verdict.line} (${key.type} ${fingerprint}); refusing it`,
      {
        host,
        hostKey: { type: key.type, fingerprint },
        ja: `${host} が提示した鍵 (${key.type} ${fingerprint}) は、${file} の ${verdict.line} 行目で @revoked (失効) とされています。この鍵は拒否します`,
      },
    );
  }
  const keyFile = `/etc/ssh/ssh_host_${key.type.replace(/^ssh-|-sha2-nistp\d+$/g, '')}_key.pub`;
  return hostError(
    'host-key-unknown',
    `${host} is not in ${file}; it offered ${key.type} ${fingerprint}. Check that fingerprint with the server's administrator ` +
      `(on the server: ssh-keygen -lf ${keyFile}), then accept it to record it ` +
      `(the command line: --accept-new; the app: Trust this key)`,
    {
      host,
      hostKey: { type: key.type, fingerprint },
      ja:
        `${host} は ${file} に登録されていません。提示されたホスト鍵は ${key.type} ${fingerprint} です。` +
        `このフィンガープリントをサーバの管理者に確認してから (サーバ上で: ssh-keygen -lf ${keyFile})、鍵を受け入れて記録してください ` +
        `(コマンドライン: --accept-new、アプリ: 「この鍵を信頼」)`,
    },
  );
}
