/**
 * Running generated scripts against the simulators (test/sim/vmware-cmd, test/sim/clptrnreq):
 * a temp folder per scenario holding the VM state, the script, and what was called.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const simDir = dirname(fileURLToPath(import.meta.url));
export const vmwareCmdSimulator = resolve(simDir, 'vmware-cmd');
export const clptrnreqSimulator = resolve(simDir, 'clptrnreq');

/** The simulated VM's state: what test/sim/vmware-cmd reads and writes. */
export interface VmState {
  vmx: string;
  registered: 0 | 1;
  power: 'off' | 'on' | 'stuck' | 'suspended';
  heartbeat: number;
  heartbeat_rises: number;
  off_after_heartbeats: number;
  register_fails: 0 | 1;
  question_on_start: 0 | 1;
  soft_stop: 'ok' | 'refuse' | 'ignore';
}

/** One scenario's folder. */
export interface Scenario {
  readonly dir: string;
  /** The simulator's state now. */
  state(): Record<string, string>;
  /** What vmware-cmd was called with, in order; answers as `answer:<choice>`. */
  calls(): string[][];
}

const created: string[] = [];

/** Removes every scenario folder made so far (call it in afterAll). */
export function removeScenarios(): void {
  for (const dir of created.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh folder with the VM in `state` (defaults: registered no, off, heartbeat rising). */
export function scenario(vmx: string, state: Partial<VmState> = {}): Scenario {
  const dir = mkdtempSync(join(tmpdir(), 'clpbuilder-sim-'));
  created.push(dir);
  const full: VmState = {
    vmx,
    registered: 0,
    power: 'off',
    heartbeat: 100,
    heartbeat_rises: -1,
    off_after_heartbeats: -1,
    register_fails: 0,
    question_on_start: 0,
    soft_stop: 'ok',
    ...state,
  };
  writeFileSync(
    join(dir, 'state'),
    Object.entries(full)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
  return {
    dir,
    state: () =>
      Object.fromEntries(
        readFileSync(join(dir, 'state'), 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      ),
    calls: () =>
      readJsonLines(join(dir, 'calls.jsonl')).map((record) =>
        'answer' in record ? [`answer:${String(record.answer)}`] : (record.argv as string[]),
      ),
  };
}

/** Records of a JSON-lines file (none when it does not exist). */
export function readJsonLines(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** How a script run ended. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Writes `text` as an executable script in `dir` and runs it there with `env` added. */
export function runScript(
  dir: string,
  name: string,
  text: string,
  env: Record<string, string>,
  stdin = '',
): Promise<Run> {
  const file = join(dir, name);
  writeFileSync(file, text);
  chmodSync(file, 0o755);
  return new Promise((done, failed) => {
    const child = spawn(file, [], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', failed);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
