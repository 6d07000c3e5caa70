/**
 * The types the Add dialog offers per kind: those the core reads and gives defaults for
 * (schemas/model/read.ts, schemas/edits/defaults.ts; clpconf-format.md §3-6), and the
 * product's naming of new entities (`exec1`, `lankhb2`: the WebUI's default names).
 */
import {
  type ClusterModel,
  type EntityKind,
  HEARTBEAT_KINDS,
  NETWORK_PARTITION_KINDS,
  freeName,
} from '../../../schemas/index.js';

/** Resource types, Linux first (`script` and `sd` are the Windows counterparts). */
export const RESOURCE_TYPES = [
  'exec',
  'disk',
  'fip',
  'md',
  'vm',
  'volmgr',
  'script',
  'sd',
] as const;
/** Monitor types. */
export const MONITOR_TYPES = [
  'genw',
  'diskw',
  'userw',
  'miiw',
  'pidw',
  'ipw',
  'mdw',
  'mdnw',
] as const;
/** Group types: `cluster` is the management group (clpconf-format.md §4). */
export const GROUP_TYPES = ['failover', 'virtualmachine', 'cluster'] as const;

/** The types of a kind; a server has none. */
export function typesOf(kind: EntityKind): readonly string[] {
  switch (kind) {
    case 'server':
      return [];
    case 'heartbeat':
      return HEARTBEAT_KINDS;
    case 'networkpartition':
      return NETWORK_PARTITION_KINDS;
    case 'group':
      return GROUP_TYPES;
    case 'resource':
      return RESOURCE_TYPES;
    case 'monitor':
      return MONITOR_TYPES;
  }
}

/** Names already used by entities of the kind (resources: the whole section, CF001). */
export function takenNames(model: ClusterModel, kind: EntityKind): Set<string> {
  const entities = {
    server: model.servers,
    heartbeat: model.heartbeats,
    networkpartition: model.networkPartitions,
    group: model.groups,
    resource: model.resources,
    monitor: model.monitors,
  }[kind];
  return new Set<string>(entities.map((entity) => entity.name));
}

/** The product's default name for a new entity: its type and the first free number. */
export function suggestedName(model: ClusterModel, kind: EntityKind, type: string): string {
  const taken = takenNames(model, kind);
  const prefix = kind === 'server' ? 'server' : type;
  for (let number = 1; ; number += 1) {
    if (!taken.has(`${prefix}${number}`)) {
      return `${prefix}${number}`;
    }
  }
}

/** `<name>-copy` (or `-copy-2`...), free among the kind's names. */
export function copyName(model: ClusterModel, kind: EntityKind, name: string): string {
  return freeName(`${name}-copy`, takenNames(model, kind));
}
