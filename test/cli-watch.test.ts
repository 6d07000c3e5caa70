/**
 * `clpbuilder check --watch` as an engineer runs it beside an editor: a real process, real
 * files saved the way editors save them (a new file renamed over the old), real inotify.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './support/fixtures.js';
import { cliScratch } from './support/cli-scratch.js';
import { interHostProject } from './support/rule-projects.js';

const scratch = cliScratch('clpbuilder-watch-');

/** A `check --watch` process, with its output so far and a way to wait for a line of it. */
interface Watcher {
  output(): string;
  /** Resolves once the output after `from` holds `text`; fails after 10 s, saying what came. */
  waitFor(text: string, from?: number): Promise<number>;
  /** Ctrl-C, as the engineer stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

let running: ChildProcess[] = [];
afterEach(() => {
  running.forEach((child) => child.kill('SIGKILL'));
  running = [];
});

function watchCheck(...args: string[]): Watcher {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/clpbuilder.js'), 'check', ...args, '--watch'],
    { cwd: scratch.dir() },
  );
  running.push(child);
  let text = '';
  const waiting: Array<() => void> = [];
  const heard = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    waiting.forEach((wake) => wake());
  };
  child.stdout.on('data', heard);
  child.stderr.on('data', heard);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => text,
    waitFor: (wanted, from = 0) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no "${wanted}" after 10 s; the output was:\n${text.slice(from)}`)),
          10_000,
        );
        const look = () => {
          const at = text.indexOf(wanted, from);
          if (at >= 0) {
            clearTimeout(timer);
            resolve(at + wanted.length);
          }
        };
        waiting.push(look);
        look();
      }),
    stop: () => {
      child.kill('SIGINT');
      return exit;
    },
  };
}

/** Saves as editors do: the whole text to a new file, renamed over the old one. */
function save(file: string, text: string): void {
  writeFileSync(`${file}.new`, text);
  renameSync(`${file}.new`, file);
}

const SOFTDOG = ['<method>keepalive</method>', '<method>softdog</method>'] as const;

describe('clpbuilder check --watch', () => {
  it('says what came and went on every save, waits out a half-written file, and exits with the last check', async () => {
    const folder = await scratch.folderOf(interHostProject());
    const conf = join(folder, 'clp.conf');
    const good = readFileSync(conf, 'utf8');
    expect(good).toContain(SOFTDOG[0]);
    const watcher = watchCheck(folder);
    let at = await watcher.waitFor('Watching');
    expect(watcher.output()).toContain('clp.conf: 0 error(s), 0 warning(s), 2 info');

    save(conf, good.replace(...SOFTDOG));
    at = await watcher.waitFor('clp.conf changed: checked again', at);
    at = await watcher.waitFor('1 error(s)', at);
    expect(watcher.output()).toMatch(
      /\+ error VM003 monitor\/userw@userw\/parameters\/method \(line \d+\): .*softdog/,
    );
    expect(watcher.output()).toContain('[clpbuilder fix]');

    // Half-way through a save: the reason, with line and column, and the watch goes on.
    save(conf, '<root><cluster>');
    at = await watcher.waitFor('<cluster> is never closed', at);
    save(conf, good);
    at = await watcher.waitFor('- gone VM003 monitor/userw@userw/parameters/method', at);
    at = await watcher.waitFor('0 error(s)', at);

    // What an editor writes beside the file is not the project's: no check for it.
    writeFileSync(join(folder, '.clp.conf.swp'), 'swap');
    writeFileSync(join(folder, 'clp.conf~'), good);
    // A script in a folder made after the watch began is still seen.
    mkdirSync(join(folder, 'scripts/failover-vm/exec-new'), { recursive: true });
    writeFileSync(join(folder, 'scripts/failover-vm/exec-new/start.sh'), '#!/bin/sh\n');
    at = await watcher.waitFor('checked again', at);
    const heading = watcher.output().slice(0, at).split('\n').pop() ?? '';
    expect(heading).not.toMatch(/swp|~/);
    at = await watcher.waitFor('the same findings', at);

    save(conf, good.replace(...SOFTDOG));
    at = await watcher.waitFor('1 error(s)', at);
    expect(await watcher.stop()).toBe(1);
  }, 60_000);

  it('follows project.json: an acknowledgement made meanwhile takes its finding away', async () => {
    const folder = await scratch.folderOf(interHostProject());
    const watcher = watchCheck(folder, '--strict');
    let at = await watcher.waitFor('Watching');
    const acknowledged = scratch.run('acknowledge', folder, 'VM040', '--reason', 'upload does it');
    expect(acknowledged.status).toBe(0);
    at = await watcher.waitFor('project.json changed', at);
    at = await watcher.waitFor('- gone VM040 cluster', at);
    await watcher.waitFor('1 acknowledged', at);
    expect(await watcher.stop()).toBe(0);
  }, 60_000);

  it('speaks Japanese with --lang ja', async () => {
    const folder = await scratch.folderOf(interHostProject());
    const conf = join(folder, 'clp.conf');
    const watcher = watchCheck(folder, '--lang', 'ja');
    let at = await watcher.waitFor('の変更を見ています (Ctrl-C で終了)');
    save(conf, readFileSync(conf, 'utf8').replace(...SOFTDOG));
    at = await watcher.waitFor('clp.conf が変わりました。もう一度チェックしました', at);
    at = await watcher.waitFor('+ エラー VM003 monitor/userw@userw/parameters/method (', at);
    await watcher.waitFor('エラー 1 件', at);
    expect(await watcher.stop()).toBe(1);
  }, 60_000);

  it('refuses --json and --sarif, and a project that is not there', () => {
    const json = scratch.run('check', scratch.dir(), '--watch', '--json');
    expect(json.status).toBe(2);
    expect(json.stderr).toContain('--watch prints what changed as text');
    const missing = scratch.run('check', join(scratch.dir(), 'nowhere'), '--watch');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nothing to watch');
  });
});
