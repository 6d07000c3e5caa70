/**
 * The file menu's handlers: New (the wizard), Save As, Export zip, the disk check, the folder
 * picker and recent projects. Every path the page sends for writing or listing is checked
 * against the allowed roots first (folder-browser.ts says why).
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type Result, ok } from '../../schemas/index.js';
import type { Handlers } from '../ipc.js';
import { listFolder, resolveAllowed } from './folder-browser.js';
import {
  createProjectFolder,
  exportProjectZip,
  readDiskState,
  saveProjectAs,
} from './project-create.js';
import { openProjectFiles } from './project-files.js';
import { defaultRecentFile, readRecentProjects, rememberProject } from './recent-projects.js';

/** Where the page may browse and write, and where recent projects are kept. */
export interface FileContext {
  readonly roots: readonly string[];
  /** undefined: recent projects are not kept (tests that must not touch the user's config). */
  readonly recentFile: string | undefined;
}

/**
 * The defaults: the user's home and the project given at launch (its folder, when it is a
 * file or a zip), and recent.json under the user's config folder.
 */
export function defaultFileContext(initialProject: string | undefined): FileContext {
  const roots = [homedir()];
  if (initialProject !== undefined) {
    roots.push(isFolder(initialProject) ? initialProject : dirname(initialProject));
  }
  return { roots: roots.map((root) => resolve(root)), recentFile: defaultRecentFile() };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type FileCalls =
  | 'project:open'
  | 'project:create'
  | 'project:save-as'
  | 'project:export'
  | 'project:disk-state'
  | 'files:list'
  | 'files:recent';

/** The handlers of the file menu (and `project:open`, which records the project as recent). */
export function fileHandlers(context: FileContext): Pick<Handlers, FileCalls> {
  const remember = async (path: string, kind: 'folder' | 'file' | 'zip') => {
    if (context.recentFile !== undefined) {
      // A list that cannot be written costs the user a convenience, not the open: ignored.
      await rememberProject(context.recentFile, { path, kind });
    }
  };
  const allowed = (path: string) => resolveAllowed(resolve(path), context.roots);
  return {
    'project:open': async (path) => {
      const opened = await openProjectFiles(path);
      if (opened.ok) {
        await remember(opened.value.location.path, opened.value.location.kind);
      }
      return opened;
    },
    'project:create': async ({ folder, options }) => {
      const target = await allowed(folder);
      const created = target.ok ? await createProjectFolder(target.value, options) : target;
      return created.ok ? ok({ created: created.value }) : created;
    },
    'project:save-as': async ({ folder, files }) => {
      const target = await allowed(folder);
      const saved = target.ok ? await saveProjectAs(target.value, files) : target;
      if (!saved.ok || !target.ok) {
        return saved as Result<never>;
      }
      await remember(target.value, 'folder');
      return ok({ location: { kind: 'folder', path: target.value }, fingerprint: saved.value });
    },
    'project:export': async ({ destination, files }) => {
      const target = await allowed(destination);
      const exported = target.ok ? await exportProjectZip(target.value, files) : target;
      return exported.ok && target.ok ? ok({ path: target.value }) : (exported as Result<never>);
    },
    'project:disk-state': ({ location, expected }) => readDiskState(location, expected),
    'files:list': ({ path }) => listFolder(path, context.roots),
    'files:recent': async () =>
      ok({
        projects:
          context.recentFile === undefined ? [] : await readRecentProjects(context.recentFile),
      }),
  };
}
