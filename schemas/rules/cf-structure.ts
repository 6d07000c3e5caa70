/**
 * Structural rules that hold in every topology: names, references, heartbeats, failover
 * capacity (reference/guide-rules.md, CF001, CF002, CF005, CF006; clpconf-format.md §10).
 */
import { setParameter } from '../edits/parameters.js';
import type { Group, Monitor, Resource } from '../model/entities.js';
import {
  DEPENDENCY_SIDES,
  DEPENDENCY_SIDE_NAMES,
  type DependencySide,
  groupDependenciesOf,
  groupDependencyPath,
} from '../model/group-dependencies.js';
import type { Project } from '../project.js';
import type { Hit, Rule, RuleContext } from './types.js';
import { type NameIndex, byName, likelyMeant, startupServers } from './helpers.js';
import { NO_HITS, countOf, partsRule, pathsOf } from './parts.js';

const SOURCE = 'clpconf-format.md §10-11';

function duplicates<T extends { readonly name: string; readonly path: string }>(
  items: readonly T[],
  what: string,
  whatJa: string,
): Hit[] {
  const seen = new Set<string>();
  const hits: Hit[] = [];
  for (const item of items) {
    if (seen.has(item.name)) {
      hits.push({
        path: item.path,
        message: `${what} name "${item.name}" is used twice`,
        ja: { message: `${whatJa}の名前 "${item.name}" が重複しています` },
      });
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
  ja: {
    text: 'サーバ、グループ、グループリソース、モニタリソースの名前は、それぞれの種類の中で一意です (グループリソースはリソースの種類を問わず一意)。',
    fix: 'いずれかの名前を変更してください。',
  },
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
      ...duplicates(model.servers, 'server', 'サーバ'),
      ...duplicates(model.groups, 'group', 'グループ'),
      // References to resources carry no type, so names are unique across all types.
      ...duplicates(model.resources, 'resource', 'グループリソース'),
      ...duplicates(model.monitors, 'monitor', 'モニタリソース'),
      ...duplicates(
        [...model.heartbeats, ...model.networkPartitions],
        'heartbeat or network partition',
        'ハートビートまたはネットワークパーティション解決',
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
  ja: {
    text: 'すべての参照先が存在します: グループリソースの属するグループ、グループの起動サーバ、モニタリソースの対象リソース、回復対象のグループまたはグループリソース、ハートビートが使うサーバのデバイス。',
    fix: '既存の参照先を指定するか、存在しない参照先を追加してください。',
  },
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
    DEPENDENCY_SIDE_NAMES.every((side) =>
      groupDependenciesOf(group, side).every((name) => groups.has(name)),
    );
  if (isResolved) {
    return NO_HITS;
  }
  return [
    ...group.members
      .filter((member) => resources.get(member.name)?.type !== member.type)
      .map((member) =>
        withMeaning(
          {
            path: `${group.path}/resource@${member.type}@${member.name}`,
            message: `group ${group.name} lists resource ${member.type}@${member.name}, which does not exist`,
            ja: {
              message: `グループ ${group.name} はグループリソース ${member.type}@${member.name} を含むとしていますが、そのリソースはありません`,
            },
          },
          likelyMeant(member.name, namesOf(model.resources, member.type)),
          (meant) => [
            `Did you mean ${member.type}@${meant}? List that one, or add resource ${member.type}@${member.name}.`,
            `${member.type}@${meant} のことではありませんか。そのリソースを含めるか、リソース ${member.type}@${member.name} を追加してください。`,
          ],
        ),
      ),
    ...group.policy
      .filter((policy) => !servers.has(policy.server))
      .map((policy) =>
        withMeaning(
          {
            path: `${group.path}/policy@${policy.server}`,
            message: `group ${group.name} may start on server ${policy.server}, which does not exist`,
            ja: {
              message: `グループ ${group.name} はサーバ ${policy.server} で起動できますが、そのサーバはありません`,
            },
          },
          likelyMeant(policy.server, namesOf(model.servers)),
          (meant) => [
            `Did you mean server ${meant}? Start the group there, or add server ${policy.server}.`,
            `サーバ ${meant} のことではありませんか。そのサーバで起動するか、サーバ ${policy.server} を追加してください。`,
          ],
        ),
      ),
    ...DEPENDENCY_SIDE_NAMES.flatMap((side) => missingGroups(group, side, groups, model.groups)),
  ];
}

/** The groups a group starts (or stops) after that the clp.conf lacks. */
function missingGroups(
  group: Group,
  side: DependencySide,
  groups: NameIndex<Group>,
  all: readonly Group[],
): Hit[] {
  const { verb, verbJa } = DEPENDENCY_SIDES[side];
  return groupDependenciesOf(group, side)
    .filter((name) => !groups.has(name))
    .map((name) =>
      withMeaning(
        {
          path: groupDependencyPath(group.name, side, name),
          message: `group ${group.name} ${verb}s after group ${name}, which does not exist`,
          ja: {
            message: `グループ ${group.name} はグループ ${name} の後に${verbJa}しますが、そのグループはありません`,
          },
        },
        likelyMeant(name, namesOf(all)),
        (meant) => [
          `Did you mean group ${meant}? Depend on that one, or add group ${name}.`,
          `グループ ${meant} のことではありませんか。そのグループに依存させるか、グループ ${name} を追加してください。`,
        ],
      ),
    );
}

/** Names of a list's entities (of one type, when given). */
function namesOf(
  entities: readonly { readonly name: string; readonly type?: string }[],
  type?: string,
): string[] {
  return entities
    .filter((entity) => type === undefined || entity.type === type)
    .map((entity) => entity.name);
}

/**
 * A reference's hit, with a fix naming what the reference most likely meant when one name is
 * that close (a typo), and the quick fix to point it there when one is given.
 */
function withMeaning(
  hit: Hit,
  meant: string | undefined,
  fix: (meant: string) => readonly [english: string, japanese: string],
  quickFix?: (meant: string) => (project: Project) => ReturnType<typeof setParameter>,
): Hit {
  if (meant === undefined) {
    return hit;
  }
  const [english, japanese] = fix(meant);
  return {
    ...hit,
    fix: english,
    ja: { ...hit.ja, fix: japanese },
    ...(quickFix ? { quickFix: quickFix(meant) } : {}),
  };
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
            ja: {
              message: `グループリソース ${resource.name} はどのグループにも属していません`,
              fix: 'グループに追加するか、削除してください。',
            },
          },
        ]
      : []),
    ...(resource.depends ?? [])
      .filter((name) => !resources.has(name))
      .map((name) =>
        withMeaning(
          {
            path: `${resource.path}/depend@${name}`,
            message: `resource ${resource.name} depends on ${name}, which does not exist`,
            ja: {
              message: `グループリソース ${resource.name} は ${name} に依存していますが、そのリソースはありません`,
            },
          },
          likelyMeant(name, namesOf(model.resources)),
          (meant) => [
            `Did you mean ${meant}? Depend on that one, or add resource ${name}.`,
            `${meant} のことではありませんか。そのリソースに依存させるか、リソース ${name} を追加してください。`,
          ],
        ),
      ),
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
    hits.push(
      withMeaning(
        {
          path: `${monitor.path}/target`,
          message: `monitor ${monitor.name} targets resource ${target}, which does not exist`,
          ja: {
            message: `モニタリソース ${monitor.name} の対象リソース ${target} はありません`,
          },
        },
        likelyMeant(target, namesOf(model.resources)),
        (meant) => [
          `Did you mean ${meant}? Target it (quick fix), or add resource ${target}.`,
          `${meant} のことではありませんか。対象リソースを ${meant} にするか (クイックフィックス)、リソース ${target} を追加してください。`,
        ],
        (meant) => (project) => setParameter(project, `${monitor.path}/target`, meant),
      ),
    );
  }
  if (missing) {
    const candidates =
      type === 'rsc' ? namesOf(model.resources) : type === 'grp' ? namesOf(model.groups) : [];
    hits.push(
      withMeaning(
        {
          path: `${monitor.path}/relation/name`,
          message: `monitor ${monitor.name}'s recovery target ${type} ${name ?? '(none)'} does not exist`,
          ja: {
            message: `モニタリソース ${monitor.name} の回復対象 ${type} ${name ?? '(なし)'} はありません`,
          },
        },
        likelyMeant(name ?? '', candidates),
        (meant) => [
          `Did you mean ${type} ${meant}? Recover that one (quick fix), or add it.`,
          `${type} ${meant} のことではありませんか。回復対象を ${meant} にするか (クイックフィックス)、追加してください。`,
        ],
        (meant) => (project) => setParameter(project, `${monitor.path}/relation/name`, meant),
      ),
    );
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
            ja: {
              message: `${heartbeat.name} はデバイス ${heartbeat.device} を使いますが、サーバ ${server.name} にはそのデバイスがありません`,
              fix: `サーバ ${server.name} にデバイス ${heartbeat.device} を追加するか、すべてのサーバにあるデバイスを使用してください。`,
            },
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
  ja: {
    text: 'フェイルオーバグループは 2 台以上のサーバで起動できます。',
    fix: 'グループの起動サーバに 2 台目のサーバを追加してください。',
  },
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
                ja: {
                  message: `グループ ${group.name} は 1 台のサーバでしか起動できないため、フェイルオーバできません`,
                },
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
  ja: {
    text: 'ハートビート経路が 1 つ以上あり、各サーバにはハートビートが使うデバイスがあります。',
    fix: 'すべてのサーバにある LAN デバイスを使うハートビート (lankhb または lanhb) を追加してください。',
  },
  inputs: ['servers', 'heartbeats'],
  // Missing devices are CF002's; a cluster of one server (SingleServerSafe) has no heartbeat.
  check: ({ model }) =>
    model.heartbeats.length === 0 && model.servers.length > 1
      ? [
          {
            path: 'heartbeat',
            message: 'the cluster has no heartbeat path',
            ja: { message: 'クラスタにハートビート経路がありません' },
          },
        ]
      : [],
};
