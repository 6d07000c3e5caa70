/**
 * Structural rules that hold in every topology: names, references, heartbeats, failover
 * capacity (reference/guide-rules.md, CF001, CF002, CF005, CF006; clpconf-format.md §10).
 */
import type { Group, Monitor, Resource } from '../model/entities.js';
import type { Hit, Rule, RuleContext } from './types.js';
import { byName, startupServers } from './helpers.js';
import { NO_HITS, countOf, partsRule, pathsOf } from './parts.js';

const SOURCE = 'clpconf-format.md §10-11';

function duplicates<T extends { readonly name: string; readonly path: string }>(
  items: readonly T[],
  what: string,
): Hit[] {
  const seen = new Set<string>();
  const hits: Hit[] = [];
  for (const item of items) {
    if (seen.has(item.name)) {
      hits.push({ path: item.path, message: `${what} name "${item.name}" is used twice` });
    } else {
      seen.add(item.name);
    }
  }
  return hits;
}

export const CF001: Rule = partsRule({
  id: 'CF001',
  severity: 'error',
  topologies: 'all',
  source: SOURCE,
  text: 'Names of servers, groups, resources and monitors are unique within their kind (resources across the whole resource section).',
  fix: 'Rename one of them.',
  inputs: ['servers', 'groups', 'resources', 'monitors', 'heartbeats'],
  // Only names matter: an edit that renames, adds or removes nothing keeps the findings.
  whole: {
    dependsOn: [
      pathsOf('servers'),
      pathsOf('groups'),
      pathsOf('resources'),
      pathsOf('monitors'),
      'heartbeats',
    ],
    check: ({ model }) => [
      ...duplicates(model.servers, 'server'),
      ...duplicates(model.groups, 'group'),
      // References to resources carry no type, so names are unique across all types.
      ...duplicates(model.resources, 'resource'),
      ...duplicates(model.monitors, 'monitor'),
      ...duplicates(
        [...model.heartbeats, ...model.networkPartitions],
        'heartbeat or network partition',
      ),
    ],
  },
  parts: [],
});

export const CF002: Rule = partsRule({
  id: 'CF002',
  severity: 'error',
  topologies: 'all',
  source: SOURCE,
  text: 'Every reference resolves: resource to group, group to servers, monitor target to resource, recovery target to group or resource, heartbeat to server device.',
  fix: 'Point the reference at an existing entity, or add the missing one.',
  inputs: ['servers', 'groups', 'resources', 'monitors', 'heartbeats'],
  // A reference resolves by name (and a member by type too): what the others hold is their paths.
  whole: { dependsOn: ['heartbeats', 'servers'], check: (context) => deviceReferences(context) },
  parts: [
    {
      list: 'groups',
      dependsOn: [pathsOf('resources'), pathsOf('servers'), pathsOf('groups')],
      check: groupReferences,
    },
    { list: 'resources', dependsOn: [pathsOf('resources')], check: resourceReferences },
    {
      list: 'monitors',
      dependsOn: [pathsOf('resources'), pathsOf('groups')],
      check: monitorReferences,
    },
  ],
});

function groupReferences(group: Group, { model }: RuleContext): readonly Hit[] {
  const resources = byName(model.resources);
  const servers = byName(model.servers);
  const groups = byName(model.groups);
  const isResolved =
    group.members.every((member) => resources.get(member.name)?.type === member.type) &&
    group.policy.every((policy) => servers.has(policy.server)) &&
    group.dependsOn.every((name) => groups.has(name));
  if (isResolved) {
    return NO_HITS;
  }
  return [
    ...group.members
      .filter((member) => resources.get(member.name)?.type !== member.type)
      .map((member) => ({
        path: `${group.path}/resource@${member.type}@${member.name}`,
        message: `group ${group.name} lists resource ${member.type}@${member.name}, which does not exist`,
      })),
    ...group.policy
      .filter((policy) => !servers.has(policy.server))
      .map((policy) => ({
        path: `${group.path}/policy@${policy.server}`,
        message: `group ${group.name} may start on server ${policy.server}, which does not exist`,
      })),
    ...group.dependsOn
      .filter((name) => !groups.has(name))
      .map((name) => ({
        path: `${group.path}/depend`,
        message: `group ${group.name} depends on group ${name}, which does not exist`,
      })),
  ];
}

function resourceReferences(resource: Resource, { model }: RuleContext): readonly Hit[] {
  const resources = byName(model.resources);
  if (
    resource.group !== undefined &&
    (resource.depends === undefined || resource.depends.every((name) => resources.has(name)))
  ) {
    return NO_HITS;
  }
  return [
    ...(resource.group === undefined
      ? [
          {
            path: resource.path,
            message: `resource ${resource.name} belongs to no group`,
            fix: 'Add it to a group, or remove it.',
          },
        ]
      : []),
    ...(resource.depends ?? [])
      .filter((name) => !resources.has(name))
      .map((name) => ({
        path: `${resource.path}/depend@${name}`,
        message: `resource ${resource.name} depends on ${name}, which does not exist`,
      })),
  ];
}

function monitorReferences(monitor: Monitor, { model }: RuleContext): readonly Hit[] {
  const resources = byName(model.resources);
  const groups = byName(model.groups);
  const target = monitor.target?.trim();
  const { type, name } = monitor.relation;
  const missing =
    (type === 'rsc' && !resources.has(name ?? '')) ||
    (type === 'grp' && !groups.has(name ?? '')) ||
    (type === 'cls' && name !== 'LocalServer');
  if (!missing && !(target && !resources.has(target))) {
    return NO_HITS;
  }
  const hits: Hit[] = [];
  if (target && !resources.has(target)) {
    hits.push({
      path: `${monitor.path}/target`,
      message: `monitor ${monitor.name} targets resource ${target}, which does not exist`,
    });
  }
  if (missing) {
    hits.push({
      path: `${monitor.path}/relation/name`,
      message: `monitor ${monitor.name}'s recovery target ${type} ${name ?? '(none)'} does not exist`,
    });
  }
  return hits;
}

function deviceReferences({ model }: RuleContext): Hit[] {
  return [...model.heartbeats, ...model.networkPartitions].flatMap((heartbeat) =>
    heartbeat.device === undefined
      ? []
      : model.servers
          .filter((server) => !server.devices.some((device) => device.id === heartbeat.device))
          .map((server) => ({
            path: `${heartbeat.path}/device`,
            message: `${heartbeat.name} uses device ${heartbeat.device}, which server ${server.name} does not have`,
            fix: `Add device ${heartbeat.device} to server ${server.name}, or use a device every server has.`,
          })),
  );
}

export const CF005: Rule = partsRule({
  id: 'CF005',
  severity: 'warning',
  topologies: 'all',
  source: SOURCE,
  text: 'A failover group can run on at least two servers.',
  fix: 'Add a second server to the group’s startup servers.',
  inputs: ['servers', 'groups'],
  parts: [
    {
      list: 'groups',
      dependsOn: [countOf('servers')],
      check: (group, { model }) =>
        model.servers.length !== 1 &&
        group.type === 'failover' &&
        startupServers(group, model.servers.length) < 2
          ? [
              {
                path: group.path,
                message: `group ${group.name} can start on only one server, so it cannot fail over`,
              },
            ]
          : NO_HITS,
    },
  ],
});

export const CF006: Rule = {
  id: 'CF006',
  severity: 'error',
  topologies: 'all',
  source: SOURCE,
  text: 'At least one heartbeat path; each server has the devices the heartbeats use.',
  fix: 'Add a heartbeat (lankhb or lanhb) over a LAN device every server has.',
  inputs: ['servers', 'heartbeats'],
  // Missing devices are CF002's; a cluster of one server (SingleServerSafe) has no heartbeat.
  check: ({ model }) =>
    model.heartbeats.length === 0 && model.servers.length > 1
      ? [{ path: 'heartbeat', message: 'the cluster has no heartbeat path' }]
      : [],
};
