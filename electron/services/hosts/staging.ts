/**
 * The folder an upload sends: the project exported as the product expects it (clp.conf and
 * scripts/, without .clpbuilder/), staged in a local temp folder and read back, so that what is
 * sent is exactly what `clpbuilder export` writes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Project, fail, formatError, formatErrorJa, ok } from '../../../schemas/index.js';
import { exportProject } from '../project-folder.js';
import { type HostResult, hostError } from './host-error.js';
import type { FolderFile } from './sftp-files.js';

/** Staged files and the local folder that holds them (removed by `discard`). */
export interface Staged {
  readonly files: readonly FolderFile[];
  readonly totalBytes: number;
  discard(): Promise<void>;
}

const CONF_MODE = 0o644;
/** Every file under scripts/ is made executable: the product runs them as root, and a script
 * saved from Windows or git without +x would fail at activation (fixtures/real/SCRIPTS_LAYOUT.md). */
const SCRIPT_MODE = 0o755;

/** Exports the project into a fresh temp folder and reads back what was written. */
export async function stageProject(project: Project): Promise<HostResult<Staged>> {
  const dir = await mkdtemp(join(tmpdir(), 'clpbuilder-upload-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  const exported = await exportProject(project, dir);
  if (!exported.ok) {
    await discard();
    const { error } = exported;
    return fail(
      hostError('io', `cannot stage the upload: ${formatError(error)}`, {
        ja: `アップロードするファイルを準備できません: ${formatErrorJa(error)}`,
      }),
    );
  }
  const files = await readStaged(dir, project);
  return ok({
    files,
    totalBytes: files.reduce((sum, file) => sum + file.bytes.length, 0),
    discard,
  });
}

/** Reads back clp.conf and the scripts the export wrote (the export writes nothing else). */
async function readStaged(dir: string, project: Project): Promise<FolderFile[]> {
  const paths = ['clp.conf', ...[...project.scripts.keys()].map((path) => `scripts/${path}`)];
  const files: FolderFile[] = [];
  for (const path of paths) {
    const bytes = await readFile(join(dir, ...path.split('/')));
    files.push({ path, bytes, mode: path.startsWith('scripts/') ? SCRIPT_MODE : CONF_MODE });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
