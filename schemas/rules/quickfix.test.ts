import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confLines, lineChanges, unwrap } from '../../test/support/project.js';
import {
  interHostProject,
  plainProject,
  vmwareHaProject,
} from '../../test/support/rule-projects.js';
import { removeElement, setValue } from '../doc/edit.js';
import {
  type Finding,
  type Project,
  addMonitor,
  addResource,
  pipe,
  applyAllQuickFixes,
  applyQuickFix,
  checkProject,
  createChecker,
  getParameter,
  setParameter,
} from '../index.js';
import type { Rule } from './types.js';
import { checkEveryRule } from './engine.js';

const raw = (project: Project, path: string, value: string): Project => ({
  ...project,
  conf: unwrap(setValue(project.conf, path, value)),
});

/** Broken projects whose findings all carry quick fixes. */
const BROKEN: Array<[string, () => Project, number]> = [
  [
    'VM003 userw method',
    () =>
      unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog')),
    1,
  ],
  [
    'VM021 genw wiring',
    () =>
      raw(
        raw(interHostProject(), 'monitor/genw@genw-vm/parameters/sync', '1'),
        'monitor/genw@genw-vm/relation/name',
        'other',
      ),
    2,
  ],
  [
    'VM030 pre-action off',
    () =>
      unwrap(
        setParameter(
          vmwareHaProject(),
          'monitor/diskw@diskw-datastore/emergency/preaction/use',
          '0',
        ),
      ),
    1,
  ],
  [
    'VM032 final action',
    () =>
      unwrap(
        setParameter(vmwareHaProject(), 'monitor/diskw@diskw-datastore/emergency/action', '3'),
      ),
    1,
  ],
  [
    'CF007 userw recovery',
    () => raw(interHostProject(), 'monitor/userw@userw/relation/type', 'grp'),
    2,
  ],
  [
    'CF002 misspelt monitor target',
    () => raw(interHostProject(), 'monitor/genw@genw-vm/target', 'exec-v'),
    1,
  ],
  [
    'CF002 misspelt recovery target',
    () => raw(interHostProject(), 'monitor/genw@genw-vm/relation/name', 'failover-v'),
    1,
  ],
  ['CF008 objectnumber', () => raw(interHostProject(), 'webmgr/client/objectnumber', '99'), 1],
  [
    'CF008 types entry',
    () => {
      const project = interHostProject();
      return { ...project, conf: unwrap(removeElement(project.conf, 'monitor/types@genw')) };
    },
    1,
  ],
  ['CF008 server priorities', () => raw(interHostProject(), 'server@esx2/priority', '0'), 1],
  [
    'CF011 userw action',
    () => raw(interHostProject(), 'monitor/userw@userw/parameters/action', 'Reset'),
    1,
  ],
  [
    'CF011 file system',
    () => raw(interHostProject(), 'resource/disk@sd-vm/parameters/fs', 'XFS'),
    1,
  ],
  // The only explicit dependency becomes none (<depend name=""/>), not the default one.
  [
    'CF015 resource on itself',
    () => raw(interHostProject(), 'resource/exec@exec-vm/depend@exec-vm', ''),
    1,
  ],
  [
    'CF015 group on itself',
    () => raw(interHostProject(), 'group@failover-vm/depend/act/depend@failover-vm', ''),
    5,
  ],
  [
    'CF009 exec act timeout',
    () => raw(interHostProject(), 'resource/exec@exec-vm/parameters/timeout/start', '600'),
    3,
  ],
];

const errorsOf = (project: Project) =>
  checkProject(project)
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.rule} ${finding.path}`);

describe('quick fixes', () => {
  it.each(BROKEN)(
    '%s: removes its finding, changes only what it must, adds no error',
    (_name, broken, maxLines) => {
      const before = broken();
      const finding = checkProject(before).find((candidate) => candidate.hasQuickFix) as Finding;
      expect(finding).toBeDefined();
      const after = unwrap(applyQuickFix(before, finding));
      expect(
        checkProject(after).some(
          (candidate) =>
            candidate.rule === finding.rule &&
            candidate.path === finding.path &&
            candidate.message === finding.message,
        ),
      ).toBe(false);
      const { added, removed } = lineChanges(confLines(before), confLines(after));
      expect(Math.max(added.length, removed.length)).toBeLessThanOrEqual(maxLines);
      expect(errorsOf(after).every((error) => errorsOf(before).includes(error))).toBe(true);
    },
  );

  it('fix all brings a broken inter-host project back to the clean one', () => {
    const broken = raw(
      raw(
        unwrap(
          setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'),
        ),
        'monitor/genw@genw-vm/polling/timing',
        '0',
      ),
      'webmgr/client/objectnumber',
      '1',
    );
    const fixed = unwrap(applyAllQuickFixes(broken));
    // A value edit leaves objectnumber alone: CF008's own fix mends it.
    expect(fixed.applied.map((finding) => finding.rule).sort()).toEqual([
      'CF008',
      'VM003',
      'VM021',
    ]);
    expect(confLines(fixed.project)).toEqual(confLines(interHostProject()));
  });

  it('fix all fixes every finding however many there are, a round at a time', () => {
    const withMethod = (method: string) =>
      unwrap(
        pipe(
          plainProject(),
          ...Array.from({ length: 30 }, (_, index) => [
            (p: Project) => addMonitor(p, 'userw', `userw${index}`),
            (p: Project) =>
              setParameter(p, `monitor/userw@userw${index}/parameters/method`, method),
          ]).flat(),
        ),
      );
    const fixed = unwrap(applyAllQuickFixes(withMethod('keepaliv')));
    expect(fixed.applied).toHaveLength(30);
    expect(new Set(fixed.applied.map((finding) => finding.rule))).toEqual(new Set(['CF011']));
    expect(fixed.remaining).toEqual([]);
    expect(confLines(fixed.project)).toEqual(confLines(withMethod('keepalive')));
  });

  it('fix all leaves a second fix of the same path to the next round, where it is gone', () => {
    const sayA = commentRule('XA01', 'start', 'by-a');
    const sayB = commentRule('XB01', 'start', 'by-b');
    const start = unwrap(setParameter(plainProject(), 'cluster/comment', 'start'));
    const fixed = unwrap(applyAllQuickFixes(start, { extraRules: [sayA, sayB] }));
    expect(fixed.applied.map((finding) => finding.rule)).toEqual(['XA01']);
    expect(unwrap(getParameter(fixed.project.conf, 'cluster/comment'))).toBe('by-a');
  });

  it('fix all stops at fixes that undo each other and names what is left', () => {
    const rules = [commentRule('XA01', 'a', 'b'), commentRule('XB01', 'b', 'a')];
    const start = unwrap(setParameter(plainProject(), 'cluster/comment', 'a'));
    const fixed = unwrap(applyAllQuickFixes(start, { extraRules: rules }));
    expect(fixed.applied.length).toBeGreaterThan(2);
    expect(fixed.remaining.map((finding) => [finding.rule, finding.path])).toEqual([
      [fixed.applied.length % 2 === 0 ? 'XA01' : 'XB01', 'cluster/comment'],
    ]);
  });
});

/** A rule of the test's own: when cluster/comment says `from`, its quick fix writes `to`. */
function commentRule(id: string, from: string, to: string): Rule {
  return {
    id,
    severity: 'warning',
    topologies: 'all',
    source: 'this test',
    text: `comment is not ${from}`,
    fix: `write ${to}`,
    ja: { text: from, fix: to },
    inputs: ['cluster'],
    check: ({ project }) => {
      const comment = getParameter(project.conf, 'cluster/comment');
      return comment.ok && comment.value === from
        ? [
            {
              path: 'cluster/comment',
              message: `comment says ${from}`,
              ja: { message: from },
              quickFix: (p) => setParameter(p, 'cluster/comment', to),
            },
          ]
        : [];
    },
  };
}

/** The project with a genw monitor or a disk on /mnt/shared added, when the name is free. */
function added(project: Project, step: { monitor: string } | { disk: string }): Project {
  const result =
    'monitor' in step
      ? addMonitor(project, 'genw', step.monitor)
      : pipe(
          project,
          (p) => addResource(p, 'failover-vm', 'disk', step.disk),
          (p) =>
            setParameter(p, `resource/disk@${step.disk}/parameters/mount/point`, '/mnt/shared'),
        );
  return result.ok ? result.value : project;
}

describe('incremental checking', () => {
  it('gives the same findings as a full check after every edit of a random sequence', () => {
    const edits = fc.array(
      fc.oneof(
        fc.record({
          path: fc.constantFrom(
            'monitor/genw@genw-vm/parameters/sync',
            'monitor/genw@genw-vm/polling/timing',
            'monitor/userw@userw/parameters/method',
            'webmgr/client/objectnumber',
            'server@esx2/priority',
            'cluster/heartbeat/timeout',
            'monitor/userw@userw/parameters/action',
          ),
          value: fc.constantFrom(
            '0',
            '1',
            '6',
            '9',
            'keepalive',
            'softdog',
            '7',
            'RESET',
            'reset',
            '90000',
            'windows',
            'linux',
          ),
        }),
        // The OS decides which final actions are the product's (CF004, CF011).
        fc.record({
          path: fc.constantFrom('all/serveros', 'monitor/genw@genw-vm/emergency/action'),
          value: fc.constantFrom('windows', 'linux', '6', '9'),
        }),
        fc.record({
          path: fc.constant('resource/disk@sd-vm/parameters/mount/point'),
          value: fc.constantFrom('/mnt/shared', '/mnt/vm'),
        }),
        fc.record({ monitor: fc.stringMatching(/^[a-z]{1,6}$/) }),
        // A disk that mounts where another may already (CF012 reads what each resource claims).
        fc.record({ disk: fc.stringMatching(/^[a-z]{1,6}$/) }),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(interHostProject, vmwareHaProject, plainProject),
        edits,
        (base, steps) => {
          const checker = createChecker();
          let project = base();
          expect(checker.check(project)).toEqual(checkEveryRule(project));
          for (const step of steps) {
            project = 'path' in step ? raw(project, step.path, step.value) : added(project, step);
            expect(checker.check(project)).toEqual(checkEveryRule(project));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('re-checks every entity’s codes when the cluster’s OS changes, and only then', () => {
    const checker = createChecker();
    const linux = raw(interHostProject(), 'monitor/genw@genw-vm/emergency/action', '6');
    const rulesOf = (findings: readonly Finding[]) => findings.map((finding) => finding.rule);
    expect(rulesOf(checker.check(linux))).toContain('CF004');
    const windows = raw(linux, 'all/serveros', 'windows');
    expect(checker.check(windows)).toEqual(checkEveryRule(windows));
    expect(rulesOf(checker.check(windows))).not.toContain('CF004');
    const back = raw(windows, 'all/serveros', 'linux');
    expect(rulesOf(checker.check(back))).toContain('CF004');
  });
});
