// @vitest-environment jsdom
/**
 * The tree in jsdom with Testing Library: ARIA, keyboard, typeahead, filter, context menu and
 * shortcuts, and virtualization on a 20,000-entity cluster.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClusterModel,
  checkProject,
  readModel,
  setParameter,
} from '../../../schemas/index.js';
import { largeConf } from '../../../test/support/large-conf.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { initI18n } from '../../i18n.js';
import type { TreeCommand } from '../entities/tree-commands.js';
import { ClusterTree } from './ClusterTree.js';
import { fakeScrollLayout } from './jsdom-layout.js';
import { buildTree, entityIds, worstSeverities } from './tree-model.js';

const LABELS = {
  servers: 'Servers',
  heartbeats: 'Heartbeats',
  networkPartitions: 'Network partitions',
  groups: 'Groups',
  monitors: 'Monitors',
};

let restoreLayout: () => void;
beforeAll(async () => {
  await initI18n();
  restoreLayout = fakeScrollLayout(480);
});
afterAll(() => restoreLayout());
afterEach(cleanup);

interface Harness {
  readonly commands: Array<[TreeCommand, string]>;
  selection(): string;
}

/** The tree with its selection kept the way the app keeps it, and commands recorded. */
function renderTree(model: ClusterModel, severities = new Map()): Harness {
  const commands: Array<[TreeCommand, string]> = [];
  let current = 'cluster';
  function Host() {
    const [selection, setSelection] = useState('cluster');
    current = selection;
    const root = useMemo(() => buildTree(model, LABELS), []);
    return (
      <ClusterTree
        root={root}
        selection={selection}
        severities={severities}
        label="Cluster"
        onSelect={setSelection}
        onCommand={(command, id) => commands.push([command, id])}
      />
    );
  }
  render(<Host />);
  return { commands, selection: () => current };
}

const tree = () => screen.getByRole('tree', { name: 'Cluster' });
const item = (name: string) => within(tree()).getByRole('treeitem', { name });
const names = () =>
  within(tree())
    .queryAllByRole('treeitem')
    .map((row) => row.ariaLabel);

describe('ClusterTree', () => {
  it('states level, place, set size and open state on every row, and draws icons per type', () => {
    renderTree(readModel(interHostProject().conf));
    const group = item('failover-vm');
    expect(group.getAttribute('aria-level')).toBe('3');
    expect(group.getAttribute('aria-expanded')).toBe('true');
    const exec = item('exec-vm');
    expect([exec.ariaLevel, exec.ariaPosInSet, exec.ariaSetSize]).toEqual(['4', '2', '2']);
    expect(exec.hasAttribute('aria-expanded')).toBe(false);
    expect(item('Monitors').getAttribute('aria-posinset')).toBe('5');
    const glyph = (name: string) => item(name).querySelector('svg')?.getAttribute('data-glyph');
    expect([glyph('exec-vm'), glyph('sd-vm'), glyph('genw-vm'), glyph('userw')]).toEqual([
      'exec',
      'disk',
      'exec',
      'user',
    ]);
    expect(glyph('esx1')).toBe('server');
  });

  it('shows the worst severity of each entity as a labelled dot', () => {
    const broken = setParameter(
      interHostProject(),
      'monitor/userw@userw/parameters/method',
      'softdog',
    );
    if (!broken.ok) {
      throw new Error(broken.error.message);
    }
    const model = readModel(broken.value.conf);
    const ids = entityIds(buildTree(model, LABELS));
    renderTree(model, worstSeverities(checkProject(broken.value), ids));
    expect(within(item('userw')).getByRole('img', { name: 'Error' })).toBeTruthy();
    expect(within(item('exec-vm')).queryByRole('img')).toBeNull();
  });

  it('moves with the arrow keys, opens and closes, and jumps by typed letters', async () => {
    const user = userEvent.setup();
    const harness = renderTree(readModel(interHostProject().conf));
    tree().focus();
    await user.keyboard('{ArrowDown}');
    expect(harness.selection()).toBe('folder:servers');
    expect(tree().getAttribute('aria-activedescendant')).toBe(item('Servers').id);
    await user.keyboard('{ArrowLeft}');
    expect(item('Servers').getAttribute('aria-expanded')).toBe('false');
    expect(names()).not.toContain('esx1');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(harness.selection()).toBe('server@esx1');
    await user.keyboard('{End}');
    expect(harness.selection()).toBe('monitor/userw@userw');
    await user.keyboard('{Home}');
    expect(harness.selection()).toBe('cluster');
    await user.keyboard('ex');
    expect(harness.selection()).toBe('resource/exec@exec-vm');
    await user.keyboard('{ArrowLeft}');
    expect(harness.selection()).toBe('group@failover-vm');
  });

  it('filters to matching entities and their ancestors', async () => {
    const user = userEvent.setup();
    renderTree(readModel(interHostProject().conf));
    await user.type(screen.getByRole('searchbox', { name: 'Filter the tree' }), 'VM');
    expect(names()).toEqual([
      'esxcluster',
      'Groups',
      'failover-vm',
      'sd-vm',
      'exec-vm',
      'Monitors',
      'genw-vm',
    ]);
    await user.keyboard('{Escape}');
    expect(names()).toContain('userw');
    await user.type(screen.getByRole('searchbox'), 'nothing-like-this');
    expect(names()).toEqual([]);
    expect(screen.getByText('Nothing matches “nothing-like-this”.')).toBeTruthy();
  });

  it('asks for add, remove, rename and duplicate from the keyboard', async () => {
    const user = userEvent.setup();
    const harness = renderTree(readModel(interHostProject().conf));
    await user.click(item('failover-vm'));
    await user.keyboard('{Insert}');
    await user.click(item('exec-vm'));
    await user.keyboard('{F2}{Delete}{Control>}d{/Control}');
    expect(harness.commands).toEqual([
      ['add', 'group@failover-vm'],
      ['rename', 'resource/exec@exec-vm'],
      ['remove', 'resource/exec@exec-vm'],
      ['duplicate', 'resource/exec@exec-vm'],
    ]);
  });

  it('opens a context menu by right-click or Shift+F10, and its items ask for commands', async () => {
    const user = userEvent.setup();
    const harness = renderTree(readModel(interHostProject().conf));
    fireEvent.contextMenu(item('exec-vm'), { clientX: 40, clientY: 200 });
    const menu = screen.getByRole('menu', { name: 'Actions for exec-vm' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((entry) => entry.textContent)).toEqual([
      'Add Group resource…Insert',
      'Rename…F2',
      'Duplicate…Ctrl+D',
      'DeleteDelete',
    ]);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(harness.commands).toEqual([['rename', 'resource/exec@exec-vm']]);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tree());

    await user.click(item('Monitors'));
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const folderMenu = screen.getByRole('menu', { name: 'Actions for Monitors' });
    const rename = within(folderMenu).getByRole('menuitem', { name: /Rename/ });
    expect(rename.getAttribute('aria-disabled')).toBe('true');
    await user.click(rename);
    expect(harness.commands).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tree());
    await user.keyboard('{ContextMenu}');
    await user.click(screen.getByRole('menuitem', { name: /Add Monitor resource/ }));
    expect(harness.commands[1]).toEqual(['add', 'folder:monitors']);
  });

  it('keeps the DOM to the rows in view on a 20,000-entity cluster, with ARIA right', async () => {
    const user = userEvent.setup();
    const model = readModel(largeConf(2_000, 10));
    expect(model.resources).toHaveLength(20_000);
    const started = performance.now();
    const harness = renderTree(model);
    const renderMs = performance.now() - started;
    const rows = () => within(tree()).getAllByRole('treeitem');
    expect(rows().length).toBeLessThan(60);
    expect(item('g1-r1').getAttribute('aria-setsize')).toBe('10');
    expect(item('g1').getAttribute('aria-setsize')).toBe('2000');
    tree().focus();
    // The last row is the (empty) Monitors folder; the last resource is just above it.
    await user.keyboard('{End}{ArrowUp}');
    expect(harness.selection()).toBe('resource/exec@g2000-r10');
    const last = await within(tree()).findByRole('treeitem', { name: 'g2000-r10' });
    expect([last.ariaLevel, last.ariaPosInSet, last.ariaSetSize]).toEqual(['4', '10', '10']);
    expect(tree().getAttribute('aria-activedescendant')).toBe(last.id);
    expect(rows().length).toBeLessThan(60);
    await user.keyboard('{Home}');
    await within(tree()).findByRole('treeitem', { name: 'g1-r1' });
    expect(rows().length).toBeLessThan(60);
    console.log(`20,000-resource tree: first render ${renderMs.toFixed(0)} ms in jsdom`);
  });
});
