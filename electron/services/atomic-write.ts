/**
 * Atomic replacement of a set of files: stage every file as a temp file, then rename.
 *
 * DESIGN.md promise 1: a save writes each file to a temp file in the same directory (so that
 * the rename stays on one file system and is atomic), fsyncs it, renames it over the old file
 * and fsyncs the directory so the rename itself survives a power cut. Staging all files first
 * means a full disk or a permission error is met before anything is replaced.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { type Result, ok } from '../../schemas/index.js';
import { attempt, errorCode } from './io-error.js';

/** The file-system calls the writer makes; tests pass their own to inject failures. */
export interface FileIo {
  /** Creates `path` (which must not exist), writes `bytes`, sets `mode` exactly, fsyncs, closes. */
  writeFile(path: string, bytes: Uint8Array, mode: number): Promise<void>;
  /** Renames, replacing `to` atomically. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Creates a folder and its parents; returns the topmost folder it created, if any. */
  makeDirectory(path: string): Promise<string | undefined>;
  /** Removes an empty folder. */
  removeDirectory(path: string): Promise<void>;
  /** Flushes a folder's entries (the renames done in it) to disk. */
  syncDirectory(path: string): Promise<void>;
}

/** The real file system. */
export const nodeFileIo: FileIo = {
  async writeFile(path, bytes, mode) {
    // 'wx': never write through a file or link that appeared under the temp name.
    const handle = await open(path, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      // open()'s mode is filtered by the umask; scripts must end up exactly 0755 / 0644.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  makeDirectory: (path) => mkdir(path, { recursive: true }),
  removeDirectory: (path) => rmdir(path),
  syncDirectory,
};

async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (caught) {
    // Windows cannot open or fsync a folder (EISDIR/EPERM) and some Linux file systems refuse
    // fsync on folders (EINVAL): there, the rename is as durable as the platform allows.
    const code = errorCode(caught);
    const unsupported =
      code === 'EINVAL' ||
      (process.platform === 'win32' &&
        (code === 'EISDIR' || code === 'EPERM' || code === 'EACCES'));
    if (!unsupported) {
      throw caught;
    }
  }
}

/** The real file system with some calls replaced (tests inject failures this way). */
export function withDefaultIo(io?: Partial<FileIo>): FileIo {
  return { ...nodeFileIo, ...io };
}

/** A file to write: absolute path, content and unix mode. */
export interface PlannedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly mode: number;
}

/** A planned file whose content sits in `temp`, waiting to be renamed over `path`. */
export interface StagedFile extends PlannedFile {
  readonly temp: string;
}

/** What staging left on disk: the temp files and the folders it had to create. */
export interface Staging {
  readonly files: readonly StagedFile[];
  readonly createdDirectories: readonly string[];
}

/** A hidden, unique name beside the target, so the rename never crosses file systems. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for a name made by `tempPathFor` (tests check that none is left behind). */
export function isTempName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * Writes every file to a temp file beside its target, fsynced, replacing nothing.
 *
 * On failure everything staged so far is removed again, so the folder is as it was.
 */
export async function stageFiles(
  files: readonly PlannedFile[],
  io: FileIo,
): Promise<Result<Staging>> {
  const staged: StagedFile[] = [];
  const createdDirectories: string[] = [];
  for (const file of files) {
    const made = await attempt(dirname(file.path), 'creating the folder', () =>
      io.makeDirectory(dirname(file.path)),
    );
    if (made.ok && made.value !== undefined) {
      createdDirectories.push(made.value);
    }
    const temp = tempPathFor(file.path);
    // Recorded before writing: a write that fails half-way leaves a partial temp to remove.
    staged.push({ ...file, temp });
    const written = made.ok
      ? await attempt(file.path, 'writing', () => io.writeFile(temp, file.bytes, file.mode))
      : made;
    if (!written.ok) {
      await discardStaging({ files: staged, createdDirectories }, io);
      return written;
    }
  }
  return ok({ files: staged, createdDirectories });
}

/** Removes temp files and the folders staging created (only those left empty). */
export async function discardStaging(staging: Staging, io: FileIo): Promise<void> {
  for (const file of staging.files) {
    await io.remove(file.temp).catch(() => undefined);
  }
  const folders = new Set<string>();
  for (const top of staging.createdDirectories) {
    for (const file of staging.files) {
      for (
        let folder = dirname(file.path);
        folder === top || folder.startsWith(top + sep);
        folder = dirname(folder)
      ) {
        folders.add(folder);
      }
    }
  }
  // Deepest first, so that a parent is empty by the time it is removed.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await io.removeDirectory(folder).catch(() => undefined);
  }
}

/**
 * Renames staged files over their targets in order, then fsyncs their folders.
 *
 * If a rename fails, the temp files not yet renamed are removed; the files renamed before it
 * stay replaced (the caller orders files so that the important one comes last).
 */
export async function commitStaged(
  files: readonly StagedFile[],
  io: FileIo,
): Promise<Result<void>> {
  for (const [index, file] of files.entries()) {
    const renamed = await attempt(file.path, 'replacing', () => io.rename(file.temp, file.path));
    if (!renamed.ok) {
      await discardStaging({ files: files.slice(index), createdDirectories: [] }, io);
      return renamed;
    }
  }
  for (const folder of new Set(files.map((file) => dirname(file.path)))) {
    const synced = await attempt(folder, 'flushing', () => io.syncDirectory(folder));
    if (!synced.ok) {
      return synced;
    }
  }
  return ok(undefined);
}

/** Replaces one file atomically (temp beside it, fsync, rename): small state files. */
export async function writeFileAtomically(
  path: string,
  bytes: Uint8Array,
  mode: number,
  io: FileIo = nodeFileIo,
): Promise<Result<void>> {
  const staged = await stageFiles([{ path, bytes, mode }], io);
  return staged.ok ? commitStaged(staged.value.files, io) : staged;
}
