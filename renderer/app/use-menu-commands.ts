/**
 * Carries out the desktop menu bar's commands (electron/menu.ts) with the same handlers the
 * toolbar and the keyboard use. In the browser host there is no menu bar and this does nothing.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../electron/menu.js';
import { api } from '../api.js';

/** The window's handler per command; a command without one is ignored (e.g. no project open). */
export type MenuHandlers = Partial<Record<MenuCommand, () => void>>;

/** Subscribes once; always calls the latest handlers. */
export function useMenuCommands(handlers: MenuHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => api.menu?.onCommand((command) => latest.current[command]?.()), []);
}
