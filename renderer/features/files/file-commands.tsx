/**
 * The file menu's commands and their dialogs: the folder picker, the wizards, and the
 * unsaved-changes guard in front of everything that would drop the window's edits (opening
 * another project, New, closing the window).
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readModel } from '../../../schemas/index.js';
import { isDirty } from '../../state/editor-state.js';
import type { ProjectSession } from '../../state/use-project-session.js';
import { NewClusterWizard } from '../wizards/NewClusterWizard.js';
import { VmScriptsWizard } from '../wizards/VmScriptsWizard.js';
import { DiskChangeNotice } from './DiskChangeNotice.js';
import type { PickMode } from './FolderBrowser.js';
import { FolderPicker } from './FolderPicker.js';
import { UnsavedDialog } from './UnsavedDialog.js';
import { useDiskWatch } from './use-disk-watch.js';
import { type RecentProject, useRecentProjects } from './use-recent-projects.js';

/** What the File menu and the start screen can ask for. */
export interface FileActions {
  newCluster(): void;
  openFolder(): void;
  openZip(): void;
  openRecent(path: string): void;
  save(): void;
  saveAs(): void;
  exportZip(): void;
  vmScripts(): void;
}

type Shown =
  | {
      readonly kind: 'picker';
      readonly mode: PickMode;
      readonly purpose: 'open' | 'save-as' | 'export';
    }
  | { readonly kind: 'new-cluster' }
  | { readonly kind: 'vm-scripts' }
  | { readonly kind: 'unsaved'; readonly then: () => void };

/** The actions, the recent projects, and the dialogs and notices to render. */
export function useFileCommands(projectSession: ProjectSession): {
  actions: FileActions;
  recent: readonly RecentProject[];
  view: ReactNode;
} {
  const { t } = useTranslation();
  const { editor, session, dispatch, open, save, saveAs, exportZip, create } = projectSession;
  const [shown, setShown] = useState<Shown | undefined>();
  const recent = useRecentProjects(session?.location.path);
  const watch = useDiskWatch(session);
  const dirty = editor !== undefined && isDirty(editor);
  const conf = editor?.project.conf;
  // Read again only when the clp.conf changed, not on every render of the window.
  const clusterName = useMemo(() => (conf ? readModel(conf).cluster.name : ''), [conf]);
  const close = () => setShown(undefined);

  /** Runs `then` now, or after the user chose Save or Discard. */
  const guarded = (then: () => void) => () =>
    dirty ? setShown({ kind: 'unsaved', then }) : then();

  useCloseGuard(dirty, (then) => setShown({ kind: 'unsaved', then }));

  const actions: FileActions = {
    newCluster: guarded(() => setShown({ kind: 'new-cluster' })),
    openFolder: guarded(() => setShown({ kind: 'picker', mode: 'open-folder', purpose: 'open' })),
    openZip: guarded(() => setShown({ kind: 'picker', mode: 'open-zip', purpose: 'open' })),
    openRecent: (path) => guarded(() => void open(path))(),
    save: () => void save(),
    saveAs: () => setShown({ kind: 'picker', mode: 'new-folder', purpose: 'save-as' }),
    exportZip: () => setShown({ kind: 'picker', mode: 'new-zip', purpose: 'export' }),
    vmScripts: () => setShown({ kind: 'vm-scripts' }),
  };

  const pick = async (purpose: 'open' | 'save-as' | 'export', path: string) => {
    const done =
      purpose === 'open'
        ? await open(path)
        : purpose === 'save-as'
          ? await saveAs(path)
          : await exportZip(path);
    if (done) {
      close();
    }
  };

  const view = (
    <>
      {watch.change && session ? (
        <DiskChangeNotice
          change={watch.change}
          onReload={() => void open(session.location.path)}
          onKeep={watch.keepMine}
        />
      ) : null}
      {shown?.kind === 'picker' ? (
        <FolderPicker
          mode={shown.mode}
          title={t(`files.picker.title.${shown.purpose === 'open' ? shown.mode : shown.purpose}`)}
          pickLabel={t(`files.picker.pick.${shown.purpose}`)}
          {...(shown.purpose === 'export'
            ? { defaultName: `${clusterName || 'cluster'}.zip` }
            : {})}
          {...(shown.purpose === 'save-as'
            ? { defaultName: `${clusterName || 'cluster'}-copy` }
            : {})}
          startAt={session && parentOf(session.location.path)}
          onPick={(path) => void pick(shown.purpose, path)}
          onClose={close}
        />
      ) : null}
      {shown?.kind === 'new-cluster' ? (
        <NewClusterWizard
          onCreate={async (folder, options) => {
            const problem = await create(folder, options);
            if (problem === undefined) {
              close();
            }
            return problem;
          }}
          onClose={close}
        />
      ) : null}
      {shown?.kind === 'vm-scripts' && editor ? (
        <VmScriptsWizard
          project={editor.project}
          onApply={(vmProfile, force) => {
            dispatch({ type: 'apply-vm-profile', vmProfile, force });
            close();
          }}
          onClose={close}
        />
      ) : null}
      {shown?.kind === 'unsaved' ? (
        <UnsavedDialog
          name={clusterName}
          onSave={async () => {
            const saved = await save();
            if (saved) {
              close();
              shown.then();
            }
            return saved;
          }}
          onDiscard={() => {
            close();
            shown.then();
          }}
          onCancel={close}
        />
      ) : null}
    </>
  );
  return { actions, recent, view };
}

/**
 * Closing the window while dirty: the browser asks with its own dialog (beforeunload); in
 * Electron, cancelling beforeunload cancels the window's close (Electron's BrowserWindow
 * "close" event docs), and the page asks Save / Discard / Cancel itself, then closes.
 */
function useCloseGuard(dirty: boolean, ask: (then: () => void) => void): void {
  const isClosing = useRef(false);
  const asking = useRef(ask);
  useEffect(() => {
    asking.current = ask;
  });
  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isClosing.current) {
        return;
      }
      event.preventDefault();
      event.returnValue = '';
      if (window.api) {
        asking.current(() => {
          isClosing.current = true;
          window.close();
        });
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

/** The folder that holds `path` (a project folder, clp.conf or zip), as the host wrote it. */
function parentOf(path: string): string | undefined {
  const parent = path.replace(/[\\/][^\\/]*[\\/]?$/, '');
  return parent === '' || parent === path ? undefined : parent;
}
