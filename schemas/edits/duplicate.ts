/**
 * Duplicating an entity under a new name: a copy of its element (every parameter, the
 * product's and the unknown ones alike), its scripts folder, and for a group its resources
 * under names from a rename map. Pure, like the other edits: project in, project out.
 */
import { rootOf } from '../codec/document.js';
import { type XmlElement, elementChildren, textValue } from '../codec/tree.js';
import { type ElementSpec, find, insertElement } from '../doc/edit.js';
import { entityAtPath } from '../model/lookup.js';
import { instances, readModel } from '../model/read.js';
import type { Resource } from '../model/entities.js';
import {
  type Project,
  type ScriptFile,
  checkFolderName,
  monitorScriptFolder,
  resourceScriptFolder,
} from '../project.js';
import { type Result, appError, fail, ok } from '../result.js';
import { nextPriority, renumberGroupIds } from './derived.js';
import { nameFreeInSection } from './entities.js';
import { type Step, editConf, pipeChecks, refuseTaken } from './steps.js';

/** Old resource name → new resource name, for the resources a duplicated group copies. */
export type RenameMap = ReadonlyMap<string, string>;

/**
 * Copies the entity at `path` (clpcfadm path, as the tree and the model name it) as `to`.
 *
 * A group copies its resources too: `renames` gives each member's new name (a member missing
 * from the map gets `<name>-<to>`); dependencies among the copies follow the renames.
 * Servers, heartbeats and network partition resources get the next priority, so the copy
 * never outranks the original.
 */
export function duplicateEntity(
  project: Project,
  path: string,
  to: string,
  renames: RenameMap = new Map(),
): Result<Project> {
  const entity = entityAtPath(readModel(project.conf), path);
  switch (entity?.kind) {
    case 'resource':
      return duplicateResource(project, entity, to, entity.group, renames);
    case 'monitor':
      return duplicateMonitor(project, entity.path, entity.name, to);
    case 'group':
      return duplicateGroup(project, entity.name, to, renames);
    case 'server':
      return duplicatePrioritised(project, path, '', `server@${to}`, 'server', to);
    case 'heartbeat':
    case 'networkpartition': {
      const section = entity.kind;
      const toPath = `${section}/${entity.type}@${to}`;
      return duplicatePrioritised(project, path, section, toPath, section, to);
    }
    default:
      break;
  }
  return fail(
    appError('not-found', `${path} is not an entity that can be duplicated`, {
      path,
      ja: `${path} は複製できる対象ではありません`,
    }),
  );
}

/** The names a duplicated group's resources get unless the user edits them: `<name>-copy`. */
export function suggestedCopyNames(project: Project, groupName: string): Map<string, string> {
  const model = readModel(project.conf);
  const taken = new Set(model.resources.map((resource) => resource.name));
  const group = model.groups.find((candidate) => candidate.name === groupName);
  const names = new Map<string, string>();
  for (const member of group?.members ?? []) {
    const name = freeName(`${member.name}-copy`, taken);
    taken.add(name);
    names.set(member.name, name);
  }
  return names;
}

/** `base`, else `base-2`, `base-3`...: the first name not in `taken`. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let number = 2; taken.has(name); number += 1) {
    name = `${base}-${number}`;
  }
  return name;
}

function duplicateResource(
  project: Project,
  resource: Resource,
  to: string,
  group: string | undefined,
  renames: RenameMap,
): Result<Project> {
  const taken = readModel(project.conf).resources.some((candidate) => candidate.name === to);
  const checked = pipeChecks(
    checkFolderName(to, 'resource'),
    taken
      ? fail(
          appError('conflict', `a resource named "${to}" already exists; choose another name`, {
            ja: `グループリソース "${to}" は既に存在します。別の名前を指定してください`,
          }),
        )
      : ok(undefined),
  );
  if (!checked.ok) {
    return checked;
  }
  const located = find(project.conf, resource.path);
  if (!located.ok) {
    return located;
  }
  const spec = renameDepends(copyOf(located.value.element, to), renames);
  const steps: Step[] = [(document) => insertElement(document, 'resource', spec)];
  if (group !== undefined) {
    steps.push((document) =>
      insertElement(document, `group@${group}`, {
        name: 'resource',
        attributes: [['name', `${resource.type}@${to}`]],
      }),
    );
  }
  const edited = editConf(project, ...steps);
  if (!edited.ok || resource.group === undefined || group === undefined) {
    return edited;
  }
  return ok({
    ...edited.value,
    scripts: copyScriptFolder(
      edited.value.scripts,
      resourceScriptFolder(resource.group, resource.name),
      resourceScriptFolder(group, to),
    ),
  });
}

function duplicateMonitor(
  project: Project,
  path: string,
  from: string,
  to: string,
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(to, 'monitor'),
    nameFreeInSection(project.conf, 'monitor', to),
  );
  const located = checked.ok ? find(project.conf, path) : checked;
  if (!located.ok) {
    return located;
  }
  const edited = editConf(project, (document) =>
    insertElement(document, 'monitor', copyOf(located.value.element, to)),
  );
  return edited.ok
    ? ok({
        ...edited.value,
        scripts: copyScriptFolder(
          edited.value.scripts,
          monitorScriptFolder(from),
          monitorScriptFolder(to),
        ),
      })
    : edited;
}

function duplicateGroup(
  project: Project,
  from: string,
  to: string,
  renames: RenameMap,
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(to, 'group'),
    refuseTaken(project.conf, `group@${to}`, 'group', to),
  );
  const located = checked.ok ? find(project.conf, `group@${from}`) : checked;
  if (!located.ok) {
    return located;
  }
  const model = readModel(project.conf);
  const members = model.resources.filter((resource) => resource.group === from);
  const names = new Map(
    members.map((member) => [member.name, renames.get(member.name) ?? `${member.name}-${to}`]),
  );
  // The copy lists no members yet: each resource copy adds its own membership line.
  const spec = copyOf(located.value.element, to, (child) => child.name !== 'resource');
  let current = editConf(
    project,
    (document) => insertElement(document, '', spec),
    renumberGroupIds,
  );
  for (const member of members) {
    current = current.ok
      ? duplicateResource(current.value, member, names.get(member.name) ?? member.name, to, names)
      : current;
  }
  return current;
}

function duplicatePrioritised(
  project: Project,
  path: string,
  parent: string,
  toPath: string,
  what: string,
  to: string,
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(to, what),
    refuseTaken(project.conf, toPath, what, to),
  );
  const located = checked.ok ? find(project.conf, path) : checked;
  if (!located.ok) {
    return located;
  }
  const element = located.value.element;
  const siblings =
    parent === ''
      ? elementChildren(rootOf(project.conf)).filter((child) => child.name === 'server')
      : instances(elementChildren(rootOf(project.conf)).filter((child) => child.name === parent));
  const priority = String(nextPriority(siblings));
  const spec = copyOf(element, to);
  const withPriority: ElementSpec = {
    ...spec,
    children: (spec.children ?? []).map((child) =>
      child.name === 'priority' ? { name: 'priority', text: priority } : child,
    ),
  };
  return editConf(project, (document) => insertElement(document, parent, withPriority));
}

/** The element as a spec to insert, named `name`; `keep` filters its direct children. */
function copyOf(
  element: XmlElement,
  name: string,
  keep: (child: XmlElement) => boolean = () => true,
): ElementSpec {
  const spec = specOf(element);
  return {
    ...spec,
    attributes: (spec.attributes ?? []).map(([key, value]) =>
      key === 'name' ? ['name', name] : [key, value],
    ),
    children: elementChildren(element).filter(keep).map(specOf),
  };
}

// Comments inside the copied element are not carried over: the copy is written fresh in the
// file's style, and a comment about the original would mislead in the copy.
function specOf(element: XmlElement): ElementSpec {
  const children = elementChildren(element);
  const attributes = element.attributes.map(({ name, value }) => [name, value] as const);
  return children.length > 0
    ? { name: element.name, attributes, children: children.map(specOf) }
    : { name: element.name, attributes, text: textValue(element) };
}

/** `<depend name="x"/>` on a resource copied together with x points at x's copy. */
function renameDepends(spec: ElementSpec, renames: RenameMap): ElementSpec {
  return {
    ...spec,
    children: (spec.children ?? []).map((child) => {
      const target = child.attributes?.find(([key]) => key === 'name')?.[1];
      const renamed = target === undefined ? undefined : renames.get(target);
      return child.name === 'depend' && renamed !== undefined
        ? { ...child, attributes: [['name', renamed]] }
        : child;
    }),
  };
}

function copyScriptFolder(
  scripts: ReadonlyMap<string, ScriptFile>,
  from: string,
  to: string,
): Map<string, ScriptFile> {
  const copied = new Map(scripts);
  for (const [path, file] of scripts) {
    if (path.startsWith(`${from}/`)) {
      copied.set(`${to}/${path.slice(from.length + 1)}`, file);
    }
  }
  return copied;
}
