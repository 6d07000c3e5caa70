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

/** A group element's startup servers, in the order its entries are written. */
export function startupServersIn(group: XmlElement): string[] {
  return group.children.flatMap((child) =>
    child.kind === 'element' && child.name === 'policy'
      ? [attributeValue(child, 'name') ?? '']
      : [],
  );
}

/** Sets a group's startup servers, in order; [] removes them all. */
export function setStartupServers(
  project: Project,
  groupName: string,
  servers: readonly string[],
): Result<Project> {
  const problem = startupProblem(project.conf, groupName, servers);
  if (problem) {
    return fail(problem);
  }
  const groupPath = `group@${groupName}`;
  let conf = project.conf;
  const located = find(conf, groupPath);
  if (!located.ok) {
    return located;
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
function startupProblem(conf: ClpDocument, groupName: string, servers: readonly string[]) {
  if (!find(conf, `group@${groupName}`).ok) {
    return appError('not-found', `group ${groupName} is not in this clp.conf`, {
      path: `group@${groupName}`,
      ja: `グループ ${groupName} はこの clp.conf にありません`,
    });
  }
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
