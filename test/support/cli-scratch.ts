/**
 * A scratch folder for command-line tests: `clpbuilder` run there as a user runs it (the
 * built launcher, a real process), and projects saved into it as folders.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Project } from '../../schemas/index.js';
import { saveProject } from '../../electron/services/project-folder.js';
import { repoRoot } from './fixtures.js';
import { unwrap } from './project.js';

export interface CliScratch {
  /** The scratch folder (valid once the suite's `beforeAll` ran). */
  readonly dir: () => string;
  /** Runs `clpbuilder` in the scratch folder and waits for it. */
  run(...args: string[]): SpawnSyncReturns<string>;
  /** Saves a project into a new folder of the scratch folder; returns the folder. */
  folderOf(project: Project): Promise<string>;
  /** A new name in the scratch folder, for a file or folder a test makes itself. */
  fresh(prefix: string): string;
}

/** Registers the folder's creation and removal with the suite. */
export function cliScratch(prefix: string): CliScratch {
  let dir = '';
  let counter = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = (name: string) => {
    counter += 1;
    return join(dir, `${name}-${counter}`);
  };
  return {
    dir: () => dir,
    run: (...args) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    folderOf: async (project) => {
      const folder = fresh('project');
      unwrap(await saveProject(folder, project));
      return folder;
    },
    fresh,
  };
}
