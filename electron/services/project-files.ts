/**
 * Projects as they cross the IPC contract: opened into base64 files, saved back from them.
 *
 * The renderer decodes and edits with the pure core; main (or the browser host) only checks
 * what comes back and writes it with the same atomic, fingerprint-checked save as the CLI.
 */
import {
  type Project,
  type Result,
  type ScriptFile,
  appError,
  checkRelativePath,
  decodeClpConf,
  fail,
  formatProjectMeta,
  ok,
  parseProjectMeta,
} from '../../schemas/index.js';
import type { OpenedProjectFiles, ProjectFiles } from '../contract.js';
import { saveConfFile } from './conf-file-save.js';
import {
  type Fingerprint,
  type OpenedProject,
  openProject,
  saveProject,
} from './project-folder.js';

/** Opens a project and packs its files for the renderer. */
export async function openProjectFiles(path: string): Promise<Result<OpenedProjectFiles>> {
  const opened = await openProject(path);
  return opened.ok ? ok(packOpened(opened.value)) : opened;
}

function packOpened(opened: OpenedProject): OpenedProjectFiles {
  const source = opened.project.conf.source?.bytes;
  const scripts = [...opened.project.scripts].map(([path, file]) => ({
    path,
    base64: Buffer.from(file.bytes).toString('base64'),
    executable: file.executable,
  }));
  return {
    location: { kind: opened.location.kind, path: opened.location.path },
    files: {
      // Opened documents always carry their source bytes; the fallback is for safety only.
      conf: Buffer.from(source ?? new Uint8Array()).toString('base64'),
      scripts,
      meta: formatProjectMeta(opened.project.meta),
    },
    fingerprint: { ...opened.fingerprint },
    scriptsGiven: opened.scriptsGiven,
  };
}

/**
 * Unpacks files sent by the renderer into a project, refusing anything unsafe.
 *
 * Script paths are checked again here although the renderer made them: the sender may not
 * be our renderer (browser host), and a path must never lead outside the project folder.
 */
export function unpackProjectFiles(files: ProjectFiles): Result<Project> {
  const conf = decodeClpConf(new Uint8Array(Buffer.from(files.conf, 'base64')));
  if (!conf.ok) {
    return conf;
  }
  const meta = parseProjectMeta(files.meta);
  if (!meta.ok) {
    return meta;
  }
  const scripts = new Map<string, ScriptFile>();
  for (const script of files.scripts) {
    const checked = checkRelativePath(script.path);
    if (!checked.ok) {
      return checked;
    }
    scripts.set(script.path, {
      bytes: new Uint8Array(Buffer.from(script.base64, 'base64')),
      executable: script.executable,
    });
  }
  return ok({ conf: conf.value, scripts, meta: meta.value });
}

/** What `project:save` receives. */
export interface SaveRequest {
  readonly location: OpenedProjectFiles['location'];
  readonly files: ProjectFiles;
  readonly expected: Fingerprint;
  readonly force?: boolean | undefined;
}

/** Saves where the project was opened from; a zip export is read-only. */
export async function saveProjectFiles(request: SaveRequest): Promise<Result<Fingerprint>> {
  const { location } = request;
  if (location.kind === 'zip') {
    return fail(
      appError('usage', `${location.path} is a .zip export and read-only; save it as a folder`, {
        ja: `${location.path} は .zip に書き出したプロジェクトで、読み取り専用です。フォルダとして保存してください`,
      }),
    );
  }
  const project = unpackProjectFiles(request.files);
  if (!project.ok) {
    return project;
  }
  const options = { expected: request.expected, force: request.force === true };
  return location.kind === 'file'
    ? saveConfFile(location.path, project.value.conf, options)
    : saveProject(location.path, project.value, options);
}
