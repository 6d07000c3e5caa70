/**
 * Adding, removing and renaming servers, heartbeats, network partition resources, groups,
 * resources and monitors. Each operation is pure (project in, project out), keeps every
 * reference and the derived values right, and moves the scripts folder with the entity.
 */
import { type ClpDocument, rootOf } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import { type ElementSpec, find, insertElement, removeAt, setAttribute } from '../doc/edit.js';
import { HEARTBEAT_KINDS, NETWORK_PARTITION_KINDS } from '../model/kinds.js';
import { osName, otherOsType } from '../model/os-types.js';
import { instances, readModel } from '../model/read.js';
import {
  type Project,
  checkFolderName,
  dropScriptFolder,
  monitorScriptFolder,
  moveAcknowledgements,
  moveScriptFolder,
  entityWordJa,
  resourceScriptFolder,
} from '../project.js';
import { type AppError, type Result, appError, fail, ok } from '../result.js';
import { nextPriority, renumberGroupIds, renumberPriorities, syncTypesEntry } from './derived.js';
import { defaultResourceSpec, defaultMonitorSpec, defaultScripts } from './defaults.js';
import { osOfConf } from './parameters.js';
import { type Step, editConf, pipeChecks, refuseTaken } from './steps.js';
import {
  groupReferrers,
  removeServerReferences,
  renameGroupReferences,
  renameResourceReferences,
  renameServerReferences,
  resourceReferrers,
} from './references.js';

function sections(document: ClpDocument, name: string): XmlElement[] {
  return elementChildren(rootOf(document)).filter((element) => element.name === name);
}

function ensureSection(name: string): Step {
  return (document) =>
    sections(document, name).length > 0 ? ok(document) : insertElement(document, '', { name });
}

function exists(document: ClpDocument, path: string): boolean {
  return find(document, path).ok;
}

// ---- servers -------------------------------------------------------------------------

/** Adds a server, with a LAN device when an address is given. */
export function addServer(
  project: Project,
  name: string,
  options: { ip?: string } = {},
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(name, 'server'),
    refuseTaken(project.conf, `server@${name}`, 'server', name),
  );
  if (!checked.ok) {
    return checked;
  }
  const priority = nextPriority(sections(project.conf, 'server'));
  const devices: ElementSpec[] = options.ip
    ? [
        {
          name: 'device',
          attributes: [['id', '0']],
          children: [
            { name: 'type', text: 'lan' },
            { name: 'info', text: options.ip },
          ],
        },
      ]
    : [];
  const spec: ElementSpec = {
    name: 'server',
    attributes: [['name', name]],
    children: [{ name: 'priority', text: String(priority) }, ...devices],
  };
  return editConf(project, (document) => insertElement(document, '', spec));
}

/** Removes a server and every policy, polling entry and override that names it. */
export function removeServer(project: Project, name: string): Result<Project> {
  return editConf(
    project,
    (document) => removePath(document, `server@${name}`),
    (document) => ok(removeServerReferences(document, name)),
    (document) =>
      renumberPriorities(
        document,
        sections(document, 'server').map(
          (server) => `server@${attributeValue(server, 'name') ?? ''}`,
        ),
      ),
  );
}

/** Renames a server and every reference to it. */
export function renameServer(project: Project, from: string, to: string): Result<Project> {
  return renameEntity(project, `server@${from}`, `server@${to}`, 'server', to, (document) =>
    ok(renameServerReferences(document, from, to)),
  );
}

// ---- heartbeats and network partition resources ------------------------------------

/** Adds a heartbeat (`lankhb`, `lanhb`, `diskhb`, `bmchb`, `witnesshb`) using a server device id. */
export function addHeartbeat(
  project: Project,
  type: string,
  options: { name?: string; device?: string } = {},
): Result<Project> {
  return addPrioritised(project, 'heartbeat', HEARTBEAT_KINDS, type, options);
}

/** Adds a network partition resource (`pingnp`, `httpnp`, `disknp`). */
export function addNetworkPartition(
  project: Project,
  type: string,
  options: { name?: string; device?: string } = {},
): Result<Project> {
  return addPrioritised(project, 'networkpartition', NETWORK_PARTITION_KINDS, type, options);
}

function addPrioritised(
  project: Project,
  section: 'heartbeat' | 'networkpartition',
  kinds: readonly string[],
  type: string,
  options: { name?: string; device?: string },
): Result<Project> {
  if (!kinds.includes(type)) {
    return fail(
      appError(
        'invalid-value',
        `"${type}" is not a ${section} kind; use one of ${kinds.join(', ')}`,
        {
          ja: `"${type}" は${entityWordJa(section)}のタイプではありません。${kinds.join('、')} のいずれかを指定してください`,
        },
      ),
    );
  }
  const existing = instances(sections(project.conf, section), kinds);
  const name =
    options.name ??
    nextName(
      type,
      existing.map((element) => attributeValue(element, 'name') ?? ''),
    );
  const taken = pipeChecks(
    checkFolderName(name, section),
    refuseTaken(project.conf, `${section}/${type}@${name}`, section, name),
  );
  if (!taken.ok) {
    return taken;
  }
  const children: ElementSpec[] = [
    { name: 'priority', text: String(nextPriority(existing)) },
    { name: 'device', text: options.device ?? '0' },
  ];
  return editConf(
    project,
    ensureSection(section),
    (document) =>
      insertElement(document, section, { name: type, attributes: [['name', name]], children }),
    (document) => syncTypesEntry(document, section, type),
  );
}

/** `lankhb1`, `lankhb2`, ...: the product's naming. */
function nextName(prefix: string, taken: readonly string[]): string {
  let number = 1;
  while (taken.includes(`${prefix}${number}`)) {
    number += 1;
  }
  return `${prefix}${number}`;
}

/** Removes a heartbeat or network partition resource, renumbering the rest's priorities. */
export function removePrioritised(
  project: Project,
  section: 'heartbeat' | 'networkpartition',
  name: string,
): Result<Project> {
  const element = instances(sections(project.conf, section)).find(
    (candidate) => attributeValue(candidate, 'name') === name,
  );
  if (!element) {
    return fail(notInConf(section, name));
  }
  return editConf(
    project,
    (document) => removePath(document, `${section}/${element.name}@${name}`),
    (document) => syncTypesEntry(document, section, element.name),
    (document) =>
      renumberPriorities(
        document,
        instances(sections(document, section)).map(
          (child) => `${section}/${child.name}@${attributeValue(child, 'name') ?? ''}`,
        ),
      ),
  );
}

/** Renames a heartbeat or network partition resource (nothing refers to them by name). */
export function renamePrioritised(
  project: Project,
  section: 'heartbeat' | 'networkpartition',
  from: string,
  to: string,
): Result<Project> {
  const element = instances(sections(project.conf, section)).find(
    (candidate) => attributeValue(candidate, 'name') === from,
  );
  if (!element) {
    return fail(notInConf(section, from));
  }
  return renameEntity(
    project,
    `${section}/${element.name}@${from}`,
    `${section}/${element.name}@${to}`,
    section,
    to,
    ok,
  );
}

// ---- groups ------------------------------------------------------------------------

/** Adds a group (`failover`, `cluster` for the management group, `virtualmachine`). */
export function addGroup(
  project: Project,
  name: string,
  options: { type?: string } = {},
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(name, 'group'),
    refuseTaken(project.conf, `group@${name}`, 'group', name),
  );
  if (!checked.ok) {
    return checked;
  }
  const groups = sections(project.conf, 'group');
  const usesGid =
    groups.length === 0 ||
    groups.some((group) => elementChildren(group).some((child) => child.name === 'gid'));
  const type = options.type ?? 'failover';
  // `<type>` is written only for non-failover groups (clpconf-format.md §4, clpcfset add_grp).
  const children: ElementSpec[] = [
    ...(type === 'failover' ? [] : [{ name: 'type', text: type }]),
    { name: 'comment' },
    ...(usesGid ? [{ name: 'gid', text: String(groups.length) }] : []),
  ];
  return editConf(
    project,
    (document) =>
      insertElement(document, '', { name: 'group', attributes: [['name', name]], children }),
    renumberGroupIds,
  );
}

/** Removes a group with its resources and their scripts; refused while something refers to it. */
export function removeGroup(project: Project, name: string): Result<Project> {
  const referrers = groupReferrers(project.conf, name);
  if (referrers.length > 0) {
    return fail(stillReferred('group', name, referrers));
  }
  const group = readModel(project.conf).groups.find((candidate) => candidate.name === name);
  if (!group) {
    return fail(notInConf('group', name));
  }
  let current: Result<Project> = ok(project);
  for (const member of group.members) {
    current = current.ok ? removeResource(current.value, member.name) : current;
  }
  if (!current.ok) {
    return current;
  }
  const removed = editConf(
    current.value,
    (document) => removePath(document, `group@${name}`),
    renumberGroupIds,
  );
  return removed.ok
    ? ok({ ...removed.value, scripts: dropScriptFolder(removed.value.scripts, name) })
    : removed;
}

/** Renames a group, its references and its scripts folder. */
export function renameGroup(project: Project, from: string, to: string): Result<Project> {
  const renamed = renameEntity(project, `group@${from}`, `group@${to}`, 'group', to, (document) =>
    ok(renameGroupReferences(document, from, to)),
  );
  return renamed.ok
    ? ok({ ...renamed.value, scripts: moveScriptFolder(renamed.value.scripts, from, to) })
    : renamed;
}

// ---- resources ---------------------------------------------------------------------

/** Adds a resource of a type to a group, with the product's defaults and default scripts. */
export function addResource(
  project: Project,
  group: string,
  type: string,
  name: string,
): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(name, 'resource'),
    checkFolderName(type, 'resource type'),
    typeOnClusterOs(project.conf, 'resource', type),
    resourceNameFree(project.conf, name),
  );
  if (!checked.ok) {
    return checked;
  }
  if (!exists(project.conf, `group@${group}`)) {
    return fail(
      appError('not-found', `group "${group}" is not in this clp.conf; add it first`, {
        ja: `グループ "${group}" はこの clp.conf にありません。先に追加してください`,
      }),
    );
  }
  const edited = editConf(
    project,
    ensureSection('resource'),
    (document) => insertElement(document, 'resource', defaultResourceSpec(type, name)),
    (document) => syncTypesEntry(document, 'resource', type),
    (document) =>
      insertElement(document, `group@${group}`, {
        name: 'resource',
        attributes: [['name', `${type}@${name}`]],
      }),
  );
  return edited.ok
    ? ok(withScripts(edited.value, resourceScriptFolder(group, name), defaultScripts(type)))
    : edited;
}

/**
 * Refuses a type that only the other OS has (CF014): `add resource g exec x` on a Windows
 * cluster would make a resource its servers cannot run. A clp.conf that names no OS takes any.
 */
function typeOnClusterOs(
  document: ClpDocument,
  kind: 'resource' | 'monitor',
  type: string,
): Result<void> {
  const os = osOfConf(document);
  const only = otherOsType(kind, type, os);
  if (only === undefined || os === undefined) {
    return ok(undefined);
  }
  const cluster = osName(os);
  return fail(
    appError(
      'invalid-value',
      `${type} is a ${osName(only.os)} ${kind} type, and this clp.conf is for ${cluster} (all/serveros): on ${cluster} ${only.counterpartIs}; add a ${only.counterpart} ${kind} instead`,
      {
        ja: `${type} は ${osName(only.os)} の${entityWordJa(`${kind} type`)}で、この clp.conf は ${cluster} 用です (all/serveros)。${cluster} では${only.counterpartIsJa}。代わりに ${only.counterpart} の${entityWordJa(kind)}を追加してください`,
      },
    ),
  );
}

/** Resource names are unique across the whole section: references carry no type (CF001). */
function resourceNameFree(document: ClpDocument, name: string): Result<void> {
  return nameFreeInSection(document, 'resource', name);
}

/**
 * Whether no entity of any type in `section` has this name. Resources and monitors are
 * referred to by name alone, and share one scripts folder per name (CF001).
 */
export function nameFreeInSection(
  document: ClpDocument,
  section: 'resource' | 'monitor',
  name: string,
): Result<void> {
  const taken = instances(sections(document, section)).some(
    (element) => attributeValue(element, 'name') === name,
  );
  return taken
    ? fail(
        appError(
          'conflict',
          `a ${section} named "${name}" already exists; ${section} names are unique across all types`,
          {
            ja: `${entityWordJa(section)} "${name}" は既に存在します。${entityWordJa(section)}の名前はタイプが異なっても重複できません`,
          },
        ),
      )
    : ok(undefined);
}

/** Removes a resource, its group membership and scripts; refused while something refers to it. */
export function removeResource(project: Project, name: string): Result<Project> {
  const resource = readModel(project.conf).resources.find((candidate) => candidate.name === name);
  if (!resource) {
    return fail(notInConf('resource', name));
  }
  const referrers = resourceReferrers(project.conf, name);
  if (referrers.length > 0) {
    return fail(stillReferred('resource', name, referrers));
  }
  const steps: Step[] = [
    (document) => removePath(document, resource.path),
    (document) => syncTypesEntry(document, 'resource', resource.type),
  ];
  if (resource.group) {
    steps.push((document) =>
      removePath(document, `group@${resource.group}/resource@${resource.type}@${name}`),
    );
  }
  const edited = editConf(project, ...steps);
  return edited.ok && resource.group
    ? ok({
        ...edited.value,
        scripts: dropScriptFolder(edited.value.scripts, resourceScriptFolder(resource.group, name)),
      })
    : edited;
}

/** Renames a resource, every reference to it and its scripts folder. */
export function renameResource(project: Project, from: string, to: string): Result<Project> {
  const resource = readModel(project.conf).resources.find((candidate) => candidate.name === from);
  if (!resource) {
    return fail(notInConf('resource', from));
  }
  const free = resourceNameFree(project.conf, to);
  if (!free.ok) {
    return free;
  }
  const renamed = renameEntity(
    project,
    resource.path,
    `resource/${resource.type}@${to}`,
    'resource',
    to,
    (document) => ok(renameResourceReferences(document, resource.type, from, to)),
  );
  if (!renamed.ok || !resource.group) {
    return renamed;
  }
  return ok({
    ...renamed.value,
    scripts: moveScriptFolder(
      renamed.value.scripts,
      resourceScriptFolder(resource.group, from),
      resourceScriptFolder(resource.group, to),
    ),
  });
}

// ---- monitors ----------------------------------------------------------------------

/** Adds a monitor with the product's defaults (and its default script for genw). */
export function addMonitor(project: Project, type: string, name: string): Result<Project> {
  const checked = pipeChecks(
    checkFolderName(name, 'monitor'),
    checkFolderName(type, 'monitor type'),
    typeOnClusterOs(project.conf, 'monitor', type),
    nameFreeInSection(project.conf, 'monitor', name),
  );
  if (!checked.ok) {
    return checked;
  }
  // A custom monitor on Windows runs genw.bat (cmd.exe), on Linux genw.sh.
  const os = osOfConf(project.conf) ?? 'linux';
  const edited = editConf(
    project,
    ensureSection('monitor'),
    (document) => insertElement(document, 'monitor', defaultMonitorSpec(type, name, os)),
    (document) => syncTypesEntry(document, 'monitor', type),
  );
  return edited.ok
    ? ok(withScripts(edited.value, monitorScriptFolder(name), defaultScripts(type, os)))
    : edited;
}

/** Removes a monitor and its scripts folder. */
export function removeMonitor(project: Project, name: string): Result<Project> {
  const monitor = readModel(project.conf).monitors.find((candidate) => candidate.name === name);
  if (!monitor) {
    return fail(notInConf('monitor', name));
  }
  const edited = editConf(
    project,
    (document) => removePath(document, monitor.path),
    (document) => syncTypesEntry(document, 'monitor', monitor.type),
  );
  return edited.ok
    ? ok({
        ...edited.value,
        scripts: dropScriptFolder(edited.value.scripts, monitorScriptFolder(name)),
      })
    : edited;
}

/** Renames a monitor and its scripts folder. */
export function renameMonitor(project: Project, from: string, to: string): Result<Project> {
  const monitor = readModel(project.conf).monitors.find((candidate) => candidate.name === from);
  if (!monitor) {
    return fail(notInConf('monitor', from));
  }
  const free = from === to ? ok(undefined) : nameFreeInSection(project.conf, 'monitor', to);
  if (!free.ok) {
    return free;
  }
  const renamed = renameEntity(
    project,
    monitor.path,
    `monitor/${monitor.type}@${to}`,
    'monitor',
    to,
    ok,
  );
  return renamed.ok
    ? ok({
        ...renamed.value,
        scripts: moveScriptFolder(
          renamed.value.scripts,
          monitorScriptFolder(from),
          monitorScriptFolder(to),
        ),
      })
    : renamed;
}

// ---- shared --------------------------------------------------------------------------

/** `resource "exec1" is not in this clp.conf`, with its Japanese. */
function notInConf(what: string, name: string): AppError {
  return appError('not-found', `${what} "${name}" is not in this clp.conf`, {
    ja: `${entityWordJa(what)} "${name}" はこの clp.conf にありません`,
  });
}

/** The refusal to remove an entity something still refers to, with its Japanese. */
function stillReferred(what: string, name: string, referrers: readonly string[]): AppError {
  return appError(
    'conflict',
    `${what} "${name}" is still referred to by ${referrers.join(', ')}; change those first`,
    {
      ja: `${entityWordJa(what)} "${name}" は、${referrers.map(japaneseReferrer).join('、')} から参照されています。先にそれらを変更してください`,
    },
  );
}

const REFERRER_ROLES_JA: Readonly<Record<string, string>> = {
  target: '監視対象',
  'recovery target': '回復対象',
  dependency: '依存関係',
};

/** A referrer of references.ts (`monitor genw1 (recovery target)`) in Japanese. */
function japaneseReferrer(referrer: string): string {
  const match = /^(\w+) (.*) \(([^()]+)\)$/.exec(referrer);
  if (!match) {
    return referrer;
  }
  const [, what, name, role] = match as unknown as [string, string, string, string];
  return `${entityWordJa(what)} ${name} (${REFERRER_ROLES_JA[role] ?? role})`;
}

function renameEntity(
  project: Project,
  fromPath: string,
  toPath: string,
  what: string,
  to: string,
  followReferences: Step,
): Result<Project> {
  const located = find(project.conf, fromPath);
  if (!located.ok) {
    return located;
  }
  const checked = pipeChecks(
    checkFolderName(to, what),
    refuseTaken(project.conf, toPath, what, to),
  );
  if (!checked.ok) {
    return checked;
  }
  const renamed = editConf(
    project,
    (document) => ok(setAttribute(document, located.value.indices, 'name', to)),
    followReferences,
  );
  return renamed.ok ? ok(moveAcknowledgements(renamed.value, fromPath, toPath)) : renamed;
}

function removePath(document: ClpDocument, path: string): Result<ClpDocument> {
  const located = find(document, path);
  return located.ok ? ok(removeAt(document, located.value.indices)) : located;
}

function withScripts(
  project: Project,
  folder: string,
  files: ReadonlyMap<string, string>,
): Project {
  const scripts = new Map(project.scripts);
  for (const [file, text] of files) {
    const path = `${folder}/${file}`;
    if (!scripts.has(path)) {
      scripts.set(path, { bytes: new TextEncoder().encode(text), executable: true });
    }
  }
  return { ...project, scripts };
}
