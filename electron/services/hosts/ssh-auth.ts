/**
 * Credentials for an SSH connection: ssh-agent, a key file (with its passphrase), a password.
 *
 * Secrets stay in memory, in the objects handed to ssh2, and never reach a message: an error
 * names the key file, never the passphrase or the password (DESIGN.md "Upload to hosts").
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import type { Wording } from './wording.js';

/** How to authenticate; every field is optional, and all that are given are tried in turn. */
export interface AuthOptions {
  /** Private key file; without it the OpenSSH default keys in ~/.ssh are tried. */
  readonly identity?: string;
  /** Passphrase of the key file. */
  readonly passphrase?: string;
  readonly password?: string;
  /** ssh-agent socket; defaults to SSH_AUTH_SOCK. `false` turns the agent off. */
  readonly agent?: string | false;
}

/** One authentication attempt, in the shape ssh2's `authHandler` list takes (less the user). */
export type AuthMethod =
  | { readonly type: 'agent'; readonly agent: string }
  | { readonly type: 'publickey'; readonly key: Buffer; readonly passphrase?: string }
  | { readonly type: 'password'; readonly password: string };

// ssh2 is CommonJS: Node's ESM loader offers its default export only, not named ones.
const { utils } = ssh2;

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/**
 * The authentication attempts to make, agent first, then keys, then the password (OpenSSH's
 * order). Fails before any connection when the key file given cannot be read or decrypted, so
 * the user learns that locally and not as a refusal from every host.
 */
export async function prepareAuth(options: AuthOptions): Promise<HostResult<AuthMethod[]>> {
  const methods: AuthMethod[] = [];
  const agent = options.agent === false ? undefined : (options.agent ?? process.env.SSH_AUTH_SOCK);
  if (agent) {
    methods.push({ type: 'agent', agent });
  }
  const keys = options.identity
    ? await explicitKey(options.identity, options.passphrase)
    : ok(await defaultKeys(options.passphrase));
  if (!keys.ok) {
    return keys;
  }
  methods.push(
    ...keys.value.map((key): AuthMethod => ({
      type: 'publickey',
      key,
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    })),
  );
  if (options.password !== undefined) {
    methods.push({ type: 'password', password: options.password });
  }
  if (methods.length === 0) {
    return fail(
      hostError(
        'ssh-credentials',
        'no credentials to log in with: give a key file (--identity), start ssh-agent, or give a password (CLPBUILDER_PASSWORD)',
        {
          ja: 'ログインに使う認証情報がありません。鍵ファイル (--identity) を指定するか、SSH エージェント (ssh-agent) を起動するか、パスワード (CLPBUILDER_PASSWORD) を指定してください',
        },
      ),
    );
  }
  return ok(methods);
}

async function explicitKey(
  file: string,
  passphrase: string | undefined,
): Promise<HostResult<Buffer[]>> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (caught) {
    const reason = (caught as Error).message;
    return refuseKey({
      message: `cannot read the key file ${file}: ${reason}`,
      ja: `鍵ファイル ${file} を読み込めません: ${reason}`,
    });
  }
  const parsed = utils.parseKey(data, passphrase);
  if (parsed instanceof Error) {
    return refuseKey(keyProblem(file, parsed.message));
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return key?.isPrivateKey()
    ? ok([data])
    : refuseKey({
        message: `${file} is a public key; give the private key file (without .pub)`,
        ja: `${file} は公開鍵です。秘密鍵のファイル (.pub の付かないファイル) を指定してください`,
      });
}

/** A message in English and in Japanese. */
/** ssh2's reason in the user's terms (its messages: utils.parseKey). */
function keyProblem(file: string, reason: string): Wording {
  if (/no passphrase given/i.test(reason)) {
    return {
      message: `the key file ${file} is protected by a passphrase; give it (CLPBUILDER_PASSPHRASE, or at the prompt)`,
      ja: `鍵ファイル ${file} はパスフレーズで保護されています。パスフレーズを指定してください (CLPBUILDER_PASSPHRASE、またはプロンプトで入力)`,
    };
  }
  if (/bad passphrase|decrypt/i.test(reason)) {
    return {
      message: `the passphrase for ${file} is wrong`,
      ja: `${file} のパスフレーズが正しくありません`,
    };
  }
  return {
    message: `${file} is not a private key ssh2 can read (${reason})`,
    ja: `${file} は ssh2 で読み込める秘密鍵ではありません (${reason})`,
  };
}

function refuseKey({ message, ja }: Wording): HostResult<never> {
  return fail(hostError('ssh-credentials', message, { ja }));
}

/** OpenSSH's default identities that exist and can be used (encrypted ones need the passphrase). */
async function defaultKeys(passphrase: string | undefined): Promise<Buffer[]> {
  const keys: Buffer[] = [];
  for (const name of DEFAULT_KEYS) {
    const data = await readFile(join(homedir(), '.ssh', name)).catch(() => undefined);
    if (data && !(utils.parseKey(data, passphrase) instanceof Error)) {
      keys.push(data);
    }
  }
  return keys;
}

/** Whether a key file is protected by a passphrase (so that the CLI knows to ask for it). */
export async function isEncryptedKey(file: string): Promise<boolean> {
  const data = await readFile(file).catch(() => undefined);
  if (!data) {
    return false;
  }
  const parsed = utils.parseKey(data);
  return parsed instanceof Error && /no passphrase given/i.test(parsed.message);
}
