/**
 * Texts in the UI's language: the rules word each finding (`Finding.ja`), and the core and the
 * main process each error (`AppError.ja`) and each note, warning and progress detail of the
 * hosts reports (`notesJa`, `warningsJa`, `detailJa`, `reasonJa`), in English and, where the
 * UI shows it, in Japanese. The one place that decides which the UI shows.
 */
import i18next from 'i18next';
import { type Language, languageOf } from '../schemas/index.js';

/** The language the UI speaks (chosen once at start-up: renderer/i18n.ts). */
export function uiLanguage(): Language {
  return languageOf(i18next.language ?? 'en');
}

/** `japanese` when the UI is in Japanese and there is one, else `english`. */
export function inLanguage<T extends string | readonly string[]>(
  english: T,
  japanese: T | undefined,
): T {
  return uiLanguage() === 'ja' && japanese !== undefined ? japanese : english;
}

/** What the UI shows of an error. */
export function errorText(error: { readonly message: string; readonly ja?: string }): string {
  return inLanguage(error.message, error.ja);
}
