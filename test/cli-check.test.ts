import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ClpDocument, RULES, addMonitor, checkProject, decodeClpConfText, setParameter } from '../schemas/index.js';
import { repoRoot } from './support/fixtures.js';
import { unwrap } from './support/project.js';
import { cliScratch } from './support/cli-scratch.js';
import { interHostProject, plainProject } from './support/rule-projects.js';
import { TEMPLATE_RULES, withTemplateRules } from '../templates/index.js';

const scratch = cliScratch('clpbuilder-check-');
const clpbuilder = scratch.run;
const folderOf = scratch.folderOf;

describe('clpbuilder check', () => {
  it('a clean inter-host project exits 0 and prints only the checklist, with a summary line', async () => {
    const run = clpbuilder('check', await folderOf(interHostProject()));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('To do by hand (info):');
    expect(run.stdout).not.toContain('Errors:');
    expect(run.stdout.trim().split('\n').pop()).toMatch(/clp\.conf: 0 error\(s\), 0 warning\(s\), 2 info$/);
  });

  it('errors exit 1; JSON has the agreed shape', async () => {
    const broken = unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'));
    const run = clpbuilder('check', await folderOf(broken), '--json');
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: Array<Record<string, string>> };
    // The agreed fields, and where clp.conf writes the finding's path (line and column).
    expect(Object.keys(json.findings[0] ?? {}).sort()).toEqual(['column', 'fix', 'line', 'message', 'path', 'rule', 'severity', 'source']);
    expect(json.findings[0]).toMatchObject({ rule: 'VM003', severity: 'error', path: 'monitor/userw@userw/parameters/method' });
  });

  it('a hand-edited clp.conf: a cluster setting out of range is an error, a misspelt word a warning that fix mends', async () => {
    const folder = await folderOf(interHostProject());
    const file = join(folder, 'clp.conf');
    const text = readFileSync(file, 'utf8');
    // As an engineer's editor leaves it: the heartbeat timeout in seconds rather than ms, and a typo.
    const edited = text
      .replace('<comment/>\n  </cluster>', '<comment/>\n    <heartbeat>\n      <timeout>90</timeout>\n    </heartbeat>\n  </cluster>')
      .replace('<method>keepalive</method>', '<method>keepalive</method>\n        <action>reset</action>');
    expect(edited).toContain('<timeout>90</timeout>');
    expect(edited).toContain('<action>reset</action>');
    writeFileSync(file, edited);
    const run = clpbuilder('check', folder, '--json');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Array<Record<string, string>> }).findings;
    // Each at the line and column of its tag, for an editor or a CI annotation to jump to.
    const placeOf = (tag: string) => {
      const index = edited.split('\n').findIndex((line) => line.includes(tag));
      return { line: index + 1, column: (edited.split('\n')[index] ?? '').indexOf(tag) + 1 };
    };
    expect(findings.filter((finding) => finding.rule === 'CF004' || finding.rule === 'CF011')).toEqual([
      expect.objectContaining({ rule: 'CF004', severity: 'error', path: 'cluster/heartbeat/timeout', ...placeOf('<timeout>90'), message: 'heartbeat/timeout: "90" must be between 1000 and 9999000' }),
      expect.objectContaining({ rule: 'CF011', severity: 'warning', path: 'monitor/userw@userw/parameters/action', ...placeOf('<action>reset') }),
    ]);
    expect(clpbuilder('check', folder).stdout).toContain(`  CF004 cluster/heartbeat/timeout (line ${placeOf('<timeout>90').line}): heartbeat/timeout: "90" must be`);
    expect(clpbuilder('fix', folder, '--rule', 'CF011').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<action>RESET</action>');
    expect(clpbuilder('check', folder, '--json').stdout).not.toContain('CF011');
  });

  it('--sarif prints the same findings as a SARIF 2.1.0 log, each at its line, and exits as check does', async () => {
    const broken = unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'));
    const folder = await folderOf(broken);
    const json = JSON.parse(clpbuilder('check', folder, '--json').stdout) as { findings: Array<{ rule: string; severity: string; path: string; line?: number; column?: number; message: string }> };
    const run = clpbuilder('check', folder, '--sarif');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as import('sarif').Log;
    expect(log.version).toBe('2.1.0');
    const [only, ...more] = log.runs;
    expect(more).toEqual([]);
    const rules = only?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(RULES.map((rule) => rule.id)));
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    expect(only?.results?.map((result) => [result.ruleId, result.level, result.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName, result.locations?.[0]?.physicalLocation?.region?.startLine])).toEqual(
      json.findings.map((finding) => [finding.rule, level[finding.severity as keyof typeof level], finding.path, finding.line]),
    );
    for (const result of only?.results ?? []) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(`${folder.slice(scratch.dir().length + 1)}/clp.conf`);
    }
    expect(only?.results?.[0]?.message.text).toContain(json.findings[0]?.message);
    expect(clpbuilder('check', folder, '--sarif', '--json').status).toBe(2);
  });

  it('warnings alone exit 0, and 1 with --strict', async () => {
    const folder = await folderOf(unwrap(setParameter(interHostProject(), 'group@failover-vm/policy@esx1/order', '0')));
    expect(clpbuilder('check', folder).status).toBe(0);
    expect(clpbuilder('check', folder, '--strict').status).toBe(1);
  });

  it('--topology and --product-version override project.json', async () => {
    const folder = await folderOf(interHostProject());
    expect(clpbuilder('check', folder, '--product-version', '2.1.0-1').status).toBe(1);
    expect(clpbuilder('check', folder, '--topology', 'plain', '--json').stdout).toBe('{\n  "findings": []\n}\n');
    const bad = clpbuilder('check', folder, '--topology', 'moon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('inter-host');
  });

  it('a malformed clp.conf exits 2 with line and column', async () => {
    const folder = await folderOf(interHostProject());
    writeFileSync(join(folder, 'clp.conf'), '<?xml version="1.0" encoding="ASCII"?>\n<root>\n  <cluster>\n</root>\n');
    const run = clpbuilder('check', folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/clp\.conf:4:1: <\/root> does not match <cluster>/);
  });
});

describe('clpbuilder check of a bare clp.conf', () => {
  const cf003 = (run: { stdout: string }) =>
    (JSON.parse(run.stdout) as { findings: Array<{ rule: string; severity: string; message: string }> }).findings.filter((finding) => finding.rule === 'CF003');

  it('without scripts/ beside it: says once that the scripts were not checked, and exits 0', async () => {
    const folder = await folderOf(interHostProject());
    const alone = scratch.fresh('alone');
    mkdirSync(alone);
    copyFileSync(join(folder, 'clp.conf'), join(alone, 'cluster.conf'));
    const run = clpbuilder('check', join(alone, 'cluster.conf'), '--topology', 'plain', '--json');
    expect(run.status).toBe(0);
    const [info, ...rest] = cf003(run);
    expect(rest).toEqual([]);
    expect(info).toMatchObject({ severity: 'info' });
    expect(info?.message).toMatch(/the \d+ scripts it names were not checked/);
  });

  it('with scripts/ beside it, or as a project folder: every missing script is an error', async () => {
    const folder = await folderOf({ ...interHostProject(), scripts: new Map() });
    rmSync(join(folder, 'scripts'), { recursive: true, force: true });
    // A project folder holds its scripts: none there means every one is missing.
    const asFolder = clpbuilder('check', folder, '--topology', 'plain', '--json');
    mkdirSync(join(folder, 'scripts'));
    const besideIt = clpbuilder('check', join(folder, 'clp.conf'), '--topology', 'plain', '--json');
    for (const run of [asFolder, besideIt]) {
      expect(run.status).toBe(1);
      const findings = cf003(run);
      expect(findings.length).toBeGreaterThan(1);
      expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
    }
  });
});

describe('clpbuilder fix', () => {
  it('applies the quick fixes and saves, after which check passes', async () => {
    const folder = await folderOf(unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog')));
    const before = readFileSync(join(folder, 'clp.conf'), 'utf8');
    const run = clpbuilder('fix', folder);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('fixed VM003 monitor/userw@userw/parameters/method');
    expect(clpbuilder('check', folder).status).toBe(0);
    expect(readFileSync(join(folder, 'clp.conf.bak'), 'utf8')).toBe(before);
  });

  it('fixes every fixable finding however many there are, then check --strict passes', async () => {
    let project = plainProject();
    for (let index = 0; index < 25; index += 1) {
      project = unwrap(addMonitor(project, 'userw', `userw${index}`));
      project = unwrap(setParameter(project, `monitor/userw@userw${index}/parameters/method`, 'keepaliv'));
    }
    const folder = await folderOf(project);
    const run = clpbuilder('fix', folder, '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { fixed: unknown[]; saved: boolean; remaining?: unknown[] };
    expect(json).toMatchObject({ saved: true });
    expect(json.fixed).toHaveLength(25);
    expect(json.remaining).toBeUndefined();
    expect(clpbuilder('check', folder, '--strict').status).toBe(0);
  });

  it('a script saved with Windows line endings is an error that fix mends on disk, still executable', async () => {
    const folder = await folderOf(interHostProject());
    const start = join(folder, 'scripts/failover-vm/exec-vm/start.sh');
    const stop = join(folder, 'scripts/failover-vm/exec-vm/stop.sh');
    const clean = readFileSync(start);
    const stopBefore = readFileSync(stop);
    writeFileSync(start, clean.toString('utf8').replace(/\n/g, '\r\n'));
    chmodSync(start, 0o700);
    const run = clpbuilder('check', folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('CF013 resource/exec@exec-vm/parameters/act/path (line ');
    expect(run.stdout).toContain('runs start.sh (scripts/failover-vm/exec-vm/start.sh), which has Windows line endings (CRLF) on 3 of 3 lines: Linux looks for the interpreter "/usr/bin/perl\\r" of its #! line, which does not exist ("bad interpreter")');
    // In SARIF, the script itself is the finding's related location, for a CI annotation to link.
    const log = JSON.parse(clpbuilder('check', folder, '--sarif').stdout) as import('sarif').Log;
    const result = log.runs[0]?.results?.find((candidate) => candidate.ruleId === 'CF013');
    const related = result?.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    expect(related).toBe(`${folder.slice(scratch.dir().length + 1)}/scripts/failover-vm/exec-vm/start.sh`);
    expect(readFileSync(join(scratch.dir(), related)).equals(readFileSync(start))).toBe(true);
    const fixed = clpbuilder('fix', folder);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('~ script failover-vm/exec-vm/start.sh\n    (only the line endings changed)');
    expect(readFileSync(start).equals(clean)).toBe(true);
    // The project keeps whether a script is executable, not its whole mode.
    expect(statSync(start).mode & 0o100).toBe(0o100);
    expect(readFileSync(stop).equals(stopBefore)).toBe(true);
    expect(clpbuilder('check', folder).status).toBe(0);
  });

  it('a resource renamed by hand in clp.conf: fix moves its scripts folder to the new name', async () => {
    const folder = await folderOf(interHostProject());
    const conf = join(folder, 'clp.conf');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/exec-vm/g, 'exec-vm1'));
    const old = join(folder, 'scripts/failover-vm/exec-vm/start.sh');
    const bytes = readFileSync(old);
    const run = clpbuilder('check', folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fix: scripts/failover-vm/exec-vm/ holds start.sh, and no resource uses that folder (renamed in clp.conf by hand?): move it to scripts/failover-vm/exec-vm1/ (quick fix)');
    const fixed = clpbuilder('fix', folder);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('- script failover-vm/exec-vm/start.sh\n');
    expect(fixed.stdout).toContain('+ script failover-vm/exec-vm1/start.sh\n');
    expect(readFileSync(join(folder, 'scripts/failover-vm/exec-vm1/start.sh')).equals(bytes)).toBe(true);
    expect(existsSync(join(folder, 'scripts/failover-vm/exec-vm'))).toBe(false);
    expect(clpbuilder('check', folder).status).toBe(0);
  });

  it('--dry-run prints what the fixes would change, value by value, and saves nothing', async () => {
    const broken = unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'));
    const folder = await folderOf(broken);
    const before = readFileSync(join(folder, 'clp.conf'));
    const run = clpbuilder('fix', folder, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').slice(1)).toEqual(['~ monitor userw (userw)', '    parameters/method: softdog -> keepalive', 'Dry run: nothing was saved.']);
    expect(run.stdout).toMatch(/^would fix VM003 monitor\/userw@userw\/parameters\/method: /);
    expect(readFileSync(join(folder, 'clp.conf')).equals(before)).toBe(true);
    const json = JSON.parse(clpbuilder('fix', folder, '--dry-run', '--json').stdout) as { fixed: unknown[]; saved: boolean; changes: { entities: Array<{ name: string; parameters: unknown[] }> } };
    expect(json.saved).toBe(false);
    expect(json.changes.entities).toEqual([expect.objectContaining({ name: 'userw', parameters: [{ path: 'parameters/method', before: 'softdog', after: 'keepalive' }] })]);
    // A read-only .zip export can be looked at too (it carries no project.json: the topology is
    // given); fixing it for real is refused.
    const zip = `${scratch.fresh('export')}.zip`;
    expect(clpbuilder('export', folder, zip).status).toBe(0);
    expect(clpbuilder('fix', zip, '--dry-run', '--topology', 'inter-host').stdout).toContain('parameters/method: softdog -> keepalive');
    expect(clpbuilder('fix', zip, '--topology', 'inter-host').status).toBe(2);
    // The real run says the same changes, and saves them.
    const saved = clpbuilder('fix', folder);
    expect(saved.stdout).toContain('~ monitor userw (userw)\n    parameters/method: softdog -> keepalive');
    expect(readFileSync(join(folder, 'clp.conf'), 'utf8')).toContain('<method>keepalive</method>');
  });

  it('--rule limits it to one rule; an unknown rule is bad usage', async () => {
    const folder = await folderOf(unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog')));
    expect(clpbuilder('fix', folder, '--rule', 'CF008').stdout).toContain('nothing to fix');
    expect(clpbuilder('fix', folder, '--rule', 'XX999').status).toBe(2);
  });
});

describe('clpbuilder rules', () => {
  it('shows only the rules asked for by id, each with what to do; an unknown id is bad usage', () => {
    const vm007 = RULES.find((rule) => rule.id === 'VM007')!;
    const run = clpbuilder('rules', 'cf011', 'VM007');
    expect(run.status).toBe(0);
    // Catalogue order, whatever the order asked in.
    expect(run.stdout.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(' ')[0])).toEqual(['VM007', 'CF011']);
    expect(run.stdout).toContain(`    ${vm007.text}\n    fix: ${vm007.fix}\n    source: ${vm007.source}\n`);
    const json = JSON.parse(clpbuilder('rules', 'VM007', '--json').stdout) as { rules: Array<{ id: string }> };
    expect(json.rules.map((rule) => rule.id)).toEqual(['VM007']);
    const unknown = clpbuilder('rules', 'VM007', 'VM099');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('VM099: not a rule id; list them with clpbuilder rules');
  });

  it('lists every rule id, and docs/rules.md is the generated catalogue', () => {
    const json = JSON.parse(clpbuilder('rules', '--json').stdout) as { rules: Array<{ id: string }> };
    expect(json.rules.map((rule) => rule.id)).toEqual([...RULES, ...TEMPLATE_RULES].map((rule) => rule.id));
    expect(readFileSync(join(repoRoot, 'docs/rules.md'), 'utf8')).toBe(clpbuilder('rules', '--markdown').stdout);
  });

  it('speaks Japanese with --lang ja, and docs/rules.ja.md is the generated Japanese catalogue', () => {
    const all = [...RULES, ...TEMPLATE_RULES];
    const json = JSON.parse(clpbuilder('rules', '--json', '--lang', 'ja').stdout) as { rules: Array<{ id: string; text: string; fix: string }> };
    expect(json.rules.map(({ id, text, fix }) => [id, text, fix])).toEqual(all.map((rule) => [rule.id, rule.ja.text, rule.ja.fix]));
    expect(clpbuilder('rules', '--lang', 'ja').stdout).toContain(`    ${all[0]?.ja.text}\n    出典: ${all[0]?.source}`);
    expect(readFileSync(join(repoRoot, 'docs/rules.ja.md'), 'utf8')).toBe(clpbuilder('rules', '--markdown', '--lang', 'ja').stdout);
    const bad = clpbuilder('rules', '--lang', 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang fr is not a language; use en or ja');
  });
});

describe('clpbuilder check --lang ja', () => {
  const broken = () => unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog'));

  it('prints the findings, their fixes, the headings and the summary in Japanese', async () => {
    const folder = await folderOf(broken());
    const vm003 = checkProject(broken(), withTemplateRules()).find((finding) => finding.rule === 'VM003')!;
    const run = clpbuilder('check', folder, '--lang', 'ja');
    expect(run.status).toBe(1);
    const line = readFileSync(join(folder, 'clp.conf'), 'utf8').split('\n').findIndex((text) => text.includes('<method>softdog')) + 1;
    expect(run.stdout).toContain(`エラー:\n  VM003 ${vm003.path} (${line} 行目): ${vm003.ja.message}\n      対処: ${vm003.ja.fix} [clpbuilder fix]`);
    expect(run.stdout).toContain('手作業で行うこと (info):');
    expect(run.stdout).not.toContain(vm003.message);
    expect(run.stdout.trim().split('\n').pop()).toMatch(/clp\.conf: エラー 1 件、警告 0 件、情報 \d+ 件$/);
  });

  it('gives the JSON its agreed shape, with the message and fix in Japanese', async () => {
    const folder = await folderOf(broken());
    const english = JSON.parse(clpbuilder('check', folder, '--json').stdout) as { findings: Array<Record<string, string>> };
    const japanese = JSON.parse(clpbuilder('check', folder, '--json', '--lang', 'ja').stdout) as { findings: Array<Record<string, string>> };
    const expected = checkProject(broken(), withTemplateRules({ scriptsGiven: true }));
    expect(japanese.findings.map((finding) => Object.keys(finding).sort())).toEqual(english.findings.map((finding) => Object.keys(finding).sort()));
    expect(japanese.findings.map(({ rule, path, message, fix }) => [rule, path, message, fix])).toEqual(expected.map((finding) => [finding.rule, finding.path, finding.ja.message, finding.ja.fix]));
  });

  it('says what it fixed in Japanese, and refuses a language it does not speak', async () => {
    const folder = await folderOf(broken());
    expect(clpbuilder('check', folder, '--lang', 'de').status).toBe(2);
    const run = clpbuilder('fix', folder, '--rule', 'VM003', '--lang', 'ja');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^修正しました VM003 monitor\/userw@userw\/parameters\/method: .*[ぁ-ん]/);
    expect(clpbuilder('fix', folder, '--rule', 'VM003', '--lang', 'ja').stdout).toBe('修正するものはありません\n');
  });
});

describe('output through a pipe', () => {
  /** `count` custom monitors running a genw.sh that the project does not hold: one CF003 each. */
  function monitorsWithoutScripts(count: number): ClpDocument {
    const monitors = Array.from({ length: count }, (_, index) => `    <genw name="genw${index}"><parameters><path>genw.sh</path></parameters></genw>`);
    const text = ['<?xml version="1.0" encoding="ASCII"?>', '<root>', '  <monitor>', '    <types name="genw"/>', ...monitors, '  </monitor>', '</root>', ''];
    return unwrap(decodeClpConfText(text.join('\n')));
  }

  // About a megabyte of findings: many pipe buffers.
  const manyFindings = () => folderOf({ ...interHostProject(), conf: monitorsWithoutScripts(3000) });

  it('reaches the reader whole before the process ends', async () => {
    const run = clpbuilder('check', await manyFindings(), '--json');
    expect(run.status).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(512 * 1024);
    const json = JSON.parse(run.stdout) as { findings: Array<{ rule: string; path: string }> };
    const missing = json.findings.filter((finding) => finding.rule === 'CF003').map((finding) => finding.path);
    expect(new Set(missing).size).toBe(3000);
  });

  it('a reader that stops early ends the command quietly, with its own exit code', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), 'check', await manyFindings(), '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Like `| head -c 100`: read a little, then close the pipe while the command still writes.
    let read = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(read).toBeLessThan(512 * 1024);
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});
