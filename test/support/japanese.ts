/**
 * What makes a Japanese wording of a rule's English one acceptable: it is Japanese, and it
 * carries every value the English names (entity names with digits, paths, numbers, ids).
 */
import { expect } from 'vitest';
import type { Finding } from '../../schemas/index.js';

const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Tokens of an English text a translation must keep as they are. */
export function carriedTokens(english: string): string[] {
  return (english.match(/[A-Za-z0-9_.@/\\:$<>-]+/g) ?? [])
    .map((token) => token.replace(/[.:]+$/, ''))
    .filter((token) => /[\d@/]/.test(token));
}

/** Asserts that `japanese` is Japanese and keeps what `english` names. */
export function expectJapaneseOf(english: string, japanese: string, where: string): void {
  expect(japanese, `${where}: not Japanese`).toMatch(KANA_OR_KANJI);
  for (const token of carriedTokens(english)) {
    expect(japanese, `${where}: drops "${token}" of "${english}"`).toContain(token);
  }
}

/** Asserts that a finding's message and fix are in Japanese. */
export function expectJapaneseFinding(finding: Finding): void {
  const where = `${finding.rule} at ${finding.path}`;
  expectJapaneseOf(finding.message, finding.ja.message, `${where} message`);
  expectJapaneseOf(finding.fix, finding.ja.fix, `${where} fix`);
}
