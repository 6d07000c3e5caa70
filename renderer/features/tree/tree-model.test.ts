/**
 * The tree's shape, visible rows and status dots, without a DOM.
 */
import { describe, expect, it } from 'vitest';
import { checkProject, readModel, setParameter } from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { buildTree, entityIds, entityOfPath, visibleRows, worstSeverities } from './tree-model.js';

const LABELS = {
  servers: 'Servers',
  heartbeats: 'Heartbeats',
  networkPartitions: 'Network partitions',
  groups: 'Groups',
  monitors: 'Monitors',
};

describe('tree model', () => {
  it('puts resources under their group and every kind under its folder', () => {
    const tree = buildTree(readModel(interHostProject().conf), LABELS);
    expect(tree.children.map((child) => child.label)).toEqual([
      'Servers',
      'Heartbeats',
      'Network partitions',
      'Groups',
      'Monitors',
    ]);
    const groups = tree.children[3]!;
    expect(groups.children[0]!.children.map((child) => child.label)).toEqual(['sd-vm', 'exec-vm']);
    const rows = visibleRows(tree, new Set(['cluster', 'folder:groups']));
    expect(rows.map((row) => row.node.label)).toEqual([
      'esxcluster',
      'Servers',
      'Heartbeats',
      'Network partitions',
      'Groups',
      'failover-vm',
      'Monitors',
    ]);
  });

  it('marks the entity a finding is about with its worst severity', () => {
    const broken = setParameter(
      interHostProject(),
      'monitor/userw@userw/parameters/method',
      'softdog',
    );
    if (!broken.ok) {
      throw new Error(broken.error.message);
    }
    const ids = entityIds(buildTree(readModel(broken.value.conf), LABELS));
    expect(entityOfPath('monitor/userw@userw/parameters/method', ids)).toBe('monitor/userw@userw');
    expect(worstSeverities(checkProject(broken.value), ids).get('monitor/userw@userw')).toBe(
      'error',
    );
  });
});
