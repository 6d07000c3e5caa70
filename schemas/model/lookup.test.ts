import { describe, expect, it } from 'vitest';
import { interHostProject } from '../../test/support/rule-projects.js';
import { entityAtPath } from './lookup.js';
import { readModel } from './read.js';

describe('entityAtPath', () => {
  it('finds an entity of any kind by its path, and nothing for folders or unknown paths', () => {
    const model = readModel(interHostProject().conf);
    expect(entityAtPath(model, 'server@esx2')?.name).toBe('esx2');
    expect(entityAtPath(model, 'resource/exec@exec-vm')).toMatchObject({
      kind: 'resource',
      group: 'failover-vm',
    });
    expect(entityAtPath(model, 'monitor/userw@userw')?.kind).toBe('monitor');
    expect(entityAtPath(model, 'monitor/genw@userw')).toBeUndefined();
    expect(entityAtPath(model, 'cluster')).toBeUndefined();
  });
});
