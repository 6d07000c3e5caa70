/**
 * A finding's message and fix, and a parameter's range problem, in the UI's language.
 */
import { type Wording, findingWording, japaneseParameterProblem } from '../../../schemas/index.js';
import { uiLanguage } from '../../error-text.js';

/** A parameter's range problem (`checkParameterValue`'s message) in the UI's language. */
export function parameterProblemText(message: string): string {
  return uiLanguage() === 'ja' ? japaneseParameterProblem(message) : message;
}

/** A finding's wording in the UI's language. */
export function findingText(finding: Parameters<typeof findingWording>[0]): Wording {
  return findingWording(finding, uiLanguage());
}
