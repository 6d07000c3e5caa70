/**
 * The tree's shape, visible rows and status dots, without a DOM.
 */
import { describe, expect, it } from 'vitest';
import { checkProject, readModel, setParameter } from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import {
  buildTree,
  entityIds,
  entityOfPath,
  filterTree,
  parentIds,
  typeaheadMatch,
  visibleRows,
  worstSeverities,
} from './tree-model.js';

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

  it('gives every row its place among its siblings and their number', () => {
    const tree = buildTree(readModel(interHostProject().conf), LABELS);
    const rows = visibleRows(tree, parentIds(tree));
    const place = (label: string) => {
      const row = rows.find((candidate) => candidate.node.label === label)!;
      return [row.level, row.position, row.setSize];
    };
    expect(place('esxcluster')).toEqual([1, 1, 1]);
    expect(place('Groups')).toEqual([2, 4, 5]);
    expect(place('sd-vm')).toEqual([4, 1, 2]);
    expect(place('userw')).toEqual([3, 2, 2]);
  });

  it('filters by name or exact type, keeping ancestors and dropping empty folders', () => {
    const tree = buildTree(readModel(interHostProject().conf), LABELS);
    const labels = (query: string) => {
      const shown = filterTree(tree, query);
      return shown ? visibleRows(shown, parentIds(shown)).map((row) => row.node.label) : [];
    };
    expect(labels('USERW')).toEqual(['esxcluster', 'Monitors', 'userw']);
    expect(labels('exec')).toEqual(['esxcluster', 'Groups', 'failover-vm', 'exec-vm']);
    expect(labels('Servers')).toEqual([]);
    expect(labels('  ')).toEqual(visibleRows(tree, parentIds(tree)).map((row) => row.node.label));
  });

  it('typeahead finds the next row by prefix, wrapping, and stays on a longer match', () => {
    const tree = buildTree(readModel(interHostProject().conf), LABELS);
    const rows = visibleRows(tree, parentIds(tree));
    const at = (label: string) => rows.findIndex((row) => row.node.label === label);
    expect(typeaheadMatch(rows, at('esx1'), 'e')).toBe(at('esx2'));
    expect(typeaheadMatch(rows, at('userw'), 'e')).toBe(at('esxcluster'));
    expect(typeaheadMatch(rows, at('esx1'), 'esx1')).toBe(at('esx1'));
    expect(typeaheadMatch(rows, 0, 'zz')).toBeUndefined();
  });
});
