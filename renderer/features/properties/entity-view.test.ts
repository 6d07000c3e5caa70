/**
 * What the property form derives from the model: the servers' devices by id.
 */
import { describe, expect, it } from 'vitest';
import { readModel } from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { devicesOf } from './entity-view.js';

describe('devicesOf', () => {
  it("lists each device id once, with its type and every server's value for it", () => {
    const devices = devicesOf(readModel(interHostProject().conf));
    expect(devices.find((device) => device.id === '0')).toEqual({
      id: '0',
      type: 'lan',
      where: expect.stringMatching(/^esx1 \S+, esx2 \S+$/),
    });
    expect(new Set(devices.map((device) => device.id)).size).toBe(devices.length);
  });
});
