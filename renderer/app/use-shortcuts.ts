/**
 * Undo, redo and save from the keyboard; inside Monaco and text fields their own undo wins.
 */
import { useEffect, useRef } from 'react';

interface Shortcuts {
  undo(): void;
  redo(): void;
  save(): void;
}

/** Registers Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y and Ctrl/Cmd+S on the window. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTextEntry = Boolean(target?.closest('.monaco-editor, input, textarea'));
      if (!(event.ctrlKey || event.metaKey) || (isTextEntry && event.key.toLowerCase() !== 's')) {
        return;
      }
      const key = event.key.toLowerCase();
      const action =
        key === 's'
          ? 'save'
          : key === 'y' || (key === 'z' && event.shiftKey)
            ? 'redo'
            : key === 'z'
              ? 'undo'
              : undefined;
      if (action) {
        event.preventDefault();
        latest.current[action]();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
