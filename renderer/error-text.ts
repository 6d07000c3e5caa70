/**
 * An error's message in the UI's language: the core and the main process word each error in
 * English and, where the UI shows it, in Japanese (`AppError.ja`).
 */
import i18next from 'i18next';
import { languageOf } from '../schemas/index.js';

/** What the UI shows of an error. */
export function errorText(error: { readonly message: string; readonly ja?: string }): string {
  return languageOf(i18next.language ?? 'en') === 'ja' && error.ja !== undefined
    ? error.ja
    : error.message;
}
