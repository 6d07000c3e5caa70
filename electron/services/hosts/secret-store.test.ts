import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testKeychain } from '../../../test/support/keychain.js';
import { keychainSecretStore, noSecretStore } from './secret-store.js';

const storeFile = () =>
  join(mkdtempSync(join(tmpdir(), 'clpbuilder-secrets-')), 'ssh-passwords.json');

describe('keychainSecretStore', () => {
  it('keeps only ciphertext, in a file only the user can read, and gives the password back', async () => {
    const file = storeFile();
    const store = keychainSecretStore(file, testKeychain());
    expect((await store.remember('root@10.0.0.1:22', 'Pa55-wörd')).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('Pa55');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.recall('root@10.0.0.1:22')).toBe('Pa55-wörd');
    expect(await store.has(['root@10.0.0.1:22', 'root@10.0.0.2:22'])).toEqual(['root@10.0.0.1:22']);
  });

  it('forgets one host without touching the others', async () => {
    const store = keychainSecretStore(storeFile(), testKeychain());
    await store.remember('a@h1:22', 'one');
    await store.remember('a@h2:22', 'two');
    expect((await store.forget('a@h1:22')).ok).toBe(true);
    expect(await store.recall('a@h1:22')).toBeUndefined();
    expect(await store.recall('a@h2:22')).toBe('two');
  });

  it('refuses to remember without keychain encryption, or with Linux basic_text', async () => {
    for (const cipher of [
      testKeychain(undefined, { isEncryptionAvailable: () => false }),
      testKeychain(undefined, { getSelectedStorageBackend: () => 'basic_text' }),
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
    await keychainSecretStore(file, testKeychain()).remember('root@h:22', 'secret');
    expect(await keychainSecretStore(file, testKeychain()).recall('root@h:22')).toBeUndefined();
    writeFileSync(file, '{ not json');
    const store = keychainSecretStore(file, testKeychain());
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
