/**
 * The effects around the editing state: open and save through the api (STYLE.md §4 keeps
 * them in a few named hooks, out of the components).
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { OpenedProjectFiles } from '../../electron/contract.js';
import { api } from '../api.js';
import {
  type Action,
  type EditorState,
  editorReducer,
  initialEditorState,
} from './editor-state.js';
import { filesFromProject, projectFromFiles } from './project-files.js';

/** Where the open project lives and what its clp.conf looked like on disk. */
export type Session = Pick<OpenedProjectFiles, 'location' | 'fingerprint'>;

/** A message for the status bar; `conflict` offers to overwrite. */
export interface Notice {
  readonly kind: 'info' | 'error' | 'conflict';
  readonly text: string;
}

type SessionAction = Action | { readonly type: 'opened'; readonly editor: EditorState };

function sessionReducer(state: EditorState | undefined, action: SessionAction) {
  if (action.type === 'opened') {
    return action.editor;
  }
  return state && editorReducer(state, action);
}

/** The open project, its editor state, and open/save. */
export function useProjectSession() {
  const [editor, dispatchAll] = useReducer(sessionReducer, undefined);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [session, setSession] = useState<Session | undefined>();
  const dispatch = useCallback((action: Action) => dispatchAll(action), []);

  const open = useCallback(async (path: string) => {
    setNotice({ kind: 'info', text: `Opening ${path}…` });
    const opened = await api.project.open(path);
    if (!opened.ok) {
      setNotice({ kind: 'error', text: opened.error.message });
      return;
    }
    const project = projectFromFiles(opened.value.files);
    if (!project.ok) {
      setNotice({ kind: 'error', text: project.error.message });
      return;
    }
    setSession({ location: opened.value.location, fingerprint: opened.value.fingerprint });
    dispatchAll({ type: 'opened', editor: initialEditorState(project.value) });
    setNotice(undefined);
  }, []);

  const save = useCallback(
    async (force = false) => {
      if (!editor || !session) {
        return;
      }
      const files = filesFromProject(editor.project);
      if (!files.ok) {
        setNotice({ kind: 'error', text: files.error.message });
        return;
      }
      const { location, fingerprint } = session;
      const saved = await api.project.save({
        location,
        files: files.value,
        expected: fingerprint,
        force,
      });
      if (!saved.ok) {
        const isConflict = saved.error.kind === 'changed-on-disk';
        setNotice({ kind: isConflict ? 'conflict' : 'error', text: saved.error.message });
        return;
      }
      setSession({ location, fingerprint: saved.value.fingerprint });
      dispatchAll({ type: 'saved' });
      setNotice({ kind: 'info', text: `Saved ${location.path}` });
    },
    [editor, session],
  );

  useEffect(() => {
    // The project named on the command line opens by itself (clpbuilder serve <project>).
    void api.app.initialProject().then((initial) => {
      if (initial.ok && initial.value.path !== null) {
        void open(initial.value.path);
      }
    });
  }, [open]);

  return { editor, session, notice, dispatch, open, save };
}
