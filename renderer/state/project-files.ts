/**
 * Between the contract's base64 files and a Project: the renderer's side of open and save.
 *
 * Pure (atob/btoa exist in browsers and in Node), so it is tested without a window.
 */
import {
  type Project,
  type Result,
  type ScriptFile,
  decodeClpConf,
  encodeClpConf,
  formatProjectMeta,
  ok,
  parseProjectMeta,
} from '../../schemas/index.js';
import type { ProjectFiles } from '../../electron/contract.js';

/** Decodes opened files into a project with the core's codec. */
export function projectFromFiles(files: ProjectFiles): Result<Project> {
  const conf = decodeClpConf(fromBase64(files.conf));
  if (!conf.ok) {
    return conf;
  }
  const meta = parseProjectMeta(files.meta);
  if (!meta.ok) {
    return meta;
  }
  const scripts = new Map<string, ScriptFile>(
    files.scripts.map((script) => [
      script.path,
      { bytes: fromBase64(script.base64), executable: script.executable },
    ]),
  );
  return ok({ conf: conf.value, scripts, meta: meta.value });
}

/** Encodes a project for `project:save`; an unchanged clp.conf gives its very bytes back. */
export function filesFromProject(project: Project): Result<ProjectFiles> {
  const conf = encodeClpConf(project.conf);
  if (!conf.ok) {
    return conf;
  }
  return ok({
    conf: toBase64(conf.value),
    scripts: [...project.scripts].map(([path, file]) => ({
      path,
      base64: toBase64(file.bytes),
      executable: file.executable,
    })),
    meta: formatProjectMeta(project.meta),
  });
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  // In slices: String.fromCharCode(...all) overflows the argument limit on large files.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
