/**
 * Exposes exactly the contract's calls as named functions (never ipcRenderer itself).
 *
 * Arguments are checked again in main; the types come from the contract so that the
 * renderer's `window.api` and main's handlers cannot drift apart.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiOf } from './api-shape.js';
import { type MenuCommand, isMenuCommand } from './menu.js';

const api = apiOf(
  (name) =>
    (...args) =>
      ipcRenderer.invoke(name, ...args),
);

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
