/**
 * CF014: every resource and monitor is of a type the cluster's OS has. A Linux clp.conf
 * turned into a Windows one (or the reverse) by changing `<all><serveros>` keeps its exec and
 * disk resources, and the servers of the other OS have nothing to run them with.
 */
import type { ServerOs } from '../model/documented-values.js';
import type { Monitor, Resource } from '../model/entities.js';
import { type OsOnlyType, osName, otherOsType } from '../model/os-types.js';
import { entityWordJa } from '../project.js';
import { NO_HITS, partsRule } from './parts.js';
import type { Hit, Rule, RuleContext } from './types.js';

export const CF014: Rule = partsRule({
  id: 'CF014',
  severity: 'error',
  topologies: 'all',
  source: 'clpconf-format.md §5.1-§5.2 (the types are named by OS, not by version)',
  text: 'Every resource and monitor is of a type the cluster’s OS (<all><serveros>) has: exec and disk are Linux’s, script, sd and sdw are Windows’s (their counterparts: script for exec, sd for disk, diskw for sdw).',
  fix: 'Replace it with the type the cluster’s OS has for the same job, or set all/serveros to the OS the servers run.',
  ja: {
    text: 'すべてのグループリソースとモニタリソースのタイプが、クラスタの OS (<all><serveros>) にあるタイプです: exec と disk は Linux の、script、sd、sdw は Windows のタイプです (対応するタイプ: exec には script、disk には sd、sdw には diskw)。',
    fix: '同じ役目をするクラスタの OS のタイプに置き換えるか、all/serveros をサーバの OS に設定してください。',
  },
  inputs: ['resources', 'monitors', 'os'],
  parts: [
    {
      list: 'resources',
      dependsOn: ['os'],
      check: (resource: Resource, { serverOs }: RuleContext) =>
        otherOsHits(resource, serverOs, `clpbuilder add resource ${resource.group ?? '<group>'}`),
    },
    {
      list: 'monitors',
      dependsOn: ['os'],
      check: (monitor: Monitor, { serverOs }: RuleContext) =>
        otherOsHits(monitor, serverOs, 'clpbuilder add monitor'),
    },
  ],
});

/** The hit of an entity whose type the cluster's OS does not have; none where it names no OS. */
function otherOsHits(
  entity: Resource | Monitor,
  os: ServerOs | undefined,
  addCommand: string,
): readonly Hit[] {
  const only = otherOsType(entity.kind, entity.type, os);
  return only === undefined || os === undefined
    ? NO_HITS
    : [otherOsHit(entity, only, os, addCommand)];
}

function otherOsHit(
  entity: Resource | Monitor,
  only: OsOnlyType,
  os: ServerOs,
  addCommand: string,
): Hit {
  const { kind, name, type } = entity;
  const has = osName(only.os);
  const cluster = osName(os);
  const add = `${addCommand} ${only.counterpart} <name>`;
  return {
    path: entity.path,
    message: `${kind} ${name} is of type ${type}, which only ${has} has; this clp.conf is for ${cluster} (all/serveros), where ${only.counterpartIs}`,
    fix: `Put a ${kind} of type ${only.counterpart} in its place (${add}), set it up as ${name} was, and remove ${name}; or, if the servers run ${has}, set all/serveros to ${only.os}.`,
    ja: {
      message: `${entityWordJa(kind)} ${name} のタイプ ${type} は ${has} にしかありません。この clp.conf は ${cluster} 用 (all/serveros) で、${cluster} では${only.counterpartIsJa}`,
      fix: `代わりに ${only.counterpart} の${entityWordJa(kind)}を追加し (${add})、${name} と同じように設定してから ${name} を削除してください。サーバが ${has} の場合は all/serveros を ${only.os} に設定してください。`,
    },
  };
}
