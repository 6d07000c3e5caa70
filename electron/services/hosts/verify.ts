/**
 * Verify: what a host has after the push, pulled back, against what was sent.
 *
 * Scripts must match byte for byte. clp.conf must too, with one allowance: when the bytes
 * differ but every entity and parameter is the same, the host passes with a note. The product
 * may rewrite the file it stores (a pulled clp.conf can declare another encoding than the one
 * pushed: EXPRESSCLUSTER/clpcfscript README), and a push that -w converts is still the same
 * configuration. Any difference in content fails.
 */
import {
  type Change,
  type ClpDocument,
  type EntityDifference,
  decodeClpConf,
  diffEntities,
} from '../../../schemas/index.js';
import type { FolderFile } from './sftp-files.js';
import type { Wording } from './wording.js';

/** The outcome for one host. */
export interface VerifyOutcome {
  readonly matches: boolean;
  /** What differs, one line each (empty when `matches`). */
  readonly problems: readonly string[];
  /** `problems` in Japanese, when there are any. */
  readonly problemsJa?: readonly string[];
  /** What is worth knowing although it matches. */
  readonly notes: readonly string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: readonly string[];
}

/** Compares the sent folder with the one pulled from a host (clp.conf and scripts/ only). */
export function compareConfiguration(
  sent: readonly FolderFile[],
  pulled: readonly FolderFile[],
): VerifyOutcome {
  const relevant = (file: FolderFile) =>
    file.path === 'clp.conf' || file.path.startsWith('scripts/');
  const hostFiles = new Map(pulled.filter(relevant).map((file) => [file.path, file]));
  const problems: Wording[] = [];
  const notes: Wording[] = [];
  for (const file of sent) {
    const stored = hostFiles.get(file.path);
    hostFiles.delete(file.path);
    if (!stored) {
      problems.push({
        message: `${file.path} was sent but the host does not have it`,
        ja: `${file.path} を送信しましたが、ホストにありません`,
      });
    } else if (stored.bytes.equals(file.bytes)) {
      if (file.path.startsWith('scripts/') && (stored.mode & 0o100) === 0) {
        notes.push({
          message: `${file.path} is not executable on the host`,
          ja: `${file.path} はホスト上で実行可能になっていません`,
        });
      }
    } else if (file.path === 'clp.conf') {
      compareConf(file.bytes, stored.bytes, problems, notes);
    } else {
      const [sentBytes, storedBytes] = [file.bytes.length, stored.bytes.length];
      problems.push({
        message: `${file.path} differs (sent ${sentBytes} bytes, the host has ${storedBytes})`,
        ja: `${file.path} が異なります (送信 ${sentBytes} バイト、ホスト側 ${storedBytes} バイト)`,
      });
    }
  }
  for (const extra of hostFiles.keys()) {
    problems.push({
      message: `the host has ${extra}, which was not sent`,
      ja: `ホストに、送信していない ${extra} があります`,
    });
  }
  return {
    matches: problems.length === 0,
    problems: problems.map((problem) => problem.message),
    notes: notes.map((note) => note.message),
    ...(problems.length > 0 ? { problemsJa: problems.map((problem) => problem.ja) } : {}),
    ...(notes.length > 0 ? { notesJa: notes.map((note) => note.ja) } : {}),
  };
}

/** The kinds of change in Japanese, as the app's diff names them. */
const CHANGE_JA: Readonly<Record<Change, string>> = {
  added: '追加',
  removed: '削除',
  changed: '変更',
};

function compareConf(sent: Buffer, stored: Buffer, problems: Wording[], notes: Wording[]): void {
  const before = decoded(sent);
  const after = decoded(stored);
  if (!before || !after) {
    problems.push({
      message: `clp.conf differs (sent ${sent.length} bytes, the host has ${stored.length}) and cannot be compared entity by entity`,
      ja: `clp.conf が異なり (送信 ${sent.length} バイト、ホスト側 ${stored.length} バイト)、エンティティ単位では比較できません`,
    });
    return;
  }
  const differences = diffEntities(before, after);
  if (differences.length === 0) {
    notes.push({
      message:
        'clp.conf came back with other bytes but the same entities and parameters (the product rewrote the file)',
      ja: 'clp.conf は異なるバイト列で戻りましたが、エンティティとパラメータは同じです (製品がファイルを書き直しました)',
    });
    return;
  }
  const first = differences.slice(0, 5);
  const more = differences.length > 5;
  const english = first.map(
    (entity) => `${entity.change} ${entity.path}${parametersOf(entity, '(absent)', '; ')}`,
  );
  const japanese = first.map(
    (entity) =>
      `${entity.path} が${CHANGE_JA[entity.change]}されています${parametersOf(entity, '(なし)', '、')}`,
  );
  problems.push({
    message: `clp.conf on the host differs from what was sent: ${english.join(', ')}${more ? ', ...' : ''}`,
    ja: `ホストの clp.conf が送信したものと異なります: ${japanese.join('、')}${more ? '、...' : ''}`,
  });
}

/** ` (path: before -> after; ...)` for the first parameters of a changed entity, or nothing. */
function parametersOf(entity: EntityDifference, absent: string, separator: string): string {
  const shown = entity.parameters
    .slice(0, 3)
    .map(
      (parameter) =>
        `${parameter.path}: ${parameter.before ?? absent} -> ${parameter.after ?? absent}`,
    );
  return shown.length > 0 ? ` (${shown.join(separator)})` : '';
}

function decoded(bytes: Buffer): ClpDocument | undefined {
  const result = decodeClpConf(new Uint8Array(bytes));
  return result.ok ? result.value : undefined;
}
