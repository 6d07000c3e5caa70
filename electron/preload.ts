/**
 * Exposes exactly the contract's calls as named functions (never ipcRenderer itself).
 *
 * Arguments are checked again in main; the types come from the contract so that the
 * renderer's `window.api` and main's handlers cannot drift apart.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallArgs, CallName, CallResult } from './contract.js';
import { type MenuCommand, isMenuCommand } from './menu.js';

function call<N extends CallName>(name: N) {
  return (...args: CallArgs<N>): Promise<CallResult<N>> => ipcRenderer.invoke(name, ...args);
}

const api = {
  app: { info: call('app:info'), initialProject: call('app:initial-project') },
  project: {
    show: call('project:show'),
    open: call('project:open'),
    save: call('project:save'),
    create: call('project:create'),
    saveAs: call('project:save-as'),
    export: call('project:export'),
    diskState: call('project:disk-state'),
  },
  files: { list: call('files:list'), recent: call('files:recent') },
  hosts: {
    plan: call('hosts:plan'),
    upload: call('hosts:upload'),
    rollback: call('hosts:rollback'),
    progress: call('hosts:progress'),
    download: call('hosts:download'),
  },
  secrets: { status: call('secrets:status'), forget: call('secrets:forget') },
};

/** The menu bar's commands, for the window to carry out; returns the unsubscribe. */
function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const handler = (_event: unknown, command: unknown) => {
    if (isMenuCommand(command)) {
      listener(command);
    }
  };
  ipcRenderer.on('menu:command', handler);
  return () => ipcRenderer.removeListener('menu:command', handler);
}

contextBridge.exposeInMainWorld('api', { ...api, menu: { onCommand: onMenuCommand } });

/** The bridge as the renderer sees it on `window.api`. */
export type Api = typeof api & {
  menu: { onCommand(listener: (command: MenuCommand) => void): () => void };
};
