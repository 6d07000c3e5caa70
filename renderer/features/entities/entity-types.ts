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
  type ServerOs,
  freeName,
  otherOsType,
} from '../../../schemas/index.js';

/**
 * Resource types, each OS's script and shared disk resources first: exec and disk on Linux,
 * script and sd on Windows (typesOf offers one OS's).
 */
export const RESOURCE_TYPES = [
  'exec',
  'script',
  'disk',
  'sd',
  'fip',
  'md',
  'vm',
  'volmgr',
] as const;
/** Monitor types (`sdw`, Windows's, watches an sd resource). */
export const MONITOR_TYPES = [
  'genw',
  'diskw',
  'sdw',
  'userw',
  'miiw',
  'pidw',
  'ipw',
  'mdw',
  'mdnw',
] as const;
/** Group types: `cluster` is the management group (clpconf-format.md §4). */
export const GROUP_TYPES = ['failover', 'virtualmachine', 'cluster'] as const;

/**
 * The types of a kind that a cluster of `os` has (CF014: no exec on Windows, no sd on Linux);
 * every type where the clp.conf names no OS. A server has none.
 */
export function typesOf(kind: EntityKind, os?: ServerOs): readonly string[] {
  const types = allTypesOf(kind);
  return kind === 'resource' || kind === 'monitor'
    ? types.filter((type) => otherOsType(kind, type, os) === undefined)
    : types;
}

function allTypesOf(kind: EntityKind): readonly string[] {
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
