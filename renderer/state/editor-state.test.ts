/**
 * The editing state without React: commands, refusals, undo/redo, dirtiness, and the base64
 * files that cross the contract.
 */
import { describe, expect, it } from 'vitest';
import {
  checkProject,
  encodeClpConf,
  getParameter,
  readModel,
  serializeClpConf,
} from '../../schemas/index.js';
import type { NewEntity } from '../features/entities/entity-commands.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import {
  type Action,
  type EditorState,
  editorReducer,
  initialEditorState,
  isDirty,
} from './editor-state.js';
import { filesFromProject, projectFromFiles } from './project-files.js';

const METHOD = 'monitor/userw@userw/parameters/method';
const INTERVAL = 'monitor/userw@userw/polling/interval';

function valueOf(state: EditorState, path: string) {
  const value = getParameter(state.project.conf, path);
  return value.ok ? value.value : undefined;
}

describe('editorReducer', () => {
  it('applies a parameter edit, and undo/redo walk it back and forth', () => {
    const start = initialEditorState(interHostProject());
    const edited = editorReducer(start, { type: 'set-parameter', path: INTERVAL, value: '30' });
    expect(valueOf(edited, INTERVAL)).toBe('30');
    expect(isDirty(edited)).toBe(true);
    const undone = editorReducer(edited, { type: 'undo' });
    expect(valueOf(undone, INTERVAL)).toBe('60');
    expect(undone.project).toBe(start.project);
    expect(isDirty(undone)).toBe(false);
    const redone = editorReducer(undone, { type: 'redo' });
    expect(valueOf(redone, INTERVAL)).toBe('30');
    expect(editorReducer(redone, { type: 'redo' })).toBe(redone);
  });

  it('sets several parameters as one edit, one undo step; a refused one changes nothing', () => {
    const start = initialEditorState(interHostProject());
    const recovery = (type: string, name: string) =>
      ({
        type: 'set-parameters',
        changes: [
          ['monitor/genw@genw-vm/relation/type', type],
          ['monitor/genw@genw-vm/relation/name', name],
        ],
      }) as const;
    const edited = editorReducer(start, recovery('rsc', 'exec-vm'));
    expect(valueOf(edited, 'monitor/genw@genw-vm/relation')).toEqual({
      type: 'rsc',
      name: 'exec-vm',
    });
    expect(edited.past).toEqual([start.project]);
    expect(editorReducer(edited, { type: 'undo' }).project).toBe(start.project);
    const refused = editorReducer(start, recovery('bad', 'exec-vm'));
    expect(refused.project).toBe(start.project);
    expect(refused.refusal).toMatch(/must be rsc, grp or cls/);
  });

  it('accepts a finding into project.json and withdraws it, each one undo step', () => {
    const start = initialEditorState(interHostProject());
    const upload = checkProject(start.project).find((finding) => finding.rule === 'VM040')!;
    const accepted = editorReducer(start, {
      type: 'acknowledge',
      finding: upload,
      reason: 'upload does it',
      date: '2026-12-07',
    });
    expect(accepted.project.meta.acknowledged).toEqual([
      {
        rule: 'VM040',
        path: 'cluster',
        message: upload.message,
        reason: 'upload does it',
        date: '2026-12-07',
      },
    ]);
    expect(accepted.project.conf).toBe(start.project.conf);
    expect(isDirty(accepted)).toBe(true);
    // It survives the trip through the contract's files (what Save writes).
    const files = filesFromProject(accepted.project);
    const back = files.ok ? projectFromFiles(files.value) : files;
    expect(back.ok && back.value.meta.acknowledged).toEqual(accepted.project.meta.acknowledged);

    const withdrawn = editorReducer(accepted, {
      type: 'withdraw-acknowledgement',
      target: { rule: 'VM040', path: 'cluster' },
    });
    expect(withdrawn.project.meta).toEqual(start.project.meta);
    expect(editorReducer(withdrawn, { type: 'undo' }).project).toBe(accepted.project);
    const ruleWide = editorReducer(start, {
      type: 'acknowledge',
      finding: upload,
      reason: 'upload does it',
      date: '2026-12-07',
      everyFinding: true,
    });
    expect(ruleWide.project.meta.acknowledged).toEqual([
      { rule: 'VM040', reason: 'upload does it', date: '2026-12-07' },
    ]);
    const error = { ...upload, severity: 'error' as const };
    const refused = editorReducer(start, {
      type: 'acknowledge',
      finding: error,
      reason: 'x',
      date: '2026-12-07',
    });
    expect(refused.project).toBe(start.project);
    expect(refused.refusal).toMatch(/errors cannot be acknowledged/);
  });

  it('removes a parameter (the product default applies), undoable', () => {
    const start = initialEditorState(interHostProject());
    const removed = editorReducer(start, { type: 'remove-parameter', path: INTERVAL });
    expect(valueOf(removed, INTERVAL)).toBeUndefined();
    expect(editorReducer(removed, { type: 'undo' }).project).toBe(start.project);
  });

  it("sets a group's startup servers as one edit", () => {
    const start = initialEditorState(interHostProject());
    const set = editorReducer(start, {
      type: 'set-startup-servers',
      group: 'failover-vm',
      servers: ['esx2', 'esx1'],
    });
    expect(readModel(set.project.conf).groups[0]?.policy.map((entry) => entry.server)).toEqual([
      'esx2',
      'esx1',
    ]);
    expect(set.past).toHaveLength(1);
  });

  it('refuses an out-of-range value and keeps the project and history', () => {
    const start = initialEditorState(interHostProject());
    const refused = editorReducer(start, { type: 'set-parameter', path: INTERVAL, value: 'soon' });
    expect(refused.project).toBe(start.project);
    expect(refused.past).toEqual([]);
    expect(refused.refusal).toMatch(/whole number/);
  });

  it('a quick fix is an undoable edit that makes the finding go', () => {
    const broken = editorReducer(initialEditorState(interHostProject()), {
      type: 'set-parameter',
      path: METHOD,
      value: 'softdog',
    });
    const finding = checkProject(broken.project).find((candidate) => candidate.rule === 'VM003');
    expect(finding?.hasQuickFix).toBe(true);
    const fixed = editorReducer(broken, { type: 'apply-quick-fix', finding: finding! });
    expect(checkProject(fixed.project).some((candidate) => candidate.rule === 'VM003')).toBe(false);
    expect(valueOf(editorReducer(fixed, { type: 'undo' }), METHOD)).toBe('softdog');
  });

  it('fixes every open finding as one edit, which one undo reverts', () => {
    const broken = [
      { path: METHOD, value: 'softdog' },
      { path: 'monitor/genw@genw-vm/parameters/sync', value: '1' },
    ].reduce(
      (state, { path, value }) => editorReducer(state, { type: 'set-parameter', path, value }),
      initialEditorState(interHostProject()),
    );
    const fixable = (state: EditorState) =>
      checkProject(state.project)
        .filter((finding) => finding.hasQuickFix)
        .map((finding) => finding.rule);
    expect(fixable(broken)).toEqual(['VM003', 'VM021']);
    const fixed = editorReducer(broken, { type: 'apply-all-quick-fixes', scriptsGiven: true });
    expect(fixable(fixed)).toEqual([]);
    expect(fixed.past).toHaveLength(broken.past.length + 1);
    const undone = editorReducer(fixed, { type: 'undo' });
    expect(undone.project).toBe(broken.project);
  });

  it('takes raw clp.conf text when it parses, and refuses it when it does not', () => {
    const start = initialEditorState(interHostProject());
    const text = serializeClpConf(start.project.conf).replace(
      '<interval>60</interval>',
      '<interval>45</interval>',
    );
    const replaced = editorReducer(start, { type: 'replace-conf', text });
    expect(serializeClpConf(replaced.project.conf)).toBe(text);
    const broken = editorReducer(start, { type: 'replace-conf', text: '<root><cluster>' });
    expect(broken.project).toBe(start.project);
    expect(broken.refusal).toBeDefined();
  });

  it('selection and save do not enter the history; save clears the dirty marker', () => {
    const edited = editorReducer(initialEditorState(interHostProject()), {
      type: 'set-parameter',
      path: INTERVAL,
      value: '30',
    });
    const selected = editorReducer(edited, { type: 'select', path: 'monitor/userw@userw' });
    expect(selected.selection).toBe('monitor/userw@userw');
    expect(selected.past).toHaveLength(1);
    expect(isDirty(editorReducer(selected, { type: 'saved' }))).toBe(false);
  });
});

function names(state: EditorState) {
  const model = readModel(state.project.conf);
  return {
    resources: model.resources.map((resource) => `${resource.group ?? ''}/${resource.name}`),
    monitors: model.monitors.map((monitor) => monitor.name),
    servers: model.servers.map((server) => server.name),
    heartbeats: model.heartbeats.map((heartbeat) => heartbeat.name),
    networkPartitions: model.networkPartitions.map((np) => np.name),
    groups: model.groups.map((group) => group.name),
  };
}

/** Applies an action, then checks undo gives the start back and redo the edit. */
function expectUndoable(start: EditorState, action: Action): EditorState {
  const edited = editorReducer(start, action);
  expect(edited.refusal).toBeUndefined();
  expect(edited.project).not.toBe(start.project);
  const undone = editorReducer(edited, { type: 'undo' });
  expect(undone.project).toBe(start.project);
  expect(names(undone)).toEqual(names(start));
  const redone = editorReducer(undone, { type: 'redo' });
  expect(redone.project).toBe(edited.project);
  return edited;
}

describe('entity commands', () => {
  const start = () => initialEditorState(interHostProject());

  it('adds every kind with the product defaults, selects it, and undo/redo walk it', () => {
    const cases: ReadonlyArray<[NewEntity, keyof ReturnType<typeof names>, string]> = [
      [{ kind: 'server', type: '', name: 'esx3' }, 'servers', 'esx3'],
      [{ kind: 'heartbeat', type: 'lankhb', name: 'lankhb9' }, 'heartbeats', 'lankhb9'],
      [
        { kind: 'networkpartition', type: 'pingnp', name: 'pingnp1' },
        'networkPartitions',
        'pingnp1',
      ],
      [{ kind: 'group', type: 'failover', name: 'failover-db' }, 'groups', 'failover-db'],
      [
        { kind: 'resource', type: 'fip', name: 'fip1', group: 'failover-vm' },
        'resources',
        'failover-vm/fip1',
      ],
      [{ kind: 'monitor', type: 'diskw', name: 'diskw1' }, 'monitors', 'diskw1'],
    ];
    for (const [entity, list, shown] of cases) {
      const added = expectUndoable(start(), { type: 'add-entity', entity });
      expect(names(added)[list]).toContain(shown);
      expect(added.selection).toBe(
        entity.kind === 'server' || entity.kind === 'group'
          ? `${entity.kind}@${entity.name}`
          : `${entity.kind}/${entity.type}@${entity.name}`,
      );
    }
    const exec = editorReducer(start(), {
      type: 'add-entity',
      entity: { kind: 'resource', type: 'exec', name: 'exec-db', group: 'failover-vm' },
    });
    expect(valueOf(exec, 'resource/exec@exec-db/parameters/act/path')).toBe('start.sh');
    expect(exec.project.scripts.has('failover-vm/exec-db/start.sh')).toBe(true);
  });

  it('refuses an add with the core message and keeps project and history', () => {
    const before = start();
    const taken = editorReducer(before, {
      type: 'add-entity',
      entity: { kind: 'resource', type: 'exec', name: 'sd-vm', group: 'failover-vm' },
    });
    expect(taken.project).toBe(before.project);
    expect(taken.past).toEqual([]);
    expect(taken.refusal).toMatch(/"sd-vm" already exists/);
    const unsafe = editorReducer(start(), {
      type: 'add-entity',
      entity: { kind: 'group', type: 'failover', name: 'a/b' },
    });
    expect(unsafe.refusal).toMatch(/cannot be used/);
  });

  it('removes an entity, and refuses while it is referenced, naming the referrer', () => {
    const removed = expectUndoable(
      { ...start(), selection: 'monitor/userw@userw' },
      { type: 'remove-entity', path: 'monitor/userw@userw' },
    );
    expect(names(removed).monitors).toEqual(['genw-vm']);
    expect(removed.selection).toBe('folder:monitors');
    const refused = editorReducer(start(), {
      type: 'remove-entity',
      path: 'resource/exec@exec-vm',
    });
    expect(refused.refusal).toMatch(/exec-vm.*still referred to by.*genw-vm/);
    expect(refused.past).toEqual([]);
    const movedOn = editorReducer(refused, { type: 'select', path: 'monitor/genw@genw-vm' });
    expect(movedOn.refusal).toBeUndefined();
  });

  it('renames an entity, references following, and selects the new name', () => {
    const renamed = expectUndoable(start(), {
      type: 'rename-entity',
      path: 'resource/exec@exec-vm',
      to: 'exec-app',
    });
    expect(names(renamed).resources).toContain('failover-vm/exec-app');
    expect(valueOf(renamed, 'monitor/genw@genw-vm/target')).toBe('exec-app');
    expect(renamed.selection).toBe('resource/exec@exec-app');
    const groupRenamed = expectUndoable(start(), {
      type: 'rename-entity',
      path: 'group@failover-vm',
      to: 'failover-app',
    });
    expect(names(groupRenamed).resources).toEqual(['failover-app/sd-vm', 'failover-app/exec-vm']);
    const refused = editorReducer(start(), {
      type: 'rename-entity',
      path: 'resource/exec@exec-vm',
      to: 'sd-vm',
    });
    expect(refused.refusal).toMatch(/"sd-vm" already exists/);
  });

  it('duplicates a group with a rename map, undoable', () => {
    const copied = expectUndoable(start(), {
      type: 'duplicate-entity',
      path: 'group@failover-vm',
      to: 'failover-2',
      renames: [
        ['sd-vm', 'sd-2'],
        ['exec-vm', 'exec-2'],
      ],
    });
    // The resource section keeps instances of a type together, so sort before comparing.
    expect(names(copied).resources.sort()).toEqual([
      'failover-2/exec-2',
      'failover-2/sd-2',
      'failover-vm/exec-vm',
      'failover-vm/sd-vm',
    ]);
    expect(copied.selection).toBe('group@failover-2');
  });
});

describe('project files', () => {
  it('round-trips a project through base64 with clp.conf bytes unchanged', () => {
    const project = interHostProject();
    const files = filesFromProject(project);
    expect(files.ok).toBe(true);
    const back = files.ok ? projectFromFiles(files.value) : files;
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(encodeClpConf(back.value.conf)).toEqual(encodeClpConf(project.conf));
      expect([...back.value.scripts.keys()]).toEqual([...project.scripts.keys()]);
      expect(back.value.meta).toEqual(project.meta);
    }
  });
});
