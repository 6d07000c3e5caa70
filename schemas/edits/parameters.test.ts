/**
 * The per-entity range check gives what the per-path one gives, for every kind of entity,
 * ranged or not, valid or not (the CF004 rule runs the first on every parameter).
 */
import { describe, expect, it } from 'vitest';
import { confLines, lineChanges, unwrap } from '../../test/support/project.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import { setValue } from '../doc/edit.js';
import type { Project } from '../project.js';
import { addMonitor } from './entities.js';
import {
  checkParameterValue,
  entityParameterCheck,
  getParameter,
  japaneseParameterProblem,
  setParameter,
} from './parameters.js';

const ENTITIES = [
  'monitor/genw@genw1',
  'monitor/userw@userw',
  'monitor/diskw@a@b',
  'resource/exec@exec1',
  'resource/script@s1',
  'resource/disk@disk1',
  'group@failover1',
  'server@node1',
  // A name with "/" matches no range pattern ([^/]+): the fast path must not pretend it does.
  'resource/exec@bad/name',
  'cluster',
];
const SUBS = [
  'polling/interval',
  'polling/timeout',
  'polling/timing',
  'polling/reconfirmation',
  'firstmonwait',
  'parameters/sync',
  'parameters/waitmonstart',
  'relation/type',
  'emergency/action',
  'emergency/threshold/restart',
  'emergency/preaction/use',
  'act/retry',
  'deact/retry',
  'parameters/timeout/start',
  'parameters/act/sync',
  'start',
  'failback',
  'priority',
  'heartbeat/timeout',
  'comment',
  'parameters/path',
];
const VALUES = ['0', '1', '2', '7', '99', '100', '1000000', '-1', 'abc', 'rsc', 'cls', ''];

describe('entityParameterCheck', () => {
  it('says what checkParameterValue says of the whole path', () => {
    let problems = 0;
    for (const entity of ENTITIES) {
      const check = entityParameterCheck(entity);
      for (const sub of SUBS) {
        for (const value of VALUES) {
          const expected = checkParameterValue(`${entity}/${sub}`, value);
          expect(check(sub, value)).toEqual(expected);
          problems += expected.ok ? 0 : 1;
        }
      }
    }
    // The table holds both kinds of values, so both branches were compared.
    expect(problems).toBeGreaterThan(0);
  });
});

describe('japaneseParameterProblem', () => {
  it('says every range problem in Japanese, keeping the path, the value and the bounds', () => {
    let said = 0;
    for (const entity of ENTITIES) {
      for (const sub of SUBS) {
        for (const value of VALUES) {
          const checked = checkParameterValue(`${entity}/${sub}`, value);
          if (checked.ok) {
            continue;
          }
          const japanese = japaneseParameterProblem(checked.error.message);
          expect(japanese).toMatch(/[ぁ-んァ-ン]/);
          expect(japanese).not.toMatch(/must|allowed/);
          expect(japanese.startsWith(`${entity}/${sub}: "${value}" は`)).toBe(true);
          for (const bound of checked.error.message.match(/\b\d+\b(?=[^"]*$)/g) ?? []) {
            expect(japanese).toContain(bound);
          }
          said += 1;
        }
      }
    }
    expect(said).toBeGreaterThan(0);
  });

  it('leaves a message it does not know as it is', () => {
    expect(japaneseParameterProblem('cluster/name: "x" is odd')).toBe('cluster/name: "x" is odd');
  });
});

describe('setParameter and objectnumber', () => {
  const OBJECT_NUMBER = 'webmgr/client/objectnumber';
  const objectNumber = (project: Project) => unwrap(getParameter(project.conf, OBJECT_NUMBER));
  // objectnumber as a hand edit left it: wrong, and CF008's to mend.
  const handEdited = () => {
    const project = interHostProject();
    return { ...project, conf: unwrap(setValue(project.conf, OBJECT_NUMBER, '1')) };
  };

  it('leaves it alone for a value inside an entity: that cannot add or remove one', () => {
    const before = handEdited();
    const after = unwrap(setParameter(before, 'monitor/userw@userw/polling/interval', '30'));
    expect(objectNumber(after)).toBe('1');
    const { added, removed } = lineChanges(confLines(before), confLines(after));
    expect([added.length, removed.length]).toEqual([1, 1]);
  });

  it('counts again on an edit that adds an entity, and on a cluster setting', () => {
    const right = Number(objectNumber(interHostProject()));
    expect(objectNumber(unwrap(addMonitor(handEdited(), 'genw', 'genw2')))).toBe(String(right + 1));
    expect(objectNumber(unwrap(setParameter(handEdited(), 'cluster/comment', 'lab')))).toBe(
      String(right),
    );
  });
});
