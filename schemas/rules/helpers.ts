/**
 * Small readers the rules share.
 */
import type { Group, Monitor, Resource } from '../model/entities.js';
import type { Hit } from './types.js';
import { toInteger } from '../model/params.js';
import { type Project, monitorScriptFolder, resourceScriptFolder } from '../project.js';

/** Whether a script path names a file created with the product (relative) rather than a user application (absolute). */
export function isProductScript(path: string): boolean {
  return !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) && !path.startsWith('\\');
}

/** The scripts-tree key of a resource's script. */
export function resourceScript(resource: Resource, file: string): string | undefined {
  return resource.group ? `${resourceScriptFolder(resource.group, resource.name)}/${file}` : undefined;
}

/** The scripts-tree key of a monitor's script. */
export function monitorScript(monitor: Monitor, file: string): string {
  return `${monitorScriptFolder(monitor.name)}/${file}`;
}

/** A script's text, or undefined when the project does not have it. */
export function scriptText(project: Project, key: string | undefined): string | undefined {
  const file = key === undefined ? undefined : project.scripts.get(key);
  return file ? new TextDecoder().decode(file.bytes) : undefined;
}

/** Integer value of a parameter, undefined when absent or not a number. */
export function integer(value: string | undefined): number | undefined {
  return toInteger(value);
}

const indexes = new WeakMap<readonly unknown[], Map<string, unknown>>();

/** Index by name; the first of duplicates wins (CF001 reports the rest). Kept per list. */
export function byName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  const known = indexes.get(items) as Map<string, T> | undefined;
  if (known) {
    return known;
  }
  const map = new Map<string, T>();
  indexes.set(items, map);
  for (const item of items) {
    if (!map.has(item.name)) {
      map.set(item.name, item);
    }
  }
  return map;
}

/** Servers a group can start on: its policy, or every server when it has none. */
export function startupServers(group: Group, serverCount: number): number {
  return group.policy.length > 0 ? group.policy.length : serverCount;
}

/**
 * Hits of an entity-local check, remembered per entity view: the model reuses the views of
 * entities an edit did not touch, so re-checking after an edit only computes the new ones.
 */
export function perEntity<T extends object>(cache: WeakMap<object, Hit[]>, entity: T, compute: (entity: T) => Hit[]): Hit[] {
  let hits = cache.get(entity);
  if (hits === undefined) {
    hits = compute(entity);
    cache.set(entity, hits);
  }
  return hits;
}
