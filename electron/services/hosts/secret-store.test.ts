import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KeychainCipher, keychainSecretStore, noSecretStore } from './secret-store.js';

/**
 * Electron's safeStorage cannot run here; this real AES-256-GCM cipher with a per-test key
 * stands in for the OS keychain, so what the store writes is real ciphertext.
 */
function aesCipher(key = randomBytes(32), extra: Partial<KeychainCipher> = {}): KeychainCipher {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
    ...extra,
  };
}

const storeFile = () =>
  join(mkdtempSync(join(tmpdir(), 'clpbuilder-secrets-')), 'ssh-passwords.json');

describe('keychainSecretStore', () => {
  it('keeps only ciphertext, in a file only the user can read, and gives the password back', async () => {
    const file = storeFile();
    const store = keychainSecretStore(file, aesCipher());
    expect((await store.remember('root@10.0.0.1:22', 'Pa55-wörd')).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('Pa55');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.recall('root@10.0.0.1:22')).toBe('Pa55-wörd');
    expect(await store.has(['root@10.0.0.1:22', 'root@10.0.0.2:22'])).toEqual(['root@10.0.0.1:22']);
  });

  it('forgets one host without touching the others', async () => {
    const store = keychainSecretStore(storeFile(), aesCipher());
    await store.remember('a@h1:22', 'one');
    await store.remember('a@h2:22', 'two');
    expect((await store.forget('a@h1:22')).ok).toBe(true);
    expect(await store.recall('a@h1:22')).toBeUndefined();
    expect(await store.recall('a@h2:22')).toBe('two');
  });

  it('refuses to remember without keychain encryption, or with Linux basic_text', async () => {
    for (const cipher of [
      aesCipher(undefined, { isEncryptionAvailable: () => false }),
      aesCipher(undefined, { getSelectedStorageBackend: () => 'basic_text' }),
    ]) {
      const file = storeFile();
      const store = keychainSecretStore(file, cipher);
      const state = store.availability();
      expect(state.available).toBe(false);
      const remembered = await store.remember('root@h:22', 'secret');
      expect(remembered.ok).toBe(false);
      expect(() => readFileSync(file)).toThrow();
    }
  });

  it('treats ciphertext from another keychain or a damaged file as nothing remembered', async () => {
    const file = storeFile();
    await keychainSecretStore(file, aesCipher()).remember('root@h:22', 'secret');
    expect(await keychainSecretStore(file, aesCipher()).recall('root@h:22')).toBeUndefined();
    writeFileSync(file, '{ not json');
    const store = keychainSecretStore(file, aesCipher());
    expect(await store.has(['root@h:22'])).toEqual([]);
    expect((await store.remember('root@h:22', 'again')).ok).toBe(true);
    expect(await store.recall('root@h:22')).toBe('again');
  });

  it('the browser host remembers nothing and says why', async () => {
    const state = noSecretStore.availability();
    expect(state).toMatchObject({
      available: false,
      reason: expect.stringContaining('desktop app'),
    });
    const remembered = await noSecretStore.remember('root@h:22', 'x');
    expect(remembered.ok).toBe(false);
  });
});
