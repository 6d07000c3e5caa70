/**
 * The raw clp.conf tab, two-way: typing updates the model when the text parses (and marks the
 * error when it does not); an edit elsewhere (a form, a quick fix, undo) replaces the text.
 * STYLE.md §4: the two meet only at text → decode → model and model → encode → text.
 */
import { useEffect, useRef } from 'react';
import { decodeClpConfText } from '../../schemas/index.js';
import { EDITOR_OPTIONS, monaco } from './monaco.js';
import { commitAfterTypingPause, replaceText, useEditorTheme } from './typing.js';
import { errorText } from '../error-text.js';

interface Props {
  readonly text: string;
  readonly isDark: boolean;
  onText(text: string): void;
}

/** The editor; lazy-loaded so the tree is usable before Monaco has loaded. */
export function ConfEditor({ text, isDark, onText }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ text, onText });
  latest.current = { text, onText };

  useEffect(() => {
    const created = monaco.editor.create(host.current as HTMLDivElement, {
      value: latest.current.text,
      language: 'xml',
      ...EDITOR_OPTIONS,
    });
    editor.current = created;
    const typing = commitAfterTypingPause(created.getModel() as monaco.editor.ITextModel, () =>
      commit(created, latest.current),
    );
    return () => {
      typing.dispose();
      created.dispose();
      editor.current = null;
    };
  }, []);

  useEditorTheme(isDark);

  useEffect(() => replaceText(editor.current?.getModel(), text), [text]);

  return <div className="monaco-host" ref={host} />;
}

function commit(
  editor: monaco.editor.IStandaloneCodeEditor,
  latest: { text: string; onText(text: string): void },
) {
  const model = editor.getModel();
  const value = editor.getValue();
  if (!model || value === latest.text) {
    return;
  }
  const decoded = decodeClpConfText(value);
  if (decoded.ok) {
    monaco.editor.setModelMarkers(model, 'clp.conf', []);
    latest.onText(value);
    return;
  }
  const line = decoded.error.line ?? 1;
  const column = decoded.error.column ?? 1;
  monaco.editor.setModelMarkers(model, 'clp.conf', [
    {
      severity: monaco.MarkerSeverity.Error,
      message: errorText(decoded.error),
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: column + 1,
    },
  ]);
}
