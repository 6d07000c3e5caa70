/**
 * Verify: what a host has after the push, pulled back, against what was sent.
 *
 * Scripts must match byte for byte. clp.conf must too, with one allowance: when the bytes
 * differ but every entity and parameter is the same, the host passes with a note. The product
 * may rewrite the file it stores (a pulled clp.conf can declare another encoding than the one
 * pushed: EXPRESSCLUSTER/clpcfscript README), and a push that -w converts is still the same
 * configuration. Any difference in content fails.
 */
import { type ClpDocument, decodeClpConf, diffEntities } from '../../../schemas/index.js';
import type { FolderFile } from './sftp-files.js';

/** The outcome for one host. */
export interface VerifyOutcome {
  readonly matches: boolean;
  /** What differs, one line each (empty when `matches`). */
  readonly problems: readonly string[];
  /** What is worth knowing although it matches. */
  readonly notes: readonly string[];
}

/** Compares the sent folder with the one pulled from a host (clp.conf and scripts/ only). */
export function compareConfiguration(
  sent: readonly FolderFile[],
  pulled: readonly FolderFile[],
): VerifyOutcome {
  const relevant = (file: FolderFile) =>
    file.path === 'clp.conf' || file.path.startsWith('scripts/');
  const hostFiles = new Map(pulled.filter(relevant).map((file) => [file.path, file]));
  const problems: string[] = [];
  const notes: string[] = [];
  for (const file of sent) {
    const stored = hostFiles.get(file.path);
    hostFiles.delete(file.path);
    if (!stored) {
      problems.push(`${file.path} was sent but the host does not have it`);
    } else if (stored.bytes.equals(file.bytes)) {
      if (file.path.startsWith('scripts/') && (stored.mode & 0o100) === 0) {
        notes.push(`${file.path} is not executable on the host`);
      }
    } else if (file.path === 'clp.conf') {
      compareConf(file.bytes, stored.bytes, problems, notes);
    } else {
      problems.push(
        `${file.path} differs (sent ${file.bytes.length} bytes, the host has ${stored.bytes.length})`,
      );
    }
  }
  for (const extra of hostFiles.keys()) {
    problems.push(`the host has ${extra}, which was not sent`);
  }
  return { matches: problems.length === 0, problems, notes };
}

function compareConf(sent: Buffer, stored: Buffer, problems: string[], notes: string[]): void {
  const before = decoded(sent);
  const after = decoded(stored);
  if (!before || !after) {
    problems.push(
      `clp.conf differs (sent ${sent.length} bytes, the host has ${stored.length}) and cannot be compared entity by entity`,
    );
    return;
  }
  const differences = diffEntities(before, after);
  if (differences.length === 0) {
    notes.push(
      'clp.conf came back with other bytes but the same entities and parameters (the product rewrote the file)',
    );
    return;
  }
  const shown = differences.slice(0, 5).map((entity) => {
    const parameters = entity.parameters
      .slice(0, 3)
      .map(
        (parameter) =>
          `${parameter.path}: ${parameter.before ?? '(absent)'} -> ${parameter.after ?? '(absent)'}`,
      );
    return `${entity.change} ${entity.path}${parameters.length > 0 ? ` (${parameters.join('; ')})` : ''}`;
  });
  problems.push(
    `clp.conf on the host differs from what was sent: ${shown.join(', ')}${differences.length > 5 ? ', ...' : ''}`,
  );
}

function decoded(bytes: Buffer): ClpDocument | undefined {
  const result = decodeClpConf(new Uint8Array(bytes));
  return result.ok ? result.value : undefined;
}
