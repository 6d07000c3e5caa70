/**
 * Dependencies: a resource's `<depend name="x"/>` entries (set as a list, added or removed one
 * at a time), and a group's start dependency `depend/act/depend@g` (removed), as in
 * clpconf-format.md §4-§5. What the entity follows must not change by accident: a resource
 * with no `<depend>` at all follows the default dependency, so the last explicit one leaves
 * `<depend name=""/>` (none) behind, and a new one takes that entry's place.
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import { find, removeAt, setAttribute } from '../doc/edit.js';
import { setEntries } from './entries.js';
import { withConf } from './steps.js';
import { readModel } from '../model/read.js';
import type { Project } from '../project.js';
import { type AppError, type Result, appError, fail, ok } from '../result.js';

const RESOURCE_DEPENDENCY = /^(resource\/[^/@]+@[^/]+)\/depend@([^/]+)$/;
const GROUP_DEPENDENCY = /^(group@[^/]+)\/depend\/act\/depend@([^/]+)$/;

/**
 * Adds the resource dependency a path names (`set resource/exec@exec2/depend@exec1 ""`): in
 * place of a `<depend name=""/>` (none) where there is one, checked as the app's list is.
 */
export function addResourceDependency(
  project: Project,
  path: string,
  value: string,
): Result<Project> | undefined {
  const match = RESOURCE_DEPENDENCY.exec(path);
  if (match === null) {
    return undefined;
  }
  const [, owner = '', name = ''] = match;
  if (value !== '') {
    return fail(
      appError(
        'invalid-value',
        `a dependency holds no value: set ${path} to "" to add it (unset removes it)`,
        {
          path,
          ja: `依存関係は値を持ちません。追加するには ${path} に "" を設定してください (取り除くには unset)`,
        },
      ),
    );
  }
  const located = find(project.conf, owner);
  if (!located.ok) {
    return located;
  }
  const named = elementChildren(located.value.element)
    .filter((child) => child.name === 'depend')
    .map((child) => attributeValue(child, 'name') ?? '')
    .filter((other) => other !== '');
  return named.includes(name)
    ? ok(project)
    : setResourceDependencies(project, owner, [...named, name]);
}

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

/**
 * Sets a resource's explicit dependencies: `undefined` follows the default dependency (no
 * `<depend>`), [] depends on nothing (`<depend name=""/>`), names one `<depend name>` each.
 * Entries already there take the new names in turn, so a change of one changes one line.
 */
export function setResourceDependencies(
  project: Project,
  resourcePath: string,
  depends: readonly string[] | undefined,
): Result<Project> {
  const located = find(project.conf, resourcePath);
  if (!located.ok) {
    return located;
  }
  const problem = dependenciesProblem(project.conf, resourcePath, depends ?? []);
  if (problem) {
    return fail(problem);
  }
  const wanted = depends === undefined ? [] : depends.length === 0 ? [''] : depends;
  const conf = setEntries(
    project.conf,
    {
      parent: located.value,
      parentPath: resourcePath,
      name: 'depend',
      rewrite: (document, indices, entry, name) =>
        attributeValue(entry, 'name') === name
          ? document
          : setAttribute(document, indices, 'name', name),
      spec: (name) => ({ name: 'depend', attributes: [['name', name]] }),
    },
    wanted,
  );
  return withConf(project, conf);
}

/** A dependency on itself, twice on one, or on a resource the clp.conf does not have. */
function dependenciesProblem(
  document: ClpDocument,
  resourcePath: string,
  depends: readonly string[],
): AppError | undefined {
  const own = resourcePath.slice(resourcePath.lastIndexOf('@') + 1);
  const refused = (en: string, ja: string) =>
    appError('invalid-value', en, { path: resourcePath, ja });
  if (depends.includes(own)) {
    return refused(
      `resource ${own} cannot depend on itself: it would never be activated (CF015)`,
      `グループリソース ${own} は自分自身に依存できません。活性されなくなります (CF015)`,
    );
  }
  const twice = depends.find((name, index) => depends.indexOf(name) !== index);
  if (twice !== undefined) {
    return refused(
      `${twice} is named twice among ${own}'s dependencies`,
      `${twice} が ${own} の依存先に 2 回指定されています`,
    );
  }
  const names = new Set(readModel(document).resources.map((resource) => resource.name));
  const missing = depends.find((name) => !names.has(name));
  return missing === undefined
    ? undefined
    : refused(
        `resource ${missing} is not in this clp.conf, so ${own} cannot depend on it`,
        `グループリソース ${missing} はこの clp.conf にないため、${own} の依存先にできません`,
      );
}
