/**
 * The cluster as tree nodes: Cluster → Servers, Heartbeats, Network partitions; Groups →
 * their resources; Monitors. Pure, so the tree's shape is tested without a DOM.
 */
import type { ClusterModel, Finding, Severity } from '../../../schemas/index.js';

/** What a node stands for, for its icon. */
export type NodeKind =
  | 'cluster'
  | 'folder'
  | 'server'
  | 'heartbeat'
  | 'networkpartition'
  | 'group'
  | 'resource'
  | 'monitor';

export interface TreeNode {
  /** The entity's clpcfadm path (`monitor/userw@userw`), or `folder:<name>` for a folder. */
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  /** The entity's type (exec, genw, lankhb ...), shown after the name. */
  readonly detail?: string;
  readonly children: readonly TreeNode[];
}

function leaf(id: string, label: string, kind: NodeKind, detail?: string): TreeNode {
  return { id, label, kind, children: [], ...(detail === undefined ? {} : { detail }) };
}

/** The tree of a model; folders are labelled by `labels` (already translated). */
export function buildTree(
  model: ClusterModel,
  labels: Record<'servers' | 'heartbeats' | 'networkPartitions' | 'groups' | 'monitors', string>,
): TreeNode {
  const folder = (name: keyof typeof labels, children: TreeNode[]): TreeNode => ({
    id: `folder:${name}`,
    label: labels[name],
    kind: 'folder',
    children,
  });
  // One pass over the resources: filtering them per group was groups × resources steps.
  const byGroup = new Map<string, TreeNode[]>();
  for (const resource of model.resources) {
    if (resource.group !== undefined) {
      const nodes = byGroup.get(resource.group) ?? [];
      nodes.push(leaf(resource.path, resource.name, 'resource', resource.type));
      byGroup.set(resource.group, nodes);
    }
  }
  const resourcesOf = (group: string) => byGroup.get(group) ?? [];
  const ungrouped = model.resources.filter((resource) => resource.group === undefined);
  return {
    id: 'cluster',
    label: model.cluster.name,
    kind: 'cluster',
    children: [
      folder(
        'servers',
        model.servers.map((server) => leaf(server.path, server.name, 'server')),
      ),
      folder(
        'heartbeats',
        model.heartbeats.map((hb) => leaf(hb.path, hb.name, 'heartbeat', hb.type)),
      ),
      folder(
        'networkPartitions',
        model.networkPartitions.map((np) => leaf(np.path, np.name, 'networkpartition', np.type)),
      ),
      folder('groups', [
        ...model.groups.map((group) => ({
          ...leaf(group.path, group.name, 'group', group.type),
          children: resourcesOf(group.name),
        })),
        // A resource no group lists still shows, so nothing in the file is hidden.
        ...ungrouped.map((resource) =>
          leaf(resource.path, resource.name, 'resource', resource.type),
        ),
      ]),
      folder(
        'monitors',
        model.monitors.map((monitor) => leaf(monitor.path, monitor.name, 'monitor', monitor.type)),
      ),
    ],
  };
}

/** A visible row of the tree, in display order. */
export interface TreeRow {
  readonly node: TreeNode;
  readonly level: number;
  readonly parent?: string;
  /** 1-based place among its siblings and their number: a virtualized tree states them in ARIA. */
  readonly position: number;
  readonly setSize: number;
}

/** The rows shown when the nodes in `expanded` are open. */
export function visibleRows(root: TreeNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (
    node: TreeNode,
    level: number,
    position: number,
    setSize: number,
    parent?: string,
  ) => {
    rows.push({ node, level, position, setSize, ...(parent === undefined ? {} : { parent }) });
    if (expanded.has(node.id)) {
      node.children.forEach((child, index) =>
        walk(child, level + 1, index + 1, node.children.length, node.id),
      );
    }
  };
  walk(root, 1, 1, 1);
  return rows;
}

/**
 * The tree narrowed to the entities whose name or type contains `query` (any case), with
 * their ancestors so each match shows where it sits; undefined when nothing matches.
 */
export function filterTree(root: TreeNode, query: string): TreeNode | undefined {
  const needle = query.trim().toLowerCase();
  if (needle === '') {
    return root;
  }
  const keep = (node: TreeNode): TreeNode | undefined => {
    const children = node.children.flatMap((child) => keep(child) ?? []);
    const matches =
      node.kind !== 'folder' &&
      node.kind !== 'cluster' &&
      (node.label.toLowerCase().includes(needle) || node.detail?.toLowerCase() === needle);
    return matches || children.length > 0 ? { ...node, children } : undefined;
  };
  return keep(root);
}

/**
 * The row typeahead moves to (WAI-ARIA tree pattern): the next row after `from` whose name
 * starts with `prefix`, wrapping; a longer prefix may stay on `from` if it still matches.
 */
export function typeaheadMatch(
  rows: readonly TreeRow[],
  from: number,
  prefix: string,
): number | undefined {
  const needle = prefix.toLowerCase();
  const start = needle.length > 1 ? from : from + 1;
  for (let offset = 0; offset < rows.length; offset += 1) {
    const index = (start + offset) % rows.length;
    if (rows[index]?.node.label.toLowerCase().startsWith(needle)) {
      return index;
    }
  }
  return undefined;
}

/** Every node id with children (to open a whole tree). */
export function parentIds(node: TreeNode, into: Set<string> = new Set()): Set<string> {
  if (node.children.length > 0) {
    into.add(node.id);
    node.children.forEach((child) => parentIds(child, into));
  }
  return into;
}

/** Ids of the node and its ancestors' chain down to `id` (to reveal a selection). */
export function pathTo(root: TreeNode, id: string): string[] | undefined {
  if (root.id === id) {
    return [root.id];
  }
  for (const child of root.children) {
    const below = pathTo(child, id);
    if (below) {
      return [root.id, ...below];
    }
  }
  return undefined;
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The entity a finding is about: the longest entity path its path starts with. */
export function entityOfPath(path: string, entityIds: readonly string[]): string {
  let best = 'cluster';
  for (const id of entityIds) {
    if ((path === id || path.startsWith(`${id}/`)) && id.length > best.length) {
      best = id;
    }
  }
  return best;
}

/** The worst severity per entity id, for the status dots. */
export function worstSeverities(
  findings: readonly Finding[],
  entityIds: readonly string[],
): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const finding of findings) {
    const id = entityOfPath(finding.path, entityIds);
    const current = worst.get(id);
    if (current === undefined || RANK[finding.severity] > RANK[current]) {
      worst.set(id, finding.severity);
    }
  }
  return worst;
}

/** Every entity id in the tree (folders excluded). */
export function entityIds(root: TreeNode): string[] {
  const ids: string[] = [];
  const walk = (node: TreeNode) => {
    if (node.kind !== 'folder') {
      ids.push(node.id);
    }
    node.children.forEach(walk);
  };
  walk(root);
  return ids;
}
