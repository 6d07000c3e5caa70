import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixturesDir } from '../../test/support/fixtures.js';
import { confLines, lineChanges, projectFrom, unwrap } from '../../test/support/project.js';
import {
  addGroup,
  addHeartbeat,
  addMonitor,
  addResource,
  addServer,
  checkProject,
  objectNumberOf,
  readModel,
  removeGroup,
  removeMonitor,
  removePrioritised,
  removeResource,
  removeServer,
  renameGroup,
  renameMonitor,
  renameResource,
  renameServer,
  setParameter,
  getParameter,
  type Project,
} from '../index.js';

const iscsi = () =>
  projectFrom(
    new Uint8Array(
      readFileSync(join(realFixturesDir, 'mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml')),
    ),
  );
const clpcfdiff = () =>
  projectFrom(
    new Uint8Array(
      readFileSync(join(realFixturesDir, 'EXPRESSCLUSTER_clpcfdiff_conf-01_previous.xml')),
    ),
  );

function withScript(project: Project, path: string): Project {
  return {
    ...project,
    scripts: new Map([
      ...project.scripts,
      [path, { bytes: new TextEncoder().encode('#!/bin/sh\n'), executable: true }],
    ]),
  };
}

/** Every reference in the model resolves (what CF002 will check). */
function expectReferencesResolve(project: Project): void {
  const model = readModel(project.conf);
  const resources = new Set(model.resources.map((resource) => resource.name));
  const groups = new Set(model.groups.map((group) => group.name));
  const servers = new Set(model.servers.map((server) => server.name));
  for (const group of model.groups) {
    group.members.forEach((member) => expect(resources).toContain(member.name));
    group.policy.forEach((policy) => expect(servers).toContain(policy.server));
  }
  for (const monitor of model.monitors) {
    if (monitor.target) {
      expect(resources).toContain(monitor.target);
    }
    if (monitor.relation.type === 'rsc') {
      expect(resources).toContain(monitor.relation.name);
    }
    if (monitor.relation.type === 'grp') {
      expect(groups).toContain(monitor.relation.name);
    }
    monitor.polling.servers.forEach((server) => expect(servers).toContain(server));
  }
}

function expectDerivedRight(project: Project): void {
  const model = readModel(project.conf);
  expect(model.webmgr?.objectNumber).toBe(String(objectNumberOf(model)));
  const gids = model.groups.map((group) => group.gid).filter((gid) => gid !== undefined);
  if (gids.length > 0) {
    expect(gids).toEqual(model.groups.map((_group, index) => String(index)));
  }
  expect(model.servers.map((server) => server.priority).sort()).toEqual(
    model.servers.map((_server, index) => String(index)).sort(),
  );
  const priorities = model.heartbeats.map((heartbeat) => Number(heartbeat.priority));
  expect(new Set(priorities).size).toBe(priorities.length);
}

describe('rename follows every reference', () => {
  it('resource: group member, monitor target and recovery target, scripts folder', () => {
    const before = withScript(iscsi(), 'failover-iscsi/exec-target/start.sh');
    const after = unwrap(renameResource(before, 'fip1', 'fip-service'));
    const model = readModel(after.conf);
    expect(model.groups[0]?.members.map((member) => member.name)).toContain('fip-service');
    expect(model.monitors.find((monitor) => monitor.name === 'fipw1')).toMatchObject({
      target: 'fip-service',
      relation: { type: 'rsc', name: 'fip-service' },
    });
    expect(model.monitors.find((monitor) => monitor.name === 'genw-arpTable')?.target).toBe(
      'fip-service',
    );
    expectReferencesResolve(after);
    const renamedScripts = unwrap(renameResource(before, 'exec-target', 'exec-iscsi'));
    expect([...renamedScripts.scripts.keys()]).toEqual(['failover-iscsi/exec-iscsi/start.sh']);
  });

  it('resource: dependencies of other resources and md monitors', () => {
    const after = unwrap(renameResource(iscsi(), 'md1', 'md-data'));
    const model = readModel(after.conf);
    expect(
      model.monitors
        .filter((monitor) => monitor.type === 'mdw' || monitor.type === 'mdnw')
        .map((monitor) => monitor.parameters['parameters/object']),
    ).toEqual(['md-data', 'md-data']);
    expect(model.monitors.find((monitor) => monitor.name === 'genw-md')?.target).toBe('md-data');
    expectReferencesResolve(after);
  });

  it('group: recovery targets, dependencies and scripts folder', () => {
    const before = withScript(iscsi(), 'failover-iscsi/exec-target/start.sh');
    const after = unwrap(renameGroup(before, 'failover-iscsi', 'iscsi'));
    expect(readModel(after.conf).groups.map((group) => group.name)).toEqual(['iscsi']);
    expect([...after.scripts.keys()]).toEqual(['iscsi/exec-target/start.sh']);
    expectReferencesResolve(after);
  });

  it('server: policies, polling servers and per-server overrides', () => {
    let before = unwrap(setParameter(clpcfdiff(), 'group@failover1/policy@alma9-22/order', '0'));
    before = unwrap(setParameter(before, 'monitor/genw@genw/polling/servers@0/name', 'alma9-22'));
    before = unwrap(
      setParameter(before, 'resource/md@md1/server@alma9-22/parameters/nmppath', '/dev/NMP1'),
    );
    const after = unwrap(renameServer(before, 'alma9-22', 'node2'));
    const model = readModel(after.conf);
    expect(model.servers.map((server) => server.name)).toEqual(['alma9-21', 'node2']);
    expect(model.groups[0]?.policy).toEqual([{ server: 'node2', order: '0' }]);
    expect(model.monitors.find((monitor) => monitor.name === 'genw')?.polling.servers).toEqual([
      'node2',
    ]);
    expect(
      unwrap(getParameter(after.conf, 'resource/md@md1/server@node2/parameters/nmppath')),
    ).toBe('/dev/NMP1');
    expectReferencesResolve(after);
  });

  it('monitor: scripts folder', () => {
    const before = withScript(iscsi(), 'monitor.s/genw-md/genw.sh');
    const after = unwrap(renameMonitor(before, 'genw-md', 'genw-mirror'));
    expect([...after.scripts.keys()]).toEqual(['monitor.s/genw-mirror/genw.sh']);
  });

  it('refuses a name that is taken, or that would leave the project folder', () => {
    expect(renameResource(iscsi(), 'fip1', 'md1')).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    expect(renameGroup(iscsi(), 'failover-iscsi', '../etc')).toMatchObject({
      ok: false,
      error: { kind: 'unsafe-path' },
    });
    expect(addResource(iscsi(), 'failover-iscsi', 'exec', 'a/b')).toMatchObject({
      ok: false,
      error: { kind: 'unsafe-path' },
    });
    expect(addMonitor(iscsi(), 'genw', 'C:\\x')).toMatchObject({
      ok: false,
      error: { kind: 'unsafe-path' },
    });
    // Monitors are named across types: a userw cannot take a genw's name (one scripts folder).
    for (const result of [
      renameMonitor(iscsi(), 'userw', 'genw-md'),
      addMonitor(iscsi(), 'diskw', 'genw-md'),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'conflict', message: expect.stringContaining('across all types') },
      });
    }
  });

  it('changes only the lines that carry the name', () => {
    const before = iscsi();
    const after = unwrap(renameResource(before, 'fip1', 'fip-service'));
    const { added, removed } = lineChanges(confLines(before), confLines(after));
    expect(removed.every((line) => line.includes('fip1'))).toBe(true);
    expect(added.every((line) => line.includes('fip-service'))).toBe(true);
    expect(added.length).toBe(removed.length);
  });
});

describe('remove keeps the configuration consistent', () => {
  it('refuses to remove a resource that monitors refer to, naming them', () => {
    const result = removeResource(iscsi(), 'fip1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('monitor fipw1 (target)');
  });

  it('removes a resource with its member reference, types entry and scripts', () => {
    const before = withScript(
      withScript(iscsi(), 'failover-iscsi/exec-target/start.sh'),
      'failover-iscsi/exec-target/stop.sh',
    );
    const after = unwrap(removeResource(before, 'exec-target'));
    const model = readModel(after.conf);
    expect(model.resources.map((resource) => resource.name)).not.toContain('exec-target');
    expect(model.groups[0]?.members.map((member) => member.name)).not.toContain('exec-target');
    expect(after.scripts.size).toBe(0);
    expectDerivedRight(after);
    expectReferencesResolve(after);
  });

  it('removes a server with its policies and overrides, renumbering priorities', () => {
    let before = unwrap(setParameter(clpcfdiff(), 'group@failover1/policy@alma9-21/order', '0'));
    before = unwrap(setParameter(before, 'group@failover1/policy@alma9-22/order', '1'));
    before = unwrap(setParameter(before, 'monitor/genw@genw/polling/servers@0/name', 'alma9-21'));
    const after = unwrap(removeServer(before, 'alma9-21'));
    const model = readModel(after.conf);
    expect(model.servers.map((server) => [server.name, server.priority])).toEqual([
      ['alma9-22', '0'],
    ]);
    expect(model.groups[0]?.policy.map((policy) => policy.server)).toEqual(['alma9-22']);
    expect(model.monitors.find((monitor) => monitor.name === 'genw')?.polling.servers).toEqual([]);
    expectReferencesResolve(after);
    expectDerivedRight(after);
  });

  it('removes a group with its resources once nothing refers to it', () => {
    let project = unwrap(addGroup(iscsi(), 'batch'));
    project = unwrap(addResource(project, 'batch', 'exec', 'exec-batch'));
    const after = unwrap(removeGroup(project, 'batch'));
    expect(readModel(after.conf).resources.map((resource) => resource.name)).not.toContain(
      'exec-batch',
    );
    expect([...after.scripts.keys()]).toEqual([]);
    expect(confLines(after)).toEqual(confLines(iscsi()));
  });

  it('removing the last instance of a kind removes its <types> entry; adding brings it back', () => {
    const after = unwrap(removeMonitor(iscsi(), 'userw'));
    expect(confLines(after).some((line) => line.includes('<types name="userw"/>'))).toBe(false);
    const again = unwrap(addMonitor(after, 'userw', 'userw'));
    expect(confLines(again).filter((line) => line.includes('<types name="userw"/>'))).toHaveLength(
      1,
    );
  });

  it('removes a heartbeat and renumbers the others', () => {
    const after = unwrap(
      removePrioritised(iscsi(), 'heartbeat', readModel(iscsi().conf).heartbeats[0]?.name ?? ''),
    );
    expectDerivedRight(after);
  });
});

describe('add writes the file its own way', () => {
  it('adds a group, a resource and a monitor with the derived values right', () => {
    let project = unwrap(addGroup(iscsi(), 'web'));
    project = unwrap(addResource(project, 'web', 'exec', 'exec-web'));
    project = unwrap(addMonitor(project, 'genw', 'genw-web'));
    project = unwrap(addHeartbeat(project, 'lanhb', { device: '1' }));
    project = unwrap(addServer(project, 'iscsi3', { ip: '172.31.255.13' }));
    expectDerivedRight(project);
    expect([...project.scripts.keys()].sort()).toEqual([
      'monitor.s/genw-web/genw.sh',
      'web/exec-web/start.sh',
      'web/exec-web/stop.sh',
    ]);
    const model = readModel(project.conf);
    expect(model.groups.find((group) => group.name === 'web')).toMatchObject({
      gid: '1',
      members: [{ type: 'exec', name: 'exec-web' }],
    });
  });

  it('gives a custom monitor on a Windows cluster genw.bat (CRLF), on Linux genw.sh', () => {
    const windows = projectFrom(
      new Uint8Array(
        readFileSync(
          join(realFixturesDir, 'EXPRESSCLUSTER_BasicCluster_X41-Win-conf-2nodesMirror.xml'),
        ),
      ),
    );
    const added = unwrap(addMonitor(windows, 'genw', 'genw-web'));
    expect(unwrap(getParameter(added.conf, 'monitor/genw@genw-web/parameters/path'))).toBe(
      'genw.bat',
    );
    expect([...added.scripts.keys()]).toEqual(['monitor.s/genw-web/genw.bat']);
    const text = new TextDecoder().decode(added.scripts.get('monitor.s/genw-web/genw.bat')?.bytes);
    expect(text).toMatch(/^rem .*\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(
      checkProject(added).filter((finding) => ['CF003', 'CF013'].includes(finding.rule)),
    ).toEqual([]);
    const linux = unwrap(addMonitor(iscsi(), 'genw', 'genw-web'));
    expect(unwrap(getParameter(linux.conf, 'monitor/genw@genw-web/parameters/path'))).toBe(
      'genw.sh',
    );
  });

  it('uses tabs in a tab-indented file and CRLF in a CRLF file', () => {
    const tabbed = projectFrom(
      new Uint8Array(readFileSync(join(realFixturesDir, 'mkazuyuki_hauc_cf-template-vMA.xml'))),
    );
    const added = unwrap(addGroup(tabbed, 'web'));
    const { added: lines } = lineChanges(confLines(tabbed), confLines(added));
    expect(lines.find((line) => line.includes('<group name="web">'))).toBe('\t<group name="web">');
    const crlf = unwrap(addGroup(clpcfdiff(), 'web'));
    const text = confLines(crlf).join('\n');
    expect(text).toContain(
      '<group name="web">\r\n    <comment/>\r\n    <gid>1</gid>\r\n  </group>',
    );
  });
});

describe('set a parameter', () => {
  it('keeps exec activation timeouts at script timeout + 180', () => {
    const after = unwrap(
      setParameter(iscsi(), 'resource/exec@exec-target/parameters/timeout/start', '600'),
    );
    expect(unwrap(getParameter(after.conf, 'resource/exec@exec-target/act/timeout'))).toBe('780');
    const stop = unwrap(
      setParameter(after, 'resource/exec@exec-target/parameters/timeout/stop', '60'),
    );
    expect(unwrap(getParameter(stop.conf, 'resource/exec@exec-target/deact/timeout'))).toBe('240');
  });

  it('refuses a value out of range, naming the path and the range', () => {
    const result = setParameter(iscsi(), 'monitor/genw@genw-md/polling/interval', 'abc');
    expect(!result.ok && result.error).toMatchObject({
      kind: 'invalid-value',
      path: 'monitor/genw@genw-md/polling/interval',
    });
    expect(!result.ok && result.error.message).toContain('whole number');
  });

  it('refuses to create an entity by setting one of its parameters', () => {
    const result = setParameter(iscsi(), 'monitor/genw@no-such-monitor/polling/interval', '30');
    expect(!result.ok && result.error).toMatchObject({
      kind: 'not-found',
      path: 'monitor/genw@no-such-monitor',
    });
  });

  it('changes exactly one line for an existing parameter', () => {
    const before = iscsi();
    const after = unwrap(setParameter(before, 'monitor/genw@genw-md/firstmonwait', '30'));
    const { added, removed } = lineChanges(confLines(before), confLines(after));
    expect(added).toEqual(['      <firstmonwait>30</firstmonwait>']);
    expect(removed).toEqual(['      <firstmonwait>60</firstmonwait>']);
  });
});
