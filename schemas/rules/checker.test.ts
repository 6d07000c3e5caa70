/**
 * The incremental checker against a check from scratch: after any sequence of edits
 * (parameters, renames, entities added and removed, scripts, topology, undo to an earlier
 * state) it gives exactly what every rule run from scratch gives for the same project.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../test/support/project.js';
import {
  interHostProject,
  plainProject,
  vmwareHaProject,
  withScripts,
} from '../../test/support/rule-projects.js';
import {
  type Project,
  type Result,
  addMonitor,
  addResource,
  checkProject,
  createChecker,
  decodeClpConfText,
  find,
  readModel,
  removeDependency,
  removeElement,
  removeMonitor,
  removeResource,
  renameMonitor,
  renameResource,
  serializeClpConf,
  setAttribute,
  setValue,
} from '../index.js';
import { checkEveryRule } from './engine.js';

/** The same project read back from its text, so every element has its source (the parser's path). */
function reread(project: Project): Project {
  return { ...project, conf: unwrap(decodeClpConfText(serializeClpConf(project.conf))) };
}

/** A base project with a few more entities, so edits have something to rename, break and remove. */
function richer(base: () => Project): () => Project {
  return () => {
    let project = base();
    for (const [type, name] of [
      ['exec', 'exec-a'],
      ['exec', 'exec-b'],
      ['md', 'md-a'],
      ['fip', 'fip-a'],
    ] as const) {
      project = orSame(
        project,
        addResource(project, firstGroup(project) ?? 'failover-x', type, name),
      );
    }
    for (const [type, name] of [
      ['genw', 'genw-a'],
      ['pidw', 'pidw-a'],
      ['mdw', 'mdw-a'],
      ['userw', 'userw-a'],
    ] as const) {
      project = orSame(project, addMonitor(project, type, name));
    }
    // Wired to each other, so that one edit of a resource changes findings of a monitor.
    for (const [path, value] of [
      ['monitor/pidw@pidw-a/target', 'exec-a'],
      ['monitor/mdw@mdw-a/parameters/object', 'md-a'],
      ['monitor/genw@genw-a/target', 'exec-b'],
    ]) {
      project = orSame(project, mapConf(project, setValue(project.conf, path, value)));
    }
    return project;
  };
}

function firstGroup(project: Project): string | undefined {
  return /<group name="([^"]+)"/.exec(serializeClpConf(project.conf))?.[1];
}

function orSame(project: Project, result: Result<Project>): Project {
  return result.ok ? result.value : project;
}

const BASES = [
  interHostProject,
  vmwareHaProject,
  plainProject,
  richer(interHostProject),
  richer(plainProject),
];

const RESOURCES = ['exec-vm', 'sd-vm', 'exec-a', 'exec-b', 'md-a', 'fip-a', 'new-a', 'new-b'];
const MONITORS = [
  'genw-vm',
  'userw',
  'diskw-datastore',
  'genw-a',
  'pidw-a',
  'mdw-a',
  'userw-a',
  'new-m',
];
const NAMES = ['exec-a', 'exec-vm', 'md-a', 'failover-vm', 'gone'];
const NUMBERS = ['0', '1', '4', '700', '-bad'];
/** Settings and the values worth trying for each. */
const SETTINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['monitor/genw@genw-vm/parameters/sync', NUMBERS],
  ['monitor/genw@genw-vm/polling/timing', NUMBERS],
  ['monitor/genw@genw-vm/target', NAMES],
  ['monitor/genw@genw-vm/relation/type', ['grp', 'rsc', 'cls']],
  ['monitor/genw@genw-vm/relation/name', [...NAMES, 'LocalServer']],
  ['monitor/genw@genw-vm/polling/interval', NUMBERS],
  ['monitor/genw@genw-a/target', NAMES],
  ['monitor/genw@genw-a/emergency/action', NUMBERS],
  ['monitor/userw@userw/parameters/method', ['keepalive', 'softdog', '']],
  ['monitor/userw@userw/relation/name', ['LocalServer', 'failover-vm']],
  ['monitor/pidw@pidw-a/target', NAMES],
  ['monitor/mdw@mdw-a/parameters/object', NAMES],
  ['resource/exec@exec-vm/parameters/timeout/start', NUMBERS],
  ['resource/exec@exec-vm/parameters/act/sync', NUMBERS],
  ['resource/exec@exec-a/parameters/act/path', ['start.sh', '/opt/x.sh', 'other.sh']],
  ['resource/exec@exec-a/parameters/act/sync', NUMBERS],
  ['resource/md@md-a/parameters/mount/point', ['/mnt', '']],
  ['webmgr/client/objectnumber', NUMBERS],
  ['server@esx2/priority', NUMBERS],
  ['cluster/name', ['c1', '-bad']],
  ['all/serveros', ['linux', 'windows']],
];

type Step =
  | { kind: 'set'; path: string; value: string }
  | { kind: 'rename-resource' | 'rename-monitor'; from: string; to: string }
  | { kind: 'add-resource'; type: string; name: string }
  | { kind: 'add-monitor'; type: string; name: string }
  | { kind: 'remove-resource' | 'remove-monitor'; name: string }
  | { kind: 'script'; path: string; text: string }
  | { kind: 'topology'; topology: 'inter-host' | 'plain' | 'vmware-ha-sss' }
  | { kind: 'undo'; back: number }
  // A dependency added or removed: resources' and groups' circles (CF015).
  | { kind: 'depend'; from: string; to: string; remove: boolean; stop: boolean }
  // Raw document edits leave references dangling, as a hand edit does.
  | { kind: 'raw-remove'; path: string }
  | { kind: 'raw-rename'; path: string; to: string };

const ENTITY_PATHS = [
  'resource/exec@exec-vm',
  'resource/exec@exec-a',
  'resource/md@md-a',
  'resource/fip@fip-a',
  'monitor/genw@genw-vm',
  'monitor/mdw@mdw-a',
  'monitor/pidw@pidw-a',
  'group@failover-vm',
  'server@esx2',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...SETTINGS)
      .chain(([path, values]) =>
        fc.constantFrom(...values).map((value) => ({ kind: 'set' as const, path, value })),
      ),
  },
  fc.record({
    kind: fc.constantFrom('rename-resource' as const),
    from: fc.constantFrom(...RESOURCES),
    to: fc.constantFrom(...RESOURCES),
  }),
  fc.record({
    kind: fc.constantFrom('rename-monitor' as const),
    from: fc.constantFrom(...MONITORS),
    to: fc.constantFrom(...MONITORS),
  }),
  fc.record({
    kind: fc.constant('add-resource' as const),
    // script and sd only go into a Windows cluster (CF014): the OS flips make both kinds.
    type: fc.constantFrom('exec', 'md', 'disk', 'script', 'sd'),
    name: fc.constantFrom(...RESOURCES),
  }),
  fc.record({
    kind: fc.constant('add-monitor' as const),
    type: fc.constantFrom('genw', 'pidw', 'mdnw', 'diskw', 'userw', 'sdw'),
    name: fc.constantFrom(...MONITORS),
  }),
  fc.record({
    kind: fc.constantFrom('remove-resource' as const),
    name: fc.constantFrom(...RESOURCES),
  }),
  fc.record({
    kind: fc.constantFrom('remove-monitor' as const),
    name: fc.constantFrom(...MONITORS),
  }),
  fc.record({
    kind: fc.constant('script' as const),
    path: fc.constantFrom(
      'failover-vm/exec-vm/start.sh',
      'failover-vm/exec-a/start.sh',
      'monitor.s/genw-vm/genw.sh',
    ),
    // Saved for the other OS (CF013): CRLF lines, and a byte-order mark hiding a #! line.
    text: fc.constantFrom(
      'vmware-cmd start',
      'exit 0',
      '#!/bin/sh\r\nexit 0\r\n',
      '\ufeff#!/usr/bin/perl\nexit 0;\n',
    ),
  }),
  fc.record({
    kind: fc.constant('topology' as const),
    topology: fc.constantFrom('inter-host' as const, 'plain' as const, 'vmware-ha-sss' as const),
  }),
  fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('depend' as const),
    from: fc.constantFrom(...RESOURCES.slice(0, 5), 'failover-vm'),
    to: fc.constantFrom(...RESOURCES.slice(0, 5), 'failover-vm'),
    remove: fc.boolean(),
    // A group's stop dependency instead of its start dependency (a resource has one kind).
    stop: fc.boolean(),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw-remove' as const),
      // A <types> entry too: the kinds listed are an input of CF008.
      path: fc.constantFrom(...ENTITY_PATHS, 'resource/types@exec', 'monitor/types@genw'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw-rename' as const),
      path: fc.constantFrom(...ENTITY_PATHS),
      to: fc.constantFrom(...RESOURCES, ...MONITORS),
    }),
  },
);

function apply(project: Project, history: readonly Project[], edit: Step): Project {
  switch (edit.kind) {
    case 'set':
      return orSame(project, mapConf(project, setValue(project.conf, edit.path, edit.value)));
    case 'rename-resource':
      return orSame(project, renameResource(project, edit.from, edit.to));
    case 'rename-monitor':
      return orSame(project, renameMonitor(project, edit.from, edit.to));
    case 'add-resource':
      return orSame(
        project,
        addResource(project, firstGroup(project) ?? 'none', edit.type, edit.name),
      );
    case 'add-monitor':
      return orSame(project, addMonitor(project, edit.type, edit.name));
    case 'remove-resource':
      return orSame(project, removeResource(project, edit.name));
    case 'remove-monitor':
      return orSame(project, removeMonitor(project, edit.name));
    case 'script':
      return withScripts(project, { [edit.path]: edit.text });
    case 'topology':
      return { ...project, meta: { ...project.meta, topology: edit.topology } };
    case 'undo':
      return history[Math.max(0, history.length - edit.back)] ?? project;
    case 'depend':
      return depended(project, edit);
    case 'raw-remove':
      return orSame(project, mapConf(project, removeElement(project.conf, edit.path)));
    case 'raw-rename': {
      const found = find(project.conf, edit.path);
      return found.ok
        ? { ...project, conf: setAttribute(project.conf, found.value.indices, 'name', edit.to) }
        : project;
    }
  }
}

/** The project with a resource's or group's dependency on `to` added or removed. */
function depended(project: Project, edit: Extract<Step, { kind: 'depend' }>): Project {
  const model = readModel(project.conf);
  const owner =
    model.resources.find((resource) => resource.name === edit.from) ??
    model.groups.find((group) => group.name === edit.from);
  if (owner === undefined) {
    return project;
  }
  const path =
    owner.kind === 'group'
      ? `${owner.path}/depend/${edit.stop ? 'deact' : 'act'}/depend@${edit.to}`
      : `${owner.path}/depend@${edit.to}`;
  return orSame(
    project,
    edit.remove
      ? removeDependency(project, path)
      : mapConf(project, setValue(project.conf, path, '')),
  );
}

function mapConf(project: Project, conf: Result<Project['conf']>): Result<Project> {
  return conf.ok ? { ok: true, value: { ...project, conf: conf.value } } : conf;
}

describe('createChecker', () => {
  it('gives exactly the from-scratch findings after every edit of a random sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.boolean(),
        // A bare clp.conf without its scripts reports them once, not one by one.
        fc.boolean(),
        fc.array(step, { maxLength: 12 }),
        (base, isParsed, scriptsGiven, steps) => {
          const options = { scriptsGiven };
          const checker = createChecker(options);
          let project = isParsed ? reread(base()) : base();
          const history: Project[] = [project];
          expect(checker.check(project)).toEqual(checkEveryRule(project, options));
          for (const edit of steps) {
            project = apply(project, history, edit);
            history.push(project);
            const expected = checkEveryRule(project, options);
            expect(checker.check(project)).toEqual(expected);
            expect(checkProject(project, options)).toEqual(expected);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reads after every edit the same model as a fresh read of the edited text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.boolean(),
        fc.array(step, { maxLength: 10 }),
        (base, isParsed, steps) => {
          let project = isParsed ? reread(base()) : base();
          const history: Project[] = [project];
          readModel(project.conf);
          for (const edit of steps) {
            project = apply(project, history, edit);
            history.push(project);
            // The edited document's views come partly from the previous read; a re-decoded
            // copy shares no element with it, so every view of it is read anew.
            expect(readModel(project.conf)).toEqual(readModel(reread(project).conf));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('re-runs a per-entity part only for the entity an edit changed', () => {
    const project = reread(richer(interHostProject)());
    const checker = createChecker();
    const before = checker.check(project);
    const edited = {
      ...project,
      conf: unwrap(setValue(project.conf, 'monitor/genw@genw-a/parameters/path', 'missing.sh')),
    };
    const after = checker.check(edited);
    const added = after.filter((finding) => !before.includes(finding));
    // The new finding is the edited monitor's own; every other finding is the very same object.
    expect(added.map((finding) => `${finding.rule} ${finding.path}`)).toEqual([
      'CF003 monitor/genw@genw-a/parameters/path',
    ]);
    expect(after.length).toBe(before.length + 1);
  });
});
