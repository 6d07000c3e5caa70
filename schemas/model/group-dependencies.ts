/**
 * A group's two kinds of dependency (clpconf-format.md §4): the groups it starts after
 * (`depend/act/depend@g`) and the groups it stops after (`depend/deact/depend@g`), with the
 * words the rules, the edits and the app say them in.
 */
import type { Group } from './entities.js';

export type DependencySide = 'start' | 'stop';

/** Both sides, start first. */
export const DEPENDENCY_SIDE_NAMES: readonly DependencySide[] = ['start', 'stop'];

/** How one side is written in clp.conf and said in English and Japanese. */
export interface SideWords {
  /** The element under `depend` that holds this side's entries. */
  readonly act: 'act' | 'deact';
  readonly verb: string;
  readonly noun: string;
  readonly verbJa: string;
  readonly nounJa: string;
}

export const DEPENDENCY_SIDES: Readonly<Record<DependencySide, SideWords>> = {
  start: {
    act: 'act',
    verb: 'start',
    noun: 'start dependency',
    verbJa: '起動',
    nounJa: '起動依存',
  },
  stop: { act: 'deact', verb: 'stop', noun: 'stop dependency', verbJa: '停止', nounJa: '停止依存' },
};

/** The groups a group starts (or stops) after. */
export function groupDependenciesOf(group: Group, side: DependencySide): readonly string[] {
  return side === 'start' ? group.dependsOn : group.stopDependsOn;
}

/** The path of one dependency of a group (`group@g2/depend/act/depend@g1`). */
export function groupDependencyPath(group: string, side: DependencySide, name: string): string {
  return `group@${group}/depend/${DEPENDENCY_SIDES[side].act}/depend@${name}`;
}
