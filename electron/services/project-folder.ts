/**
 * Project folder I/O: open a folder, a bare clp.conf or a WebUI zip; save; export.
 *
 * The Node side of `Project` (schemas/project.ts). Layout (DESIGN.md "Project folder",
 * clpconf-format.md §8): clp.conf, scripts/<group>/<resource>/..., scripts/monitor.s/<monitor>/...,
 * and .clpbuilder/project.json, which holds what clp.conf cannot and is never uploaded.
 * Expected failures are returned as `Result`s naming the file; nothing here throws for them.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type AppError,
  type Project,
  type Result,
  type ScriptFile,
  appError,
  decodeClpConf,
  defaultProjectMeta,
  fail,
  ok,
  parseProjectMeta,
} from '../../schemas/index.js';
import { type Fingerprint, fingerprintOf, readWithFingerprint } from './fingerprint.js';
import { attempt } from './io-error.js';
import { readScriptsTree } from './scripts-tree.js';

export type { FileIo } from './atomic-write.js';
export { type Fingerprint, readFingerprint } from './fingerprint.js';
export { type SaveOptions, exportProject, saveProject } from './project-save.js';

/** Where a project was opened from: a folder, a bare clp.conf (any name), or a zip. */
export interface ProjectLocation {
  readonly kind: 'folder' | 'file' | 'zip';
  /** Absolute path of the folder, file or zip. */
  readonly path: string;
}

/** The folder a project's files are in: the project folder, or the one holding the file or zip. */
export function folderOf(location: ProjectLocation): string {
  return location.kind === 'folder' ? location.path : dirname(location.path);
}

/** An opened project, where it came from, and its clp.conf as read (to detect outside changes). */
export interface OpenedProject {
  readonly project: Project;
  readonly location: ProjectLocation;
  /** For a zip: size and hash of its clp.conf entry, mtime of the zip file. */
  readonly fingerprint: Fingerprint;
  /**
   * Whether the project came with its scripts: false for a bare clp.conf with no scripts/
   * beside it, whose scripts are then unknown rather than missing (the rules say so once).
   */
  readonly scriptsGiven: boolean;
}

/** The file an error is about; `entry` when it is inside a zip. */
interface Place {
  readonly file: string;
  readonly entry?: string;
}

/** A project's files as read, before decoding. */
interface ProjectSource {
  readonly confBytes: Uint8Array;
  readonly mtimeMs: number;
  readonly scripts: Map<string, ScriptFile>;
  readonly scriptsGiven: boolean;
  readonly metaText?: string;
  readonly confPlace: Place;
  readonly metaPlace: Place;
}

/**
 * Opens a project folder, a bare clp.conf or a `.zip` export.
 *
 * A folder holds clp.conf, optionally scripts/ and .clpbuilder/project.json. A bare file may
 * have any name; scripts/ and .clpbuilder/ are taken from beside it if present. A zip holds
 * clp.conf and scripts/ at its top or inside one top-level folder. Every file under scripts/
 * is carried with its executable bit. A missing project.json gives the defaults.
 */
export async function openProject(path: string): Promise<Result<OpenedProject>> {
  const location = await projectLocation(path);
  if (!location.ok) {
    return location;
  }
  const { kind, path: absolute } = location.value;
  const source =
    kind === 'zip' ? await readZipSource(absolute) : await readFolderSource(absolute, kind);
  if (!source.ok) {
    return source;
  }
  return assemble(source.value, location.value);
}

/** Where a project is and which kind it is, without reading it (a folder, a zip, a file). */
export async function projectLocation(path: string): Promise<Result<ProjectLocation>> {
  const absolute = resolve(path);
  const info = await attempt(absolute, 'opening', () => stat(absolute));
  if (!info.ok) {
    return info;
  }
  const kind = info.value.isDirectory()
    ? 'folder'
    : absolute.toLowerCase().endsWith('.zip')
      ? 'zip'
      : 'file';
  return ok({ kind, path: absolute });
}

async function readFolderSource(
  absolute: string,
  kind: 'folder' | 'file',
): Promise<Result<ProjectSource>> {
  const folder = folderOf({ kind, path: absolute });
  const confFile = kind === 'folder' ? join(absolute, 'clp.conf') : absolute;
  const conf = await readWithFingerprint(confFile);
  if (!conf.ok) {
    const missing = kind === 'folder' && conf.error.kind === 'not-found';
    return missing
      ? fail(
          appError(
            'not-found',
            `${folder} has no clp.conf; open the folder that holds clp.conf, or the file itself`,
            {
              file: confFile,
              ja: `${folder} に clp.conf がありません。clp.conf があるフォルダか、そのファイル自体を開いてください`,
            },
          ),
        )
      : conf;
  }
  const scripts = await readScriptsTree(join(folder, 'scripts'), folder);
  if (!scripts.ok) {
    return scripts;
  }
  // A project folder holds its scripts (none is none); a bare file may come without them.
  const metaFile = join(folder, '.clpbuilder', 'project.json');
  const meta = await attempt(metaFile, 'reading', () => readFile(metaFile, 'utf8'));
  if (!meta.ok && meta.error.kind !== 'not-found') {
    return meta;
  }
  return ok({
    confBytes: conf.value.bytes,
    mtimeMs: conf.value.fingerprint.mtimeMs,
    scripts: scripts.value ?? new Map(),
    scriptsGiven: kind === 'folder' || scripts.value !== undefined,
    ...(meta.ok ? { metaText: meta.value } : {}),
    confPlace: { file: confFile },
    metaPlace: { file: metaFile },
  });
}

async function readZipSource(zipFile: string): Promise<Result<ProjectSource>> {
  // Loaded for zips only: the zip library is a tenth of `clpbuilder check`'s start-up.
  const { MAX_UNPACKED_BYTES, readProjectZip } = await import('./project-zip.js');
  const info = await attempt(zipFile, 'reading', () => stat(zipFile));
  if (!info.ok) {
    return info;
  }
  if (info.value.size > MAX_UNPACKED_BYTES) {
    return fail(
      appError(
        'invalid-value',
        `${zipFile} is ${info.value.size >> 20} MiB; a configuration export is far smaller`,
        {
          file: zipFile,
          ja: `${zipFile} は ${info.value.size >> 20} MiB あります。構成情報の書き出しはこれよりはるかに小さいはずです`,
        },
      ),
    );
  }
  const bytes = await attempt(zipFile, 'reading', () => readFile(zipFile));
  if (!bytes.ok) {
    return bytes;
  }
  const files = readProjectZip(new Uint8Array(bytes.value));
  if (!files.ok) {
    return fail({ ...files.error, file: zipFile });
  }
  return ok({
    confBytes: files.value.confBytes,
    mtimeMs: info.value.mtimeMs,
    scripts: files.value.scripts,
    scriptsGiven: true,
    ...(files.value.metaText === undefined ? {} : { metaText: files.value.metaText }),
    confPlace: { file: zipFile, entry: files.value.confEntry },
    metaPlace: { file: zipFile, entry: files.value.metaEntry },
  });
}

/** Decodes clp.conf and project.json; their errors get the file (and zip entry) attached. */
function assemble(source: ProjectSource, location: ProjectLocation): Result<OpenedProject> {
  const conf = decodeClpConf(source.confBytes);
  if (!conf.ok) {
    return fail(placeError(conf.error, source.confPlace));
  }
  const meta =
    source.metaText === undefined ? ok(defaultProjectMeta()) : parseProjectMeta(source.metaText);
  if (!meta.ok) {
    return fail(placeError(meta.error, source.metaPlace));
  }
  return ok({
    project: { conf: conf.value, scripts: source.scripts, meta: meta.value },
    location,
    fingerprint: fingerprintOf(source.confBytes, source.mtimeMs),
    scriptsGiven: source.scriptsGiven,
  });
}

function placeError(error: AppError, place: Place): AppError {
  // Line and column stay those of the codec: they point into the entry, which the message names.
  return {
    ...error,
    file: place.file,
    ...(place.entry
      ? {
          message: `${place.entry} (in the zip): ${error.message}`,
          ja: `${place.entry} (zip 内): ${error.ja ?? error.message}`,
        }
      : {}),
  };
}
