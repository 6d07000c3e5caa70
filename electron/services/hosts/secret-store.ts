/**
 * Remembered SSH passwords, only ever encrypted by the operating system's keychain
 * (Electron safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux).
 *
 * The file holds `user@host:port` → ciphertext; the plain password exists only in memory,
 * on its way to ssh2. Where no keychain encryption is available (the browser host, a Linux
 * desktop without a secret service) nothing is remembered and the user is told why.
 */
import { readFile } from 'node:fs/promises';
import { type Result, fail, ok } from '../../../schemas/index.js';
import { writeFileAtomically } from '../atomic-write.js';

/** The keychain's encryption, as Electron's safeStorage offers it. */
export interface KeychainCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** On Linux: which backend encrypts (`basic_text` means a hard-coded key: refused). */
  getSelectedStorageBackend?(): string;
}

/** Why passwords cannot be remembered here, in English and in Japanese. */
export interface Unavailable {
  readonly available: false;
  readonly reason: string;
  readonly reasonJa: string;
}

/** Where remembered passwords are kept and with what they are encrypted. */
export interface SecretStore {
  /** Whether passwords can be remembered here, and if not, why. */
  availability(): { available: true } | Unavailable;
  remember(key: string, secret: string): Promise<Result<void>>;
  recall(key: string): Promise<string | undefined>;
  forget(key: string): Promise<Result<void>>;
  /** Which of these keys have a remembered password (no secret leaves this call). */
  has(keys: readonly string[]): Promise<string[]>;
}

const NO_STORE_REASON =
  'passwords can be remembered only in the desktop app, with the operating system keychain; use an SSH agent or a key file here';
const NO_KEYCHAIN_REASON = 'the operating system keychain is not available';
const BASIC_TEXT_REASON =
  'no keychain (secret service) runs on this desktop, so a password could not be stored safely';

/** The reasons above in Japanese, for `availability` and the error `remember` gives. */
const REASONS_JA: Readonly<Record<string, string>> = {
  [NO_STORE_REASON]:
    'パスワードを保存できるのは、オペレーティングシステムのキーチェーンを使うデスクトップアプリだけです。ここでは SSH エージェントまたは鍵ファイルを使用してください',
  [NO_KEYCHAIN_REASON]: 'オペレーティングシステムのキーチェーンを使用できません',
  [BASIC_TEXT_REASON]:
    'このデスクトップではキーチェーン (シークレットサービス) が動作していないため、パスワードを安全に保存できません',
};

/** Passwords cannot be remembered, for `reason`. */
function unavailable(reason: string): Unavailable {
  return { available: false, reason, reasonJa: REASONS_JA[reason] ?? reason };
}

/** The refusal to remember a password. */
function cannotRemember(state: Unavailable): Result<never> {
  return fail({ kind: 'usage', message: state.reason, ja: state.reasonJa });
}

/** A store that remembers nothing: the browser host's. */
export const noSecretStore: SecretStore = {
  availability: () => unavailable(NO_STORE_REASON),
  remember: async () => cannotRemember(unavailable(NO_STORE_REASON)),
  recall: async () => undefined,
  forget: async () => ok(undefined),
  has: async () => [],
};

/** A store in `file`, encrypted with `cipher`; the file is written 0600 and atomically. */
export function keychainSecretStore(file: string, cipher: KeychainCipher): SecretStore {
  const availability = () => keychainAvailability(cipher);
  const load = async (): Promise<Record<string, string>> => {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      return {};
    }
    try {
      const value: unknown = JSON.parse(text);
      return isStringRecord(value) ? { ...value } : {};
    } catch {
      // A damaged file forgets its passwords; the user types them again.
      return {};
    }
  };
  const store = (entries: Record<string, string>) =>
    writeFileAtomically(file, Buffer.from(`${JSON.stringify(entries, null, 2)}\n`), 0o600);
  return {
    availability,
    remember: async (key, secret) => {
      const state = availability();
      if (!state.available) {
        return cannotRemember(state);
      }
      const entries = await load();
      entries[key] = cipher.encryptString(secret).toString('base64');
      return store(entries);
    },
    recall: async (key) => {
      const encrypted = (await load())[key];
      if (encrypted === undefined || !availability().available) {
        return undefined;
      }
      try {
        return cipher.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Encrypted under another login or machine: as if never remembered.
        return undefined;
      }
    },
    forget: async (key) => {
      const entries = await load();
      if (!(key in entries)) {
        return ok(undefined);
      }
      delete entries[key];
      return store(entries);
    },
    has: async (keys) => {
      const entries = await load();
      return keys.filter((key) => key in entries);
    },
  };
}

function keychainAvailability(cipher: KeychainCipher): { available: true } | Unavailable {
  if (!cipher.isEncryptionAvailable()) {
    return unavailable(NO_KEYCHAIN_REASON);
  }
  // Electron on Linux falls back to a fixed key when no secret service runs: not a secret.
  if (cipher.getSelectedStorageBackend?.() === 'basic_text') {
    return unavailable(BASIC_TEXT_REASON);
  }
  return { available: true };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}
