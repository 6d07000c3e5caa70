/**
 * The rule catalogue as Markdown (docs/rules.md is generated from this, so it never drifts).
 */
import { RULES } from './catalogue.js';
import type { Rule } from './types.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The catalogue: id, severity, topologies, rule, fix, source. */
export function formatRuleCatalogue(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((rule) =>
    `| ${rule.id} | ${rule.severity} | ${rule.topologies === 'all' ? 'all' : rule.topologies.join(', ')} | ${cell(rule.text)} | ${cell(rule.fix)} | ${cell(rule.source)} |`,
  );
  return [
    '# Rule catalogue',
    '',
    'Generated from `schemas/rules/` by `clpbuilder rules --markdown`; do not edit by hand.',
    'Each finding names its rule id, severity, the entity (a clpcfadm path) and a fix.',
    'An unknown fact is reported as `info` asking for it.',
    '',
    '| id | severity | topologies | rule | fix | source |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
