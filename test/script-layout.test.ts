/**
 * CF013 against the real thing: each script is written to disk, made executable and run the
 * way a caller runs a program through the shell (`sh -c <path>`: execve, and the shell's own
 * fallback when the kernel refuses the file). What the rule says must be what happened:
 * an error where the script did not do its work, a warning where it did but said an error on
 * the way, nothing where it ran cleanly. (cmd.exe does not run here: the Windows side is
 * covered by schemas/rules/cf-scripts.test.ts alone.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unwrap } from './support/project.js';
import { plainProject, withScripts } from './support/rule-projects.js';
import { addGroup, addResource, checkProject, pipe } from '../schemas/index.js';

const BOM = '\ufeff';

// Each prints "ok" and exits 0 when it runs as meant.
const SCRIPTS: ReadonlyArray<readonly [string, string]> = [
  ['sh, LF', '#!/bin/sh\necho ok\n'],
  ['sh, CRLF', '#!/bin/sh\r\necho ok\r\n'],
  ['sh with a space after #!, CRLF', '#! /bin/sh\r\necho ok\r\n'],
  ['sh, CRLF after the #! line', '#!/bin/sh\nif true; then\r\n  echo ok\r\nfi\r\n'],
  ['bash -e, CRLF', '#!/bin/bash -e\r\necho ok\r\n'],
  ['env bash, CRLF', '#!/usr/bin/env bash\r\necho ok\r\n'],
  ['no #! line, CRLF', 'if true; then\r\n  echo ok\r\nfi\r\n'],
  ['perl, CRLF', '#!/usr/bin/perl\r\nprint "ok\\n";\r\n'],
  ['perl -w, CRLF', '#!/usr/bin/perl -w\r\nprint "ok\\n";\r\n'],
  ['perl -w, LF', '#!/usr/bin/perl -w\nprint "ok\\n";\n'],
  ['perl behind a byte-order mark', `${BOM}#!/usr/bin/perl\nprint "ok\\n";\n`],
  ['sh behind a byte-order mark', `${BOM}#!/bin/sh\necho ok\n`],
  ['sh behind a byte-order mark, CRLF', `${BOM}#!/bin/sh\r\necho ok\r\n`],
];

const folder = mkdtempSync(join(tmpdir(), 'clpbuilder-layout-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What running the script did: failed, ran with an error said on the way, or ran cleanly. */
function outcome(script: string): 'error' | 'warning' | 'clean' {
  const file = join(folder, 'start.sh');
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  const run = spawnSync('/bin/sh', ['-c', file], { encoding: 'utf8' });
  if (run.status !== 0 || run.stdout !== 'ok\n') {
    return 'error';
  }
  return run.stderr === '' ? 'clean' : 'warning';
}

/** What CF013 says of the same script as an exec resource's start.sh. */
function verdict(script: string): 'error' | 'warning' | 'clean' {
  const project = unwrap(
    pipe(
      plainProject(),
      (p) => addGroup(p, 'failover1'),
      (p) => addResource(p, 'failover1', 'exec', 'exec1'),
    ),
  );
  const findings = checkProject(
    withScripts(project, { 'failover1/exec1/start.sh': script }),
  ).filter((finding) => finding.rule === 'CF013');
  expect(findings.length).toBeLessThanOrEqual(1);
  return findings[0]?.severity === 'error' || findings[0]?.severity === 'warning'
    ? findings[0].severity
    : 'clean';
}

describe('CF013 says what Linux does with a script', () => {
  it.each(SCRIPTS)('%s', (_name, script) => {
    expect(verdict(script)).toBe(outcome(script));
  });

  it('has samples of every outcome, so that agreeing is not trivial', () => {
    expect(new Set(SCRIPTS.map(([, script]) => outcome(script)))).toEqual(
      new Set(['error', 'warning', 'clean']),
    );
  });
});
