/**
 * Exposes exactly the contract's calls as named functions (never ipcRenderer itself).
 */
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  app: { info: () => ipcRenderer.invoke('app:info') },
  project: { show: (path: string) => ipcRenderer.invoke('project:show', path) },
};

contextBridge.exposeInMainWorld('api', api);
export type Api = typeof api;
