/**
 * The effects around the editing state: open, save, save as, export, create through the api
 * (STYLE.md §4 keeps them in a few named hooks, out of the components).
 */
import i18next from 'i18next';
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
import { errorText } from '../error-text.js';

/**
 * Where the open project lives, what its clp.conf looked like on disk, and whether it came
 * with its scripts (absent: it did, as every project saved as a folder does).
 */
export type Session = Pick<OpenedProjectFiles, 'location' | 'fingerprint'> & {
  readonly scriptsGiven?: boolean;
};

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

const t = (key: string, values?: Record<string, unknown>) => i18next.t(key, values);

/** The open project, its editor state, and the file operations on it. */
export function useProjectSession() {
  const [editor, dispatchAll] = useReducer(sessionReducer, undefined);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [session, setSession] = useState<Session | undefined>();
  const dispatch = useCallback((action: Action) => dispatchAll(action), []);

  /** Opens a project; true when the window now shows it. */
  const open = useCallback(async (path: string): Promise<boolean> => {
    setNotice({ kind: 'info', text: t('files.opening', { path }) });
    const opened = await api.project.open(path);
    if (!opened.ok) {
      setNotice({ kind: 'error', text: errorText(opened.error) });
      return false;
    }
    const project = projectFromFiles(opened.value.files);
    if (!project.ok) {
      setNotice({ kind: 'error', text: errorText(project.error) });
      return false;
    }
    const { location, fingerprint, scriptsGiven } = opened.value;
    setSession({ location, fingerprint, scriptsGiven });
    dispatchAll({ type: 'opened', editor: initialEditorState(project.value) });
    setNotice(undefined);
    return true;
  }, []);

  /** The project's files for the contract, or undefined (the notice says why). */
  const currentFiles = useCallback(() => {
    if (!editor) {
      return undefined;
    }
    const files = filesFromProject(editor.project);
    if (!files.ok) {
      setNotice({ kind: 'error', text: errorText(files.error) });
      return undefined;
    }
    return files.value;
  }, [editor]);

  /** Saves where the project was opened; true when saved. */
  const save = useCallback(
    async (force = false): Promise<boolean> => {
      const files = currentFiles();
      if (!files || !session) {
        return false;
      }
      const { location, fingerprint } = session;
      const saved = await api.project.save({ location, files, expected: fingerprint, force });
      if (!saved.ok) {
        const isConflict = saved.error.kind === 'changed-on-disk';
        setNotice({ kind: isConflict ? 'conflict' : 'error', text: errorText(saved.error) });
        return false;
      }
      setSession({ ...session, fingerprint: saved.value.fingerprint });
      dispatchAll({ type: 'saved' });
      setNotice({ kind: 'info', text: t('files.saved', { path: location.path }) });
      return true;
    },
    [currentFiles, session],
  );

  /** Saves a copy into a new folder; the window then continues on the copy. */
  const saveAs = useCallback(
    async (folder: string): Promise<boolean> => {
      const files = currentFiles();
      if (!files) {
        return false;
      }
      const saved = await api.project.saveAs({ folder, files });
      if (!saved.ok) {
        setNotice({ kind: 'error', text: errorText(saved.error) });
        return false;
      }
      setSession(saved.value);
      dispatchAll({ type: 'saved' });
      setNotice({ kind: 'info', text: t('files.saved', { path: saved.value.location.path }) });
      return true;
    },
    [currentFiles],
  );

  /** Writes a .zip for the Cluster WebUI; the window stays on its project. */
  const exportZip = useCallback(
    async (destination: string): Promise<boolean> => {
      const files = currentFiles();
      if (!files) {
        return false;
      }
      const exported = await api.project.export({ destination, files });
      setNotice(
        exported.ok
          ? { kind: 'info', text: t('files.exported', { path: exported.value.path }) }
          : { kind: 'error', text: errorText(exported.error) },
      );
      return exported.ok;
    },
    [currentFiles],
  );

  /** Creates a project with the New cluster wizard's options, then opens it; the error, if any. */
  const create = useCallback(
    async (folder: string, options: Record<string, unknown>): Promise<string | undefined> => {
      setNotice({ kind: 'info', text: t('files.creating', { path: folder }) });
      const created = await api.project.create({ folder, options });
      if (!created.ok) {
        setNotice({ kind: 'error', text: errorText(created.error) });
        return errorText(created.error);
      }
      const [first, ...others] = created.value.created;
      if (first === undefined || !(await open(first.path))) {
        return t('files.openFailed', { path: folder });
      }
      if (others.length > 0) {
        // The guest side of a guest-to-host association is its own project (clpbuilder new).
        const paths = others.map((other) => other.path).join(', ');
        setNotice({ kind: 'info', text: t('files.createdOthers', { paths }) });
      }
      return undefined;
    },
    [open],
  );

  useEffect(() => {
    // The project named on the command line opens by itself (clpbuilder serve <project>).
    void api.app.initialProject().then((initial) => {
      if (initial.ok && initial.value.path !== null) {
        void open(initial.value.path);
      }
    });
  }, [open]);

  return { editor, session, notice, dispatch, open, save, saveAs, exportZip, create };
}

/** What useProjectSession gives its callers. */
export type ProjectSession = ReturnType<typeof useProjectSession>;
