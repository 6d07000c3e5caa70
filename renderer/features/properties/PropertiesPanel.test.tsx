// @vitest-environment jsdom
/**
 * The property form: parameters added (the documented ones offered, a misspelt one refused)
 * and removed, and the settings chosen by meaning for monitors, groups, resources and
 * heartbeats, each edit asked for with its whole path.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n.js';
import type { ClusterNames, EntityView } from './entity-view.js';
import { PropertiesPanel } from './PropertiesPanel.js';
import { type Finding, documentedWordsOf } from '../../../schemas/index.js';

beforeAll(() => initI18n());
afterEach(cleanup);

const USERW: EntityView = {
  path: 'monitor/userw@userw',
  name: 'userw',
  kind: 'monitor',
  type: 'userw',
  parameters: { comment: '', 'relation/type': 'cls', 'relation/name': 'LocalServer' },
};

const NO_NAMES: ClusterNames = { servers: [], groups: [], resources: [] };

/** The form of `entity`, every edit it asks for logged in order as [what, ...arguments]. */
function renderPanel(
  entity: EntityView = USERW,
  names: ClusterNames = NO_NAMES,
  findings: readonly Finding[] = [],
) {
  const edits: unknown[][] = [];
  render(
    <PropertiesPanel
      entity={entity}
      findings={findings}
      names={names}
      onSet={(path, value) => edits.push(['set', path, value])}
      onRemove={(path) => edits.push(['remove', path])}
      onSetMany={(changes) => edits.push(['many', changes])}
      onStartupServers={(group, servers) => edits.push(['startup', group, servers])}
      onDependencies={(resource, depends) => edits.push(['depends', resource, depends])}
      onGroupDependencies={(group, groups, side) => edits.push([`${side}-depends`, group, groups])}
      onSelect={(path) => edits.push(['select', path])}
    />,
  );
  return { edits, user: userEvent.setup() };
}

/** The labelled select; the values and the texts of its options. */
function selectAt(label: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  const options = Array.from(select.options);
  return {
    select,
    values: options.map((option) => option.value),
    texts: options.map((option) => option.text),
  };
}

const addButton = () => screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement;

describe('Add a parameter', () => {
  it('offers the documented parameters the entity lacks, for its kind and type', () => {
    renderPanel();
    const input = screen.getByLabelText('New parameter');
    const list = document.getElementById(input.getAttribute('list') ?? '');
    const offered = Array.from(list?.querySelectorAll('option') ?? [], (option) =>
      option.getAttribute('value'),
    );
    expect(offered).toContain('polling/interval');
    expect(offered).toContain('parameters/method');
    expect(offered).not.toContain('relation/type');
    expect(offered).not.toContain('parameters/path');
  });

  it('refuses a misspelt parameter, one already listed, and a value out of range', async () => {
    const { edits, user } = renderPanel();
    const sub = screen.getByLabelText('New parameter');
    const value = screen.getByLabelText('Value');
    await user.type(sub, 'polling/intervall');
    await user.type(value, '30');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'the sources document no such parameter here: did you mean polling/interval?',
    ]);
    expect(addButton().disabled).toBe(true);

    await user.clear(sub);
    await user.type(sub, 'relation/type');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'relation/type is already listed above',
    ]);

    await user.clear(sub);
    await user.type(sub, 'polling/interval');
    await user.clear(value);
    await user.type(value, '0');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '"0" must be between 1 and 999999',
    ]);
    expect(addButton().disabled).toBe(true);
    expect(edits).toEqual([]);
  });

  it('adds a documented parameter, and one no source names, by their whole path', async () => {
    const { edits, user } = renderPanel();
    const sub = screen.getByLabelText('New parameter');
    const value = screen.getByLabelText('Value');
    await user.type(sub, 'polling/interval');
    await user.type(value, '30');
    await user.click(addButton());
    expect((sub as HTMLInputElement).value).toBe('');
    await user.type(sub, 'parameters/custom');
    await user.type(value, 'x{Enter}');
    expect(edits).toEqual([
      ['set', 'monitor/userw@userw/polling/interval', '30'],
      ['set', 'monitor/userw@userw/parameters/custom', 'x'],
    ]);
  });
});

describe('back to the product default', () => {
  const GENW: EntityView = {
    path: 'monitor/genw@genw1',
    name: 'genw1',
    kind: 'monitor',
    type: 'genw',
    parameters: {
      'polling/interval': '30',
      'polling/servers@0/name': 'srv1',
      'parameters/sync': '0',
    },
  };

  it('removes a plain parameter with its button; keyed entries have none', async () => {
    const { edits, user } = renderPanel(GENW);
    await user.click(
      screen.getByRole('button', { name: 'Remove polling/interval: the product default applies' }),
    );
    expect(edits).toEqual([['remove', 'monitor/genw@genw1/polling/interval']]);
    expect(screen.queryByRole('button', { name: /Remove polling\/servers@0\/name/ })).toBeNull();
  });

  it('removes a choice when its product default is chosen, and sets a real choice', async () => {
    const { edits, user } = renderPanel(GENW);
    const sync = screen.getByLabelText('Monitor type');
    await user.selectOptions(sync, 'Product default');
    await user.selectOptions(sync, 'Synchronous (1)');
    expect(edits).toEqual([
      ['remove', 'monitor/genw@genw1/parameters/sync'],
      ['set', 'monitor/genw@genw1/parameters/sync', '1'],
    ]);
  });
});

describe("a group's startup servers", () => {
  const GROUP: EntityView = {
    path: 'group@failover-vm',
    name: 'failover-vm',
    kind: 'group',
    parameters: {
      comment: '',
      'resource@exec@exec-vm': '',
      'policy@esx2/order': '1',
      'policy@esx1/order': '0',
    },
    members: [{ type: 'exec', name: 'exec-vm' }],
    startupServers: ['esx1', 'esx2'],
  };

  const renderGroup = (entity: EntityView = GROUP) =>
    renderPanel(entity, { servers: ['esx1', 'esx2', 'esx3'], groups: [], resources: [] });

  it('lists them by order, not as raw parameters, and moves, removes and adds', async () => {
    const { edits, user } = renderGroup();
    const list = screen.getByRole('list', { name: 'Startup servers' });
    expect(list.textContent).toBe('1.esx1↑↓×2.esx2↑↓×');
    expect(screen.queryByLabelText('policy@esx1/order')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Move esx2 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove esx1 from the startup servers' }));
    expect((screen.getByLabelText('Server to add') as HTMLSelectElement).value).toBe('esx3');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(edits).toEqual([
      ['startup', 'failover-vm', ['esx2', 'esx1']],
      ['startup', 'failover-vm', ['esx2']],
      ['startup', 'failover-vm', ['esx1', 'esx2', 'esx3']],
    ]);
  });

  it('lists the groups it starts and stops after, offering the other groups, and removes and adds', async () => {
    const { edits, user } = renderPanel(
      {
        ...GROUP,
        parameters: {
          ...GROUP.parameters,
          'depend/act/depend@failover-db': '',
          'depend/deact/depend@failover-web': '',
        },
        groupDependencies: { start: ['failover-db'], stop: ['failover-web'] },
      },
      { servers: ['esx1'], groups: ['failover-vm', 'failover-db', 'failover-web'], resources: [] },
    );
    const fieldset = (legend: string) => screen.getByRole('group', { name: legend });
    expect(screen.getByRole('list', { name: 'Start dependencies' }).textContent).toBe(
      'failover-db×',
    );
    expect(screen.getByRole('list', { name: 'Stop dependencies' }).textContent).toBe(
      'failover-web×',
    );
    expect(screen.queryByLabelText('depend/act/depend@failover-db')).toBeNull();
    expect(screen.queryByLabelText('depend/deact/depend@failover-web')).toBeNull();
    // Neither the group itself nor one it already waits for is offered.
    expect(selectAt('Group to start after').values).toEqual(['failover-web']);
    expect(selectAt('Group to stop after').values).toEqual(['failover-db']);
    const start = within(fieldset('Start dependencies'));
    await user.click(start.getByRole('button', { name: 'Add dependency' }));
    await user.click(start.getByRole('button', { name: 'Remove the dependency on failover-db' }));
    await user.click(
      within(fieldset('Stop dependencies')).getByRole('button', { name: 'Add dependency' }),
    );
    expect(edits).toEqual([
      ['start-depends', 'failover-vm', ['failover-db', 'failover-web']],
      ['start-depends', 'failover-vm', []],
      ['stop-depends', 'failover-vm', ['failover-web', 'failover-db']],
    ]);
  });

  it('says that every server can start a group with none chosen', () => {
    renderGroup({ ...GROUP, parameters: { comment: '' }, startupServers: [] });
    expect(screen.getByText(/None chosen: every server can start the group/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Startup' })).toBeTruthy();
  });
});

describe("a resource's dependencies", () => {
  const EXEC: EntityView = {
    path: 'resource/exec@exec2',
    name: 'exec2',
    kind: 'resource',
    type: 'exec',
    parameters: { comment: '', 'depend@exec1': '', 'parameters/act/path': 'start.sh' },
    depends: ['exec1'],
    dependable: ['exec1', 'exec3', 'fip1'],
  };
  const circle: Finding = {
    rule: 'CF015',
    severity: 'error',
    path: 'resource/exec@exec2/depend@exec1',
    message: 'resources exec1 and exec2 depend on each other in a circle (exec1 → exec2 → exec1)',
    fix: 'Remove one dependency of the circle.',
    source: 'test',
    hasQuickFix: false,
    ja: { message: '循環', fix: '取り除いてください。' },
  };

  it('lists the explicit ones, not as raw parameters, with their findings, and removes and adds', async () => {
    const { edits, user } = renderPanel(EXEC, NO_NAMES, [circle]);
    const list = screen.getByRole('list', { name: 'Dependencies' });
    expect(list.textContent).toContain('exec1×');
    expect(list.textContent).toContain('CF015: resources exec1 and exec2 depend on each other');
    expect(screen.queryByLabelText('depend@exec1')).toBeNull();
    expect(
      (screen.getByLabelText('Follow the default dependency') as HTMLInputElement).checked,
    ).toBe(false);
    // Only the group's other resources not chosen yet are offered.
    expect(selectAt('Resource to depend on').values).toEqual(['exec3', 'fip1']);
    await user.selectOptions(screen.getByLabelText('Resource to depend on'), 'fip1');
    await user.click(screen.getByRole('button', { name: 'Add dependency' }));
    await user.click(screen.getByRole('button', { name: 'Remove the dependency on exec1' }));
    await user.click(screen.getByLabelText('Follow the default dependency'));
    expect(edits).toEqual([
      ['depends', 'resource/exec@exec2', ['exec1', 'fip1']],
      ['depends', 'resource/exec@exec2', []],
      ['depends', 'resource/exec@exec2', undefined],
    ]);
  });

  it('says what the default dependency and "none" mean, and unticking the default asks for none', async () => {
    const { edits, user } = renderPanel({
      ...EXEC,
      parameters: { comment: '' },
      depends: undefined,
    });
    expect(
      screen.getByText(/Activated after the resources the product makes it depend on/),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Dependencies' })).toBeNull();
    await user.click(screen.getByLabelText('Follow the default dependency'));
    expect(edits).toEqual([['depends', 'resource/exec@exec2', []]]);
    cleanup();
    renderPanel({ ...EXEC, parameters: { comment: '', 'depend@': '' }, depends: [] });
    expect(screen.getByText(/None: activated without waiting/)).toBeTruthy();
    expect(screen.queryByLabelText('depend@')).toBeNull();
  });
});

describe("a monitor's timing, target and recovery target", () => {
  const GENW: EntityView = {
    path: 'monitor/genw@genw-vm',
    name: 'genw-vm',
    kind: 'monitor',
    type: 'genw',
    parameters: {
      target: 'exec-vm',
      'polling/timing': '1',
      'relation/type': 'grp',
      'relation/name': 'failover-vm',
    },
  };
  const NAMES = { servers: ['esx1'], groups: ['failover-vm'], resources: ['sd-vm', 'exec-vm'] };

  it("chooses among the cluster's resources and groups, the recovery target as one edit", async () => {
    const { edits, user } = renderPanel(GENW, NAMES);
    const { select: target, texts: targets } = selectAt('Target resource');
    expect(targets).toEqual(['None', 'sd-vm', 'exec-vm']);
    expect(target.value).toBe('exec-vm');
    const { select: recovery, texts: recoveries } = selectAt('Recovery target');
    expect(recoveries).toEqual([
      'The cluster (LocalServer)',
      'Group failover-vm',
      'Resource sd-vm',
      'Resource exec-vm',
    ]);
    expect(recovery.value).toBe('grp:failover-vm');
    expect(screen.queryByLabelText('relation/type')).toBeNull();

    await user.selectOptions(target, 'sd-vm');
    await user.selectOptions(target, 'None');
    await user.selectOptions(recovery, 'The cluster (LocalServer)');
    await user.selectOptions(screen.getByLabelText('Monitor timing'), 'Always (0)');
    expect(edits).toEqual([
      ['set', 'monitor/genw@genw-vm/target', 'sd-vm'],
      ['remove', 'monitor/genw@genw-vm/target'],
      [
        'many',
        [
          ['monitor/genw@genw-vm/relation/type', 'cls'],
          ['monitor/genw@genw-vm/relation/name', 'LocalServer'],
        ],
      ],
      ['set', 'monitor/genw@genw-vm/polling/timing', '0'],
    ]);
  });
});

describe("a resource's final actions and an exec script's mode", () => {
  it('offers the documented codes with their meaning; deactivation has no group or cluster stop', async () => {
    const { edits, user } = renderPanel({
      path: 'resource/exec@exec-vm',
      name: 'exec-vm',
      kind: 'resource',
      type: 'exec',
      parameters: { 'act/action': '1', 'parameters/act/sync': '1' },
    });
    const act = screen.getByLabelText('On activation failure') as HTMLSelectElement;
    expect(act.value).toBe('1');
    expect(act.selectedOptions[0]?.text).toBe(
      'No operation (do not go on with the next resource) (1)',
    );
    const deact = screen.getByLabelText('On deactivation failure') as HTMLSelectElement;
    const codes = Array.from(deact.options, (option) => option.value);
    expect(codes).toContain('4');
    expect(codes).not.toContain('2');
    expect(codes).not.toContain('3');
    await user.selectOptions(screen.getByLabelText('Start script'), 'Asynchronous (0)');
    await user.selectOptions(deact, '4');
    expect(edits).toEqual([
      ['set', 'resource/exec@exec-vm/parameters/act/sync', '0'],
      ['set', 'resource/exec@exec-vm/deact/action', '4'],
    ]);
  });
});

describe('the documented choices of disks, mirror disks and pre-action scripts', () => {
  const optionsOf = (label: string) => selectAt(label).values;

  it('a disk resource: its disk type and file system (clpconf-format.md §5.2)', () => {
    renderPanel({
      path: 'resource/disk@disk1',
      name: 'disk1',
      kind: 'resource',
      type: 'disk',
      parameters: { 'parameters/fs': 'ext4' },
    });
    expect(optionsOf('Disk type')).toEqual(['', 'disk', 'raw', 'lvm', 'vxvm']);
    expect(optionsOf('File system')).toContain('xfs');
    expect((screen.getByLabelText('File system') as HTMLSelectElement).value).toBe('ext4');
  });

  it('offers what the rules accept: the core’s documented words, and keeps a value outside them', async () => {
    const { edits, user } = renderPanel({
      path: 'resource/md@md1',
      name: 'md1',
      kind: 'resource',
      type: 'md',
      parameters: { 'parameters/fs': 'btrfs' },
    });
    expect(optionsOf('File system')).toEqual([
      '',
      'btrfs',
      ...(documentedWordsOf('resource/md@md1/parameters/fs') ?? []),
    ]);
    await user.selectOptions(screen.getByLabelText('File system'), 'xfs');
    expect(edits).toEqual([['set', 'resource/md@md1/parameters/fs', 'xfs']]);
  });

  it('a group: its type and exclusion beside startup, failover and failback', () => {
    renderPanel({ path: 'group@g1', name: 'g1', kind: 'group', parameters: { exclusive: '1' } });
    expect(optionsOf('Group type')).toEqual(['', 'failover', 'cluster', 'virtualmachine']);
    const { select: exclusion, texts: exclusions } = selectAt('Exclusion');
    expect(exclusions).toEqual([
      'Product default',
      'None (0)',
      'Normal exclusion (1)',
      'Full exclusion (2)',
    ]);
    expect(exclusion.value).toBe('1');
  });

  it('final actions and methods are those of the cluster’s OS', () => {
    renderPanel(USERW, { ...NO_NAMES, os: 'windows' });
    expect(optionsOf('Final action')).toEqual(['', '1', '2', '3', '4', '5', '6']);
    expect(optionsOf('Monitoring method')).toEqual(['', 'keepalive']);
    cleanup();
    renderPanel(USERW, { ...NO_NAMES, os: 'linux' });
    expect(optionsOf('Final action')).not.toContain('6');
    expect(optionsOf('Final action')).toContain('16');
  });

  it('a user-space monitor: its method and its action at timeout', () => {
    renderPanel();
    expect(optionsOf('Monitoring method')).toEqual(['', 'keepalive', 'softdog', 'ipmi']);
    expect(optionsOf('Action at timeout')).toEqual(['', 'RESET', 'PANIC']);
  });

  it('a monitor: whether the script before the final action runs', () => {
    renderPanel({
      path: 'monitor/genw@g1',
      name: 'g1',
      kind: 'monitor',
      type: 'genw',
      parameters: { 'emergency/preaction/use': '1' },
    });
    const use = screen.getByLabelText('Script before final action') as HTMLSelectElement;
    expect(use.selectedOptions[0]?.text).toBe('Run it (1)');
  });
});

describe("a heartbeat's device", () => {
  it("is chosen among the servers' devices of its kind, each shown with every server's address", () => {
    renderPanel(
      {
        path: 'heartbeat/lankhb@lankhb1',
        name: 'lankhb1',
        kind: 'heartbeat',
        type: 'lankhb',
        parameters: { priority: '0', device: '0' },
      },
      {
        servers: ['esx1', 'esx2'],
        groups: [],
        resources: [],
        devices: [
          { id: '0', type: 'lan', where: 'esx1 10.0.0.1, esx2 10.0.0.2' },
          { id: '1', type: 'lan', where: 'esx1 192.168.0.1, esx2 192.168.0.2' },
          { id: '10200', type: 'ping', where: 'esx1 1, esx2 1' },
        ],
      },
    );
    const { select: device, texts: devices } = selectAt('Device');
    expect(devices).toEqual([
      'Not set',
      'esx1 10.0.0.1, esx2 10.0.0.2 (0)',
      'esx1 192.168.0.1, esx2 192.168.0.2 (1)',
    ]);
    expect(device.value).toBe('0');
  });
});

describe("a group's resources", () => {
  it('are listed in order, each selecting its resource, and not as raw parameters', async () => {
    const { edits, user } = renderPanel({
      path: 'group@failover-vm',
      name: 'failover-vm',
      kind: 'group',
      parameters: { 'resource@disk@sd-vm': '', 'resource@exec@exec-vm': '', gid: '0' },
      members: [
        { type: 'disk', name: 'sd-vm' },
        { type: 'exec', name: 'exec-vm' },
      ],
    });
    const list = screen.getByRole('list', { name: 'Resources' });
    expect(list.textContent).toBe('sd-vm diskexec-vm exec');
    expect(screen.queryByLabelText('resource@exec@exec-vm')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'exec-vm' }));
    expect(edits).toEqual([['select', 'resource/exec@exec-vm']]);
  });
});

describe('a long list of candidates (a large cluster)', () => {
  it('renders only the current option until the select is used, then every one', async () => {
    const resources = Array.from({ length: 300 }, (_, index) => `exec${index}`);
    const { user } = renderPanel(
      {
        path: 'monitor/genw@g1',
        name: 'g1',
        kind: 'monitor',
        type: 'genw',
        parameters: { target: 'exec150' },
      },
      { servers: [], groups: [], resources },
    );
    const target = screen.getByLabelText('Target resource') as HTMLSelectElement;
    expect(Array.from(target.options, (option) => option.value)).toEqual(['', 'exec150']);
    expect(target.value).toBe('exec150');
    await user.click(target);
    expect(target.options).toHaveLength(301);
    expect(target.value).toBe('exec150');
  });
});

describe('Findings in the form', () => {
  const finding = (path: string, message: string, fix: string): Finding => ({
    rule: 'CF007',
    severity: 'error',
    path,
    message,
    fix,
    source: 'clpconf-format.md §6',
    hasQuickFix: false,
    ja: { message: `${message} (ja)`, fix: `${fix} (ja)` },
  });

  it('says under a field and under the entity’s name what is wrong and what to do', () => {
    renderPanel(USERW, NO_NAMES, [
      finding('monitor/userw@userw/comment', 'a comment', 'Write another comment.'),
      finding('monitor/userw@userw', 'the whole monitor', 'Add the monitor again.'),
      finding('monitor/other@x', 'another entity', 'Not here.'),
    ]);
    const underField = screen.getByText('Write another comment.').closest('p');
    expect(underField?.textContent).toBe('CF007: a commentWrite another comment.');
    // Under the comment field itself, beside its input.
    expect(
      underField?.parentElement?.querySelector('[data-path="monitor/userw@userw/comment"]'),
    ).not.toBeNull();
    const underName = screen.getByText('Add the monitor again.').closest('p');
    expect(underName?.textContent).toBe('CF007: the whole monitorAdd the monitor again.');
    expect(underName?.closest('.entity-findings')).not.toBeNull();
    expect(screen.queryByText('Not here.')).toBeNull();
  });
});
