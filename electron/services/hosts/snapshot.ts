/**
 * Snapshots: a host's configuration as pulled before an upload, kept under
 * <project>/.clpbuilder/snapshots/<host>-<time>/ as the product handed it out, byte for byte.
 * It is the rollback point and the base of the diff; .clpbuilder/ is never uploaded.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type Project,
  type ProjectMeta,
  type Result,
  type ScriptFile,
  decodeClpConf,
  defaultProjectMeta,
  fail,
  ok,
} from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import { type HostTarget, hostFileName } from './host-target.js';
import type { FolderFile } from './sftp-files.js';

/** Where the snapshots of a project folder go. */
export function snapshotsFolder(projectFolder: string): string {
  return join(projectFolder, '.clpbuilder', 'snapshots');
}

/** `<host>-<UTC time to the millisecond>`: sorts by time, safe on every file system. */
export function snapshotName(target: HostTarget, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${hostFileName(target)}-${stamp}`;
}

/** Writes the pulled files into `folder`, keeping their modes. */
export async function writeSnapshot(
  folder: string,
  files: readonly FolderFile[],
): Promise<HostResult<string>> {
  try {
    for (const file of files) {
      const target = join(folder, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.bytes);
      await chmod(target, file.mode & 0o777 || 0o644);
    }
    return ok(folder);
  } catch (caught) {
    const reason = (caught as Error).message;
    return fail(
      hostError('io', `cannot write the snapshot ${folder}: ${reason}`, {
        ja: `スナップショット ${folder} を書き込めません: ${reason}`,
      }),
    );
  }
}

/** A project built from pulled files (clp.conf and scripts/), for the diff and for download. */
export function projectFromFiles(
  files: readonly FolderFile[],
  meta: ProjectMeta = defaultProjectMeta(),
): Result<Project> {
  const conf = files.find((file) => file.path === 'clp.conf');
  if (!conf) {
    return fail({
      kind: 'not-found',
      message: 'the configuration has no clp.conf',
      ja: '構成情報に clp.conf がありません',
    });
  }
  const decoded = decodeClpConf(new Uint8Array(conf.bytes));
  if (!decoded.ok) {
    return decoded;
  }
  const scripts = new Map<string, ScriptFile>();
  for (const file of files.filter((item) => item.path.startsWith('scripts/'))) {
    scripts.set(file.path.slice('scripts/'.length), {
      bytes: new Uint8Array(file.bytes),
      executable: (file.mode & 0o100) !== 0,
    });
  }
  return ok({ conf: decoded.value, scripts, meta });
}
