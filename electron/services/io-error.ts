/**
 * Node file-system failures as AppErrors.
 *
 * Node errors are wrapped once, here in the adapter, so that what crosses IPC and reaches the
 * CLI is a value with a kind, the file and a next step (STYLE.md §5).
 */
import { type AppError, type Result, appError, fail, ok } from '../../schemas/index.js';

/** What the user can do about the usual errno codes, in English and in Japanese. */
const ADVICE: Readonly<Record<string, { readonly en: string; readonly ja: string }>> = {
  ENOENT: { en: 'it does not exist; check the path', ja: '存在しません。パスを確認してください' },
  EACCES: {
    en: 'permission denied; check the permissions or choose another folder',
    ja: '権限がありません。権限を確認するか、別のフォルダを選択してください',
  },
  EPERM: {
    en: 'operation not permitted; check the permissions or choose another folder',
    ja: '操作が許可されていません。権限を確認するか、別のフォルダを選択してください',
  },
  EROFS: {
    en: 'the file system is read-only; choose another folder',
    ja: 'ファイルシステムが読み取り専用です。別のフォルダを選択してください',
  },
  ENOSPC: {
    en: 'the disk is full; free some space and try again',
    ja: 'ディスクがいっぱいです。空き容量を確保してから、もう一度実行してください',
  },
  EDQUOT: {
    en: 'the disk quota is exhausted; free some space and try again',
    ja: 'ディスクのクォータを使い切りました。空き容量を確保してから、もう一度実行してください',
  },
  ENOTDIR: {
    en: 'a file is in the way where a folder is needed; move it away',
    ja: 'フォルダが必要な場所にファイルがあります。そのファイルを移動してください',
  },
  EISDIR: {
    en: 'a folder is in the way where a file is needed; move it away',
    ja: 'ファイルが必要な場所にフォルダがあります。そのフォルダを移動してください',
  },
  EEXIST: {
    en: 'something is already there; move it away',
    ja: 'すでに同じ名前のものがあります。それを移動してください',
  },
  EMFILE: {
    en: 'too many open files; close some programs and try again',
    ja: '開いているファイルが多すぎます。いくつかのプログラムを終了してから、もう一度実行してください',
  },
};

/** What an I/O call was doing, as `ioError` says it: the English verb and the Japanese phrase. */
const DOING_JA = {
  reading: (file: string) => `${file} の読み込みに失敗しました`,
  writing: (file: string) => `${file} の書き込みに失敗しました`,
  'creating the folder': (file: string) => `フォルダ ${file} の作成に失敗しました`,
  replacing: (file: string) => `${file} の置き換えに失敗しました`,
  flushing: (file: string) => `${file} のディスクへの反映に失敗しました`,
  checking: (file: string) => `${file} の確認に失敗しました`,
  listing: (file: string) => `フォルダ ${file} の一覧の取得に失敗しました`,
  resolving: (file: string) => `${file} のパスの解決に失敗しました`,
  opening: (file: string) => `${file} を開けませんでした`,
  'following the link': (file: string) => `リンク ${file} のリンク先をたどれませんでした`,
  deleting: (file: string) => `${file} の削除に失敗しました`,
} as const satisfies Record<string, (file: string) => string>;

/** What an I/O call was doing, for `ioError` and `attempt`. */
export type IoAction = keyof typeof DOING_JA;

/** The errno code of a Node error, if it has one. */
export function errorCode(caught: unknown): string | undefined {
  const code = (caught as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Wraps a thrown Node error as an AppError about `file`.
 *
 * `doing` says what was attempted ("reading", "writing"); the errno code is kept in the
 * message so that support can tell ENOSPC from EACCES.
 */
export function ioError(caught: unknown, file: string, doing: IoAction): AppError {
  const code = errorCode(caught);
  const advice = code ? ADVICE[code] : undefined;
  // A code without advice keeps the system's own message (English: Node words it so).
  const system = caught instanceof Error ? caught.message : String(caught);
  const detail = advice ? `${advice.en} (${code})` : system;
  const detailJa = advice ? `${advice.ja} (${code})` : system;
  return appError(code === 'ENOENT' ? 'not-found' : 'io', `${doing} ${file} failed: ${detail}`, {
    file,
    ja: `${DOING_JA[doing](file)}: ${detailJa}`,
  });
}

/** Runs an fs call; a thrown Node error becomes `{ ok: false }` with `ioError`. */
export async function attempt<T>(
  file: string,
  doing: IoAction,
  action: () => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(await action());
  } catch (caught) {
    return fail(ioError(caught, file, doing));
  }
}
