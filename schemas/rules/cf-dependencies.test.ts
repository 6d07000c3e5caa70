/**
 * CF015: dependency circles among resources and among groups' start dependencies, the graph
 * search under it, and removing one dependency (the quick fix and `unset`).
 */
import { describe, expect, it } from 'vitest';
import { expectJapaneseFinding } from '../../test/support/japanese.js';
import { confLines, lineChanges, unwrap } from '../../test/support/project.js';
import { interHostProject, plainProject } from '../../test/support/rule-projects.js';
import { setValue } from '../doc/edit.js';
import {
  type Finding,
  type Project,
  addGroup,
  addResource,
  applyAllQuickFixes,
  checkProject,
  pipe,
  readModel,
  removeDependency,
  removeParameter,
  setParameter,
  setGroupDependencies,
  setResourceDependencies,
} from '../index.js';
import { circlesOf } from './cf-dependencies.js';

const cf015 = (project: Project): Finding[] =>
  checkProject(project).filter((finding) => finding.rule === 'CF015');

/** Written as a hand edit would: each `[path]` gets an empty element (`<depend name="x"/>`). */
function withDependencies(project: Project, ...paths: string[]): Project {
  return paths.reduce((current, path) => ({ ...current, conf: unwrap(setValue(current.conf, path, '')) }), project);
}

/** A group of three exec resources, and a second group. */
function threeResources(): Project {
  return unwrap(
    pipe(
      plainProject(),
      (p) => addGroup(p, 'failover1'),
      (p) => addGroup(p, 'failover2'),
      (p) => addResource(p, 'failover1', 'exec', 'exec1'),
      (p) => addResource(p, 'failover1', 'exec', 'exec2'),
      (p) => addResource(p, 'failover1', 'exec', 'exec3'),
    ),
  );
}

const graph = (edges: Record<string, string[]>) => ({ nodes: Object.keys(edges), next: new Map(Object.entries(edges)) });

describe('the circles of a dependency graph', () => {
  it('finds a node on itself, and the shortest way round a set of nodes that lead to each other', () => {
    expect(circlesOf(graph({ a: ['a'] }))).toEqual([['a']]);
    expect(circlesOf(graph({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
    // a → b → c → a, with a shortcut c → b: the circle is told once, by its shortest way from a.
    expect(circlesOf(graph({ a: ['b'], b: ['c'], c: ['a', 'b'] }))).toEqual([['a', 'b', 'c']]);
    // A node on itself inside a larger circle is a circle of its own too.
    expect(circlesOf(graph({ a: ['b', 'a'], b: ['a'] }))).toEqual([['a'], ['a', 'b']]);
  });

  it('finds no circle in a chain, a diamond, or dependencies on nodes it does not have', () => {
    expect(circlesOf(graph({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
    expect(circlesOf(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
    expect(circlesOf(graph({ a: ['gone'], b: ['a'] }))).toEqual([]);
  });

  it('tells separate circles apart, in document order of their first node', () => {
    expect(circlesOf(graph({ x: ['y'], a: ['b'], b: ['a'], y: ['x'] }))).toEqual([['x', 'y'], ['a', 'b']]);
  });

  it('walks a chain of 20,000 dependencies that closes into one circle without overflowing the stack', () => {
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < 20_000; index += 1) {
      edges[`r${index}`] = [`r${(index + 1) % 20_000}`];
    }
    const [circle, ...others] = circlesOf(graph(edges));
    expect(others).toEqual([]);
    expect(circle?.length).toBe(20_000);
    expect(circle?.[0]).toBe('r0');
  });
});

describe('dependency circles (CF015)', () => {
  it('tells a circle of resources once, at the dependency that closes it, in English and Japanese', () => {
    const project = withDependencies(
      threeResources(),
      'resource/exec@exec1/depend@exec2',
      'resource/exec@exec2/depend@exec3',
      'resource/exec@exec3/depend@exec1',
    );
    const findings = cf015(project);
    expect(findings).toMatchObject([
      {
        path: 'resource/exec@exec3/depend@exec1',
        severity: 'error',
        hasQuickFix: false,
        message: 'resources exec1, exec2, and exec3 depend on each other in a circle (exec1 → exec2 → exec3 → exec1): none of them can be activated first, so their group never starts',
        fix: 'Remove one dependency of the circle, such as the one that closes it: clpbuilder unset <project> resource/exec@exec3/depend@exec1.',
      },
    ]);
    findings.forEach(expectJapaneseFinding);
    // Removing any one dependency of the circle clears it.
    for (const path of ['resource/exec@exec1/depend@exec2', 'resource/exec@exec2/depend@exec3', 'resource/exec@exec3/depend@exec1']) {
      expect(cf015(unwrap(removeDependency(project, path)))).toEqual([]);
    }
  });

  it('says "their groups" when the circle crosses groups, and leaves a chain alone', () => {
    const crossing = withDependencies(
      unwrap(addResource(threeResources(), 'failover2', 'exec', 'exec4')),
      'resource/exec@exec1/depend@exec4',
      'resource/exec@exec4/depend@exec1',
    );
    expect(cf015(crossing)[0]?.message).toMatch(/so their groups never start$/);
    const chain = withDependencies(threeResources(), 'resource/exec@exec1/depend@exec2', 'resource/exec@exec2/depend@exec3');
    expect(cf015(chain)).toEqual([]);
  });

  it('tells a circle of groups’ start dependencies', () => {
    const project = withDependencies(
      threeResources(),
      'group@failover1/depend/act/depend@failover2',
      'group@failover2/depend/act/depend@failover1',
    );
    const findings = cf015(project);
    expect(findings).toMatchObject([
      {
        path: 'group@failover2/depend/act/depend@failover1',
        message: 'groups failover1 and failover2 wait for each other to start (failover1 → failover2 → failover1): none of them can start first, so each waits until the start dependency timeout (depend/act/timeout, 1800 s by default)',
      },
    ]);
    findings.forEach(expectJapaneseFinding);
  });

  it('mends a resource on itself by its quick fix, keeping "no dependency" where it was the only one', () => {
    const project = withDependencies(threeResources(), 'resource/exec@exec1/depend@exec1');
    const [finding] = cf015(project);
    expect(finding).toMatchObject({ path: 'resource/exec@exec1/depend@exec1', hasQuickFix: true });
    expect(finding?.message).toBe('resource exec1 depends on itself: it waits for its own activation, so it is never activated and its group never starts');
    const fixed = unwrap(applyAllQuickFixes(project, { rule: 'CF015' })).project;
    expect(cf015(fixed)).toEqual([]);
    // Absent <depend> would mean the default dependency: the fix leaves "none" instead.
    expect(readModel(fixed.conf).resources.find((resource) => resource.name === 'exec1')?.depends).toEqual([]);
    expect(lineChanges(confLines(project), confLines(fixed))).toEqual({
      added: ['      <depend name=""/>'],
      removed: ['      <depend name="exec1"/>'],
    });
  });
});

describe('removing one dependency', () => {
  it('removes one of several, and leaves the others', () => {
    const project = withDependencies(threeResources(), 'resource/exec@exec1/depend@exec2', 'resource/exec@exec1/depend@exec3');
    const removed = unwrap(removeDependency(project, 'resource/exec@exec1/depend@exec2'));
    expect(readModel(removed.conf).resources.find((resource) => resource.name === 'exec1')?.depends).toEqual(['exec3']);
  });

  it('removes a group’s start dependency with the act and depend it leaves empty, keeping a timeout', () => {
    const base = withDependencies(threeResources(), 'group@failover1/depend/act/depend@failover2');
    const removed = unwrap(removeParameter(base, 'group@failover1/depend/act/depend@failover2'));
    expect(confLines(removed)).toEqual(confLines(threeResources()));
    const timed = unwrap(setParameter(base, 'group@failover1/depend/act/timeout', '600'));
    const kept = unwrap(removeParameter(timed, 'group@failover1/depend/act/depend@failover2'));
    expect(readModel(kept.conf).groups[0]?.dependsOn).toEqual([]);
    expect(confLines(kept).join('\n')).toContain('<timeout>600</timeout>');
  });

  it('is no change where the dependency is absent, and refuses an entity that is not there', () => {
    const project = interHostProject();
    expect(unwrap(removeDependency(project, 'resource/exec@exec-vm/depend@sd-vm'))).toBe(project);
    expect(removeDependency(project, 'resource/exec@gone/depend@sd-vm')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('setting a resource’s dependencies (the app’s Dependencies list)', () => {
  const dependsOf = (project: Project, name: string) =>
    readModel(project.conf).resources.find((resource) => resource.name === name)?.depends;

  it('writes the default dependency, none, and names, each changing only its own lines', () => {
    const base = threeResources();
    const two = unwrap(setResourceDependencies(base, 'resource/exec@exec3', ['exec1', 'exec2']));
    expect(dependsOf(two, 'exec3')).toEqual(['exec1', 'exec2']);
    expect(lineChanges(confLines(base), confLines(two)).added.map((line) => line.trim())).toEqual([
      '<depend name="exec1"/>',
      '<depend name="exec2"/>',
    ]);
    // One name changed is one line; one name fewer, one line gone.
    const four = unwrap(addResource(two, 'failover1', 'exec', 'exec4'));
    const renamed = unwrap(setResourceDependencies(four, 'resource/exec@exec3', ['exec1', 'exec4']));
    expect(lineChanges(confLines(four), confLines(renamed))).toEqual({ added: ['      <depend name="exec4"/>'], removed: ['      <depend name="exec2"/>'] });
    const fewer = unwrap(setResourceDependencies(two, 'resource/exec@exec3', ['exec1']));
    expect(lineChanges(confLines(two), confLines(fewer))).toEqual({ added: [], removed: ['      <depend name="exec2"/>'] });
    const none = unwrap(setResourceDependencies(two, 'resource/exec@exec3', []));
    expect(dependsOf(none, 'exec3')).toEqual([]);
    expect(lineChanges(confLines(base), confLines(none)).added.map((line) => line.trim())).toEqual(['<depend name=""/>']);
    const back = unwrap(setResourceDependencies(none, 'resource/exec@exec3', undefined));
    expect(confLines(back)).toEqual(confLines(base));
    expect(unwrap(setResourceDependencies(base, 'resource/exec@exec3', undefined))).toBe(base);
  });

  it('refuses a dependency on itself, one named twice, and one on a resource that is not there', () => {
    const base = threeResources();
    const refusal = (depends: string[]) => {
      const result = setResourceDependencies(base, 'resource/exec@exec1', depends);
      return result.ok ? undefined : result.error.message;
    };
    expect(refusal(['exec1'])).toBe('resource exec1 cannot depend on itself: it would never be activated (CF015)');
    expect(refusal(['exec2', 'exec2'])).toBe("exec2 is named twice among exec1's dependencies");
    expect(refusal(['gone'])).toBe('resource gone is not in this clp.conf, so exec1 cannot depend on it');
    expect(setResourceDependencies(base, 'resource/exec@gone', [])).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});


describe('set on a dependency path (clpbuilder set resource/…/depend@x "")', () => {
  it('adds it in place of "none", once, and refuses a value, itself, or a resource not there', () => {
    const none = unwrap(setResourceDependencies(threeResources(), 'resource/exec@exec1', []));
    const added = unwrap(setParameter(none, 'resource/exec@exec1/depend@exec2', ''));
    expect(lineChanges(confLines(none), confLines(added))).toEqual({
      added: ['      <depend name="exec2"/>'],
      removed: ['      <depend name=""/>'],
    });
    expect(unwrap(setParameter(added, 'resource/exec@exec1/depend@exec2', ''))).toBe(added);
    const message = (path: string, value: string) => {
      const result = setParameter(added, path, value);
      return result.ok ? undefined : result.error.message;
    };
    expect(message('resource/exec@exec1/depend@exec3', 'x')).toBe(
      'a dependency holds no value: set resource/exec@exec1/depend@exec3 to "" to add it (unset removes it)',
    );
    expect(message('resource/exec@exec1/depend@exec1', '')).toMatch(/cannot depend on itself/);
    expect(message('resource/exec@exec1/depend@gone', '')).toMatch(/resource gone is not in this clp.conf/);
  });
});

describe('setting a group’s start dependencies (the app’s Start dependencies list)', () => {
  const startDependsOn = (project: Project, group: string) =>
    readModel(project.conf).groups.find((candidate) => candidate.name === group)?.dependsOn;

  it('adds them under depend/act, keeps those that stay as they are, and removes the emptied parts', () => {
    const base = unwrap(addGroup(threeResources(), 'failover3'));
    const two = unwrap(setGroupDependencies(base, 'failover1', ['failover2', 'failover3']));
    expect(startDependsOn(two, 'failover1')).toEqual(['failover2', 'failover3']);
    // A kept dependency keeps what it holds (sameserver: start on the same server).
    const same = unwrap(setParameter(two, 'group@failover1/depend/act/depend@failover2/sameserver', '1'));
    const one = unwrap(setGroupDependencies(same, 'failover1', ['failover2']));
    expect(startDependsOn(one, 'failover1')).toEqual(['failover2']);
    expect(confLines(one).join('\n')).toContain('<sameserver>1</sameserver>');
    const none = unwrap(setGroupDependencies(one, 'failover1', []));
    expect(confLines(none)).toEqual(confLines(base));
    expect(unwrap(setGroupDependencies(base, 'failover1', []))).toBe(base);
  });

  it('refuses itself, one named twice, and a group that is not there; a circle is CF015’s', () => {
    const base = threeResources();
    const refusal = (names: string[]) => {
      const result = setGroupDependencies(base, 'failover1', names);
      return result.ok ? undefined : result.error.message;
    };
    expect(refusal(['failover1'])).toBe('group failover1 cannot wait for itself to start (CF015)');
    expect(refusal(['failover2', 'failover2'])).toBe("failover2 is named twice among group failover1's start dependencies");
    expect(refusal(['gone'])).toBe('group gone is not in this clp.conf, so failover1 cannot start after it');
    const circle = unwrap(
      pipe(
        base,
        (p) => setGroupDependencies(p, 'failover1', ['failover2']),
        (p) => setGroupDependencies(p, 'failover2', ['failover1']),
      ),
    );
    expect(cf015(circle).map((finding) => finding.path)).toEqual(['group@failover2/depend/act/depend@failover1']);
  });
});

describe('stop dependencies (depend/deact/depend@group)', () => {
  it('tells a circle of stop dependencies, and a stop dependency on a group that is not there (CF002)', () => {
    const circle = unwrap(
      pipe(
        threeResources(),
        (p) => setGroupDependencies(p, 'failover1', ['failover2'], 'stop'),
        (p) => setGroupDependencies(p, 'failover2', ['failover1'], 'stop'),
      ),
    );
    expect(readModel(circle.conf).groups.map((group) => [group.dependsOn, group.stopDependsOn])).toEqual([
      [[], ['failover2']],
      [[], ['failover1']],
    ]);
    const findings = cf015(circle);
    expect(findings).toMatchObject([
      {
        path: 'group@failover2/depend/deact/depend@failover1',
        message: 'groups failover1 and failover2 wait for each other to stop (failover1 → failover2 → failover1): none of them can stop first, so each waits until the stop dependency timeout (depend/deact/timeout, 1800 s by default)',
      },
    ]);
    findings.forEach(expectJapaneseFinding);
    const dangling = withDependencies(threeResources(), 'group@failover1/depend/deact/depend@failover9');
    expect(checkProject(dangling).filter((finding) => finding.rule === 'CF002')).toMatchObject([
      { path: 'group@failover1/depend/deact/depend@failover9', message: 'group failover1 stops after group failover9, which does not exist' },
    ]);
  });

  it('removes one with the deact and depend it leaves empty, and mends one on itself by its quick fix', () => {
    const base = threeResources();
    const self = withDependencies(base, 'group@failover1/depend/deact/depend@failover1');
    const [finding] = cf015(self);
    expect(finding).toMatchObject({ path: 'group@failover1/depend/deact/depend@failover1', hasQuickFix: true });
    const fixed = unwrap(applyAllQuickFixes(self, { rule: 'CF015' })).project;
    expect(confLines(fixed)).toEqual(confLines(base));
    expect(setGroupDependencies(base, 'failover1', ['failover1'], 'stop')).toMatchObject({
      ok: false,
      error: { message: 'group failover1 cannot wait for itself to stop (CF015)' },
    });
  });
});

