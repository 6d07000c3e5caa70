/**
 * A group's startup servers: `<policy name="server"><order>N</order></policy>` entries, order
 * 0 first (clpconf-format.md §4). None means every server, in server priority order.
 *
 * Edited in place, entry by entry, so that a change of one server changes that entry's line
 * and nothing else ("saving with the smallest possible change").
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, attributeValue, textValue } from '../codec/tree.js';
import { find, setAttribute, updateAt, withText } from '../doc/edit.js';
import { setEntries } from './entries.js';
import { withConf } from './steps.js';
import type { Project } from '../project.js';
import { type Result, appError, fail } from '../result.js';

/** A startup server entry as the model reads it (`Group['policy']`). */
interface PolicyEntry {
  readonly server: string;
  readonly order?: string | undefined;
}

/**
 * Startup servers by their `order` (0 first), as the product reads them; entries without a
 * number keep their written place after those with one.
 */
export function inStartupOrder(policy: readonly PolicyEntry[]): string[] {
  const rank = (entry: PolicyEntry) => {
    const order = Number.parseInt(entry.order ?? '', 10);
    return Number.isNaN(order) ? Number.POSITIVE_INFINITY : order;
  };
  return [...policy].sort((a, b) => rank(a) - rank(b)).map((entry) => entry.server);
}

/** A group element's startup servers, in their order. */
export function startupServersIn(group: XmlElement): string[] {
  return inStartupOrder(
    group.children.flatMap((child) => {
      if (child.kind !== 'element' || child.name !== 'policy') {
        return [];
      }
      const order = child.children[orderIndexOf(child)];
      return [
        {
          server: attributeValue(child, 'name') ?? '',
          order: order?.kind === 'element' ? textValue(order) : undefined,
        },
      ];
    }),
  );
}

/** Sets a group's startup servers, in order; [] removes them all. */
export function setStartupServers(
  project: Project,
  groupName: string,
  servers: readonly string[],
): Result<Project> {
  const groupPath = `group@${groupName}`;
  const located = find(project.conf, groupPath);
  if (!located.ok) {
    return fail(
      appError('not-found', `group ${groupName} is not in this clp.conf`, {
        path: groupPath,
        ja: `グループ ${groupName} はこの clp.conf にありません`,
      }),
    );
  }
  const problem = serversProblem(project.conf, groupName, servers);
  if (problem) {
    return fail(problem);
  }
  // An entry without <order> (no file seen has one) is not kept: all are then written anew.
  const conf = setEntries(
    project.conf,
    {
      parent: located.value,
      parentPath: groupPath,
      name: 'policy',
      reusable: (policy) => orderIndexOf(policy) !== -1,
      rewrite: rewritePolicy,
      spec: (server, order) => ({
        name: 'policy',
        attributes: [['name', server]],
        children: [{ name: 'order', text: String(order) }],
      }),
    },
    servers,
  );
  return withConf(project, conf);
}

/** One entry made to name `server` at `order`, touching only what differs. */
function rewritePolicy(
  conf: ClpDocument,
  indices: readonly number[],
  policy: XmlElement,
  server: string,
  order: number,
): ClpDocument {
  const named =
    attributeValue(policy, 'name') === server ? conf : setAttribute(conf, indices, 'name', server);
  const orderIndex = orderIndexOf(policy);
  return textValue(policy.children[orderIndex] as XmlElement) === String(order)
    ? named
    : updateAt(named, [...indices, orderIndex], (element) => withText(element, String(order)));
}

function orderIndexOf(policy: XmlElement): number {
  return policy.children.findIndex((child) => child.kind === 'element' && child.name === 'order');
}

/** Why the list cannot be the group's startup servers, or undefined. */
function serversProblem(conf: ClpDocument, groupName: string, servers: readonly string[]) {
  const repeated = servers.find((server, index) => servers.indexOf(server) !== index);
  if (repeated !== undefined) {
    return appError(
      'invalid-value',
      `${repeated} is listed twice as a startup server of ${groupName}`,
      {
        path: `group@${groupName}/policy@${repeated}`,
        ja: `${repeated} が ${groupName} の起動可能サーバに 2 回指定されています`,
      },
    );
  }
  const unknown = servers.find((server) => !find(conf, `server@${server}`).ok);
  if (unknown !== undefined) {
    return appError(
      'not-found',
      `server ${unknown} is not in this clp.conf; add it first, or choose one of the cluster's servers`,
      {
        path: `server@${unknown}`,
        ja: `サーバ ${unknown} はこの clp.conf にありません。先に追加するか、クラスタのサーバから選んでください`,
      },
    );
  }
  return undefined;
}
