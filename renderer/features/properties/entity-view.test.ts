/**
 * What the property form derives from the model: the servers' devices by id, a group's
 * resources and startup servers.
 */
import { describe, expect, it } from 'vitest';
import { readModel, setStartupServers } from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { devicesOf, entityAt } from './entity-view.js';

describe('devicesOf', () => {
  it("lists each device id once, with its type and every server's value for it", () => {
    const devices = devicesOf(readModel(interHostProject().conf).servers);
    expect(devices.find((device) => device.id === '0')).toEqual({
      id: '0',
      type: 'lan',
      where: expect.stringMatching(/^esx1 \S+, esx2 \S+$/),
    });
    expect(new Set(devices.map((device) => device.id)).size).toBe(devices.length);
  });
});

describe('entityAt of a group', () => {
  it('carries its resources and its startup servers in order, as the model reads them', () => {
    const project = setStartupServers(interHostProject(), 'failover-vm', ['esx2', 'esx1']);
    expect(project.ok).toBe(true);
    const group = entityAt(
      readModel(project.ok ? project.value.conf : interHostProject().conf),
      'group@failover-vm',
    );
    expect(group?.startupServers).toEqual(['esx2', 'esx1']);
    expect(group?.members).toEqual([
      { type: 'disk', name: 'sd-vm' },
      { type: 'exec', name: 'exec-vm' },
    ]);
  });
});
