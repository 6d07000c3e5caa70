/**
 * Small readers the rules share.
 */
import type { Group, Monitor, Resource } from '../model/entities.js';
import type { Hit } from './types.js';

export { likelyMeant } from '../model/likely.js';
import { toInteger } from '../model/params.js';
import { type Project, monitorScriptFolder, resourceScriptFolder } from '../project.js';

/** How the rules say that a clp.conf came without its scripts (no scripts/ beside it). */
export const SCRIPTS_NOT_GIVEN = 'the scripts did not come with this clp.conf';
/** The fix for it. */
export const CHECK_WITH_SCRIPTS = 'Check the project folder (clp.conf with its scripts/)';
/** `SCRIPTS_NOT_GIVEN` in Japanese. */
export const SCRIPTS_NOT_GIVEN_JA = 'この clp.conf にはスクリプトが付いていません';
/** `CHECK_WITH_SCRIPTS` in Japanese. */
export const CHECK_WITH_SCRIPTS_JA =
  'プロジェクトフォルダ (clp.conf と scripts/) を検査してください';

/**
 * The one info a rule gives when what it checks is in scripts that did not come with the
 * clp.conf: `unchecked` says what was not checked (`which exec resource ... was not checked`).
 */
export function scriptsNotGivenHit(
  path: string,
  [unchecked, uncheckedJa]: readonly [english: string, japanese: string],
): Hit {
  return {
    path,
    severity: 'info',
    message: `${SCRIPTS_NOT_GIVEN}, so ${unchecked}`,
    fix: `${CHECK_WITH_SCRIPTS}.`,
    ja: {
      message: `${SCRIPTS_NOT_GIVEN_JA}。そのため、${uncheckedJa}`,
      fix: `${CHECK_WITH_SCRIPTS_JA}。`,
    },
  };
}

// Template variables as real clp.conf templates write them (%%VMA1%%, __SSS_MONITOR_PERIOD_SEC__)
// and as common template tools do (${NAME}, {{ name }}).
const PLACEHOLDER = /^(?:%%\w+%%|__[A-Z][A-Z0-9_]*__|\$\{\w+\}|\{\{\s*[\w.]+\s*\}\})$/;

/** Whether a value is a template placeholder, substituted before the file is used. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** The last part of a `/`-separated path (a script's file name, an interpreter's). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether a script path names a file created with the product (relative) rather than a user application (absolute). */
export function isProductScript(path: string): boolean {
  return !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) && !path.startsWith('\\');
}

/** The scripts-tree key of a resource's script. */
export function resourceScript(resource: Resource, file: string): string | undefined {
  return resource.group
    ? `${resourceScriptFolder(resource.group, resource.name)}/${file}`
    : undefined;
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

/** Entities of a list by name; the first of duplicates wins (CF001 reports the rest). */
export interface NameIndex<T> {
  get(name: string): T | undefined;
  has(name: string): boolean;
  /** Each name's position: the same map while edits rename nothing, so a cache can key on it. */
  readonly names: ReadonlyMap<string, number>;
}

const indexes = new WeakMap<readonly unknown[], NameIndex<unknown>>();
// The last list indexed, per entity kind: an edit that renames nothing keeps every name's
// position, so the new list reuses its positions instead of indexing 10,000 names again.
const lastIndexed = new Map<
  string,
  {
    readonly items: readonly { readonly name: string }[];
    readonly positions: ReadonlyMap<string, number>;
  }
>();

/** Index by name; the first of duplicates wins (CF001 reports the rest). Kept per list. */
export function byName<T extends { readonly name: string }>(items: readonly T[]): NameIndex<T> {
  const known = indexes.get(items) as NameIndex<T> | undefined;
  if (known) {
    return known;
  }
  const kind = String((items[0] as { kind?: unknown } | undefined)?.kind ?? '');
  const last = lastIndexed.get(kind);
  const positions = last && sameNames(last.items, items) ? last.positions : namePositions(items);
  lastIndexed.set(kind, { items, positions });
  const index: NameIndex<T> = {
    get: (name) => {
      const position = positions.get(name);
      return position === undefined ? undefined : items[position];
    },
    has: (name) => positions.has(name),
    names: positions,
  };
  indexes.set(items, index);
  return index;
}

function sameNames(
  before: readonly { readonly name: string }[],
  after: readonly { readonly name: string }[],
): boolean {
  return (
    before.length === after.length &&
    before.every(
      (item, position) => item === after[position] || item.name === after[position]?.name,
    )
  );
}

function namePositions(items: readonly { readonly name: string }[]): Map<string, number> {
  const positions = new Map<string, number>();
  items.forEach((item, position) => {
    if (!positions.has(item.name)) {
      positions.set(item.name, position);
    }
  });
  return positions;
}

/** Servers a group can start on: its policy, or every server when it has none. */
export function startupServers(group: Group, serverCount: number): number {
  return group.policy.length > 0 ? group.policy.length : serverCount;
}
