/**
 * The object-level diff as lines for the dialogs. The report carries it as `unknown` (the
 * contract does not restate the core's type), so it is read defensively here.
 */
import type { ProjectDifference, UnseenChange } from '../../../schemas/index.js';

/** One line of the diff: `+`, `-`, `~` for entities and scripts, ` ` for their details. */
export interface DiffLine {
  readonly mark: '+' | '-' | '~' | ' ';
  readonly text: string;
}

const MARK = { added: '+', removed: '-', changed: '~' } as const;

/**
 * The difference as lines; empty when there is none or it is not a difference at all.
 * `said` words what a script's text diff cannot show (a byte-order mark, line endings).
 */
export function diffLines(
  difference: unknown,
  said: (change: UnseenChange) => string = (change) => change,
): DiffLine[] {
  if (!isDifference(difference)) {
    return [];
  }
  const entities = difference.entities.flatMap((entity): DiffLine[] => [
    {
      mark: MARK[entity.change],
      text: `${entity.kind} ${entity.kind === 'section' ? entity.path : entity.name}${entity.type ? ` (${entity.type})` : ''}`,
    },
    ...entity.parameters.map((parameter) => ({
      mark: ' ' as const,
      text: `${parameter.path}: ${shown(parameter.before)} → ${shown(parameter.after)}`,
    })),
  ]);
  const scripts = difference.scripts.flatMap((script): DiffLine[] => [
    { mark: MARK[script.change], text: `script ${script.path}` },
    ...(script.unseen ?? []).map((change) => ({ mark: ' ' as const, text: `(${said(change)})` })),
    ...script.hunks.flatMap((hunk) =>
      hunk.split('\n').map((text) => ({ mark: ' ' as const, text })),
    ),
  ]);
  return [...entities, ...scripts];
}

function shown(value: string | undefined): string {
  // Quoted when empty or padded, so that "" and an absent value read differently.
  if (value === undefined) {
    return '(absent)';
  }
  return value === '' || value.trim() !== value ? JSON.stringify(value) : value;
}

function isDifference(value: unknown): value is ProjectDifference {
  const candidate = value as Partial<ProjectDifference> | null | undefined;
  return Array.isArray(candidate?.entities) && Array.isArray(candidate?.scripts);
}
