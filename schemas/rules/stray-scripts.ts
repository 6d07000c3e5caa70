/**
 * Script folders that no resource or monitor uses: what a rename made by hand in clp.conf (or
 * by clpcfset) leaves behind, the scripts still under the old name. CF003 offers to move such
 * a folder to the entity whose scripts are missing, when one folder is clearly the one.
 */
import type { ClusterModel } from '../model/entities.js';
import { membership } from '../model/sections.js';
import { type Project, moveScriptFolder } from '../project.js';
import { type Result, ok } from '../result.js';
import { byName } from './helpers.js';

/** The folder of a scripts-tree key (`group/resource`, `monitor.s/monitor`) and the path inside it. */
function splitScriptKey(key: string): { folder: string; inside: string } | undefined {
  const first = key.indexOf('/');
  const second = first < 0 ? -1 : key.indexOf('/', first + 1);
  return second < 0 ? undefined : { folder: key.slice(0, second), inside: key.slice(second + 1) };
}

type Folders = ReadonlyMap<string, ReadonlySet<string>>;

// The tree changes far less often than clp.conf: its folders are indexed once per tree.
const foldersOfTree = new WeakMap<Project['scripts'], Folders>();

/** Every folder of the tree, with the paths inside it. */
function foldersOf(scripts: Project['scripts']): Folders {
  let folders = foldersOfTree.get(scripts);
  if (folders === undefined) {
    const index = new Map<string, Set<string>>();
    for (const key of scripts.keys()) {
      const split = splitScriptKey(key);
      if (split !== undefined) {
        let inside = index.get(split.folder);
        if (inside === undefined) {
          inside = new Set();
          index.set(split.folder, inside);
        }
        inside.add(split.inside);
      }
    }
    folders = index;
    foldersOfTree.set(scripts, folders);
  }
  return folders;
}

/** What the stray folders depend on: the tree, the entities' names and the groups' members. */
interface StrayKey {
  readonly scripts: Project['scripts'];
  readonly resourceNames: ReadonlyMap<string, number>;
  readonly monitorNames: ReadonlyMap<string, number>;
  readonly memberOf: ReadonlyMap<string, string>;
}

// A value edit keeps every name and group: the folders are not looked up again on every
// keystroke of a 10,000-resource cluster (issue 3: edit and re-check within 5 ms).
let lastStrays: { readonly key: StrayKey; readonly strays: readonly string[] } | undefined;

/** The folders no entity of the model uses, in tree order. */
function strayFolders(scripts: Project['scripts'], model: ClusterModel): readonly string[] {
  const resources = byName(model.resources);
  const monitors = byName(model.monitors);
  const memberOf = membership(model.groups);
  const key: StrayKey = {
    scripts,
    resourceNames: resources.names,
    monitorNames: monitors.names,
    memberOf,
  };
  const known = lastStrays?.key;
  if (
    known?.scripts === key.scripts &&
    known.resourceNames === key.resourceNames &&
    known.monitorNames === key.monitorNames &&
    known.memberOf === key.memberOf
  ) {
    return (lastStrays as { strays: readonly string[] }).strays;
  }
  const strays = [...foldersOf(scripts).keys()].filter((folder) => {
    const [top = '', name = ''] = folder.split('/');
    return top === 'monitor.s'
      ? !monitors.has(name)
      : !resources.has(name) || memberOf.get(name) !== top;
  });
  lastStrays = { key, strays };
  return strays;
}

/**
 * The one stray folder that holds what `key` names, for a folder that has no script at all:
 * by preference one under the same entity name (its group renamed or changed), then one in
 * the same group (the resource renamed), then the only one there is.
 */
export function strayFolderFor(
  project: Project,
  model: ClusterModel,
  key: string,
): { readonly from: string; readonly to: string } | undefined {
  // Checked without its scripts, or with every folder in use: nothing to look for, cheaply.
  const folders = foldersOf(project.scripts);
  const strays = folders.size === 0 ? [] : strayFolders(project.scripts, model);
  const target = strays.length === 0 ? undefined : splitScriptKey(key);
  if (target === undefined || folders.has(target.folder)) {
    return undefined;
  }
  const [top, name] = target.folder.split('/');
  const forMonitor = top === 'monitor.s';
  const holding = strays.filter(
    (folder) =>
      folder.startsWith('monitor.s/') === forMonitor && folders.get(folder)?.has(target.inside),
  );
  const sameName = holding.filter((folder) => folder.endsWith(`/${name}`));
  const sameGroup = forMonitor ? [] : holding.filter((folder) => folder.startsWith(`${top}/`));
  for (const choice of [sameName, sameGroup, holding]) {
    const [only] = choice;
    if (only !== undefined && choice.length === 1) {
      return { from: only, to: target.folder };
    }
  }
  return undefined;
}

/** Moves a stray folder to `to`, when it is still there and `to` still has nothing. */
export function moveStrayFolder(project: Project, from: string, to: string): Result<Project> {
  const folders = foldersOf(project.scripts);
  if (!folders.has(from) || folders.has(to)) {
    return ok(project);
  }
  return ok({ ...project, scripts: moveScriptFolder(project.scripts, from, to) });
}
