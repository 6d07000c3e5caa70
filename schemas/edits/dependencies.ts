/**
 * Dependencies: a resource's `<depend name="x"/>` entries, and a group's start and stop
 * dependencies (`depend/act/depend@g`, `depend/deact/depend@g`), each set as a list or removed
 * one at a time, as in clpconf-format.md §4-§5. What the entity follows must not change by accident: a resource
 * with no `<depend>` at all follows the default dependency, so the last explicit one leaves
 * `<depend name=""/>` (none) behind, and a new one takes that entry's place.
 */
import type { ClpDocument } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import { find, removeAt, setAttribute, setValue } from '../doc/edit.js';
import { setEntries } from './entries.js';
import { withConf } from './steps.js';
import {
  DEPENDENCY_SIDES,
  type DependencySide,
  groupDependenciesOf,
  groupDependencyPath,
} from '../model/group-dependencies.js';
import { readModel } from '../model/read.js';
import type { Project } from '../project.js';
import { type AppError, type Result, appError, fail, ok } from '../result.js';

const RESOURCE_DEPENDENCY = /^(resource\/[^/@]+@[^/]+)\/depend@([^/]+)$/;
// A group's start (act) or stop (deact) dependency.
const GROUP_DEPENDENCY = /^(group@[^/]+)\/depend\/(act|deact)\/depend@([^/]+)$/;

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
 * `group@g2/depend/act/depend@g1`, `.../deact/...`); already absent is no change. The entity
 * must be there.
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
  const side = GROUP_DEPENDENCY.exec(path)?.[2];
  const conf =
    side === undefined
      ? withoutResourceDependency(project.conf, entity.value.element, found.value.indices)
      : withoutGroupDependency(project.conf, `${owner}/depend/${side}`, found.value.indices);
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

/** Removes a start or stop dependency, then the `act` (`deact`) and `depend` it leaves empty. */
function withoutGroupDependency(
  document: ClpDocument,
  side: string,
  indices: readonly number[],
): ClpDocument {
  let conf = removeAt(document, indices);
  for (const parent of [side, side.slice(0, side.lastIndexOf('/'))]) {
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

/** What a refused list of dependencies says, in English and Japanese. */
interface RefusalWords {
  readonly self: readonly [string, string];
  twice(name: string): readonly [string, string];
  missing(name: string): readonly [string, string];
}

/** A dependency on itself, twice on one, or on an entity `known` does not hold. */
function listProblem(
  path: string,
  own: string,
  names: readonly string[],
  known: () => ReadonlySet<string>,
  words: RefusalWords,
): AppError | undefined {
  const refused = ([en, ja]: readonly [string, string]) =>
    appError('invalid-value', en, { path, ja });
  if (names.includes(own)) {
    return refused(words.self);
  }
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) {
    return refused(words.twice(twice));
  }
  const held = known();
  const missing = names.find((name) => !held.has(name));
  return missing === undefined ? undefined : refused(words.missing(missing));
}

function dependenciesProblem(
  document: ClpDocument,
  resourcePath: string,
  depends: readonly string[],
): AppError | undefined {
  const own = resourcePath.slice(resourcePath.lastIndexOf('@') + 1);
  const resources = () => new Set(readModel(document).resources.map((resource) => resource.name));
  return listProblem(resourcePath, own, depends, resources, {
    self: [
      `resource ${own} cannot depend on itself: it would never be activated (CF015)`,
      `グループリソース ${own} は自分自身に依存できません。活性されなくなります (CF015)`,
    ],
    twice: (name) => [
      `${name} is named twice among ${own}'s dependencies`,
      `${name} が ${own} の依存先に 2 回指定されています`,
    ],
    missing: (name) => [
      `resource ${name} is not in this clp.conf, so ${own} cannot depend on it`,
      `グループリソース ${name} はこの clp.conf にないため、${own} の依存先にできません`,
    ],
  });
}

/**
 * Sets the groups a group starts after (`depend/act/depend@g`) or stops after
 * (`depend/deact/depend@g`). Entries kept stay as they are (with their `sameserver`), others
 * go, new ones are added.
 */
export function setGroupDependencies(
  project: Project,
  group: string,
  names: readonly string[],
  side: DependencySide = 'start',
): Result<Project> {
  const groupPath = `group@${group}`;
  const located = find(project.conf, groupPath);
  if (!located.ok) {
    return located;
  }
  const problem = groupDependenciesProblem(project.conf, group, names, side);
  if (problem) {
    return fail(problem);
  }
  const view = readModel(project.conf).groups.find((candidate) => candidate.name === group);
  const current = view === undefined ? [] : groupDependenciesOf(view, side);
  const dependency = (name: string) => groupDependencyPath(group, side, name);
  let result: Result<Project> = ok(project);
  for (const name of current.filter((other) => !names.includes(other))) {
    result = result.ok ? removeDependency(result.value, dependency(name)) : result;
  }
  for (const name of names.filter((other) => !current.includes(other))) {
    result = result.ok
      ? withConf(result.value, setValue(result.value.conf, dependency(name), ''))
      : result;
  }
  return result;
}

function groupDependenciesProblem(
  document: ClpDocument,
  group: string,
  names: readonly string[],
  side: DependencySide,
): AppError | undefined {
  const groups = () => new Set(readModel(document).groups.map((candidate) => candidate.name));
  const { verb, verbJa, nounJa } = DEPENDENCY_SIDES[side];
  const list = `${nounJa}先`;
  return listProblem(`group@${group}`, group, names, groups, {
    self: [
      `group ${group} cannot wait for itself to ${verb} (CF015)`,
      `グループ ${group} は自分自身の${verbJa}を待てません (CF015)`,
    ],
    twice: (name) => [
      `${name} is named twice among group ${group}'s ${verb} dependencies`,
      `${name} がグループ ${group} の${list}に 2 回指定されています`,
    ],
    missing: (name) => [
      `group ${name} is not in this clp.conf, so ${group} cannot ${verb} after it`,
      `グループ ${name} はこの clp.conf にないため、${group} の${list}にできません`,
    ],
  });
}
