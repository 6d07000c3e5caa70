/**
 * A finding's message and fix in the UI's language (the rules word each in English and in
 * Japanese).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Wording,
  findingWording,
  japaneseParameterProblem,
  languageOf,
} from '../../../schemas/index.js';

type Worded = Parameters<typeof findingWording>[0];

/** A parameter's range problem (`checkParameterValue`'s message) in the UI's `locale`. */
export function parameterProblemText(message: string, locale: string): string {
  return languageOf(locale) === 'ja' ? japaneseParameterProblem(message) : message;
}

/** A finding's wording in the current language. */
export function useFindingText(): (finding: Worded) => Wording {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  return useCallback((finding: Worded) => findingWording(finding, language), [language]);
}
