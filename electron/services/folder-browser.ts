/**
 * The folder picker the host serves: lists a folder's subfolders, .zip exports and clp.conf
 * files, within the allowed roots only (issue 5, "Browser host").
 *
 * The browser host listens on loopback, but the page it serves holds the keys to production
 * clusters: a picker that walked the whole disk would hand a stolen token the whole disk too.
 * So every path is checked against the user's home and the paths given on the command line,
 * after symlinks are resolved (a link inside home that points at /etc is refused).
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { type Result, appError, fail, ok } from '../../schemas/index.js';
import { attempt, errorCode, ioError } from './io-error.js';
import { isInside } from './scripts-tree.js';

/** One entry of a listing. */
export interface FolderEntry {
  readonly name: string;
  /** `conf`: a file named clp.conf (or *.conf), which opens as a bare configuration. */
  readonly kind: 'folder' | 'zip' | 'conf';
}

/** A folder as the picker shows it. */
export interface FolderListing {
  /** The folder, symlinks resolved. */
  readonly path: string;
  /** The folder above, or null at an allowed root. */
  readonly parent: string | null;
  /** Whether the folder itself holds clp.conf (it opens as a project). */
  readonly isProject: boolean;
  readonly entries: FolderEntry[];
  /** The allowed roots, for the picker's shortcuts. */
  readonly roots: string[];
}

// A folder with more entries than this is not where projects live; the picker says so.
const MAX_ENTRIES = 2000;

/**
 * Resolves a path the user gave and checks it lies within one of `roots`.
 *
 * The path must be absolute and free of `..` segments (a picker never needs them, and they
 * are how a crafted request climbs out). Symlinks are resolved for the part that exists, so a
 * link that escapes is refused; a part that does not exist yet (a new project folder) is kept
 * as given under its resolved parent. Returns the resolved path.
 */
export async function resolveAllowed(
  path: string,
  roots: readonly string[],
): Promise<Result<string>> {
  return resolveWithin(path, await realRoots(roots));
}

/** `resolveAllowed` with the roots' real paths already resolved (`realRoots`). */
async function resolveWithin(path: string, allowed: readonly string[]): Promise<Result<string>> {
  if (!isAbsolute(path) || path.includes('\0')) {
    return fail(
      appError('unsafe-path', `${path}: give an absolute path`, {
        file: path,
        ja: `${path}: 絶対パスで指定してください`,
      }),
    );
  }
  if (path.split(/[\\/]/).includes('..')) {
    return fail(
      appError('unsafe-path', `${path}: ".." is not allowed; give the folder's full path`, {
        file: path,
        ja: `${path}: ".." は使用できません。フォルダのフルパスを指定してください`,
      }),
    );
  }
  const real = await realpathOfExisting(path);
  if (!real.ok) {
    return real;
  }
  if (!allowed.some((root) => isInside(root, real.value))) {
    return fail(
      appError(
        'unsafe-path',
        `${path} is outside the folders this window may use (${allowed.join(', ')}); choose a folder under one of them`,
        {
          file: path,
          ja: `${path} は、このウィンドウで使用できるフォルダ (${allowed.join(', ')}) の外にあります。これらのフォルダの下にあるフォルダを選択してください`,
        },
      ),
    );
  }
  return ok(real.value);
}

/** Lists a folder within the roots; without a path, the first root. */
export async function listFolder(
  path: string | undefined,
  roots: readonly string[],
): Promise<Result<FolderListing>> {
  const allowed = await realRoots(roots);
  const first = allowed[0];
  if (first === undefined) {
    return fail(
      appError('not-found', 'no folder is allowed: start the host with a project path', {
        ja: '使用できるフォルダがありません。プロジェクトのパスを指定してホストを起動してください',
      }),
    );
  }
  const folder = await resolveWithin(path ?? first, allowed);
  if (!folder.ok) {
    return folder;
  }
  const read = await attempt(folder.value, 'listing', () =>
    readdir(folder.value, { withFileTypes: true }),
  );
  if (!read.ok) {
    return read;
  }
  if (read.value.length > MAX_ENTRIES) {
    return fail(
      appError(
        'io',
        `${folder.value} holds ${read.value.length} entries; choose a smaller folder`,
        {
          ja: `${folder.value} には ${read.value.length} 個の項目があります。項目の少ないフォルダを選択してください`,
        },
      ),
    );
  }
  const entries = await entriesOf(folder.value, read.value, allowed);
  const isRoot = allowed.includes(folder.value);
  return ok({
    path: folder.value,
    parent: isRoot ? null : dirname(folder.value),
    isProject: read.value.some((entry) => entry.name === 'clp.conf' && !entry.isDirectory()),
    entries,
    roots: allowed,
  });
}

async function entriesOf(
  folder: string,
  dirents: readonly Dirent[],
  allowed: readonly string[],
): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    // Hidden entries (.clpbuilder, .ssh, ...) are not projects and are better not shown.
    if (dirent.name.startsWith('.')) {
      continue;
    }
    const kind = await kindOf(join(folder, dirent.name), dirent, allowed);
    if (kind) {
      entries.push({ name: dirent.name, kind });
    }
  }
  const order = { folder: 0, conf: 1, zip: 2 } as const;
  return entries.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}

/** What an entry is; a symlink counts only when its target stays within the (real) roots. */
async function kindOf(
  path: string,
  dirent: Dirent,
  allowed: readonly string[],
): Promise<FolderEntry['kind'] | undefined> {
  let isDirectory = dirent.isDirectory();
  if (dirent.isSymbolicLink()) {
    const target = await resolveWithin(path, allowed);
    const info = target.ok ? await attempt(path, 'reading', () => stat(target.value)) : target;
    if (!info.ok) {
      return undefined;
    }
    isDirectory = info.value.isDirectory();
  } else if (!dirent.isFile() && !isDirectory) {
    return undefined;
  }
  if (isDirectory) {
    return 'folder';
  }
  const name = basename(path).toLowerCase();
  return name.endsWith('.zip') ? 'zip' : name.endsWith('.conf') ? 'conf' : undefined;
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
async function realpathOfExisting(path: string): Promise<Result<string>> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      const real = await realpath(current);
      return ok(missing.length === 0 ? real : join(real, ...missing.reverse()));
    } catch (caught) {
      const parent = dirname(current);
      if (errorCode(caught) !== 'ENOENT' || parent === current) {
        return fail(ioError(caught, path, 'resolving'));
      }
      missing.push(basename(current));
      current = parent;
    }
  }
}

async function realRoots(roots: readonly string[]): Promise<string[]> {
  const resolved: string[] = [];
  for (const root of roots) {
    try {
      resolved.push(await realpath(root));
    } catch {
      // A root that does not exist (a home-less service account) allows nothing.
    }
  }
  return [...new Set(resolved)];
}
