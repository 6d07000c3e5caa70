/**
 * A group's view: members, failover policy and dependencies.
 */
import { type XmlElement, attributeValue, elementChildren, sourceOf } from '../codec/tree.js';
import { keyAttributeFor } from '../doc/path.js';
import type { Group } from './entities.js';
import { childText, flattenParameters, outlineElement } from './params.js';
import type { ElementOutline } from './scan.js';

type Policy = Group['policy'][number];

/**
 * Reads a group. A parsed group is read from its source-text outline; building its child
 * nodes for members, policies and dependencies was a third of reading a 2,500-group model
 * (issue 3 benchmark). An edited group, or one whose policies the outline cannot tell apart,
 * is read from its nodes.
 */
export function readGroup(element: XmlElement): Group {
  const outline = outlineElement(element);
  const policy = policiesFromOutline(element, outline);
  const dependencies = dependenciesFromOutline(outline);
  if (policy === undefined || dependencies === undefined) {
    return readGroupFromNodes(element, outline.parameters);
  }
  const members = outline.children
    .filter((child) => child.name === 'resource')
    .map((child) => memberOf(child.attributes?.get('name') ?? ''));
  return groupView(element, outline.parameters, members, policy, dependencies);
}

function readGroupFromNodes(element: XmlElement, parameters: Record<string, string>): Group {
  const children = elementChildren(element);
  const members = children
    .filter((child) => child.name === 'resource')
    .map((child) => memberOf(attributeValue(child, 'name') ?? ''));
  const policy = children
    .filter((child) => child.name === 'policy')
    .map((child) => ({
      server: attributeValue(child, 'name') ?? '',
      order: orderOf(child),
    }));
  const depend = children.find((child) => child.name === 'depend');
  const dependencies = dependenciesOf(depend ? Object.keys(flattenParameters(depend)) : []);
  return groupView(element, parameters, members, policy, dependencies);
}

function groupView(
  element: XmlElement,
  parameters: Record<string, string>,
  members: Group['members'],
  policy: Group['policy'],
  dependencies: Dependencies,
): Group {
  const name = attributeValue(element, 'name') ?? '';
  return {
    name,
    path: `group@${name}`,
    comment: parameters['comment'] ?? '',
    parameters,
    kind: 'group',
    type: parameters['type'] ?? 'failover',
    members,
    gid: parameters['gid'],
    start: parameters['start'],
    failover: parameters['failover'],
    failback: parameters['failback'],
    policy,
    dependsOn: [...new Set(dependencies.start)],
    stopDependsOn: [...new Set(dependencies.stop)],
  };
}

/** A member reference `type@name` (`fip@fip1`). */
function memberOf(reference: string): Group['members'][number] {
  const at = reference.indexOf('@');
  return { type: reference.slice(0, at), name: reference.slice(at + 1) };
}

/**
 * Policies from the outline, or undefined when it cannot tell them apart. A policy's order is
 * its first `order` child's text (as `childText` reads it); the outline keeps the last leaf
 * per path only. So this holds when policies have distinct keys, each has a leaf `order`, and
 * the group's text has no more order tags than policies (then each has exactly one), and no
 * key holds a "/".
 */
function policiesFromOutline(element: XmlElement, outline: ElementOutline): Policy[] | undefined {
  const source = sourceOf(element);
  if (source === undefined) {
    return undefined;
  }
  const keyName = keyAttributeFor('policy');
  const paths = new Set<string>();
  const policies: Policy[] = [];
  for (const child of outline.children) {
    if (child.name !== 'policy') {
      continue;
    }
    const key = child.attributes?.get(keyName) ?? child.attributes?.get('name');
    // A "/" in a key would let another policy's nested leaf pass for this one's order.
    if (key?.includes('/')) {
      return undefined;
    }
    const path = key === undefined ? 'policy/order' : `policy@${key}/order`;
    const order = outline.parameters[path];
    if (order === undefined || paths.has(path)) {
      return undefined;
    }
    paths.add(path);
    policies.push({ server: child.attributes?.get('name') ?? '', order });
  }
  return countOrderTags(source) === policies.length ? policies : undefined;
}

/** A policy's `order`: from its source text when it has exactly one, as a leaf; else from its nodes. */
function orderOf(policy: XmlElement): string | undefined {
  const outline = outlineElement(policy);
  const orders = outline.children.filter((child) => child.name === 'order');
  const order = outline.parameters['order'];
  return orders.length === 1 && order !== undefined ? order : childText(policy, 'order');
}

/** Opening `<order` tags anywhere in a group's text (in comments too: they only add). */
function countOrderTags(source: string): number {
  let count = 0;
  for (let at = source.indexOf('<order'); at !== -1; at = source.indexOf('<order', at + 6)) {
    // The name ends here, or this is another element (`<orders>`).
    count += /[ \t\r\n/>]/.test(source.charAt(at + 6)) ? 1 : 0;
  }
  return count;
}

const DEPENDENCY = /^(act|deact)\/depend@([^/]+)/;

/** The groups a group starts after and stops after. */
interface Dependencies {
  readonly start: readonly string[];
  readonly stop: readonly string[];
}

/** Both kinds of dependency from the leaf paths under `depend` (`act/depend@g/sameserver`). */
function dependenciesOf(paths: Iterable<string>): Dependencies {
  const start: string[] = [];
  const stop: string[] = [];
  for (const path of paths) {
    const match = DEPENDENCY.exec(path);
    if (match !== null) {
      (match[1] === 'act' ? start : stop).push(match[2] as string);
    }
  }
  return { start, stop };
}

/**
 * Dependencies from the outline when the group has at most one `depend` child: its leaves
 * are then the group's parameters under its path, in the same order. Else undefined.
 */
function dependenciesFromOutline(outline: ElementOutline): Dependencies | undefined {
  const depends = outline.children.filter((child) => child.name === 'depend');
  if (depends.length > 1) {
    return undefined;
  }
  const [depend] = depends;
  if (depend === undefined) {
    return NO_DEPENDENCIES;
  }
  const key = depend.attributes?.get(keyAttributeFor('depend')) ?? depend.attributes?.get('name');
  const prefix = key === undefined ? 'depend/' : `depend@${key}/`;
  const under: string[] = [];
  for (const path in outline.parameters) {
    if (path.startsWith(prefix)) {
      under.push(path.slice(prefix.length));
    }
  }
  return dependenciesOf(under);
}

const NO_DEPENDENCIES: Dependencies = { start: [], stop: [] };
