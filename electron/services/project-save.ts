/**
 * Saving and exporting a project: clp.conf, scripts/ and .clpbuilder/project.json.
 *
 * DESIGN.md promise 1: every file is staged (temp, fsync) before anything is replaced, the
 * previous clp.conf is kept as clp.conf.bak, and clp.conf is renamed last, so a failure at any
 * point leaves the previous clp.conf in place.
 */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type Project,
  type Result,
  appError,
  checkRelativePath,
  encodeClpConf,
  fail,
  formatProjectMeta,
  ok,
} from '../../schemas/index.js';
import {
  type FileIo,
  type PlannedFile,
  type Staging,
  commitStaged,
  discardStaging,
  stageFiles,
  withDefaultIo,
} from './atomic-write.js';
import { type Fingerprint, readWithFingerprint, sha256Hex } from './fingerprint.js';
import { attempt } from './io-error.js';
import { findStaleScripts, pruneEmptyFolders, removeStale } from './stale-scripts.js';

/** How careful a save is about what is on disk. */
export interface SaveOptions {
  /** The fingerprint from `openProject` (or the last save): refuse if clp.conf no longer matches. */
  readonly expected?: Fingerprint;
  /** Overwrite even though clp.conf changed on disk (the user said so). */
  readonly force?: boolean;
}

interface FolderWrite extends SaveOptions {
  /** .clpbuilder/ is written on save and kept out of exports (it is never uploaded). */
  readonly withMeta: boolean;
}

interface Plan {
  readonly confFile: string;
  readonly conf: Uint8Array;
  /** Scripts and project.json, in write order. */
  readonly others: readonly PlannedFile[];
}

const FILE_MODE = 0o644;
const EXECUTABLE_MODE = 0o755;

/**
 * Saves a project into the folder `target` (created if missing).
 *
 * Writes clp.conf (keeping the previous one as clp.conf.bak), the scripts/ tree (deleting
 * files the project no longer has) and .clpbuilder/project.json. With `expected`, refuses
 * (`changed-on-disk`) when clp.conf changed since it was read, unless `force`. Nothing is
 * written when clp.conf cannot be encoded. Returns the new clp.conf's fingerprint. `io` is
 * for tests that inject file-system failures.
 */
export async function saveProject(
  target: string,
  project: Project,
  options: SaveOptions = {},
  io?: Partial<FileIo>,
): Promise<Result<Fingerprint>> {
  return writeProjectFolder(
    resolve(target),
    project,
    { ...options, withMeta: true },
    withDefaultIo(io),
  );
}

/**
 * Exports a project for upload or for the Cluster WebUI.
 *
 * A `destination` ending in `.zip` becomes a zip with clp.conf and scripts/ at its top (unix
 * modes kept); anything else is a folder laid out as by `saveProject`, without .clpbuilder/.
 * An unmodified clp.conf is exported byte for byte.
 */
export async function exportProject(
  project: Project,
  destination: string,
  io?: Partial<FileIo>,
): Promise<Result<void>> {
  const absolute = resolve(destination);
  const fileIo = withDefaultIo(io);
  if (absolute.toLowerCase().endsWith('.zip')) {
    return exportZip(project, absolute, fileIo);
  }
  const written = await writeProjectFolder(absolute, project, { withMeta: false }, fileIo);
  return written.ok ? ok(undefined) : written;
}

async function exportZip(project: Project, zipFile: string, io: FileIo): Promise<Result<void>> {
  const plan = planFiles(dirname(zipFile), project, false);
  if (!plan.ok) {
    return fail({ ...plan.error, file: zipFile });
  }
  // Loaded on export only, as in `openProject`: most commands never touch a zip.
  const { buildProjectZip } = await import('./project-zip.js');
  const staged = await stageFiles(
    [{ path: zipFile, bytes: buildProjectZip(plan.value.conf, project.scripts), mode: FILE_MODE }],
    io,
  );
  return staged.ok ? commitStaged(staged.value.files, io) : staged;
}

async function writeProjectFolder(
  root: string,
  project: Project,
  mode: FolderWrite,
  io: FileIo,
): Promise<Result<Fingerprint>> {
  const plan = planFiles(root, project, mode.withMeta);
  const checked = plan.ok ? await checkTarget(root, project, plan.value, mode) : plan;
  if (!checked.ok) {
    return checked;
  }
  const { current, stale } = checked.value;
  const staged = await stageFiles(
    [...checked.value.plan.others, ...confFiles(checked.value.plan, current)],
    io,
  );
  if (!staged.ok) {
    return staged;
  }
  const { confFile, conf } = checked.value.plan;
  const committed = await commitAll(root, staged.value, confFile, stale, io);
  const info = committed.ok ? await attempt(confFile, 'reading', () => stat(confFile)) : committed;
  if (!info.ok) {
    return info;
  }
  return ok({ mtimeMs: info.value.mtimeMs, size: conf.length, sha256: sha256Hex(conf) });
}

interface CheckedTarget {
  readonly plan: Plan;
  /** clp.conf as it is on disk now (undefined: none yet). */
  readonly current: Uint8Array | undefined;
  readonly stale: readonly string[];
}

/** Everything that can refuse a save, done before the first byte is written. */
async function checkTarget(
  root: string,
  project: Project,
  plan: Plan,
  mode: FolderWrite,
): Promise<Result<CheckedTarget>> {
  const current = await readCurrent(plan.confFile);
  if (!current.ok) {
    return current;
  }
  const unchanged = checkUnchanged(plan.confFile, current.value, mode);
  if (!unchanged.ok) {
    return unchanged;
  }
  const folders = plan.others.map((file) => dirname(file.path));
  const stale = await findStaleScripts(root, project.scripts, folders, current.value !== undefined);
  return stale.ok ? ok({ plan, current: current.value, stale: stale.value }) : stale;
}

/** Encodes everything first: a character the charset cannot hold stops the save before any write. */
function planFiles(root: string, project: Project, withMeta: boolean): Result<Plan> {
  const confFile = join(root, 'clp.conf');
  const conf = encodeClpConf(project.conf);
  if (!conf.ok) {
    return fail({ ...conf.error, file: confFile });
  }
  const others: PlannedFile[] = [];
  for (const [path, script] of project.scripts) {
    const checked = checkRelativePath(path);
    if (!checked.ok) {
      return fail({ ...checked.error, file: join(root, 'scripts', path) });
    }
    others.push({
      path: join(root, 'scripts', ...path.split('/')),
      bytes: script.bytes,
      mode: script.executable ? EXECUTABLE_MODE : FILE_MODE,
    });
  }
  if (withMeta) {
    const text = formatProjectMeta(project.meta);
    others.push({
      path: join(root, '.clpbuilder', 'project.json'),
      bytes: new TextEncoder().encode(text),
      mode: FILE_MODE,
    });
  }
  return ok({ confFile, conf: conf.value, others });
}

/** The clp.conf on disk now, or undefined when there is none yet. */
async function readCurrent(confFile: string): Promise<Result<Uint8Array | undefined>> {
  const read = await readWithFingerprint(confFile);
  if (!read.ok) {
    return read.error.kind === 'not-found' ? ok(undefined) : read;
  }
  return ok(read.value.bytes);
}

function checkUnchanged(
  confFile: string,
  current: Uint8Array | undefined,
  mode: FolderWrite,
): Result<void> {
  if (!mode.expected || mode.force) {
    return ok(undefined);
  }
  if (current === undefined) {
    return fail(
      appError(
        'changed-on-disk',
        `${confFile} was removed since it was opened; save again with force to write it anyway`,
        {
          file: confFile,
          ja: `${confFile} は開いた後に削除されました。それでも書き込む場合は、上書き保存してください`,
        },
      ),
    );
  }
  if (sha256Hex(current) !== mode.expected.sha256) {
    return fail(
      appError(
        'changed-on-disk',
        `${confFile} changed on disk since it was opened (another program or person wrote it); reload it, or save with force to overwrite it`,
        {
          file: confFile,
          ja: `${confFile} は開いた後にディスク上で変更されました (別のプログラムまたは別の人が書き込みました)。再読み込みするか、上書き保存してください`,
        },
      ),
    );
  }
  return ok(undefined);
}

/** clp.conf.bak then clp.conf, or nothing when the bytes are the same (the .bak keeps the real previous version). */
function confFiles(plan: Plan, current: Uint8Array | undefined): PlannedFile[] {
  if (current !== undefined && Buffer.from(current).equals(plan.conf)) {
    return [];
  }
  const conf = { path: plan.confFile, bytes: plan.conf, mode: FILE_MODE };
  return current === undefined
    ? [conf]
    : [{ path: `${plan.confFile}.bak`, bytes: current, mode: FILE_MODE }, conf];
}

/** Deletes stale scripts, renames everything else, then clp.conf last: the commit point. */
async function commitAll(
  root: string,
  staging: Staging,
  confFile: string,
  stale: readonly string[],
  io: FileIo,
): Promise<Result<void>> {
  const conf = staging.files.filter((file) => file.path === confFile);
  const rest = staging.files.filter((file) => file.path !== confFile);
  // Deleting before renaming: on a case-insensitive disk a stale `G/x.sh` is the same file as
  // a new `g/x.sh`, and deleting it afterwards would delete the new script.
  const removed = await removeStale(root, stale, io);
  const committed = removed.ok ? await commitStaged(rest, io) : removed;
  if (!committed.ok) {
    await discardStaging(
      { files: removed.ok ? conf : staging.files, createdDirectories: staging.createdDirectories },
      io,
    );
    return committed;
  }
  const done = await commitStaged(conf, io);
  await pruneEmptyFolders(root, stale, io);
  return done;
}
