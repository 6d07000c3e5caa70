/**
 * Copying a configuration folder over SFTP, both ways.
 *
 * What comes from a host is not trusted: names are checked (no `..`, no separators), links are
 * skipped, and the total size is capped, so a hostile or broken host cannot write outside the
 * snapshot folder or fill the disk.
 */
import type { FileEntryWithStats, SFTPWrapper } from 'ssh2';
import { checkRelativePath, fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';

/** A file of a configuration folder: path relative to it (`/`-separated), bytes, unix mode. */
export interface FolderFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly mode: number;
}

/** A configuration with its scripts is kilobytes; this leaves room for helpers and binaries. */
const MAX_FOLDER_BYTES = 256 * 1024 * 1024;

/** Writes files under `dir` (which exists), creating sub-folders; modes are set explicitly. */
export async function uploadFiles(
  sftp: SFTPWrapper,
  dir: string,
  files: readonly FolderFile[],
): Promise<HostResult<void>> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/').slice(0, -1);
    parts.forEach((_part, index) => folders.add(parts.slice(0, index + 1).join('/')));
  }
  try {
    for (const folder of [...folders].sort()) {
      await call<void>((done) => sftp.mkdir(`${dir}/${folder}`, { mode: 0o755 }, done));
    }
    for (const file of files) {
      const remote = `${dir}/${file.path}`;
      await call<void>((done) => sftp.writeFile(remote, file.bytes, { mode: file.mode }, done));
      // The server's umask applies at creation; chmod makes the mode exactly what was asked.
      await call<void>((done) => sftp.chmod(remote, file.mode, done));
    }
    return ok(undefined);
  } catch (caught) {
    const reason = (caught as Error).message;
    return fail(
      hostError('sftp', `copying to ${dir} failed: ${reason}`, {
        ja: `${dir} へのコピーに失敗しました: ${reason}`,
      }),
    );
  }
}

/** Reads every regular file under `dir`, recursively. */
export async function downloadFolder(
  sftp: SFTPWrapper,
  dir: string,
): Promise<HostResult<FolderFile[]>> {
  const files: FolderFile[] = [];
  const budget = { left: MAX_FOLDER_BYTES };
  try {
    await walk(sftp, dir, '', files, budget);
    return ok(files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  } catch (caught) {
    const reason = (caught as Error).message;
    const reasonJa = caught instanceof FolderRefused ? caught.ja : reason;
    return fail(
      hostError('sftp', `copying from ${dir} failed: ${reason}`, {
        ja: `${dir} からのコピーに失敗しました: ${reasonJa}`,
      }),
    );
  }
}

/** A folder from a host that is refused (an unsafe name, too large), with its Japanese wording. */
class FolderRefused extends Error {
  constructor(
    message: string,
    readonly ja: string,
  ) {
    super(message);
  }
}

async function walk(
  sftp: SFTPWrapper,
  root: string,
  prefix: string,
  files: FolderFile[],
  budget: { left: number },
): Promise<void> {
  const here = prefix === '' ? root : `${root}/${prefix}`;
  const entries = await call<FileEntryWithStats[]>((done) => sftp.readdir(here, done));
  for (const entry of entries) {
    const path = prefix === '' ? entry.filename : `${prefix}/${entry.filename}`;
    if (!checkRelativePath(path).ok) {
      const name = JSON.stringify(entry.filename);
      throw new FolderRefused(
        `the host listed an unsafe name ${name}`,
        `ホストが安全でない名前 ${name} を返しました`,
      );
    }
    if (entry.attrs.isDirectory()) {
      await walk(sftp, root, path, files, budget);
    } else if (entry.attrs.isFile()) {
      budget.left -= entry.attrs.size;
      if (budget.left < 0) {
        throw new FolderRefused(
          `the folder is larger than ${MAX_FOLDER_BYTES >> 20} MiB; this is not a configuration`,
          `フォルダが ${MAX_FOLDER_BYTES >> 20} MiB を超えています。構成情報ではありません`,
        );
      }
      const bytes = await call<Buffer>((done) => sftp.readFile(`${root}/${path}`, done));
      files.push({ path, bytes, mode: entry.attrs.mode & 0o7777 });
    }
    // Links and special files are not part of a configuration folder; they are left behind.
  }
}

/** Creates one folder (its parent exists); fails if it exists, so a fresh name is really fresh. */
export async function makeFolder(
  sftp: SFTPWrapper,
  path: string,
  mode: number,
): Promise<HostResult<void>> {
  try {
    await call<void>((done) => sftp.mkdir(path, { mode }, done));
    return ok(undefined);
  } catch (caught) {
    const reason = (caught as Error).message;
    return fail(
      hostError('sftp', `cannot create ${path}: ${reason}`, {
        ja: `${path} を作成できません: ${reason}`,
      }),
    );
  }
}

/** Removes a folder and everything in it; links are removed, never followed. */
export async function removeFolder(sftp: SFTPWrapper, dir: string): Promise<HostResult<void>> {
  try {
    await removeTree(sftp, dir);
    return ok(undefined);
  } catch (caught) {
    const reason = (caught as Error).message;
    return fail(
      hostError('sftp', `cannot remove ${dir}: ${reason}`, {
        ja: `${dir} を削除できません: ${reason}`,
      }),
    );
  }
}

async function removeTree(sftp: SFTPWrapper, dir: string): Promise<void> {
  const entries = await call<FileEntryWithStats[]>((done) => sftp.readdir(dir, done));
  for (const entry of entries) {
    const path = `${dir}/${entry.filename}`;
    if (entry.attrs.isDirectory()) {
      await removeTree(sftp, path);
    } else {
      await call<void>((done) => sftp.unlink(path, done));
    }
  }
  await call<void>((done) => sftp.rmdir(dir, done));
}

/** Adapts one SFTP callback call to a promise. */
function call<T>(
  start: (done: (error: Error | null | undefined, value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) =>
    start((error, value) => (error ? reject(error) : resolve(value))),
  );
}
