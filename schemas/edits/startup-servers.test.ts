/**
 * A group's startup servers, set as a list: each entry changes in place, one line per change;
 * the model and the rules (CF005) read the result; refusals name what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { expectJapaneseOf } from '../../test/support/japanese.js';
import { unwrap } from '../../test/support/project.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import { decodeClpConfText, serializeClpConf } from '../codec/document.js';
import { readModel } from '../model/read.js';
import type { Project } from '../project.js';
import { checkProject } from '../rules/index.js';
import { addServer } from './entities.js';
import { removeParameter } from './parameters.js';
import { inStartupOrder, setStartupServers } from './startup-servers.js';

const policyOf = (project: Project) =>
  readModel(project.conf).groups.find((group) => group.name === 'failover-vm')?.policy;

/** The lines that differ, position by position (the edit keeps the line count). */
function changedLines(before: Project, after: Project): Array<[string, string]> {
  const old = serializeClpConf(before.conf).split('\n');
  const next = serializeClpConf(after.conf).split('\n');
  expect(next).toHaveLength(old.length);
  return old.flatMap((line, index) =>
    line === next[index] ? [] : [[line, next[index] as string]],
  );
}

function withServers(servers: readonly string[]): Project {
  return unwrap(setStartupServers(interHostProject(), 'failover-vm', servers));
}

describe('setStartupServers', () => {
  it('adds entries in order to a group that had none', () => {
    const project = withServers(['esx2', 'esx1']);
    expect(policyOf(project)).toEqual([
      { server: 'esx2', order: '0' },
      { server: 'esx1', order: '1' },
    ]);
    expect(serializeClpConf(project.conf)).toContain(
      '<policy name="esx2">\n      <order>0</order>\n    </policy>',
    );
  });

  it('changes only the lines that differ: a swap renames two entries', () => {
    const before = withServers(['esx1', 'esx2']);
    const swapped = unwrap(setStartupServers(before, 'failover-vm', ['esx2', 'esx1']));
    expect(policyOf(swapped)).toEqual([
      { server: 'esx2', order: '0' },
      { server: 'esx1', order: '1' },
    ]);
    expect(changedLines(before, swapped)).toEqual([
      ['    <policy name="esx1">', '    <policy name="esx2">'],
      ['    <policy name="esx2">', '    <policy name="esx1">'],
    ]);
  });

  it('removes entries with their lines, down to none (every server, in priority order)', () => {
    const both = withServers(['esx1', 'esx2']);
    const one = unwrap(setStartupServers(both, 'failover-vm', ['esx1']));
    expect(policyOf(one)).toEqual([{ server: 'esx1', order: '0' }]);
    const none = unwrap(setStartupServers(one, 'failover-vm', []));
    expect(policyOf(none)).toEqual([]);
    expect(serializeClpConf(none.conf)).toBe(serializeClpConf(interHostProject().conf));
  });

  it('keeps the very project when nothing changes', () => {
    const project = withServers(['esx1', 'esx2']);
    expect(unwrap(setStartupServers(project, 'failover-vm', ['esx1', 'esx2']))).toBe(project);
  });

  it('is what CF005 asks for: one startup server warns, two do not', () => {
    const cf005 = (project: Project) =>
      checkProject(project).filter((finding) => finding.rule === 'CF005');
    expect(cf005(withServers(['esx1']))).toHaveLength(1);
    expect(cf005(withServers(['esx1', 'esx2']))).toEqual([]);
  });

  it.each([
    [['esx1', 'esx3'], 'server esx3 is not in this clp.conf'],
    [['esx1', 'esx1'], 'esx1 is listed twice as a startup server of failover-vm'],
  ])('refuses %j, in English and Japanese', (servers, message) => {
    const refused = setStartupServers(interHostProject(), 'failover-vm', servers);
    expect(refused.ok).toBe(false);
    const error = (refused as { ok: false; error: { message: string; ja?: string } }).error;
    expect(error.message).toContain(message);
    expectJapaneseOf(error.message, error.ja ?? '', message);
  });

  it('refuses a group that is not there', () => {
    const refused = setStartupServers(interHostProject(), 'failover-db', ['esx1']);
    expect(refused.ok || refused.error.message).toBe('group failover-db is not in this clp.conf');
  });
});

describe('removeParameter of a startup server', () => {
  it('takes the entry out and renumbers the others; an absent one changes nothing', () => {
    const three = unwrap(
      setStartupServers(
        unwrap(addServer(interHostProject(), 'esx3', { ip: '10.0.0.3' })),
        'failover-vm',
        ['esx1', 'esx2', 'esx3'],
      ),
    );
    const removed = unwrap(removeParameter(three, 'group@failover-vm/policy@esx2'));
    expect(policyOf(removed)).toEqual([
      { server: 'esx1', order: '0' },
      { server: 'esx3', order: '1' },
    ]);
    expect(unwrap(removeParameter(removed, 'group@failover-vm/policy@esx2/order'))).toBe(removed);
  });
});

describe('inStartupOrder', () => {
  it('orders entries by their order number, those without one last as written', () => {
    expect(
      inStartupOrder([
        { server: 'b', order: '1' },
        { server: 'x' },
        { server: 'a', order: '0' },
        { server: 'y', order: 'n/a' },
      ]),
    ).toEqual(['a', 'b', 'x', 'y']);
  });

  it('is what unset renumbers from: an entry written out of order keeps its rank', () => {
    const project = unwrap(addServer(interHostProject(), 'esx3', { ip: '10.0.0.3' }));
    const three = unwrap(setStartupServers(project, 'failover-vm', ['esx1', 'esx2', 'esx3']));
    // Written esx1, esx2, esx3 but numbered 9, 1, 2: the product starts esx2, esx3, then esx1.
    const text = serializeClpConf(three.conf).replace('<order>0</order>', '<order>9</order>');
    const written = { ...three, conf: unwrap(decodeClpConfText(text)) };
    const removed = unwrap(removeParameter(written, 'group@failover-vm/policy@esx3'));
    expect(policyOf(removed)).toEqual([
      { server: 'esx2', order: '0' },
      { server: 'esx1', order: '1' },
    ]);
  });
});
