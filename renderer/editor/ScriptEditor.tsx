/**
 * One script in Monaco, highlighted for its language. Typing becomes a `set-script` edit after
 * a pause (undoable like every edit); an edit from elsewhere (undo, a wizard) replaces the text
 * as one undoable step inside the editor.
 */
import { useEffect, useRef } from 'react';
import type { ScriptLanguage } from '../features/scripts/script-text.js';
import { EDITOR_OPTIONS, monaco } from './monaco.js';
import { commitAfterTypingPause, replaceText, useEditorTheme } from './typing.js';

interface Props {
  /** Path under scripts/: one Monaco model per script, so each keeps its own cursor and undo. */
  readonly path: string;
  readonly text: string;
  readonly language: ScriptLanguage;
  readonly isDark: boolean;
  readonly label: string;
  onText(text: string): void;
}

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
    // Switching script or tab inside the typing pause keeps what was typed (commits first).
    const typing = commitAfterTypingPause(model, () => {
      const value = model.getValue();
      if (value !== latest.current.text) {
        latest.current.onText(value);
      }
    });
    return () => {
      typing.dispose();
      editor.current?.setModel(null);
      model.dispose();
    };
  }, [path, language]);

  useEditorTheme(isDark);

  useEffect(() => replaceText(editor.current?.getModel(), text), [text]);

  return <div className="monaco-host script-host" ref={host} />;
}
