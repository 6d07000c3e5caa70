/**
 * CF013: a script is saved for the OS that runs it. The expectations about Linux are what this
 * machine's own kernel, sh, bash, env and perl do with such files (checked by running them:
 * see test/script-layout.test.ts); the ones about cmd.exe are documented behaviour.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../test/support/project.js';
import { interHostProject, plainProject, withScripts } from '../../test/support/rule-projects.js';
import { emptyProject } from '../../templates/wizard/skeleton.js';
import {
  type Finding,
  type Project,
  addGroup,
  addMonitor,
  applyAllQuickFixes,
  decodeClpConfText,
  find,
  serializeClpConf,
  setAttribute,
  addHeartbeat,
  addResource,
  addServer,
  applyQuickFix,
  checkProject,
  createChecker,
  defaultProjectMeta,
  pipe,
  setParameter,
} from '../index.js';
import { layoutOf, relaid } from './script-layout.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
const BOM = '\ufeff';
const START = 'failover1/exec1/start.sh';

/** A Linux cluster with one exec resource whose start.sh is `start`. */
function linuxProject(start: string): Project {
  const project = unwrap(
    pipe(
      plainProject(),
      (p) => addGroup(p, 'failover1'),
      (p) => addResource(p, 'failover1', 'exec', 'exec1'),
    ),
  );
  return withScripts(project, { [START]: start });
}

/** A Windows cluster with one script resource whose start.bat is `start`. */
function windowsProject(start: string, serveros = true): Project {
  const meta = { ...defaultProjectMeta(), productVersion: '4.1.0-1' };
  const project = unwrap(
    pipe(
      unwrap(emptyProject('wincluster', 'windows', meta)),
      (p) => addServer(p, 'server1', { ip: '192.168.0.11' }),
      (p) => addServer(p, 'server2', { ip: '192.168.0.12' }),
      (p) => addHeartbeat(p, 'lankhb', { device: '0' }),
      (p) => addGroup(p, 'failover1'),
      (p) => addResource(p, 'failover1', 'script', 'script1'),
      ...(serveros ? [] : [(p: Project) => setParameter(p, 'all/serveros', '')]),
    ),
  );
  return withScripts(project, { 'failover1/script1/start.bat': start });
}

const cf013 = (project: Project): Finding[] =>
  checkProject(project).filter((finding) => finding.rule === 'CF013');

describe('a script’s layout', () => {
  it('counts CRLF and bare LF lines, each with the first line it is on', () => {
    const layout = layoutOf(bytes('#!/bin/sh\necho a\r\necho b\r\nexit 0'));
    expect(layout.crlf).toEqual({ count: 2, first: 2 });
    expect(layout.lf).toEqual({ count: 1, first: 1 });
    expect(layout.lines).toBe(4);
    expect(layout.firstLineCrlf).toBe(false);
  });

  it('reads the #! line’s command and argument, after a byte-order mark and spaces', () => {
    expect(layoutOf(bytes('#! /bin/sh\r\n')).shebang).toEqual({ command: '/bin/sh', argument: '' });
    expect(layoutOf(bytes(`${BOM}#!/usr/bin/perl -w\n`)).shebang).toEqual({
      command: '/usr/bin/perl',
      argument: '-w',
    });
    expect(layoutOf(bytes('echo no interpreter\n')).shebang).toBeUndefined();
    expect(layoutOf(bytes(`${BOM}x`)).bom).toBe('utf-8');
    expect(layoutOf(Uint8Array.of(0xff, 0xfe, 0x23, 0x00)).bom).toBe('utf-16');
    expect(layoutOf(bytes('#!/bin/sh\n')).bom).toBeUndefined();
  });

  it('is re-laid with only the line endings and the byte-order mark changed', () => {
    const mixed = `${BOM}a\r\nb\nc\rd\r\r\n`;
    expect(text(relaid(bytes(mixed), 'lf'))).toBe('a\nb\nc\rd\n');
    expect(text(relaid(bytes(mixed), 'crlf'))).toBe('a\r\nb\r\nc\rd\r\n');
    // Shift_JIS bytes (no byte of a multi-byte character is CR or LF) pass through as they are.
    const sjis = Uint8Array.of(0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0d, 0x0a);
    expect([...relaid(sjis, 'lf')]).toEqual([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]);
  });

  it('re-lays any text so that it has one kind of line ending, and loses nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '\r', '\n', '\r\n') }), (input) => {
        const lf = relaid(bytes(input), 'lf');
        const crlf = relaid(bytes(input), 'crlf');
        expect(layoutOf(lf).crlf.count).toBe(0);
        expect(layoutOf(crlf).lf.count).toBe(0);
        expect(text(lf)).toBe(input.replace(/\r+\n/g, '\n'));
        expect(text(relaid(crlf, 'lf'))).toBe(text(lf));
      }),
    );
  });
});

describe('CF013 on Linux', () => {
  it('passes the product’s own start.sh, and finds it when it is saved with CRLF', () => {
    const project = unwrap(
      pipe(
        plainProject(),
        (p) => addGroup(p, 'failover1'),
        (p) => addResource(p, 'failover1', 'exec', 'exec1'),
      ),
    );
    expect(cf013(project)).toEqual([]);
    const start = text(project.scripts.get(START)!.bytes);
    const lines = start.split('\n').length - 1;
    const [finding, ...others] = cf013(
      withScripts(project, { [START]: start.replace(/\n/g, '\r\n') }),
    );
    expect(others).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.path).toBe('resource/exec@exec1/parameters/act/path');
    // The script itself, for the app to open.
    expect(finding?.script).toBe(START);
    expect(finding?.message).toBe(
      `resource exec1 runs start.sh (scripts/${START}), which has Windows line endings (CRLF) on ${lines} of ${lines} lines: Linux looks for the interpreter "/bin/sh\\r" of its #! line, which does not exist ("bad interpreter")`,
    );
    expect(finding?.hasQuickFix).toBe(true);
  });

  it('says what reads the carriage returns: the kernel, env or the shell; perl reads them as lines', () => {
    const said = (script: string) =>
      cf013(linuxProject(script)).map((f) => [
        f.severity,
        f.message.split(': ').slice(1).join(': '),
      ]);
    expect(said('#!/usr/bin/env bash\r\necho hi\r\n')).toEqual([
      ['error', 'env looks for "bash\\r" and fails ("No such file or directory")'],
    ]);
    // A file of mixed endings says where the first CRLF line is.
    expect(
      cf013(linuxProject('#!/bin/sh\nif true; then\r\n  echo hi\r\nfi\r\n'))[0]?.message,
    ).toContain('has Windows line endings (CRLF) on 3 of 4 lines, from line 2: ');
    expect(said('#!/bin/sh\nif true; then\r\n  echo hi\r\nfi\r\n')).toEqual([
      [
        'error',
        'the shell takes the carriage return at the end of each line as part of the command',
      ],
    ]);
    expect(said('echo no interpreter line\r\n')).toEqual([
      [
        'error',
        'the shell takes the carriage return at the end of each line as part of the command',
      ],
    ]);
    expect(said('#!/bin/bash -e\r\necho hi\r\n')).toEqual([
      [
        'error',
        'the shell takes the carriage return at the end of each line as part of the command',
      ],
    ]);
    expect(said('#!/usr/bin/perl -w\r\nprint "hi\\n";\r\n')).toEqual([]);
    expect(said('#!/usr/bin/perl -w\nprint "hi\\n";\n')).toEqual([]);
  });

  it('tells a byte-order mark that hides another interpreter (error) from one a shell runs past (warning)', () => {
    const [perl] = cf013(linuxProject(`${BOM}#!/usr/bin/perl\nprint "hi\\n";\n`));
    expect(perl?.severity).toBe('error');
    expect(perl?.message).toContain(
      'starts with a UTF-8 byte-order mark: Linux does not see its #! line, so a shell runs it instead of /usr/bin/perl',
    );
    const [shell] = cf013(linuxProject(`${BOM}#!/bin/sh\necho hi\n`));
    expect(shell?.severity).toBe('warning');
    expect(shell?.message).toContain(
      'the shell reads the mark and the first line as one command, which fails (the rest runs)',
    );
  });

  it('says both in one finding when a script has both, and fixes both at once', () => {
    const project = linuxProject(`${BOM}#!/bin/sh\r\nexit 0\r\n`);
    const [finding, ...others] = cf013(project);
    expect(others).toEqual([]);
    expect(finding?.message).toContain(
      'which starts with a UTF-8 byte-order mark and has Windows line endings (CRLF) on 2 of 2 lines: ',
    );
    const fixed = unwrap(applyQuickFix(project, finding!));
    expect(text(fixed.scripts.get(START)!.bytes)).toBe('#!/bin/sh\nexit 0\n');
    expect(cf013(fixed)).toEqual([]);
  });

  it('finds UTF-16 text, with no quick fix: its charset is for the engineer to choose', () => {
    const utf16 = Uint8Array.of(
      0xff,
      0xfe,
      ...[...'#!/bin/sh\n'].flatMap((c) => [c.charCodeAt(0), 0]),
    );
    const project = linuxProject('');
    const scripts = new Map(project.scripts).set(START, { bytes: utf16, executable: true });
    const [finding] = cf013({ ...project, scripts });
    expect(finding?.message).toContain('which is UTF-16 text: the shell cannot run it');
    expect(finding?.hasQuickFix).toBe(false);
    expect(finding?.fix).toContain('as UTF-8 without a byte-order mark');
  });

  it('checks pre-action and custom monitor scripts too, and leaves scripts no setting names alone', () => {
    const project = withScripts(interHostProject(), {
      'monitor.s/genw-vm/genw.sh': '#!/usr/bin/perl\r\nexit 0;\r\n',
      'failover-vm/exec-vm/helper.sh': '#!/bin/sh\r\nexit 0\r\n',
    });
    expect(cf013(project).map((finding) => finding.path)).toEqual([
      'monitor/genw@genw-vm/parameters/path',
    ]);
  });
});

describe('CF013 on Windows', () => {
  it('passes the product’s own start.bat (CRLF), and warns of one saved with LF', () => {
    const project = windowsProject('');
    const own = text(
      unwrap(addResource(windowsProject(''), 'failover1', 'script', 'script2')).scripts.get(
        'failover1/script2/start.bat',
      )!.bytes,
    );
    expect(cf013(withScripts(project, { 'failover1/script1/start.bat': own }))).toEqual([]);
    const lines = own.split('\n').length - 1;
    const [finding] = cf013(
      withScripts(project, { 'failover1/script1/start.bat': own.replace(/\r\n/g, '\n') }),
    );
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      `resource script1 runs start.bat (scripts/failover1/script1/start.bat), which has Unix line endings (LF) on ${lines} of ${lines} lines: cmd.exe can then miss the labels that goto and call jump to`,
    );
    const fixed = unwrap(
      applyQuickFix(
        withScripts(project, { 'failover1/script1/start.bat': own.replace(/\r\n/g, '\n') }),
        finding!,
      ),
    );
    expect(text(fixed.scripts.get('failover1/script1/start.bat')!.bytes)).toBe(own);
  });

  it('warns of a UTF-8 byte-order mark, which cmd.exe reads into the first command', () => {
    const [finding] = cf013(windowsProject(`${BOM}@echo off\r\nexit 0\r\n`));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain(
      'cmd.exe reads the mark as part of the first command, which then fails',
    );
  });

  it('warns of a Unix script a Windows cluster is to run, with no quick fix: it needs rewriting', () => {
    const project = unwrap(pipe(windowsProject(''), (p) => addMonitor(p, 'genw', 'genw1')));
    // As the Builder wrote custom monitors on Windows before: genw.sh, a shell script.
    const shell = unwrap(setParameter(project, 'monitor/genw@genw1/parameters/path', 'genw.sh'));
    const withShell = withScripts(shell, { 'monitor.s/genw1/genw.sh': '#! /bin/sh\nexit 0\n' });
    const [finding, ...others] = cf013(withShell);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      path: 'monitor/genw@genw1/parameters/path',
      hasQuickFix: false,
      message:
        "monitor genw1 runs genw.sh (scripts/monitor.s/genw1/genw.sh), which is a Unix script on a Windows cluster: Windows runs the product's scripts with cmd.exe, which does not run it",
      fix: 'Write it as a batch file (genw.bat) and name that in the setting.',
    });
    // A program of another kind (no #! line, not .sh) is the engineer's to know.
    const program = unwrap(
      setParameter(project, 'monitor/genw@genw1/parameters/path', 'check.vbs'),
    );
    expect(
      cf013(withScripts(program, { 'monitor.s/genw1/check.vbs': 'WScript.Quit 0\r\n' })),
    ).toEqual([]);
  });

  it('judges a batch file as cmd.exe reads it on either OS, and the others by the cluster’s', () => {
    // Windows line endings are right in a batch file, wherever serveros says it runs.
    expect(cf013(windowsProject('@echo off\r\nexit 0\r\n'))).toEqual([]);
    expect(cf013(windowsProject('@echo off\r\nexit 0\r\n', false))).toEqual([]);
    expect(cf013(windowsProject('@echo off\nexit 0\n', false)).map((f) => f.severity)).toEqual([
      'warning',
    ]);
    // The guide has an ESX host's SingleServerSafe (Linux) carry vmpreaction.bat for a Windows
    // guest: its CRLF is right, and its LF would be cmd.exe's warning, not the shell's error.
    const linux = withScripts(
      unwrap(
        pipe(
          plainProject(),
          (p) => addMonitor(p, 'diskw', 'diskw1'),
          (p) => setParameter(p, 'monitor/diskw@diskw1/emergency/preaction/use', '1'),
          (p) => setParameter(p, 'monitor/diskw@diskw1/emergency/preaction/path', 'preaction.bat'),
        ),
      ),
      { 'monitor.s/diskw1/preaction.bat': '@echo off\r\nexit /b 0\r\n' },
    );
    expect(cf013(linux)).toEqual([]);
    const lf = withScripts(linux, { 'monitor.s/diskw1/preaction.bat': '@echo off\nexit /b 0\n' });
    expect(cf013(lf).map((finding) => finding.severity)).toEqual(['warning']);
  });
});

describe('CF013 quick fix and re-checking', () => {
  it('changes that script’s line endings and nothing else: clp.conf, other scripts, the mode', () => {
    const project = linuxProject('#!/bin/sh\r\necho start\r\nexit 0\r\n');
    const before = project.scripts.get(START)!;
    const edited = {
      ...project,
      scripts: new Map(project.scripts).set(START, { ...before, executable: false }),
    };
    const [finding] = cf013(edited);
    const fixed = unwrap(applyQuickFix(edited, finding!));
    expect(fixed.conf).toBe(edited.conf);
    expect(fixed.scripts.get(START)).toEqual({
      bytes: bytes('#!/bin/sh\necho start\nexit 0\n'),
      executable: false,
    });
    for (const [key, file] of edited.scripts) {
      if (key !== START) {
        expect(fixed.scripts.get(key)).toBe(file);
      }
    }
  });

  it('comes and goes with script edits in the incremental checker as in a full check', () => {
    const checker = createChecker();
    const clean = linuxProject('#!/bin/sh\nexit 0\n');
    const steps = [
      clean,
      linuxProject('#!/bin/sh\r\nexit 0\r\n'),
      clean,
      unwrap(setParameter(linuxProject('#!/bin/sh\r\nexit 0\r\n'), 'all/serveros', 'windows')),
    ];
    for (const step of steps) {
      const incremental = checker.check(step).filter((finding) => finding.rule === 'CF013');
      expect(incremental).toEqual(cf013(step));
    }
    // On Windows the CRLF is right, and the exec resource running them is CF014's (one finding).
    expect(steps.map((step) => cf013(step).length)).toEqual([0, 1, 0, 0]);
    expect(checkProject(steps[3] as Project).map((finding) => finding.rule)).toContain('CF014');
  });
});

/** clp.conf edited as text, the way an engineer renames by hand: the scripts stay where they were. */
function editedByHand(project: Project, from: RegExp, to: string): Project {
  const conf = unwrap(decodeClpConfText(serializeClpConf(project.conf).replace(from, to)));
  return { ...project, conf };
}

const cf003 = (project: Project): Finding[] =>
  checkProject(project).filter((finding) => finding.rule === 'CF003');

/** A cluster with two exec resources in a group and a custom monitor, each with its scripts. */
function twoResources(): Project {
  return unwrap(
    pipe(
      plainProject(),
      (p) => addGroup(p, 'failover1'),
      (p) => addResource(p, 'failover1', 'exec', 'exec1'),
      (p) => addResource(p, 'failover1', 'exec', 'exec2'),
      (p) => addMonitor(p, 'genw', 'genw1'),
    ),
  );
}

const keys = (project: Project) => [...project.scripts.keys()].sort();

describe('CF003 after a rename made by hand in clp.conf', () => {
  it('offers to move the folder the old name left behind, and fix all moves it, files as they were', () => {
    const before = twoResources();
    const renamed = editedByHand(before, /exec1/g, 'exec-db');
    const findings = cf003(renamed);
    expect(findings.map((finding) => finding.path)).toEqual([
      'resource/exec@exec-db/parameters/act/path',
      'resource/exec@exec-db/parameters/deact/path',
    ]);
    expect(findings[0]?.fix).toBe(
      'scripts/failover1/exec1/ holds start.sh, and no resource uses that folder (renamed in clp.conf by hand?): move it to scripts/failover1/exec-db/ (quick fix), or add scripts/failover1/exec-db/start.sh.',
    );
    expect(findings.every((finding) => finding.hasQuickFix)).toBe(true);
    const fixed = unwrap(applyAllQuickFixes(renamed));
    expect(cf003(fixed.project)).toEqual([]);
    expect(fixed.project.scripts.get('failover1/exec-db/start.sh')).toBe(
      before.scripts.get('failover1/exec1/start.sh'),
    );
    expect(keys(fixed.project)).toEqual(
      keys(before)
        .map((key) => key.replace('exec1/', 'exec-db/'))
        .sort(),
    );
    expect(fixed.project.conf).toBe(renamed.conf);
  });

  it('moves each resource’s folder by its own name when the group was renamed, and a monitor’s', () => {
    const before = twoResources();
    const renamed = editedByHand(
      editedByHand(before, /failover1/g, 'failover-db'),
      /genw1/g,
      'genw-db',
    );
    expect(cf003(renamed)).toHaveLength(5);
    const fixed = unwrap(applyAllQuickFixes(renamed));
    expect(cf003(fixed.project)).toEqual([]);
    expect(keys(fixed.project)).toEqual(
      keys(before)
        .map((key) => key.replace('failover1/', 'failover-db/').replace('genw1/', 'genw-db/'))
        .sort(),
    );
  });

  it('follows renames elsewhere in the incremental checker: another stray folder makes it unsure', () => {
    const checker = createChecker();
    const before = twoResources();
    // Renamed in place, the element and the group's member, as a hand edit in the app's
    // clp.conf tab leaves the rest of the tree (and so the other entities' views) as it was.
    const rename = (project: Project, from: string, to: string) => {
      let conf = project.conf;
      for (const [path, name] of [
        [`resource/exec@${from}`, to],
        [`group@failover1/resource@exec@${from}`, `exec@${to}`],
      ] as const) {
        conf = setAttribute(conf, unwrap(find(conf, path)).indices, 'name', name);
      }
      return { ...project, conf };
    };
    const one = rename(before, 'exec1', 'exec-a');
    const two = rename(one, 'exec2', 'exec-b');
    const steps = [before, one, two, one];
    for (const step of steps) {
      expect(checker.check(step).filter((finding) => finding.rule === 'CF003')).toEqual(
        cf003(step),
      );
    }
    expect(
      steps.map((step) => cf003(step).filter((finding) => finding.hasQuickFix).length),
    ).toEqual([0, 2, 0, 2]);
  });

  it('offers nothing to move where two folders could be it, or the folder is partly there', () => {
    const before = twoResources();
    // Both exec1 and exec2 renamed: two stray folders in the group hold start.sh.
    const both = editedByHand(editedByHand(before, /exec1/g, 'exec-a'), /exec2/g, 'exec-b');
    expect(cf003(both).some((finding) => finding.hasQuickFix)).toBe(false);
    expect(cf003(both)[0]?.fix).toBe(
      'Add scripts/failover1/exec-a/start.sh, or point the setting at an existing script.',
    );
    // stop.sh alone is missing: its folder is there, so it is not a rename.
    const scripts = new Map(before.scripts);
    scripts.delete('failover1/exec1/stop.sh');
    scripts.set('failover1/old/stop.sh', before.scripts.get('failover1/exec2/stop.sh')!);
    const [partly] = cf003({ ...before, scripts });
    expect(partly?.path).toBe('resource/exec@exec1/parameters/deact/path');
    expect(partly?.hasQuickFix).toBe(false);
  });
});
