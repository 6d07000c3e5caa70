/**
 * The languages the rules speak: every rule and finding has its English wording and a
 * Japanese one (`ja`), for the UI and the command line in Japanese.
 */
import type { Finding, Rule } from './types.js';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of a locale name (`ja`, `ja-JP`, `en-US`): Japanese or else English. */
export function languageOf(locale: string): Language {
  return /^ja(?:[-_]|$)/i.test(locale) ? 'ja' : 'en';
}

/** What a finding says: its message and fix. */
export interface Wording {
  readonly message: string;
  readonly fix: string;
}

/** A finding's wording in `language` (a finding from an older report may lack `ja`). */
export function findingWording(
  finding: Pick<Finding, 'message' | 'fix'> & { readonly ja?: Wording },
  language: Language,
): Wording {
  return language === 'ja' && finding.ja ? finding.ja : finding;
}

/** A rule's one-line text and general fix in `language`. */
export function ruleWording(rule: Rule, language: Language): { text: string; fix: string } {
  return language === 'ja' ? rule.ja : rule;
}
