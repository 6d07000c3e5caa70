/**
 * The wizards' field problems in the UI's language. The schemas (schemas/vm-profile.ts,
 * templates/wizard/options.ts, zod's own number checks) word them in English; this table says
 * each in Japanese. A problem it does not know shows as it is.
 */
import { uiLanguage } from '../../error-text.js';

type Japanese = (match: RegExpExecArray) => string;

const JAPANESE_PROBLEMS: ReadonlyArray<readonly [RegExp, Japanese]> = [
  [/^must not be empty$/, () => '入力してください'],
  [
    /^must not contain control characters \(newline, tab, \.\.\.\)$/,
    () => '制御文字 (改行、タブなど) は使用できません',
  ],
  [/^must not contain control characters$/, () => '制御文字は使用できません'],
  [
    /^must be absolute and UUID-based: (\S+), e\.g\. (\S+)$/,
    (match) => `UUID を使った絶対パスで指定してください: ${match[1]} (例: ${match[2]})`,
  ],
  [
    /^names the datastore "(.*)"; use its UUID \(8-8-4-12 lower-case hex digits, as ls -l \/vmfs\/volumes shows\), not its label: a label can change, the UUID cannot$/,
    (match) =>
      `データストアを名前 "${match[1]}" で指定しています。ラベルではなく UUID (ls -l /vmfs/volumes が示す 8-8-4-12 桁の小文字の 16 進数) を使ってください。ラベルは変わることがありますが、UUID は変わりません`,
  ],
  [
    /^must name the VM folder on the datastore: (\S+)$/,
    (match) => `データストア上の VM のフォルダを含めてください: ${match[1]}`,
  ],
  [
    /^must end with the VM configuration file, (\S+)$/,
    (match) => `VM 構成ファイル ${match[1]} で終わるパスにしてください`,
  ],
  [/^is longer than (\d+) characters$/, (match) => `${match[1]} 文字を超えています`],
  [/^must be at most (\d+) characters$/, (match) => `${match[1]} 文字以内で指定してください`],
  [/^must be at most (\d+) bytes$/, (match) => `${match[1]} バイト以内で指定してください`],
  [
    /^must be an absolute path \(start with \/\) without control characters$/,
    () => '制御文字を含まない絶対パス (/ で始まる) で指定してください',
  ],
  [
    /^must be an IPv4 address such as (\S+) \(four numbers 0-255, no leading zeros\)$/,
    (match) =>
      `${match[1]} のような IPv4 アドレスで指定してください (0-255 の数を 4 つ、先頭に 0 を付けない)`,
  ],
  [/^must not start with "-"$/, () => '"-" で始まる名前は使用できません'],
  [/^must not start or end with a space$/, () => '先頭と末尾に空白は使用できません'],
  [
    /^must not contain (.+) or control characters \(the product’s naming rules\)$/,
    (match) => `${match[1]} と制御文字は使用できません (製品の命名規則)`,
  ],
  [/^must list at least one ESX address$/, () => 'ESX のアドレスを 1 つ以上指定してください'],
  [/^must not list an address twice$/, () => '同じアドレスを 2 回指定することはできません'],
  [
    /^must be clptrnreq\.exe or an absolute Windows path \((.+)\)$/,
    (match) => `clptrnreq.exe または Windows の絶対パス (${match[1]}) で指定してください`,
  ],
  [/^needs at least one address$/, () => 'アドレスを 1 つ以上指定してください'],
  [
    /^name at least one server \((.+)\)$/,
    (match) => `サーバを 1 台以上指定してください (${match[1]})`,
  ],
  [
    /^write the version as major\.minor\.patch-build, e\.g\. (\S+)$/,
    (match) => `バージョンは major.minor.patch-build の形で指定してください (例: ${match[1]})`,
  ],
  // zod's own wording of number checks.
  [/^Too small: expected number to be >=(\d+)$/, (match) => `${match[1]} 以上で指定してください`],
  [/^Too big: expected number to be <=(\d+)$/, (match) => `${match[1]} 以下で指定してください`],
  [/^Invalid input: expected (?:number|int), received \w+$/, () => '整数で指定してください'],
];

/** A field problem in Japanese; unchanged when the table does not know it. */
export function japaneseFieldProblem(message: string): string {
  for (const [english, japanese] of JAPANESE_PROBLEMS) {
    const match = english.exec(message);
    if (match) {
      return japanese(match);
    }
  }
  return message;
}

/** A field problem in the UI's language. */
export function fieldProblemText(message: string): string {
  return uiLanguage() === 'ja' ? japaneseFieldProblem(message) : message;
}
