/**
 * Saving a bare clp.conf (a file of any name, opened on its own) in place.
 *
 * `saveProject` writes a project folder (`<folder>/clp.conf`, scripts/, .clpbuilder/); a bare
 * file keeps its own name and gets none of the rest. The save is the same as the folder's
 * (DESIGN.md promise 1): refuse when the file changed since it was read, stage a temp file
 * beside it (fsynced), keep the previous bytes as `<file>.bak`, rename the new file last.
 * Candidate for project-save.ts, where it would share `checkUnchanged`.
 */
import { stat } from 'node:fs/promises';
import {
  type ClpDocument,
  type Result,
  appError,
  encodeClpConf,
  fail,
  ok,
} from '../../schemas/index.js';
import { type FileIo, commitStaged, stageFiles, withDefaultIo } from './atomic-write.js';
import { type Fingerprint, readWithFingerprint, sha256Hex } from './fingerprint.js';
import { attempt } from './io-error.js';
import type { SaveOptions } from './project-save.js';

/** Saves `conf` over the bare file `file`; returns the new fingerprint. */
export async function saveConfFile(
  file: string,
  conf: ClpDocument,
  options: SaveOptions = {},
  io?: Partial<FileIo>,
): Promise<Result<Fingerprint>> {
  const bytes = encodeClpConf(conf);
  if (!bytes.ok) {
    return fail({ ...bytes.error, file });
  }
  const current = await readUnchanged(file, options);
  if (!current.ok) {
    return current;
  }
  if (Buffer.from(current.value.bytes).equals(bytes.value)) {
    return ok(current.value.fingerprint);
  }
  const written = await replace(file, current.value.bytes, bytes.value, withDefaultIo(io));
  if (!written.ok) {
    return written;
  }
  const info = await attempt(file, 'reading', () => stat(file));
  return info.ok
    ? ok({ mtimeMs: info.value.mtimeMs, size: bytes.value.length, sha256: sha256Hex(bytes.value) })
    : info;
}

/** The file's bytes and fingerprint now, refused when they are not what was opened. */
async function readUnchanged(
  file: string,
  options: SaveOptions,
): Promise<Result<{ bytes: Uint8Array; fingerprint: Fingerprint }>> {
  const current = await readWithFingerprint(file);
  if (!current.ok) {
    return current.error.kind === 'not-found'
      ? fail(
          appError(
            'changed-on-disk',
            `${file} was removed since it was opened; nothing was written`,
            { file, ja: `${file} は開いた後に削除されました。何も書き込んでいません` },
          ),
        )
      : current;
  }
  const isChanged =
    options.expected !== undefined &&
    !options.force &&
    current.value.fingerprint.sha256 !== options.expected.sha256;
  if (isChanged) {
    return fail(
      appError(
        'changed-on-disk',
        `${file} changed on disk since it was opened (another program or person wrote it); nothing was written`,
        {
          file,
          ja: `${file} は開いた後にディスク上で変更されました (別のプログラムまたは別の人が書き込みました)。何も書き込んでいません`,
        },
      ),
    );
  }
  return current;
}

/** `<file>.bak` then `<file>`, both staged before either is renamed; the file keeps its mode. */
async function replace(
  file: string,
  previous: Uint8Array,
  next: Uint8Array,
  io: FileIo,
): Promise<Result<void>> {
  const info = await attempt(file, 'reading', () => stat(file));
  if (!info.ok) {
    return info;
  }
  const mode = info.value.mode & 0o777;
  const staged = await stageFiles(
    [
      { path: `${file}.bak`, bytes: previous, mode },
      { path: file, bytes: next, mode },
    ],
    io,
  );
  return staged.ok ? commitStaged(staged.value.files, io) : staged;
}
