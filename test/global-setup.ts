/**
 * Builds the CLI and the renderer once before any test file runs (tests run the built `clpbuilder` as a real
 * process; building in each file would race on dist/).
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/fixtures.js';

export default function setup(): void {
  const built = spawnSync(process.execPath, ['build/build-cli.mjs', '--cli-only'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) {
    throw new Error(`building the CLI failed:\n${built.stderr}`);
  }
  // The browser host's tests serve the built renderer (dist/renderer).
  const renderer = spawnSync(process.execPath, ['build/build-renderer.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (renderer.status !== 0) {
    throw new Error(`building the renderer failed:\n${renderer.stderr}`);
  }
}
