/**
 * The rule catalogue as Markdown (docs/rules.md and docs/rules.ja.md are generated from this,
 * so they never drift).
 */
import { RULES } from './catalogue.js';
import { type Language, ruleWording } from './language.js';
import type { Rule } from './types.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const PREAMBLE: Readonly<Record<Language, readonly string[]>> = {
  en: [
    '# Rule catalogue',
    '',
    'Generated from `schemas/rules/` by `clpbuilder rules --markdown`; do not edit by hand.',
    'Each finding names its rule id, severity, the entity (a clpcfadm path) and a fix.',
    'An unknown fact is reported as `info` asking for it.',
    '',
    '| id | severity | topologies | rule | fix | source |',
  ],
  ja: [
    '# ルール一覧',
    '',
    '`schemas/rules/` から `clpbuilder rules --markdown --lang ja` で生成しています。手で編集しないでください。',
    '各指摘は、ルール ID、重大度、対象 (clpcfadm 形式のパス) と対処を示します。',
    '不明な事実は、それを尋ねる `info` として報告します。',
    '',
    '| ID | 重大度 | トポロジ | ルール | 対処 | 出典 |',
  ],
};

/** The catalogue: id, severity, topologies, rule, fix, source. */
export function formatRuleCatalogue(
  rules: readonly Rule[] = RULES,
  language: Language = 'en',
): string {
  const rows = rules.map((rule) => {
    const { text, fix } = ruleWording(rule, language);
    return `| ${rule.id} | ${rule.severity} | ${rule.topologies === 'all' ? 'all' : rule.topologies.join(', ')} | ${cell(text)} | ${cell(fix)} | ${cell(rule.source)} |`;
  });
  return [...PREAMBLE[language], '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
