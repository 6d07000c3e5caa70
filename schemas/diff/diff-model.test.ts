import { describe, expect, it } from 'vitest';
import { addGroup, addResource, setParameter } from '../index.js';
import { realFixtures } from '../../test/support/fixtures.js';
import { projectFrom, unwrap } from '../../test/support/project.js';
import { diffParameters, diffProjects, hasDifferences } from './diff-model.js';

const fixtures = new Map(realFixtures());
const project = (name: string) => projectFrom(fixtures.get(name) as Uint8Array);

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
