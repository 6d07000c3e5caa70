/**
 * What the clp.conf and script editors share: typing becomes an edit after a pause (and at
 * once when the editor goes away inside the pause, so leaving a tab never loses what was
 * typed); an edit from elsewhere (a form, undo, a wizard) replaces the text as one undoable
 * step inside the editor; the theme follows the app's.
 */
import { useEffect } from 'react';
import { monaco } from './monaco.js';

// Reading a large clp.conf, or re-checking a script, on every keystroke would stall typing.
const TYPING_PAUSE_MS = 300;

/** Calls `commit` after each pause in typing on `model`; disposing inside a pause commits. */
export function commitAfterTypingPause(
  model: monaco.editor.ITextModel,
  commit: () => void,
): { dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      commit();
    }, TYPING_PAUSE_MS);
  });
  return {
    dispose() {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        commit();
      }
      subscription.dispose();
    },
  };
}

/** Puts `text` in the model, when it differs, as one undoable edit. */
export function replaceText(
  model: monaco.editor.ITextModel | null | undefined,
  text: string,
): void {
  if (!model || model.getValue() === text) {
    return;
  }
  // Monaco writes inserted text with the model's line ending: the model takes the text's own
  // first, or an edit that changed only line endings (CF013's quick fix) would come back undone.
  const crlf = text.includes('\r\n');
  if (model.getEOL() !== (crlf ? '\r\n' : '\n')) {
    model.pushEOL(crlf ? monaco.editor.EndOfLineSequence.CRLF : monaco.editor.EndOfLineSequence.LF);
  }
  if (model.getValue() !== text) {
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  }
}

/** Monaco's theme (one for every editor on the page) follows the app's. */
export function useEditorTheme(isDark: boolean): void {
  useEffect(() => monaco.editor.setTheme(isDark ? 'vs-dark' : 'vs'), [isDark]);
}
