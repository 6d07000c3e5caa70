/**
 * The file menu's writes beyond Save: a new project from the topology wizard, Save As into a
 * new folder, Export zip, and the cheap "did clp.conf change on disk?" check.
 *
 * New and Save As refuse a folder that already holds something: they must never mix a new
 * project into an old one (DESIGN.md promise 1). They write through the same atomic
 * `saveProject` as Save and `clpbuilder new`.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Result, appError, fail, ok } from '../../schemas/index.js';
import { buildTopology } from '../../templates/index.js';
import type { ProjectFiles } from '../contract.js';
import { type Fingerprint, readFingerprint } from './fingerprint.js';
import { attempt, errorCode, ioError } from './io-error.js';
import { exportProject, saveProject } from './project-folder.js';
import { unpackProjectFiles } from './project-files.js';

/** A project the wizard wrote. */
export interface CreatedProject {
  readonly path: string;
  readonly description: string;
}

/**
 * Builds the topology's projects (`buildTopology`, as `clpbuilder new`) and saves them into
 * `folder`, which must be new or empty. `inter-host-guest-assoc` also writes the guest side
 * into `folder/guest`, as `clpbuilder new` does. The first project is the folder itself.
 */
export async function createProjectFolder(
  folder: string,
  options: unknown,
): Promise<Result<CreatedProject[]>> {
  const built = buildTopology(options);
  if (!built.ok) {
    return built;
  }
  const empty = await checkEmptyFolder(folder);
  if (!empty.ok) {
    return empty;
  }
  const created: CreatedProject[] = [];
  for (const wizard of built.value) {
    const path = join(folder, wizard.folder);
    const saved = await saveProject(path, wizard.project);
    if (!saved.ok) {
      return saved;
    }
    created.push({ path, description: wizard.description });
  }
  return ok(created);
}

/** Save As: writes the project into a new or empty folder; the window then continues there. */
export async function saveProjectAs(
  folder: string,
  files: ProjectFiles,
): Promise<Result<Fingerprint>> {
  const project = unpackProjectFiles(files);
  if (!project.ok) {
    return project;
  }
  const empty = await checkEmptyFolder(folder);
  return empty.ok ? saveProject(folder, project.value) : empty;
}

/** Export zip: clp.conf and scripts/ for the Cluster WebUI; never over an existing file. */
export async function exportProjectZip(
  destination: string,
  files: ProjectFiles,
): Promise<Result<void>> {
  if (!destination.toLowerCase().endsWith('.zip')) {
    return fail(
      appError('usage', `${destination}: the export's name must end with .zip`, {
        ja: `${destination}: 書き出すファイルの名前は .zip で終わる必要があります`,
      }),
    );
  }
  const existing = await attempt(destination, 'checking', () => stat(destination));
  if (existing.ok) {
    return fail(
      appError('conflict', `${destination} exists; choose another name or move it away`, {
        file: destination,
        ja: `${destination} はすでに存在します。別の名前を選択するか、既存のファイルを移動してください`,
      }),
    );
  }
  const project = unpackProjectFiles(files);
  return project.ok ? exportProject(project.value, destination) : project;
}

/** Whether clp.conf on disk still matches what the window opened or last saved. */
export interface DiskState {
  readonly changed: boolean;
  /** clp.conf (or the zip) is gone. */
  readonly missing: boolean;
}

// Files found, by hashing, to hold the expected content under a newer mtime (a `touch`, a
// save of the same bytes): that mtime is then trusted like the opened one, so the watch goes
// back to a stat instead of hashing the whole file every few seconds.
const sameContent = new Map<string, Fingerprint>();
const MAX_SAME_CONTENT = 64;

function isKnownSame(file: string, info: { mtimeMs: number; size: number }, expected: Fingerprint) {
  const known = sameContent.get(file);
  return (
    known !== undefined &&
    known.mtimeMs === info.mtimeMs &&
    known.size === info.size &&
    known.sha256 === expected.sha256
  );
}

/**
 * Compares the clp.conf on disk with `expected`. Cheap when nothing happened: the same mtime
 * and size answer without reading; otherwise the hash decides (a `touch` is no change).
 */
export async function readDiskState(
  location: { readonly kind: 'folder' | 'file' | 'zip'; readonly path: string },
  expected: Fingerprint,
): Promise<Result<DiskState>> {
  const file = location.kind === 'folder' ? join(location.path, 'clp.conf') : location.path;
  let info;
  try {
    info = await stat(file);
  } catch (caught) {
    return errorCode(caught) === 'ENOENT'
      ? ok({ changed: true, missing: true })
      : fail(ioError(caught, file, 'checking'));
  }
  if (info.mtimeMs === expected.mtimeMs && info.size === expected.size) {
    return ok({ changed: false, missing: false });
  }
  if (location.kind === 'zip') {
    // A zip's fingerprint hashes its clp.conf entry; a rewritten zip counts as changed.
    return ok({ changed: true, missing: false });
  }
  if (isKnownSame(file, info, expected)) {
    return ok({ changed: false, missing: false });
  }
  const now = await readFingerprint(file);
  if (!now.ok) {
    return now;
  }
  const changed = now.value.sha256 !== expected.sha256;
  if (!changed) {
    if (sameContent.size >= MAX_SAME_CONTENT) {
      sameContent.clear();
    }
    sameContent.set(file, {
      mtimeMs: now.value.mtimeMs,
      size: now.value.size,
      sha256: now.value.sha256,
    });
  }
  return ok({ changed, missing: false });
}

/** A folder that does not exist yet, or exists and is empty; anything else is refused. */
async function checkEmptyFolder(folder: string): Promise<Result<void>> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (caught) {
    const code = errorCode(caught);
    if (code === 'ENOENT') {
      return ok(undefined);
    }
    return code === 'ENOTDIR'
      ? fail(
          appError('conflict', `${folder} is a file; choose a new or empty folder`, {
            file: folder,
            ja: `${folder} はファイルです。新しいフォルダか空のフォルダを選択してください`,
          }),
        )
      : fail(ioError(caught, folder, 'reading'));
  }
  const held = `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
  return names.length === 0
    ? ok(undefined)
    : fail(
        appError(
          'conflict',
          `${folder} is not empty (it holds ${held}); choose a new or empty folder`,
          {
            file: folder,
            ja: `${folder} は空ではありません (${held} があります)。新しいフォルダか空のフォルダを選択してください`,
          },
        ),
      );
}
