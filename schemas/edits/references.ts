/**
 * Where names are referenced, and how a rename follows them (clpconf-format.md §10: member
 * refs `type@name`, `target`, `relation/name`, `depend`, `parameters/object`, per-server
 * overrides and policies).
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren, textValue } from '../codec/tree.js';
import { withAttribute, withText } from '../doc/edit.js';
import { childText } from '../model/params.js';
import { readModel } from '../model/read.js';
import { rewriteElements } from './walk.js';

const SECTIONED = new Set(['resource', 'monitor']);

/** Renames a server everywhere it is named: policies, polling servers, per-server overrides. */
export function renameServerReferences(
  document: ClpDocument,
  from: string,
  to: string,
): ClpDocument {
  return rewriteElements(document, (element, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (
      element.name === 'policy' &&
      parent?.name === 'group' &&
      attributeValue(element, 'name') === from
    ) {
      return withAttribute(element, 'name', to);
    }
    if (
      element.name === 'server' &&
      ancestors.length >= 3 &&
      SECTIONED.has(ancestors[1]?.name ?? '') &&
      attributeValue(element, 'name') === from
    ) {
      return withAttribute(element, 'name', to);
    }
    if (
      element.name === 'name' &&
      parent?.name === 'servers' &&
      ancestors[ancestors.length - 2]?.name === 'polling' &&
      textValue(element) === from
    ) {
      return withText(element, to);
    }
    return element;
  });
}

/** Renames a resource everywhere: group members, monitor targets and recovery targets, dependencies, mirror monitors. */
export function renameResourceReferences(
  document: ClpDocument,
  type: string,
  from: string,
  to: string,
): ClpDocument {
  return rewriteElements(document, (element, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    const section = ancestors[1]?.name;
    if (
      element.name === 'resource' &&
      parent?.name === 'group' &&
      attributeValue(element, 'name') === `${type}@${from}`
    ) {
      return withAttribute(element, 'name', `${type}@${to}`);
    }
    if (
      section === 'monitor' &&
      ancestors.length === 3 &&
      element.name === 'target' &&
      textValue(element) === from
    ) {
      return withText(element, to);
    }
    if (
      section === 'monitor' &&
      element.name === 'relation' &&
      childText(element, 'type') === 'rsc' &&
      childText(element, 'name') === from
    ) {
      return withChildText(element, 'name', to);
    }
    if (
      section === 'resource' &&
      ancestors.length === 3 &&
      element.name === 'depend' &&
      attributeValue(element, 'name') === from
    ) {
      return withAttribute(element, 'name', to);
    }
    if (
      type === 'md' &&
      section === 'monitor' &&
      element.name === 'object' &&
      parent?.name === 'parameters' &&
      /^md/.test(ancestors[2]?.name ?? '') &&
      textValue(element) === from
    ) {
      return withText(element, to);
    }
    return element;
  });
}

/** Renames a group everywhere: recovery targets and group dependencies. */
export function renameGroupReferences(
  document: ClpDocument,
  from: string,
  to: string,
): ClpDocument {
  return rewriteElements(document, (element, ancestors) => {
    const section = ancestors[1]?.name;
    if (
      section === 'monitor' &&
      element.name === 'relation' &&
      childText(element, 'type') === 'grp' &&
      childText(element, 'name') === from
    ) {
      return withChildText(element, 'name', to);
    }
    if (
      element.name === 'depend' &&
      ancestors.some((ancestor) => ancestor.name === 'group') &&
      ancestors[ancestors.length - 1]?.name !== 'group' &&
      attributeValue(element, 'name') === from
    ) {
      return withAttribute(element, 'name', to);
    }
    return element;
  });
}

function withChildText(element: XmlElement, childName: string, value: string): XmlElement {
  const children = element.children.map((child) =>
    child.kind === 'element' && child.name === childName ? withText(child, value) : child,
  );
  return { ...element, children };
}

/** What refers to a resource, in words (to refuse removing it while referenced). */
export function resourceReferrers(document: ClpDocument, name: string): string[] {
  const model = readModel(document);
  return [
    ...model.monitors
      .filter((monitor) => monitor.target === name)
      .map((monitor) => `monitor ${monitor.name} (target)`),
    ...model.monitors
      .filter((monitor) => monitor.relation.type === 'rsc' && monitor.relation.name === name)
      .map((monitor) => `monitor ${monitor.name} (recovery target)`),
    ...model.resources
      .filter((resource) => resource.name !== name && resource.depends?.includes(name))
      .map((resource) => `resource ${resource.name} (dependency)`),
  ];
}

/** What refers to a group, in words. */
export function groupReferrers(document: ClpDocument, name: string): string[] {
  const model = readModel(document);
  return [
    ...model.monitors
      .filter((monitor) => monitor.relation.type === 'grp' && monitor.relation.name === name)
      .map((monitor) => `monitor ${monitor.name} (recovery target)`),
    ...model.groups
      .filter((group) => group.name !== name && group.dependsOn.includes(name))
      .map((group) => `group ${group.name} (dependency)`),
  ];
}

/** Removes a server's policies, polling entries and per-server overrides. */
export function removeServerReferences(document: ClpDocument, name: string): ClpDocument {
  return rewriteElements(document, (element, ancestors) => {
    const removable = (child: XmlElement) =>
      (child.name === 'policy' &&
        element.name === 'group' &&
        attributeValue(child, 'name') === name) ||
      (child.name === 'server' &&
        ancestors.length >= 2 &&
        SECTIONED.has(ancestors[1]?.name ?? '') &&
        attributeValue(child, 'name') === name) ||
      (child.name === 'servers' && element.name === 'polling' && childText(child, 'name') === name);
    if (!elementChildren(element).some(removable)) {
      return element;
    }
    return { ...element, children: withoutLines(element, removable) };
  });
}

/** Children without the matching elements and the blank text that starts their lines. */
export function withoutLines(element: XmlElement, removable: (child: XmlElement) => boolean) {
  const children = element.children.slice();
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const child = children[index];
    if (child?.kind === 'element' && removable(child)) {
      const before = children[index - 1];
      const withLine = before?.kind === 'text' && /^[ \t\r\n]*$/.test(before.raw);
      children.splice(withLine ? index - 1 : index, withLine ? 2 : 1);
      if (withLine) {
        index -= 1;
      }
    }
  }
  return children;
}
