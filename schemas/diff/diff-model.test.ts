import { describe, expect, it } from 'vitest';
import { addGroup, addResource, setParameter } from '../index.js';
import { realFixtures } from '../../test/support/fixtures.js';
import { projectFrom, unwrap } from '../../test/support/project.js';
import { diffParameters, diffProjects, diffScripts, hasDifferences } from './diff-model.js';

const fixtures = new Map(realFixtures());
const project = (name: string) => projectFrom(fixtures.get(name) as Uint8Array);

describe('diffScripts', () => {
  const file = (text: string, executable = true) => ({
    bytes: new TextEncoder().encode(text),
    executable,
  });
  const changed = (before: string, after: string, executable = true) =>
    diffScripts(
      new Map([['a/start.sh', file(before)]]),
      new Map([['a/start.sh', file(after, executable)]]),
    );

  it('says what a text diff cannot show: line endings, a byte-order mark', () => {
    expect(changed('a\r\nb\r\n', 'a\nb\n')).toEqual([
      { path: 'a/start.sh', change: 'changed', binary: false, hunks: [], unseen: ['line-endings'] },
    ]);
    expect(changed('\ufeffa\n', 'a\n')[0]?.unseen).toEqual(['byte-order-mark']);
    expect(changed('\ufeffa\r\n', 'a\n')[0]?.unseen).toEqual(['byte-order-mark', 'line-endings']);
    // A mode change alone is the mode's; an edit shows in its hunks.
    expect(changed('a\n', 'a\n', false)[0]?.unseen).toBeUndefined();
    const edited = changed('a\n', 'b\n')[0];
    expect(edited?.unseen).toBeUndefined();
    expect(edited?.hunks).toContain('+b');
  });
});

describe('diffProjects', () => {
  it.each([...fixtures.keys()])('%s: no differences with itself', (name) => {
    expect(hasDifferences(diffProjects(project(name), project(name)))).toBe(false);
  });

  it('names the entity and each parameter of an edit, derived values included', () => {
    const before = project('mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml');
    const after = unwrap(
      setParameter(before, 'resource/exec@exec-target/parameters/timeout/start', '100'),
    );
    const [entity, ...rest] = diffProjects(before, after).entities;
    expect(rest).toEqual([]);
    expect(entity).toMatchObject({
      kind: 'resource',
      name: 'exec-target',
      type: 'exec',
      change: 'changed',
    });
    // The fixture has neither element: both are created, so they have no value before.
    expect(entity?.parameters).toEqual([
      { path: 'parameters/timeout/start', after: '100' },
      { path: 'act/timeout', after: '280' },
    ]);
  });

  it('lists added entities and their scripts, and the sections that changed with them', () => {
    const before = project('EXPRESSCLUSTER_clpcfdiff_conf-01_previous.xml');
    const after = unwrap(addResource(unwrap(addGroup(before, 'g2')), 'g2', 'exec', 'exec2'));
    const difference = diffProjects(before, after);
    expect(
      difference.entities.map((entity) => `${entity.change} ${entity.kind} ${entity.name}`),
    ).toEqual(['added group g2', 'added resource exec2', 'changed section webmgr']);
    expect(difference.scripts.map((script) => `${script.change} ${script.path}`)).toEqual([
      'added g2/exec2/start.sh',
      'added g2/exec2/stop.sh',
    ]);
  });

  it('reports what is left of a section once its instances are taken out (<types> entries)', () => {
    const before = project('EXPRESSCLUSTER_clpcfdiff_conf-01_previous.xml');
    const after = project('EXPRESSCLUSTER_clpcfdiff_conf-02_current.xml');
    const sections = diffProjects(before, after)
      .entities.filter((entity) => entity.kind === 'section')
      .map((entity) => entity.name);
    expect(sections).toContain('webmgr');
    expect(sections).toContain('trekking');
  });
});

describe('diffParameters', () => {
  it('reports changed, removed and added parameters', () => {
    expect(diffParameters({ a: '1', b: '2' }, { a: '1', b: '3', c: '' })).toEqual([
      { path: 'b', before: '2', after: '3' },
      { path: 'c', after: '' },
    ]);
    expect(diffParameters({ a: '1' }, {})).toEqual([{ path: 'a', before: '1' }]);
  });
});
