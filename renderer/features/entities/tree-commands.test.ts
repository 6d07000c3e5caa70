/**
 * The tree's editing keys and where "Add" puts a new entity.
 */
import { describe, expect, it } from 'vitest';
import { addTargetFor, commandForKey } from './tree-commands.js';

const press = (
  key: string,
  modifiers: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) =>
  commandForKey({
    key,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...modifiers,
  });

describe('tree commands', () => {
  it('maps Insert, Delete, F2, Ctrl/Cmd+D and the menu keys, and nothing else', () => {
    expect(press('Insert')).toBe('add');
    expect(press('Delete')).toBe('remove');
    expect(press('F2')).toBe('rename');
    expect(press('d', { ctrlKey: true })).toBe('duplicate');
    expect(press('D', { metaKey: true, shiftKey: true })).toBe('duplicate');
    expect(press('ContextMenu')).toBe('menu');
    expect(press('F10', { shiftKey: true })).toBe('menu');
    expect(press('F10')).toBeUndefined();
    expect(press('d')).toBeUndefined();
    expect(press('Delete', { ctrlKey: true })).toBeUndefined();
    expect(press('d', { ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it("adds a folder's kind, a resource to a group, a sibling elsewhere, a group on the cluster", () => {
    const groupOf = (path: string) => (path === 'resource/exec@exec1' ? 'failover1' : undefined);
    expect(addTargetFor({ id: 'folder:heartbeats', kind: 'folder' }, groupOf)).toEqual({
      kind: 'heartbeat',
    });
    expect(addTargetFor({ id: 'folder:networkPartitions', kind: 'folder' }, groupOf)).toEqual({
      kind: 'networkpartition',
    });
    expect(addTargetFor({ id: 'group@failover1', kind: 'group' }, groupOf)).toEqual({
      kind: 'resource',
      group: 'failover1',
    });
    expect(addTargetFor({ id: 'resource/exec@exec1', kind: 'resource' }, groupOf)).toEqual({
      kind: 'resource',
      group: 'failover1',
    });
    expect(addTargetFor({ id: 'monitor/genw@genw1', kind: 'monitor' }, groupOf)).toEqual({
      kind: 'monitor',
    });
    expect(addTargetFor({ id: 'cluster', kind: 'cluster' }, groupOf)).toEqual({ kind: 'group' });
  });
});
