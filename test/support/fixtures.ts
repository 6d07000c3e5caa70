/**
 * Paths to the shared real clp.conf files (read in place, never copied: shared/ SOURCES.md)
 * and to the project's own fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const realFixturesDir = resolve(repoRoot, '../shared/fixtures/real');
export const hazardFixturesDir = join(repoRoot, 'test/fixtures/hazards');
export const malformedFixturesDir = join(repoRoot, 'test/fixtures/malformed');

/** Real clp.conf files: [file name, bytes]. */
export function realFixtures(): Array<[string, Uint8Array]> {
  return filesIn(realFixturesDir, '.xml');
}

/** Our own hazard fixtures: [file name, bytes]. */
export function hazardFixtures(): Array<[string, Uint8Array]> {
  return filesIn(hazardFixturesDir, '.conf');
}

function filesIn(dir: string, extension: string): Array<[string, Uint8Array]> {
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]);
}
