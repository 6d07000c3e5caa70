/**
 * What the tree's keys and context menu ask for, and which entity an "Add" creates where:
 * Insert adds a child of the selected folder or group, Delete removes, F2 renames, Ctrl+D
 * duplicates, the ContextMenu key or Shift+F10 opens the menu (WAI-ARIA APG, menu button).
 */
import type { EntityKind } from '../../../schemas/index.js';
import type { NodeKind } from '../tree/tree-model.js';

/** An edit asked of a tree node. */
export type TreeCommand = 'add' | 'remove' | 'rename' | 'duplicate';

/** The key each command answers to on the tree (`commandForKey`), as menus and buttons show it. */
export const TREE_SHORTCUTS: Readonly<Record<TreeCommand, string>> = {
  add: 'Insert',
  rename: 'F2',
  duplicate: 'Ctrl+D',
  remove: 'Delete',
};

/** The command a key press on the tree asks for, `menu` for the context menu, if any. */
export function commandForKey(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): TreeCommand | 'menu' | undefined {
  const withCommandKey = event.ctrlKey || event.metaKey;
  if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
    return 'menu';
  }
  if (withCommandKey && !event.altKey && event.key.toLowerCase() === 'd') {
    return 'duplicate';
  }
  if (withCommandKey || event.altKey) {
    return undefined;
  }
  switch (event.key) {
    case 'Insert':
      return 'add';
    case 'Delete':
      return 'remove';
    case 'F2':
      return 'rename';
    default:
      return undefined;
  }
}

/** Where an "Add" on a node puts the new entity. */
export interface AddTarget {
  readonly kind: EntityKind;
  /** For a resource: the group it joins. */
  readonly group?: string;
}

export const FOLDER_KINDS: Readonly<Record<string, EntityKind>> = {
  'folder:servers': 'server',
  'folder:heartbeats': 'heartbeat',
  'folder:networkPartitions': 'networkpartition',
  'folder:groups': 'group',
  'folder:monitors': 'monitor',
};

/**
 * A folder adds its kind, a group adds a resource to itself, any other entity adds a sibling
 * of its own kind (a resource: in its group); the cluster adds a group.
 */
export function addTargetFor(
  node: { id: string; kind: NodeKind },
  groupOfResource: (path: string) => string | undefined,
): AddTarget {
  switch (node.kind) {
    case 'cluster':
      return { kind: 'group' };
    case 'folder':
      return { kind: FOLDER_KINDS[node.id] ?? 'group' };
    case 'group':
      return { kind: 'resource', group: node.id.slice('group@'.length) };
    case 'resource': {
      const group = groupOfResource(node.id);
      return group === undefined ? { kind: 'resource' } : { kind: 'resource', group };
    }
    default:
      return { kind: node.kind };
  }
}

/** Whether the node is an entity (remove, rename and duplicate apply), not a folder. */
export function isEntityNode(kind: NodeKind): boolean {
  return kind !== 'cluster' && kind !== 'folder';
}
