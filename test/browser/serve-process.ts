/**
 * Starts the real `clpbuilder serve` as a process on a temp copy of a project, and waits for
 * its one line (the app signal, not a sleep).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../schemas/index.js';
import { saveProject } from '../../electron/services/project-folder.js';
import { repoRoot } from '../support/fixtures.js';

export interface ServeProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly folder: string;
  stop(): Promise<void>;
}

/**
 * Saves `project` to a fresh folder and serves it. Recent projects go to a throw-away config
 * folder, never the user's own, unless `env` names one (HOME, XDG_CONFIG_HOME).
 */
export async function serveProject(
  project: Project,
  env: Readonly<Record<string, string>> = {},
): Promise<ServeProcess> {
  const folder = join(mkdtempSync(join(tmpdir(), 'clpbuilder-serve-')), 'cluster');
  const saved = await saveProject(folder, project);
  if (!saved.ok) {
    throw new Error(saved.error.message);
  }
  const child = spawn(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), 'serve', folder], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'clpbuilder-config-')),
      ...env,
    },
  });
  const line = await firstLine(child);
  const match = /^Cluster Builder at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)$/.exec(
    line,
  );
  if (!match) {
    child.kill();
    throw new Error(`unexpected first line from clpbuilder serve: ${line}`);
  }
  return {
    url: line.slice('Cluster Builder at '.length),
    origin: match[1] as string,
    token: match[2] as string,
    folder,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        resolve(out.slice(0, out.indexOf('\n')));
      }
    });
    child.once('exit', (code) => reject(new Error(`clpbuilder serve exited (${code}): ${err}`)));
  });
}
