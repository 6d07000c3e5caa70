// @vitest-environment jsdom
/**
 * Entity editing through the UI in jsdom: the real tree, toolbar, dialogs, keyboard shortcuts
 * and reducer wired as the app wires them; add, duplicate with a rename map, refusals at the
 * field and in the status line, and undo/redo by button and by keyboard.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Project, readModel } from '../../../schemas/index.js';
import { interHostProject, windowsProject } from '../../../test/support/rule-projects.js';
import { Toolbar } from '../../app/Toolbar.js';
import { useShortcuts } from '../../app/use-shortcuts.js';
import { initI18n } from '../../i18n.js';
import { editorReducer, initialEditorState } from '../../state/editor-state.js';
import { ClusterTree } from '../tree/ClusterTree.js';
import { fakeScrollLayout } from '../tree/jsdom-layout.js';
import { buildTree } from '../tree/tree-model.js';
import { entityRefAt } from './entity-commands.js';
import { useEntityEditing } from './use-entity-editing.js';

let restoreLayout: () => void;
beforeAll(async () => {
  await initI18n();
  restoreLayout = fakeScrollLayout(600);
});
afterAll(() => restoreLayout());
afterEach(cleanup);

/** The workspace's editing parts, wired as App.tsx wires them. */
function Editor({ start = interHostProject() }: { readonly start?: Project }) {
  const { t } = useTranslation();
  const [editor, dispatch] = useReducer(editorReducer, start, initialEditorState);
  const { project, selection } = editor;
  const model = useMemo(() => readModel(project.conf), [project.conf]);
  const tree = useMemo(
    () =>
      buildTree(model, {
        servers: t('tree.servers'),
        heartbeats: t('tree.heartbeats'),
        networkPartitions: t('tree.networkPartitions'),
        groups: t('tree.groups'),
        monitors: t('tree.monitors'),
      }),
    [model, t],
  );
  const editing = useEntityEditing(project, model, dispatch);
  useShortcuts({
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    save: () => {},
  });
  return (
    <>
      <Toolbar
        title={model.cluster.name}
        path="/tmp/cluster"
        isDirty={editor.project !== editor.saved}
        canUndo={editor.past.length > 0}
        canRedo={editor.future.length > 0}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onSave={() => {}}
        onUpload={() => {}}
        onDownload={() => {}}
        onEntityCommand={(command) => editing.onCommand(command, selection)}
        isEntitySelected={entityRefAt(model, selection) !== undefined}
      />
      <ClusterTree
        root={tree}
        selection={selection}
        severities={new Map()}
        label={t('tree.label')}
        onSelect={(path) => dispatch({ type: 'select', path })}
        onCommand={editing.onCommand}
      />
      {editor.refusal ? <p role="alert">{editor.refusal}</p> : null}
      {editing.dialog}
    </>
  );
}

const tree = () => screen.getByRole('tree', { name: 'Cluster' });
const names = () =>
  within(tree())
    .queryAllByRole('treeitem')
    .map((row) => row.getAttribute('aria-label'));
const item = (name: string) => within(tree()).getByRole('treeitem', { name });

describe('editing entities through the UI', () => {
  it('adds a monitor by Insert on its folder, checking the name at the field, then undoes and redoes', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await user.click(item('Monitors'));
    await user.keyboard('{Insert}');
    const dialog = screen.getByRole('dialog', { name: 'Add Monitor resource' });
    expect((within(dialog).getByLabelText('Kind') as HTMLSelectElement).value).toBe('monitor');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'diskw');
    const name = within(dialog).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('diskw1');
    await user.clear(name);
    await user.type(name, 'bad/name');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/cannot be used/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true);
    await user.clear(name);
    await user.type(name, 'diskw-sd{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(names()).toContain('diskw-sd');
    expect(item('diskw-sd').getAttribute('aria-selected')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(names()).not.toContain('diskw-sd');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(names()).toContain('diskw-sd');
    tree().focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(names()).not.toContain('diskw-sd');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(names()).toContain('diskw-sd');
  });

  it('duplicates a group from the context menu with a rename map the user edits', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await user.pointer({ keys: '[MouseRight]', target: item('failover-vm') });
    await user.click(screen.getByRole('menuitem', { name: /Duplicate/ }));
    const dialog = screen.getByRole('dialog', { name: 'Duplicate Group failover-vm' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe(
      'failover-vm-copy',
    );
    const sdCopy = within(dialog).getByRole('textbox', { name: 'New name for sd-vm' });
    expect((sdCopy as HTMLInputElement).value).toBe('sd-vm-copy');
    await user.clear(sdCopy);
    // A name another resource already has is refused by the core, at the form.
    await user.type(sdCopy, 'exec-vm');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/"exec-vm" already exists/);
    await user.clear(sdCopy);
    await user.type(sdCopy, 'sd-b');
    await user.click(within(dialog).getByRole('button', { name: 'Duplicate' }));
    expect(names()).toEqual(
      expect.arrayContaining(['failover-vm-copy', 'sd-b', 'exec-vm-copy', 'sd-vm', 'exec-vm']),
    );
    const copy = item('failover-vm-copy');
    expect(copy.getAttribute('aria-selected')).toBe('true');
    expect(item('sd-b').getAttribute('aria-level')).toBe('4');
  });

  it('renames from the toolbar and shows the core refusal when removing a referenced resource', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    const toolbar = screen.getByRole('group', { name: 'Entity actions' });
    expect(within(toolbar).getByRole('button', { name: 'Rename' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(item('exec-vm'));
    await user.click(within(toolbar).getByRole('button', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename Group resource exec-vm' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'exec-app{Enter}');
    expect(names()).toContain('exec-app');
    expect(names()).not.toContain('exec-vm');

    await user.click(within(toolbar).getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /resource "exec-app" is still referred to by .*genw-vm/,
    );
    expect(names()).toContain('exec-app');
    await user.click(item('userw'));
    tree().focus();
    await user.keyboard('{Delete}');
    expect(names()).not.toContain('userw');
    expect(item('Monitors').getAttribute('aria-selected')).toBe('true');
  });

  it('offers the resource and monitor types of the cluster’s OS only (CF014)', async () => {
    const user = userEvent.setup();
    /** The types the Add dialog offers, opened by Insert on a tree row. */
    const offered = async (start: Project, row: string, dialogName: string) => {
      render(<Editor start={start} />);
      await user.click(item(row));
      await user.keyboard('{Insert}');
      const dialog = screen.getByRole('dialog', { name: dialogName });
      const options = within(within(dialog).getByLabelText('Type')).getAllByRole('option');
      const types = options.map((option) => option.getAttribute('value'));
      cleanup();
      return types;
    };
    const windowsResources = await offered(windowsProject(), 'failover1', 'Add Group resource');
    expect(windowsResources).toEqual(expect.arrayContaining(['script', 'sd', 'fip', 'md']));
    expect(windowsResources).not.toContain('exec');
    expect(windowsResources).not.toContain('disk');
    // The first type offered is the OS's script resource, as exec is on Linux.
    expect(windowsResources[0]).toBe('script');
    const linuxResources = await offered(interHostProject(), 'failover-vm', 'Add Group resource');
    expect(linuxResources[0]).toBe('exec');
    expect(linuxResources).toEqual(expect.arrayContaining(['exec', 'disk']));
    expect(linuxResources).not.toContain('script');
    expect(linuxResources).not.toContain('sd');
    // Monitors too: sdw (the Windows disk monitor of an sd resource) on Windows only.
    const monitors = (start: Project) => offered(start, 'Monitors', 'Add Monitor resource');
    expect(await monitors(windowsProject())).toContain('sdw');
    expect(await monitors(interHostProject())).not.toContain('sdw');
  });
});
