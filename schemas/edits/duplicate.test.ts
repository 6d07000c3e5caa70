import { describe, expect, it } from 'vitest';
import { confLines, lineChanges, unwrap } from '../../test/support/project.js';
import { interHostProject } from '../../test/support/rule-projects.js';
import {
  addHeartbeat,
  checkProject,
  duplicateEntity,
  getParameter,
  readModel,
  setParameter,
  suggestedCopyNames,
} from '../index.js';

function value(project: ReturnType<typeof interHostProject>, path: string) {
  const read = getParameter(project.conf, path);
  return read.ok ? read.value : undefined;
}

describe('duplicateEntity', () => {
  it('copies a resource with every parameter into its group, with its scripts', () => {
    const start = unwrap(
      setParameter(interHostProject(), 'resource/exec@exec-vm/act/timeout', '1234'),
    );
    const copied = unwrap(duplicateEntity(start, 'resource/exec@exec-vm', 'exec-vm2'));
    const model = readModel(copied.conf);
    const copy = model.resources.find((resource) => resource.name === 'exec-vm2');
    expect(copy?.group).toBe('failover-vm');
    expect(value(copied, 'resource/exec@exec-vm2/act/timeout')).toBe('1234');
    expect(value(copied, 'resource/exec@exec-vm2/parameters/act/path')).toBe('start.sh');
    const original = [...start.scripts.keys()].filter((path) =>
      path.startsWith('failover-vm/exec-vm/'),
    );
    expect(original.length).toBeGreaterThan(0);
    for (const path of original) {
      const copyPath = path.replace('/exec-vm/', '/exec-vm2/');
      expect(copied.scripts.get(copyPath)?.bytes).toEqual(start.scripts.get(path)?.bytes);
    }
    // The original is untouched; the copy breaks no structural rule (names, references). Guide
    // rules may fire for it (VM021: an exec needs its own genw), as for any new resource.
    expect(value(copied, 'resource/exec@exec-vm/act/timeout')).toBe('1234');
    const rules = (project: typeof start) =>
      checkProject(project)
        .filter((finding) => finding.rule.startsWith('CF'))
        .map((finding) => finding.rule);
    expect(rules(copied)).toEqual(rules(start));
  });

  it('refuses a name another resource has, whatever its type', () => {
    const refused = duplicateEntity(interHostProject(), 'resource/exec@exec-vm', 'sd-vm');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/"sd-vm" already exists/);
    const unsafe = duplicateEntity(interHostProject(), 'resource/exec@exec-vm', '../x');
    expect(!unsafe.ok && unsafe.error.kind).toBe('unsafe-path');
    const monitor = duplicateEntity(interHostProject(), 'monitor/genw@genw-vm', 'userw');
    expect(!monitor.ok && monitor.error.message).toMatch(/"userw" already exists/);
  });

  it('copies a group with its resources under the rename map, dependencies following', () => {
    const start = unwrap(
      setParameter(interHostProject(), 'resource/exec@exec-vm/depend@sd-vm', ''),
    );
    const names = suggestedCopyNames(start, 'failover-vm');
    expect([...names]).toEqual([
      ['sd-vm', 'sd-vm-copy'],
      ['exec-vm', 'exec-vm-copy'],
    ]);
    names.set('exec-vm', 'exec-b');
    const copied = unwrap(duplicateEntity(start, 'group@failover-vm', 'failover-b', names));
    const model = readModel(copied.conf);
    const group = model.groups.find((candidate) => candidate.name === 'failover-b');
    expect(group?.members.map((member) => member.name)).toEqual(['sd-vm-copy', 'exec-b']);
    const execB = model.resources.find((resource) => resource.name === 'exec-b');
    expect(execB?.depends).toEqual(['sd-vm-copy']);
    // The original group keeps its members and its dependency.
    const original = model.resources.find((resource) => resource.name === 'exec-vm');
    expect(original?.depends).toEqual(['sd-vm']);
    expect(model.groups.map((candidate) => candidate.gid)).toEqual(
      model.groups.map((_, index) => String(index)),
    );
    expect([...copied.scripts.keys()].some((path) => path.startsWith('failover-b/exec-b/'))).toBe(
      true,
    );
  });

  it('copies a monitor with its script folder and refuses a taken name', () => {
    const start = interHostProject();
    const copied = unwrap(duplicateEntity(start, 'monitor/genw@genw-vm', 'genw-vm2'));
    expect(value(copied, 'monitor/genw@genw-vm2/target')).toBe('exec-vm');
    expect(copied.scripts.has('monitor.s/genw-vm2/genw.sh')).toBe(
      start.scripts.has('monitor.s/genw-vm/genw.sh'),
    );
    const refused = duplicateEntity(start, 'monitor/genw@genw-vm', 'genw-vm');
    expect(!refused.ok && refused.error.kind).toBe('conflict');
  });

  it('gives a copied server or heartbeat the next priority and changes nothing else', () => {
    const start = unwrap(addHeartbeat(interHostProject(), 'lankhb'));
    const servers = readModel(start.conf).servers;
    const copied = unwrap(duplicateEntity(start, servers[0]!.path, 'esx9'));
    const server = readModel(copied.conf).servers.find((candidate) => candidate.name === 'esx9');
    expect(server?.priority).toBe(String(servers.length));
    expect(server?.devices).toEqual(servers[0]!.devices);
    const heartbeats = readModel(start.conf).heartbeats;
    const hb = unwrap(duplicateEntity(start, heartbeats[0]!.path, 'lankhb-copy'));
    const added = lineChanges(confLines(start), confLines(hb)).added.join('\n');
    expect(added).toContain('lankhb-copy');
    expect(added).toContain(`<priority>${heartbeats.length}</priority>`);
    // Besides the copy, only the derived object count changes (clpconf-format.md §10).
    const removed = lineChanges(confLines(start), confLines(hb)).removed;
    expect(removed.map((line) => line.trim().replace(/\d+/, 'N'))).toEqual([
      '<objectnumber>N</objectnumber>',
    ]);
  });

  it('says what it cannot duplicate', () => {
    const refused = duplicateEntity(interHostProject(), 'cluster', 'x');
    expect(!refused.ok && refused.error.kind).toBe('not-found');
  });
});
