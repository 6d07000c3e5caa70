/**
 * A group's startup servers: `<policy name="server"><order>N</order></policy>` entries, order
 * 0 first (clpconf-format.md §4). None means every server, in server priority order.
 *
 * Edited in place, entry by entry, so that a change of one server changes that entry's line
 * and nothing else ("saving with the smallest possible change").
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, attributeValue, textValue } from '../codec/tree.js';
import { find, insertElement, removeAt, setAttribute, updateAt, withText } from '../doc/edit.js';
import type { Project } from '../project.js';
import { type Result, appError, fail, ok } from '../result.js';

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
  let conf = project.conf;
  const located = find(conf, groupPath);
  if (!located.ok) {
    return fail(
      appError('not-found', `group ${groupName} is not in this clp.conf`, {
        path: groupPath,
        ja: `グループ ${groupName} はこの clp.conf にありません`,
      }),
    );
  }
  const problem = serversProblem(conf, groupName, servers);
  if (problem) {
    return fail(problem);
  }
  const policies = located.value.element.children.flatMap((child, index) =>
    child.kind === 'element' && child.name === 'policy' ? [{ element: child, index }] : [],
  );
  // Entries kept in place take the new servers in turn; extra ones go, from the last. An entry
  // without <order> (no file seen has one) is not kept: all are then written anew.
  const reusable = policies.every(({ element }) => orderIndexOf(element) !== -1);
  const kept = reusable ? Math.min(policies.length, servers.length) : 0;
  for (let order = 0; order < kept; order += 1) {
    const { element, index } = policies[order] as { element: XmlElement; index: number };
    conf = rewritePolicy(
      conf,
      [...located.value.indices, index],
      element,
      servers[order] as string,
      order,
    );
  }
  for (const { index } of policies.slice(kept).reverse()) {
    conf = removeAt(conf, [...located.value.indices, index]);
  }
  for (let order = kept; order < servers.length; order += 1) {
    const inserted = insertElement(conf, groupPath, {
      name: 'policy',
      attributes: [['name', servers[order] as string]],
      children: [{ name: 'order', text: String(order) }],
    });
    if (!inserted.ok) {
      return inserted;
    }
    conf = inserted.value;
  }
  return ok(conf === project.conf ? project : { ...project, conf });
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
