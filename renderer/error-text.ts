/**
 * Texts in the UI's language: the core and the main process word each error (`AppError.ja`)
 * and each note, warning and progress detail of the hosts reports (`notesJa`, `warningsJa`,
 * `detailJa`, `reasonJa`) in English and, where the UI shows it, in Japanese.
 */
import i18next from 'i18next';
import { languageOf } from '../schemas/index.js';

/** `japanese` when the UI is in Japanese and there is one, else `english`. */
export function inLanguage<T extends string | readonly string[]>(
  english: T,
  japanese: T | undefined,
): T {
  return languageOf(i18next.language ?? 'en') === 'ja' && japanese !== undefined
    ? japanese
    : english;
}

/** What the UI shows of an error. */
export function errorText(error: { readonly message: string; readonly ja?: string }): string {
  return inLanguage(error.message, error.ja);
}
