/**
 * The contract's handlers, shared by the Electron main process and the browser host, so the
 * browser-host tests exercise exactly what the desktop window calls.
 */
import type { Handlers } from './ipc.js';
import { createHostHandlers } from './services/hosts/handlers.js';
import { type SecretStore, noSecretStore } from './services/hosts/secret-store.js';
import { type FileContext, defaultFileContext, fileHandlers } from './services/file-handlers.js';
import { saveProjectFiles } from './services/project-files.js';
import { openProject } from './services/project-folder.js';
import { summarize } from './services/summary.js';

/** What differs between the hosts: the app's identity and the project given at launch. */
export interface HandlerContext {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the project named on the command line, if any. */
  readonly initialProject?: string | undefined;
  /** Where SSH passwords may be remembered: the OS keychain in the desktop app; none otherwise. */
  readonly secrets?: SecretStore;
  /** Folder picker roots and recent.json; default: home + the launch project, ~/.config. */
  readonly files?: FileContext;
}

/** Every handler of the contract; arguments arrive already checked by `dispatch`. */
export function createHandlers(context: HandlerContext): Handlers {
  return {
    ...createHostHandlers(context.secrets ?? noSecretStore),
    ...fileHandlers(context.files ?? defaultFileContext(context.initialProject)),
    'app:info': async () => ({ ok: true, value: { name: context.name, version: context.version } }),
    'app:initial-project': async () => ({
      ok: true,
      value: { path: context.initialProject ?? null },
    }),
    'project:show': async (path) => {
      const opened = await openProject(path);
      return opened.ok ? { ok: true, value: summarize(opened.value.project) } : opened;
    },
    'project:save': async (request) => {
      const saved = await saveProjectFiles(request);
      return saved.ok ? { ok: true, value: { fingerprint: saved.value } } : saved;
    },
  };
}
