/**
 * A stand-in for Electron's safeStorage, which cannot run here: real AES-256-GCM with a key of
 * its own, so that what a secret store writes is real ciphertext, unreadable with another key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeychainCipher } from '../../electron/services/hosts/secret-store.js';

/** A keychain cipher; `extra` overrides a method (an unavailable keychain, a Linux backend). */
export function testKeychain(
  key: Buffer = randomBytes(32),
  extra: Partial<KeychainCipher> = {},
): KeychainCipher {
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
