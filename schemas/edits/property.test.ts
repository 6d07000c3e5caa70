import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realFixtures } from '../../test/support/fixtures.js';
import { confLines, lineChanges, projectFrom } from '../../test/support/project.js';
import {
  addGroup,
  addMonitor,
  addResource,
  decodeClpConf,
  encodeClpConf,
  objectNumberOf,
  readModel,
  removeMonitor,
  removeResource,
  renameGroup,
  renameMonitor,
  renameResource,
  serializeClpConf,
  setParameter,
  type Project,
  type Result,
} from '../index.js';

const fixtures = realFixtures();
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

/** One random edit, described by data so that fast-check can shrink it. */
const edit = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    pick: fc.nat(),
    value: fc.stringMatching(/^[0-9a-z]{1,6}$/),
  }),
  fc.record({ op: fc.constant('add-group' as const), name }),
  fc.record({
    op: fc.constant('add-resource' as const),
    pick: fc.nat(),
    type: fc.constantFrom('exec', 'fip', 'disk'),
    name,
  }),
  fc.record({
    op: fc.constant('add-monitor' as const),
    type: fc.constantFrom('genw', 'diskw', 'userw'),
    name,
  }),
  fc.record({
    op: fc.constant('rename' as const),
    pick: fc.nat(),
    kind: fc.constantFrom('group', 'resource', 'monitor'),
    name,
  }),
  fc.record({
    op: fc.constant('remove' as const),
    pick: fc.nat(),
    kind: fc.constantFrom('resource', 'monitor'),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function pickOne<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

/** Applies an edit; returns undefined where it does not apply to this project. */
function apply(project: Project, change: Edit): Result<Project> | undefined {
  const model = readModel(project.conf);
  switch (change.op) {
    case 'set': {
      const leaves = model.monitors.flatMap((monitor) =>
        Object.keys(monitor.parameters)
          .filter((path) => !path.includes('@'))
          .map((path) => `${monitor.path}/${path}`),
      );
      const path = pickOne(leaves, change.pick);
      return path ? setParameter(project, path, change.value) : undefined;
    }
    case 'add-group':
      return addGroup(project, change.name);
    case 'add-resource': {
      const group = pickOne(model.groups, change.pick);
      return group ? addResource(project, group.name, change.type, change.name) : undefined;
    }
    case 'add-monitor':
      return addMonitor(project, change.type, change.name);
    case 'rename': {
      const rename = {
        group: [model.groups, renameGroup],
        resource: [model.resources, renameResource],
        monitor: [model.monitors, renameMonitor],
      } as const;
      const [entities, operation] = rename[change.kind];
      const entity = pickOne<{ name: string }>(entities, change.pick);
      return entity ? operation(project, entity.name, change.name) : undefined;
    }
    case 'remove': {
      const entities = change.kind === 'resource' ? model.resources : model.monitors;
      const entity = pickOne<{ name: string }>(entities, change.pick);
      return entity
        ? (change.kind === 'resource' ? removeResource : removeMonitor)(project, entity.name)
        : undefined;
    }
  }
}

function expectSound(before: Project, after: Project, change: Edit): void {
  const text = serializeClpConf(after.conf);
  const encoded = encodeClpConf(after.conf);
  expect(encoded.ok).toBe(true);
  const again = encoded.ok ? decodeClpConf(encoded.value) : undefined;
  expect(again?.ok && serializeClpConf(again.value)).toBe(text);
  const model = readModel(after.conf);
  if (model.webmgr) {
    expect(model.webmgr.objectNumber).toBe(String(objectNumberOf(model)));
  }
  if (change.op === 'set') {
    const { added, removed } = lineChanges(confLines(before), confLines(after));
    // A value edit touches its own line (or adds one); derived values may add one more.
    expect(added.length).toBeLessThanOrEqual(2);
    expect(removed.length).toBeLessThanOrEqual(2);
  }
}

describe('random edit sequences', () => {
  it('keep every fixture decodable, consistent, and change only what they touch', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(edit, { maxLength: 12 }),
        (index, edits) => {
          let project = projectFrom((fixtures[index] as [string, Uint8Array])[1]);
          for (const change of edits) {
            const result = apply(project, change);
            if (result?.ok) {
              expectSound(project, result.value, change);
              project = result.value;
            } else if (result) {
              // A refusal is an expected failure with a message, never a crash.
              expect(result.error.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
