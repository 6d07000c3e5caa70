/**
 * Exposes exactly the contract's calls as named functions (never ipcRenderer itself).
 *
 * Arguments are checked again in main; the types come from the contract so that the
 * renderer's `window.api` and main's handlers cannot drift apart.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallArgs, CallName, CallResult } from './contract.js';

function call<N extends CallName>(name: N) {
  return (...args: CallArgs<N>): Promise<CallResult<N>> => ipcRenderer.invoke(name, ...args);
}

const api = {
  app: { info: call('app:info'), initialProject: call('app:initial-project') },
  project: { show: call('project:show'), open: call('project:open'), save: call('project:save') },
  hosts: {
    plan: call('hosts:plan'),
    upload: call('hosts:upload'),
    rollback: call('hosts:rollback'),
    download: call('hosts:download'),
  },
};

contextBridge.exposeInMainWorld('api', api);

/** The bridge as the renderer sees it on `window.api`. */
export type Api = typeof api;
