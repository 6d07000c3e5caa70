/**
 * The Builder's window: toolbar; the tree on the left; properties or raw clp.conf on the
 * right; Problems below; a status bar. State lives in useProjectSession (renderer/state/).
 */
import { withTemplateRules } from '../../templates/index.js';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DependencySide,
  type Finding,
  acknowledgementsOf,
  checkProject,
  reviewFindings,
  today,
  readModel,
  serializeClpConf,
  serverOsOf,
} from '../../schemas/index.js';
import { ClusterTree } from '../features/tree/ClusterTree.js';
import {
  buildTree,
  entityIds,
  entityOfPath,
  worstSeverities,
} from '../features/tree/tree-model.js';
import { PropertiesPanel } from '../features/properties/PropertiesPanel.js';
import { devicesOf, entityAt } from '../features/properties/entity-view.js';
import { ProblemsPanel } from '../features/problems/ProblemsPanel.js';
import { ScriptsPanel } from '../features/scripts/ScriptsPanel.js';
import { scriptFolderOf, scriptOwnerOf, scriptsIn } from '../features/scripts/script-text.js';
import { useEntityEditing } from '../features/entities/use-entity-editing.js';
import { DownloadDialog } from '../features/hosts/DownloadDialog.js';
import { FileMenu } from '../features/files/FileMenu.js';
import { useFileCommands } from '../features/files/file-commands.js';
import { UploadDialog } from '../features/hosts/UploadDialog.js';
import { type EditorState, isDirty } from '../state/editor-state.js';
import { type Session, useProjectSession } from '../state/use-project-session.js';
import { OpenForm } from './OpenForm.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useColorScheme } from './use-color-scheme.js';
import { useMenuCommands } from './use-menu-commands.js';
import { useShortcuts } from './use-shortcuts.js';

// Monaco is large: load it when the clp.conf tab is first shown, not before the tree.
const ConfEditor = lazy(() =>
  import('../editor/ConfEditor.js').then((module) => ({ default: module.ConfEditor })),
);

/** The whole app. */
export function App() {
  const projectSession = useProjectSession();
  const { editor, session, notice, dispatch, open, save } = projectSession;
  const files = useFileCommands(projectSession);
  useShortcuts({
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    save: () => void save(),
  });
  useMenuCommands({
    'file:new': files.actions.newCluster,
    'file:open-folder': files.actions.openFolder,
    'file:open-zip': files.actions.openZip,
    'file:save': () => void save(),
    'file:save-as': files.actions.saveAs,
    'file:export-zip': files.actions.exportZip,
    'file:vm-scripts': files.actions.vmScripts,
    'edit:undo': () => dispatch({ type: 'undo' }),
    'edit:redo': () => dispatch({ type: 'redo' }),
  });
  return (
    <div className="app">
      {editor && session ? (
        <Workspace
          editor={editor}
          session={session}
          dispatch={dispatch}
          onSave={() => void save()}
          onReload={(path) => void open(path)}
          fileMenu={
            <FileMenu
              actions={files.actions}
              recent={files.recent}
              hasProject
              isDirty={isDirty(editor)}
            />
          }
        />
      ) : (
        <OpenForm
          actions={files.actions}
          recent={files.recent}
          onOpen={(path) => void open(path)}
        />
      )}
      {files.view}
      <StatusBar notice={notice} onOverwrite={() => void save(true)} />
    </div>
  );
}

interface WorkspaceProps {
  readonly editor: EditorState;
  readonly session: Session;
  dispatch: ReturnType<typeof useProjectSession>['dispatch'];
  onSave(): void;
  /** Opens `path` again (after a download wrote into the open project). */
  onReload(path: string): void;
  readonly fileMenu: React.ReactNode;
}

function Workspace({ editor, session, dispatch, onSave, onReload, fileMenu }: WorkspaceProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'properties' | 'scripts' | 'conf'>('properties');
  const [scriptChosen, setScriptChosen] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'upload' | 'download' | undefined>();
  const isDark = useColorScheme();
  const { project, selection } = editor;
  const model = useMemo(() => readModel(project.conf), [project.conf]);
  const names = useMemo(
    () => ({
      servers: model.servers.map((server) => server.name),
      groups: model.groups.map((group) => group.name),
      resources: model.resources.map((resource) => resource.name),
      devices: devicesOf(model.servers),
      os: serverOsOf(model.all.serveros),
    }),
    // readModel keeps a list that did not change: names follow only the lists they come from.
    [model.servers, model.groups, model.resources, model.all],
  );
  // Stable across renders, so that the property form's unchanged rows are not rendered again.
  const propertyEdits = useMemo(
    () => ({
      onSet: (path: string, value: string) => dispatch({ type: 'set-parameter', path, value }),
      onRemove: (path: string) => dispatch({ type: 'remove-parameter', path }),
      onSetMany: (changes: ReadonlyArray<readonly [string, string]>) =>
        dispatch({ type: 'set-parameters', changes }),
      onStartupServers: (group: string, servers: readonly string[]) =>
        dispatch({ type: 'set-startup-servers', group, servers }),
      onDependencies: (resource: string, depends: readonly string[] | undefined) =>
        dispatch({ type: 'set-dependencies', resource, depends }),
      onGroupDependencies: (group: string, groups: readonly string[], side: DependencySide) =>
        dispatch({ type: 'set-group-dependencies', group, groups, side }),
      onSelect: (path: string) => dispatch({ type: 'select', path }),
    }),
    [dispatch],
  );
  const scriptsGiven = session?.scriptsGiven ?? true;
  const allFindings = useMemo(
    () => checkProject(project, withTemplateRules({ scriptsGiven })),
    [project, scriptsGiven],
  );
  // Accepted findings (project.json) are listed apart; the tree and the forms show the rest.
  const acknowledged = acknowledgementsOf(project);
  // The day is read on each render, so that an acceptance that runs out does so while open.
  const day = today();
  const review = useMemo(
    () => reviewFindings(allFindings, acknowledged, day),
    [allFindings, acknowledged, day],
  );
  const findings = review.open;
  // Serialising a large clp.conf costs; only the clp.conf tab needs the text.
  const text = useMemo(
    () => (tab === 'conf' ? serializeClpConf(project.conf) : ''),
    [tab, project.conf],
  );
  // The selected entity, looked up (a scan of every list) only when the selection or the
  // model changed, not on each render.
  const selected = useMemo(() => entityAt(model, selection), [model, selection]);
  const scriptFolder = useMemo(() => scriptFolderOf(model, selection), [model, selection]);
  const scriptFiles = useMemo(
    () => (scriptFolder === undefined ? [] : scriptsIn(project.scripts, scriptFolder)),
    [project.scripts, scriptFolder],
  );
  const tree = useMemo(() => buildTree(model, folderLabels(t)), [model, t]);
  const ids = useMemo(() => entityIds(tree), [tree]);
  const severities = useMemo(() => worstSeverities(findings, ids), [findings, ids]);
  const dirty = isDirty(editor);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${model.cluster.name} — ${session.location.path} — ${t('app.title')}`;
  }, [dirty, model.cluster.name, session.location.path, t]);

  const editing = useEntityEditing(project, model, dispatch);
  useMenuCommands({
    'entity:add': () => editing.onCommand('add', selection),
    'entity:rename': () => editing.onCommand('rename', selection),
    'entity:duplicate': () => editing.onCommand('duplicate', selection),
    'entity:remove': () => editing.onCommand('remove', selection),
    'hosts:upload': () => setDialog('upload'),
    'hosts:download': () => setDialog('download'),
  });

  const reveal = (finding: Finding) => {
    // A finding about a script's content opens the script, in its owner's Scripts tab.
    const { script } = finding;
    const owner = script === undefined ? undefined : scriptOwnerOf(model, script);
    if (owner !== undefined) {
      dispatch({ type: 'select', path: owner });
      setScriptChosen(script);
      setTab('scripts');
      return;
    }
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
        fileMenu={fileMenu}
        onEntityCommand={(command) => editing.onCommand(command, selection)}
        isEntitySelected={selected !== undefined && selected.kind !== 'cluster'}
      />
      <main className="workspace">
        <nav className="sidebar" aria-label={t('tree.label')}>
          <ClusterTree
            root={tree}
            selection={selection}
            severities={severities}
            label={t('tree.label')}
            onSelect={(path) => dispatch({ type: 'select', path })}
            onCommand={editing.onCommand}
          />
        </nav>
        <section className="editor-area">
          <div role="tablist" className="tabs">
            {(['properties', 'scripts', 'conf'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                disabled={name === 'scripts' && scriptFolder === undefined}
                onClick={() => setTab(name)}
              >
                {t(`tabs.${name}`)}
                {name === 'scripts' && scriptFiles.length > 0 ? ` (${scriptFiles.length})` : ''}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="tab-body">
            {tab === 'scripts' && scriptFolder !== undefined ? (
              <ScriptsPanel
                project={project}
                folder={scriptFolder}
                files={scriptFiles}
                isDark={isDark}
                chosen={scriptChosen}
                onChoose={setScriptChosen}
                onText={(path, value) => dispatch({ type: 'set-script', path, text: value })}
              />
            ) : tab === 'properties' || tab === 'scripts' ? (
              <PropertiesPanel
                entity={selected}
                findings={findings}
                names={names}
                {...propertyEdits}
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
          accepted={review.accepted}
          stale={review.stale}
          expired={review.expired}
          // A bare clp.conf is saved alone: it has no project.json to keep an acceptance in.
          canAcknowledge={session.location.kind === 'folder'}
          onReveal={reveal}
          onQuickFix={(finding) => dispatch({ type: 'apply-quick-fix', finding, scriptsGiven })}
          onFixAll={() => dispatch({ type: 'apply-all-quick-fixes', scriptsGiven })}
          onAcknowledge={(finding, choice) =>
            dispatch({ type: 'acknowledge', finding, ...choice, date: day })
          }
          onWithdraw={({ rule, path }) =>
            dispatch({ type: 'withdraw-acknowledgement', target: { rule, path } })
          }
        />
      </main>
      {editor.refusal ? (
        <p className="refusal" role="alert">
          {editor.refusal}
        </p>
      ) : null}
      {editing.dialog}
      {dialog === 'upload' ? (
        <UploadDialog
          project={session.location.path}
          hosts={project.meta.hosts}
          isDirty={dirty}
          onClose={() => setDialog(undefined)}
          onSaveHosts={(hosts) => dispatch({ type: 'set-hosts', hosts })}
        />
      ) : null}
      {dialog === 'download' ? (
        <DownloadDialog
          folder={session.location.path}
          hosts={project.meta.hosts}
          onClose={() => setDialog(undefined)}
          onWritten={(folder) => {
            if (folder === session.location.path) {
              onReload(folder);
            }
          }}
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
