/**
 * Removing one dependency: a resource's `<depend name="x"/>`, or a group's start dependency
 * `depend/act/depend@g` (clpconf-format.md §4-§5). What the entity then follows must not
 * change by accident: a resource with no `<depend>` at all follows the default dependency,
 * so the last explicit one leaves `<depend name=""/>` (none) behind.
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, elementChildren } from '../codec/tree.js';
import { find, removeAt, setAttribute } from '../doc/edit.js';
import type { Project } from '../project.js';
import { type Result, ok } from '../result.js';

const RESOURCE_DEPENDENCY = /^(resource\/[^/@]+@[^/]+)\/depend@([^/]+)$/;
const GROUP_DEPENDENCY = /^(group@[^/]+)\/depend\/act\/depend@([^/]+)$/;

/** Whether a path names one dependency that `removeDependency` removes. */
export function isDependencyPath(path: string): boolean {
  return RESOURCE_DEPENDENCY.test(path) || GROUP_DEPENDENCY.test(path);
}

/**
 * Removes the dependency at `path` (`resource/exec@exec2/depend@exec1`,
 * `group@g2/depend/act/depend@g1`); already absent is no change. The entity must be there.
 */
export function removeDependency(project: Project, path: string): Result<Project> {
  const owner = (RESOURCE_DEPENDENCY.exec(path) ?? GROUP_DEPENDENCY.exec(path))?.[1] ?? path;
  const entity = find(project.conf, owner);
  if (!entity.ok) {
    return entity;
  }
  const found = find(project.conf, path);
  if (!found.ok) {
    return ok(project);
  }
  const conf = RESOURCE_DEPENDENCY.test(path)
    ? withoutResourceDependency(project.conf, entity.value.element, found.value.indices)
    : withoutGroupDependency(project.conf, owner, found.value.indices);
  return ok({ ...project, conf });
}

function withoutResourceDependency(
  document: ClpDocument,
  resource: XmlElement,
  indices: readonly number[],
): ClpDocument {
  const explicit = elementChildren(resource).filter((child) => child.name === 'depend');
  // The last one goes to "none", not to the default dependency its absence would mean.
  return explicit.length === 1
    ? setAttribute(document, indices, 'name', '')
    : removeAt(document, indices);
}

/** Removes a start dependency, then the `act` and `depend` it leaves empty. */
function withoutGroupDependency(
  document: ClpDocument,
  group: string,
  indices: readonly number[],
): ClpDocument {
  let conf = removeAt(document, indices);
  for (const parent of [`${group}/depend/act`, `${group}/depend`]) {
    const found = find(conf, parent);
    if (!found.ok || elementChildren(found.value.element).length > 0) {
      break;
    }
    conf = removeAt(conf, found.value.indices);
  }
  return conf;
}
