/**
 * Text rendering of a project difference, for `diff` and for what an edit command changed.
 *
 *   + group failover2 (failover)
 *   ~ section webmgr
 *       client/objectnumber: 15 -> 19
 *   ~ script monitor.s/genw1/genw.sh
 *   --- a/scripts/monitor.s/genw1/genw.sh
 *   +++ b/scripts/monitor.s/genw1/genw.sh
 *   @@ -1,3 +1,3 @@
 */
import type {
  EntityDifference,
  ProjectDifference,
  ScriptDifference,
} from '../../schemas/diff/diff-model.js';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

/** Every line of the difference: entities first, then scripts. */
export function formatDifference(difference: ProjectDifference): string[] {
  return [
    ...difference.entities.flatMap(formatEntity),
    ...difference.scripts.flatMap(formatScript),
  ];
}

/** `+ resource md2 (md)` and, for a changed entity, one line per parameter. */
export function formatEntity(entity: EntityDifference): string[] {
  const type = entity.type === undefined ? '' : ` (${entity.type})`;
  const head = `${MARK[entity.change]} ${entity.kind} ${entity.kind === 'section' ? entity.path : entity.name}${type}`;
  return [
    head,
    ...entity.parameters.map(
      (parameter) =>
        `    ${parameter.path}: ${showValue(parameter.before)} -> ${showValue(parameter.after)}`,
    ),
  ];
}

/** `~ script path`, then a unified diff of a changed text script. */
export function formatScript(script: ScriptDifference): string[] {
  const lines = [`${MARK[script.change]} script ${script.path}${script.binary ? ' (binary)' : ''}`];
  if (script.executable) {
    lines.push(
      `    executable: ${script.executable.before ? 'yes' : 'no'} -> ${script.executable.after ? 'yes' : 'no'}`,
    );
  }
  const unseen = unseenText(script);
  if (unseen !== undefined) {
    lines.push(`    (${unseen})`);
  }
  if (script.hunks.length > 0) {
    lines.push(`--- a/scripts/${script.path}`, `+++ b/scripts/${script.path}`, ...script.hunks);
  }
  return lines;
}

/** What a changed text script's hunks do not show, in words (`the byte-order mark changed`). */
function unseenText(script: ScriptDifference): string | undefined {
  const unseen = script.unseen ?? [];
  const words = [
    ...(unseen.includes('byte-order-mark') ? ['the byte-order mark'] : []),
    ...(unseen.includes('line-endings') ? ['the line endings'] : []),
  ];
  if (words.length === 0) {
    return undefined;
  }
  const only = script.hunks.length === 0 && !script.executable ? 'only ' : '';
  return `${only}${words.join(' and ')} changed`;
}

/**
 * A value as shown in text output.
 *
 * Quoted (JSON) when it is empty, has spaces at its edges, a quote or a control character, so
 * that `<comment> </comment>` and `<comment/>` read differently and a line break cannot
 * forge another line of output.
 */
export function showValue(value: string | undefined): string {
  if (value === undefined) {
    return '(absent)';
  }
  const needsQuotes =
    value === '' ||
    value.trim() !== value ||
    [...value].some((character) => character < ' ' || character === '"');
  return needsQuotes ? JSON.stringify(value) : value;
}
