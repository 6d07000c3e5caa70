/**
 * What the hosts service tells the user besides its errors (notes, warnings): in English for
 * the command line and the report, and in Japanese for the app when its UI is in Japanese.
 * Each text is made once with both wordings, so the two lists always say the same thing in the
 * same order.
 */

/** One text for the user, in English and in Japanese. */
export interface Wording {
  readonly message: string;
  readonly ja: string;
}

/** Notes as the report carries them: `notes`, and `notesJa` in the same order when there are any. */
export function notesOf(texts: readonly Wording[]): { notes: string[]; notesJa?: string[] } {
  return {
    notes: texts.map((text) => text.message),
    ...(texts.length > 0 ? { notesJa: texts.map((text) => text.ja) } : {}),
  };
}

/** Warnings as the report carries them: `warnings`, and `warningsJa` when there are any. */
export function warningsOf(texts: readonly Wording[]): {
  warnings: string[];
  warningsJa?: string[];
} {
  const { notes, notesJa } = notesOf(texts);
  return { warnings: notes, ...(notesJa ? { warningsJa: notesJa } : {}) };
}

/** A text to be followed by 「。」: without the full stop it may end with (a command's output). */
export function beforeStop(text: string): string {
  return text.replace(/\s*[.。]+$/, '');
}

/** An error's message in Japanese, or its English when it has none. */
export function japaneseOf(error: { readonly message: string; readonly ja?: string }): string {
  return error.ja ?? error.message;
}
