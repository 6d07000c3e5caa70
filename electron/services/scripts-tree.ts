/**
 * The scripts/ folder on disk: reading it into a project, listing it before a save.
 *
 * Every file is carried, not only start.sh/stop.sh/genw.sh: real configs keep helpers such as
 * vmconf.pl beside them (fixtures/real/SCRIPTS_LAYOUT.md, mkazuyuki/docs cf/vma-cfg).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  type Result,
  type ScriptFile,
  appError,
  checkRelativePath,
  fail,
  ok,
} from '../../schemas/index.js';
import { attempt, errorCode } from './io-error.js';

interface Walk {
  /** Real path of the project folder: links may point anywhere inside it, never outside. */
  readonly realRoot: string;
  /** Real paths of the folders being descended, to stop link loops. */
  readonly ancestors: ReadonlySet<string>;
  readonly files: Map<string, ScriptFile>;
}

/**
 * Reads every file under `scriptsFolder`, keyed by its `/`-separated path inside it.
 *
 * Symbolic links are followed when they stay inside `projectFolder` (the link becomes a plain
 * copy on save) and refused as `unsafe-path` when they lead outside it: a project from
 * someone else must not make us read, and later upload, /etc/shadow. A missing scripts/ gives
 * undefined (no scripts given, unlike an empty folder). The entries of a folder are read
 * concurrently (a 10,000-resource project has 20,000 scripts; one at a time, the round trips
 * to the file system took seconds); when several fail, the first in name order is reported,
 * so the error does not depend on timing.
 */
export async function readScriptsTree(
  scriptsFolder: string,
  projectFolder: string,
): Promise<Result<Map<string, ScriptFile> | undefined>> {
  const files = new Map<string, ScriptFile>();
  const present = await attempt(scriptsFolder, 'reading', () => lstat(scriptsFolder));
  if (!present.ok) {
    return present.error.kind === 'not-found' ? ok(undefined) : present;
  }
  const realRoot = await attempt(projectFolder, 'reading', () => realpath(projectFolder));
  if (!realRoot.ok) {
    return realRoot;
  }
  const walk = { realRoot: realRoot.value, ancestors: new Set<string>(), files };
  const walked = await readEntry(walk, scriptsFolder, '', present.value);
  return walked.ok
    ? ok(new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    : walked;
}

/** What an entry is, from lstat or from the folder listing (which saves an lstat per entry). */
interface EntryType {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
}

/**
 * Reads one entry (file, folder or link) at `absolute`, known as `relativePath` in the tree;
 * `real` is its real path when already known.
 */
async function readEntry(
  walk: Walk,
  absolute: string,
  relativePath: string,
  type: EntryType,
  real?: string,
): Promise<Result<void>> {
  if (type.isSymbolicLink()) {
    return readLink(walk, absolute, relativePath);
  }
  if (type.isDirectory()) {
    return readFolder(walk, absolute, relativePath, real);
  }
  if (type.isFile()) {
    return readScript(walk, absolute, relativePath);
  }
  // A FIFO or device would block or stream forever when read.
  return fail(
    appError(
      'invalid-value',
      `${absolute} is neither a file nor a folder; remove it from scripts/`,
      {
        file: absolute,
        ja: `${absolute} はファイルでもフォルダでもありません。scripts/ から削除してください`,
      },
    ),
  );
}

async function readFolder(
  walk: Walk,
  absolute: string,
  relativePath: string,
  knownReal: string | undefined,
): Promise<Result<void>> {
  const real =
    knownReal === undefined
      ? await attempt(absolute, 'reading', () => realpath(absolute))
      : ok(knownReal);
  if (!real.ok) {
    return real;
  }
  if (walk.ancestors.has(real.value)) {
    return fail(
      appError(
        'unsafe-path',
        `${absolute} links back to a folder that contains it; remove the link`,
        {
          file: absolute,
          ja: `${absolute} は、それ自体を含むフォルダへのリンクです。リンクを削除してください`,
        },
      ),
    );
  }
  const entries = await attempt(absolute, 'reading', () =>
    readdir(absolute, { withFileTypes: true }),
  );
  if (!entries.ok) {
    return entries;
  }
  const inner: Walk = { ...walk, ancestors: new Set([...walk.ancestors, real.value]) };
  const sorted = entries.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const results = await Promise.all(
    sorted.map((entry) => {
      const childPath = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      const checked = checkRelativePath(childPath);
      // A folder met without a link sits where its parent really is: no realpath call for
      // each of a large project's thousands of folders.
      return checked.ok
        ? readEntry(
            inner,
            join(absolute, entry.name),
            childPath,
            entry,
            entry.isDirectory() ? join(real.value, entry.name) : undefined,
          )
        : fail({ ...checked.error, file: join(absolute, entry.name) });
    }),
  );
  return results.find((result) => !result.ok) ?? ok(undefined);
}

async function readLink(walk: Walk, absolute: string, relativePath: string): Promise<Result<void>> {
  const target = await attempt(absolute, 'following the link', () => realpath(absolute));
  if (!target.ok) {
    return target;
  }
  if (!isInside(walk.realRoot, target.value)) {
    return fail(
      appError(
        'unsafe-path',
        `${absolute} is a link to ${target.value}, outside the project folder; replace it with a copy of the file`,
        {
          file: absolute,
          ja: `${absolute} は、プロジェクトフォルダの外にある ${target.value} へのリンクです。リンクをファイルのコピーに置き換えてください`,
        },
      ),
    );
  }
  const info = await attempt(absolute, 'reading', () => stat(absolute));
  if (!info.ok) {
    return info;
  }
  return info.value.isDirectory()
    ? readFolder(walk, absolute, relativePath, target.value)
    : readEntry(walk, target.value, relativePath, info.value);
}

async function readScript(
  walk: Walk,
  absolute: string,
  relativePath: string,
): Promise<Result<void>> {
  if (relativePath === '') {
    return fail(
      appError('invalid-value', `${absolute} is a file; scripts/ must be a folder`, {
        file: absolute,
        ja: `${absolute} はファイルです。scripts/ はフォルダである必要があります`,
      }),
    );
  }
  const read = await attempt(absolute, 'reading', async () => readWithMode(absolute));
  if (!read.ok) {
    return read;
  }
  // Only "executable or not" is kept: the product needs +x on start.sh/stop.sh/genw.sh, and
  // the saved mode is normalised to 0755/0644 (SCRIPTS_LAYOUT.md, execute permission note).
  walk.files.set(relativePath, {
    bytes: read.value.bytes,
    executable: (read.value.mode & 0o111) !== 0,
  });
  return ok(undefined);
}

/**
 * A small file's bytes and mode through one descriptor (open, fstat, read, close).
 *
 * Synchronous on purpose: scripts are a few KiB, and for thousands of them the promise API's
 * per-call overhead (and its garbage) cost several times the reads themselves.
 */
function readWithMode(path: string): { bytes: Uint8Array; mode: number } {
  const descriptor = openSync(path, 'r');
  try {
    const { mode, size } = fstatSync(descriptor);
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const count = readSync(descriptor, bytes, filled, size - filled, null);
      if (count === 0) {
        break;
      }
      filled += count;
    }
    // A file that shrank while being read: keep what is there, not trailing zeros.
    return { bytes: filled === size ? bytes : bytes.slice(0, filled), mode };
  } finally {
    closeSync(descriptor);
  }
}

/** True when `path` is `folder` or below it (both real, absolute paths). */
export function isInside(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Lists the files and links under `scriptsFolder` without following links.
 *
 * Used before a save to find files the project no longer has. A link is listed as one entry
 * and never descended, so a save can never delete files outside the project through it.
 */
export async function listScriptsTree(scriptsFolder: string): Promise<Result<string[]>> {
  const found: string[] = [];
  const listed = await listFolder(scriptsFolder, scriptsFolder, found);
  if (!listed.ok && listed.error.kind === 'not-found') {
    return ok([]);
  }
  return listed.ok ? ok(found.sort()) : listed;
}

async function listFolder(root: string, folder: string, found: string[]): Promise<Result<void>> {
  const entries = await attempt(folder, 'reading', () => readdir(folder, { withFileTypes: true }));
  if (!entries.ok) {
    return entries;
  }
  for (const entry of entries.value) {
    const absolute = join(folder, entry.name);
    if (entry.isDirectory()) {
      const listed = await listFolder(root, absolute, found);
      if (!listed.ok) {
        return listed;
      }
    } else {
      found.push(relative(root, absolute).split(sep).join('/'));
    }
  }
  return ok(undefined);
}

/**
 * Checks that writing into `folder` stays inside `root`, even through links.
 *
 * The nearest existing ancestor is resolved: a scripts/<group> that is a link to /etc would
 * otherwise make a save write outside the project.
 */
export async function checkWritableInside(
  root: string,
  realRoot: string,
  folder: string,
): Promise<Result<void>> {
  for (let current = folder; isInside(root, current); current = dirname(current)) {
    if (!(await exists(current))) {
      continue;
    }
    const real = await attempt(current, 'following the link', () => realpath(current));
    if (!real.ok || !isInside(realRoot, real.value)) {
      return fail(
        appError(
          'unsafe-path',
          `${current} leads outside ${root} (a link?); saving there is refused — replace the link with a folder`,
          {
            file: current,
            ja: `${current} は ${root} の外を指しています (リンクではありませんか)。そこへの保存は拒否しました。リンクをフォルダに置き換えてください`,
          },
        ),
      );
    }
    return ok(undefined);
  }
  return ok(undefined);
}

/** False only when nothing (not even a broken link) is at `path`. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (caught) {
    const code = errorCode(caught);
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
