/**
 * One script in Monaco, highlighted for its language. Typing becomes a `set-script` edit after
 * a pause (undoable like every edit); an edit from elsewhere (undo, a wizard) replaces the text
 * as one undoable step inside the editor.
 */
import { useEffect, useRef } from 'react';
import type { ScriptLanguage } from '../features/scripts/script-text.js';
import { EDITOR_OPTIONS, monaco } from './monaco.js';

interface Props {
  /** Path under scripts/: one Monaco model per script, so each keeps its own cursor and undo. */
  readonly path: string;
  readonly text: string;
  readonly language: ScriptLanguage;
  readonly isDark: boolean;
  readonly label: string;
  onText(text: string): void;
}

const TYPING_PAUSE_MS = 300;

/** The editor; lazy-loaded with Monaco. */
export function ScriptEditor({ path, text, language, isDark, label, onText }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ text, onText });
  latest.current = { text, onText };

  useEffect(() => {
    const created = monaco.editor.create(host.current as HTMLDivElement, EDITOR_OPTIONS);
    editor.current = created;
    return () => {
      // The model is the other effect's: it flushes pending typing from it, then disposes it.
      created.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.updateOptions({ ariaLabel: label }), [label]);

  useEffect(() => {
    const current = editor.current;
    if (!current) {
      return undefined;
    }
    // A fresh model per script (the URI names it, for Monaco's own bookkeeping).
    const model = monaco.editor.createModel(
      latest.current.text,
      language,
      monaco.Uri.from({ scheme: 'script', path: `/${path}` }),
    );
    current.setModel(model);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const value = model.getValue();
      if (value !== latest.current.text) {
        latest.current.onText(value);
      }
    };
    const subscription = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(flush, TYPING_PAUSE_MS);
    });
    return () => {
      // Switching script or tab inside the typing pause must not lose what was typed.
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      subscription.dispose();
      editor.current?.setModel(null);
      model.dispose();
    };
  }, [path, language]);

  useEffect(() => monaco.editor.setTheme(isDark ? 'vs-dark' : 'vs'), [isDark]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== text) {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    }
  }, [text]);

  return <div className="monaco-host script-host" ref={host} />;
}
