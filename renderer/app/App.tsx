/**
 * The Builder's window: toolbar; the tree on the left; properties or raw clp.conf on the
 * right; Problems below; a status bar. State lives in useProjectSession (renderer/state/).
 */
import { withTemplateRules } from '../../templates/index.js';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, checkProject, readModel, serializeClpConf } from '../../schemas/index.js';
import { ClusterTree } from '../features/tree/ClusterTree.js';
import {
  buildTree,
  entityIds,
  entityOfPath,
  worstSeverities,
} from '../features/tree/tree-model.js';
import { PropertiesPanel } from '../features/properties/PropertiesPanel.js';
import { entityAt } from '../features/properties/entity-view.js';
import { ProblemsPanel } from '../features/problems/ProblemsPanel.js';
import { DownloadDialog } from '../features/hosts/DownloadDialog.js';
import { UploadDialog } from '../features/hosts/UploadDialog.js';
import { type EditorState, isDirty } from '../state/editor-state.js';
import { type Session, useProjectSession } from '../state/use-project-session.js';
import { OpenForm } from './OpenForm.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useColorScheme } from './use-color-scheme.js';
import { useShortcuts } from './use-shortcuts.js';

// Monaco is large: load it when the clp.conf tab is first shown, not before the tree.
const ConfEditor = lazy(() =>
  import('../editor/ConfEditor.js').then((module) => ({ default: module.ConfEditor })),
);

/** The whole app. */
export function App() {
  const { editor, session, notice, dispatch, open, save } = useProjectSession();
  useShortcuts({
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    save: () => void save(),
  });
  return (
    <div className="app">
      {editor && session ? (
        <Workspace
          editor={editor}
          session={session}
          dispatch={dispatch}
          onSave={() => void save()}
        />
      ) : (
        <OpenForm onOpen={(path) => void open(path)} />
      )}
      <StatusBar notice={notice} onOverwrite={() => void save(true)} />
    </div>
  );
}

interface WorkspaceProps {
  readonly editor: EditorState;
  readonly session: Session;
  dispatch: ReturnType<typeof useProjectSession>['dispatch'];
  onSave(): void;
}

function Workspace({ editor, session, dispatch, onSave }: WorkspaceProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'properties' | 'conf'>('properties');
  const [dialog, setDialog] = useState<'upload' | 'download' | undefined>();
  const isDark = useColorScheme();
  const { project, selection } = editor;
  const model = useMemo(() => readModel(project.conf), [project.conf]);
  const findings = useMemo(() => checkProject(project, withTemplateRules()), [project]);
  const text = useMemo(() => serializeClpConf(project.conf), [project.conf]);
  const tree = useMemo(() => buildTree(model, folderLabels(t)), [model, t]);
  const ids = useMemo(() => entityIds(tree), [tree]);
  const severities = useMemo(() => worstSeverities(findings, ids), [findings, ids]);
  const dirty = isDirty(editor);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${model.cluster.name} — ${session.location.path} — ${t('app.title')}`;
  }, [dirty, model.cluster.name, session.location.path, t]);

  const reveal = (finding: Finding) => {
    dispatch({ type: 'select', path: entityOfPath(finding.path, ids) });
    setTab('properties');
    // After the form renders, put the cursor on the field the finding is about.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-path="${CSS.escape(finding.path)}"]`)?.focus(),
    );
  };

  return (
    <>
      <Toolbar
        title={model.cluster.name}
        path={session.location.path}
        isDirty={dirty}
        canUndo={editor.past.length > 0}
        canRedo={editor.future.length > 0}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onSave={onSave}
        onUpload={() => setDialog('upload')}
        onDownload={() => setDialog('download')}
      />
      <main className="workspace">
        <nav className="sidebar" aria-label={t('tree.label')}>
          <ClusterTree
            root={tree}
            selection={selection}
            severities={severities}
            label={t('tree.label')}
            onSelect={(path) => dispatch({ type: 'select', path })}
          />
        </nav>
        <section className="editor-area">
          <div role="tablist" className="tabs">
            {(['properties', 'conf'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                onClick={() => setTab(name)}
              >
                {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="tab-body">
            {tab === 'properties' ? (
              <PropertiesPanel
                entity={entityAt(model, selection)}
                findings={findings}
                onSet={(path, value) => dispatch({ type: 'set-parameter', path, value })}
              />
            ) : (
              <Suspense fallback={<p className="empty">…</p>}>
                <p className="note">{t('conf.note')}</p>
                <ConfEditor
                  text={text}
                  isDark={isDark}
                  onText={(value) => dispatch({ type: 'replace-conf', text: value })}
                />
              </Suspense>
            )}
          </div>
        </section>
        <ProblemsPanel
          findings={findings}
          onReveal={reveal}
          onQuickFix={(finding) => dispatch({ type: 'apply-quick-fix', finding })}
        />
      </main>
      {editor.refusal ? (
        <p className="refusal" role="alert">
          {editor.refusal}
        </p>
      ) : null}
      {dialog === 'upload' ? (
        <UploadDialog
          project={session.location.path}
          hosts={project.meta.hosts}
          isDirty={dirty}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'download' ? (
        <DownloadDialog
          folder={session.location.path}
          hosts={project.meta.hosts}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </>
  );
}

function folderLabels(t: (key: string) => string) {
  return {
    servers: t('tree.servers'),
    heartbeats: t('tree.heartbeats'),
    networkPartitions: t('tree.networkPartitions'),
    groups: t('tree.groups'),
    monitors: t('tree.monitors'),
  };
}
