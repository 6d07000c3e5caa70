/**
 * What clp.conf looked like when it was read, to notice when someone else changes it.
 *
 * DESIGN.md promise 1: never overwrite a file that changed on disk since it was opened
 * without asking. The hash decides; mtime and size let a watcher skip hashing.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { type Result, ok } from '../../schemas/index.js';
import { attempt } from './io-error.js';

/** Modification time, size and SHA-256 (hex) of a clp.conf as read. */
export interface Fingerprint {
  readonly mtimeMs: number;
  readonly size: number;
  readonly sha256: string;
}

/** The SHA-256 of some bytes, in lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The fingerprint of bytes read at `mtimeMs`, hashed when its `sha256` is first read.
 *
 * Read-only commands (`clpbuilder check`) never compare it, and hashing a large clp.conf
 * twice (on reading and on opening) was a measurable part of their run (issue 3 benchmark).
 */
export function fingerprintOf(bytes: Uint8Array, mtimeMs: number): Fingerprint {
  let sha256: string | undefined;
  // Dropped once hashed: an open window keeps its fingerprint, not a second copy of the file.
  let unhashed: Uint8Array | undefined = bytes;
  return {
    mtimeMs,
    size: bytes.length,
    get sha256() {
      if (sha256 === undefined) {
        sha256 = sha256Hex(unhashed as Uint8Array);
        unhashed = undefined;
      }
      return sha256;
    },
  };
}

/** Bytes of a file with the fingerprint of exactly those bytes (one open, so they agree). */
export async function readWithFingerprint(
  file: string,
): Promise<Result<{ bytes: Uint8Array; fingerprint: Fingerprint }>> {
  return attempt(file, 'reading', async () => {
    const handle = await open(file, 'r');
    try {
      const info = await handle.stat();
      const bytes = new Uint8Array(await handle.readFile());
      return {
        bytes,
        fingerprint: fingerprintOf(bytes, info.mtimeMs),
      };
    } finally {
      await handle.close();
    }
  });
}

/**
 * The fingerprint of a file now, e.g. to compare with the one from `openProject`.
 *
 * A missing file is `not-found`.
 */
export async function readFingerprint(file: string): Promise<Result<Fingerprint>> {
  const read = await readWithFingerprint(file);
  return read.ok ? ok(read.value.fingerprint) : read;
}
