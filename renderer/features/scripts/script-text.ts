/**
 * A project's scripts as text for the editor, and text back into the project's bytes.
 *
 * Lossless or refused: a script is edited in the encoding it is written in (UTF-8, or the
 * clp.conf's own Japanese or Chinese encoding, common in Windows batch files); bytes that do
 * not read back identically in either are shown read-only rather than silently re-encoded.
 * Pure (STYLE.md §4).
 */
import {
  type Charset,
  type ClusterModel,
  type Project,
  type Result,
  decodeBytes,
  encodeText,
  entityAtPath,
  fail,
  monitorScriptFolder,
  ok,
  resourceScriptFolder,
} from '../../../schemas/index.js';

/** A script as the editor shows it. */
export interface ScriptText {
  readonly text: string;
  readonly charset: Charset;
}

/** Monaco's language for a script file. */
export type ScriptLanguage = 'shell' | 'perl' | 'bat' | 'plaintext';

/** The scripts folder of the entity at `path` (a resource in a group, or a monitor). */
export function scriptFolderOf(model: ClusterModel, path: string): string | undefined {
  const entity = entityAtPath(model, path);
  if (entity?.kind === 'resource') {
    return entity.group ? resourceScriptFolder(entity.group, entity.name) : undefined;
  }
  return entity?.kind === 'monitor' ? monitorScriptFolder(entity.name) : undefined;
}

/**
 * The parameter path of the resource or monitor whose folder holds a script (the inverse of
 * `scriptFolderOf`); undefined when no entity uses that folder.
 */
export function scriptOwnerOf(model: ClusterModel, script: string): string | undefined {
  const [top, name] = script.split('/');
  if (top === 'monitor.s') {
    return model.monitors.find((monitor) => monitor.name === name)?.path;
  }
  return model.resources.find((resource) => resource.name === name && resource.group === top)?.path;
}

/** The files in a scripts folder, by path, in name order. */
export function scriptsIn(scripts: Project['scripts'], folder: string): string[] {
  const prefix = `${folder}/`;
  return [...scripts.keys()].filter((path) => path.startsWith(prefix)).sort();
}

/**
 * The language to highlight a script in: its #! line when it has one (the guide's VM scripts
 * are Perl, whatever their names), else its name.
 */
export function scriptLanguageOf(path: string, text = ''): ScriptLanguage {
  // A byte-order mark hides the #! line from Linux (CF013), not from the reader.
  const interpreter = /^\uFEFF?#!\s*(?:\/usr\/bin\/env\s+)?(?:\S*\/)?([A-Za-z]+)/.exec(text)?.[1];
  if (interpreter === 'perl') {
    return 'perl';
  }
  if (interpreter !== undefined && ['sh', 'bash', 'dash', 'ksh', 'zsh'].includes(interpreter)) {
    return 'shell';
  }
  const name = path.toLowerCase();
  if (name.endsWith('.sh')) {
    return 'shell';
  }
  if (name.endsWith('.pl') || name.endsWith('.pm')) {
    return 'perl';
  }
  if (name.endsWith('.bat') || name.endsWith('.cmd')) {
    return 'bat';
  }
  return 'plaintext';
}

/** The script's text, in the first encoding that reads it back byte for byte. */
export function readScript(project: Project, path: string): Result<ScriptText> {
  const file = project.scripts.get(path);
  if (!file) {
    return fail({ kind: 'not-found', message: `scripts/${path} is not in the project` });
  }
  const candidates: Charset[] = ['utf-8', project.conf.encoding.charset];
  for (const charset of new Set(candidates)) {
    const text = decodeBytes(file.bytes, charset);
    if (text.ok && sameBytes(encodeText(text.value, charset), file.bytes)) {
      return ok({ text: text.value, charset });
    }
  }
  return fail({
    kind: 'encoding',
    message: `scripts/${path} is neither UTF-8 nor ${project.conf.encoding.label}; edit it outside Cluster Builder`,
  });
}

/** The project with the script's text replaced, encoded as it was read; same text, same project. */
export function writeScript(project: Project, path: string, text: string): Result<Project> {
  const before = readScript(project, path);
  if (!before.ok) {
    return before;
  }
  if (before.value.text === text) {
    return ok(project);
  }
  const bytes = encodeText(text, before.value.charset);
  if (!bytes.ok) {
    return fail({
      kind: 'encoding',
      message: `scripts/${path}: ${bytes.error.message}; write only characters ${before.value.charset} has`,
    });
  }
  const file = project.scripts.get(path)!;
  const scripts = new Map(project.scripts);
  scripts.set(path, { bytes: bytes.value, executable: file.executable });
  return ok({ ...project, scripts });
}

function sameBytes(encoded: Result<Uint8Array>, bytes: Uint8Array): boolean {
  if (!encoded.ok || encoded.value.length !== bytes.length) {
    return false;
  }
  return encoded.value.every((byte, index) => byte === bytes[index]);
}
