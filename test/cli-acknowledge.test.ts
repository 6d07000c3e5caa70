/**
 * `clpbuilder acknowledge` and `unacknowledge` on real project folders, and what `check`
 * makes of what project.json records: accepted findings listed apart, `--strict` passing,
 * SARIF suppressions, stale acknowledgements named.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { cliScratch } from './support/cli-scratch.js';
import { interHostProject, plainProject } from './support/rule-projects.js';

const scratch = cliScratch('clpbuilder-ack-');
const clpbuilder = scratch.run;
const folderOf = scratch.folderOf;

const metaOf = (folder: string) => join(folder, '.clpbuilder', 'project.json');
const acknowledgedIn = (folder: string): unknown =>
  (JSON.parse(readFileSync(metaOf(folder), 'utf8')) as { acknowledged?: unknown }).acknowledged;

describe('clpbuilder acknowledge', () => {
  it('accepts the VM007 checklist warning with its reason: check lists it apart and --strict passes', async () => {
    // A guest cluster always gets VM007 (never suspend a clustered VM): strict CI is red for good.
    const folder = await folderOf(plainProject('inter-guest-shared'));
    const conf = readFileSync(join(folder, 'clp.conf'));
    expect(clpbuilder('check', folder, '--strict').status).toBe(1);

    const run = clpbuilder(
      'acknowledge',
      folder,
      'VM007',
      '--reason',
      'runbook RB-12 forbids Suspend',
      '--by',
      'K. Sato',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('acknowledged every VM007 finding: runbook RB-12 forbids Suspend');
    expect(acknowledgedIn(folder)).toEqual([
      {
        rule: 'VM007',
        reason: 'runbook RB-12 forbids Suspend',
        by: 'K. Sato',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    // Recorded in project.json only: clp.conf is byte for byte what it was.
    expect(readFileSync(join(folder, 'clp.conf')).equals(conf)).toBe(true);

    const strict = clpbuilder('check', folder, '--strict');
    expect(strict.status).toBe(0);
    const lines = strict.stdout.trim().split('\n');
    const heading = lines.indexOf('Acknowledged (accepted in project.json; not counted):');
    expect(heading).toBeGreaterThan(lines.indexOf('To do by hand (info):'));
    expect(lines[heading + 1]).toMatch(/^ {2}VM007 cluster \(line \d+\): never Suspend/);
    expect(lines[heading + 2]).toMatch(
      /^ {6}reason: runbook RB-12 forbids Suspend \(K\. Sato, \d{4}-\d{2}-\d{2}\)$/,
    );
    expect(lines.at(-1)).toMatch(
      /clp\.conf: 0 error\(s\), 0 warning\(s\), 2 info, 1 acknowledged$/,
    );

    // In Japanese: the group's heading, the reason's label and the summary's count.
    const japanese = clpbuilder('check', folder, '--lang', 'ja').stdout.trim().split('\n');
    expect(japanese).toContain('受け入れ済み (project.json に記録。件数に数えません):');
    expect(
      japanese.some((line) => /^ {6}理由: runbook RB-12 forbids Suspend \(K\. Sato, /.test(line)),
    ).toBe(true);
    expect(japanese.at(-1)).toMatch(/エラー 0 件、警告 0 件、情報 2 件、受け入れ済み 1 件$/);

    const json = JSON.parse(clpbuilder('check', folder, '--json').stdout) as {
      findings: Array<Record<string, unknown>>;
      staleAcknowledgements: unknown[];
    };
    expect(
      json.findings.map((finding) => [
        finding.rule,
        (finding.acknowledged as { reason?: string } | undefined)?.reason,
      ]),
    ).toEqual([
      ['VM007', 'runbook RB-12 forbids Suspend'],
      ['VM005', undefined],
      ['VM040', undefined],
    ]);
    expect(json.staleAcknowledgements).toEqual([]);

    const log = JSON.parse(clpbuilder('check', folder, '--sarif').stdout) as Log;
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.suppressions])).toEqual([
      [
        'VM007',
        [
          {
            kind: 'external',
            status: 'accepted',
            justification: 'runbook RB-12 forbids Suspend (K. Sato)',
          },
        ],
      ],
      ['VM005', undefined],
      ['VM040', undefined],
    ]);
  });

  it('names an acknowledgement stale once its finding is fixed, and unacknowledge withdraws it', async () => {
    const folder = await folderOf(interHostProject());
    const path = 'monitor/userw@userw/parameters/action';
    // A word the sources do not document: a CF011 warning, accepted at its path.
    expect(clpbuilder('set', folder, path, 'reset').status).toBe(0);
    expect(clpbuilder('check', folder, '--strict').status).toBe(1);
    expect(
      clpbuilder('acknowledge', folder, 'CF011', path, '--reason', 'site build accepts lower case')
        .status,
    ).toBe(0);
    expect(clpbuilder('check', folder, '--strict').status).toBe(0);

    // fix leaves an accepted finding alone: it was kept on purpose.
    expect(clpbuilder('fix', folder).stdout).toBe('nothing to fix\n');
    expect(readFileSync(join(folder, 'clp.conf'), 'utf8')).toContain('<action>reset</action>');
    // The engineer changes their mind and writes the documented word: the acceptance is stale.
    expect(clpbuilder('set', folder, path, 'RESET').status).toBe(0);
    const stale = clpbuilder('check', folder, '--strict');
    expect(stale.status).toBe(0);
    expect(stale.stdout).toContain(
      `Stale acknowledgements (they accept nothing now; withdraw them with clpbuilder unacknowledge):\n  CF011 at ${path}: site build accepts lower case`,
    );
    expect(stale.stdout.trim().split('\n').at(-1)).toMatch(/, 1 stale acknowledgement\(s\)$/);
    const json = JSON.parse(clpbuilder('check', folder, '--json').stdout) as {
      staleAcknowledgements: unknown[];
    };
    expect(json.staleAcknowledgements).toEqual([
      expect.objectContaining({ rule: 'CF011', path, reason: 'site build accepts lower case' }),
    ]);

    const withdrawn = clpbuilder('unacknowledge', folder, 'CF011', path, '--json');
    expect(withdrawn.status).toBe(0);
    expect(JSON.parse(withdrawn.stdout)).toEqual({
      withdrawn: { rule: 'CF011', path },
      saved: folder,
    });
    expect(acknowledgedIn(folder)).toBeUndefined();
    expect(clpbuilder('check', folder).stdout).not.toContain('acknowledge');
  });

  it('refuses, with exit 2 and project.json untouched: an error, nothing to accept, an unknown rule, no reason', async () => {
    const folder = await folderOf(interHostProject());
    // An error: userw must use keepalive on an ESX host (VM003).
    expect(
      clpbuilder('set', folder, 'monitor/userw@userw/parameters/method', 'softdog').status,
    ).toBe(0);
    const before = readFileSync(metaOf(folder), 'utf8');
    const refusals: Array<[string[], string]> = [
      [
        ['VM003'],
        'every VM003 finding is an error, and errors cannot be acknowledged: the cluster would not work; fix it instead',
      ],
      [
        ['VM023', 'server@esx9'],
        'there is no finding for VM023 at server@esx9 now; VM023 is found at: cluster',
      ],
      [['VM007'], 'there is no VM007 finding now, so nothing to acknowledge'],
      [['VM999'], '<rule> VM999 is not a rule id; list them with clpbuilder rules'],
    ];
    for (const [target, message] of refusals) {
      const run = clpbuilder('acknowledge', folder, ...target, '--reason', 'because');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const noReason = clpbuilder('acknowledge', folder, 'VM023');
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <text>' not specified");
    const blank = clpbuilder('acknowledge', folder, 'VM023', '--reason', '  ');
    expect(blank.stderr).toContain('--reason: say why the finding is accepted');
    expect(clpbuilder('unacknowledge', folder, 'VM023').stderr).toContain(
      'every VM023 finding is not acknowledged (project.json records no acknowledgement)',
    );
    expect(readFileSync(metaOf(folder), 'utf8')).toBe(before);
  });

  it('runs an acknowledgement until its last day; after it check counts the finding again', async () => {
    const folder = await folderOf(plainProject('inter-guest-shared'));
    const until = (reason: string, day: string) =>
      clpbuilder('acknowledge', folder, 'VM007', '--reason', reason, '--until', day);
    const past = until('until the window', '2000-01-31');
    expect(past.status).toBe(2);
    expect(past.stderr).toContain('until 2000-01-31: that day has passed; give a day from today');
    const badDay = until('x', '31.1.2999');
    expect(badDay.stderr).toContain('--until: write the date as YYYY-MM-DD');

    const run = until('until the window', '2999-12-31');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'acknowledged every VM007 finding until 2999-12-31: until the window',
    );
    const check = clpbuilder('check', folder, '--strict');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(
      /reason: until the window \(\d{4}-\d{2}-\d{2}, until 2999-12-31\)/,
    );

    // The window has passed (as project.json would say a year on).
    const meta = JSON.parse(readFileSync(metaOf(folder), 'utf8')) as {
      acknowledged: Array<{ until: string }>;
    };
    meta.acknowledged[0]!.until = '2001-01-01';
    writeFileSync(metaOf(folder), JSON.stringify(meta));
    const expired = clpbuilder('check', folder, '--strict');
    expect(expired.status).toBe(1);
    expect(expired.stdout).toContain('Warnings:\n  VM007 cluster');
    expect(expired.stdout).toContain(
      'Expired acknowledgements (their time is up, the findings count again: fix them, or acknowledge them again):\n  every VM007 finding: until the window',
    );
    expect(expired.stdout.trim().split('\n').at(-1)).toMatch(/, 1 expired acknowledgement\(s\)$/);
    const json = JSON.parse(clpbuilder('check', folder, '--json').stdout) as {
      expiredAcknowledgements: unknown[];
      staleAcknowledgements: unknown[];
    };
    expect(json.expiredAcknowledgements).toEqual([
      expect.objectContaining({ rule: 'VM007', until: '2001-01-01' }),
    ]);
    expect(json.staleAcknowledgements).toEqual([]);
  });

  it('refuses a bare clp.conf, which has no project.json to record it in', async () => {
    const folder = await folderOf(plainProject('inter-guest-shared'));
    const bare = `${scratch.fresh('bare')}.conf`;
    copyFileSync(join(folder, 'clp.conf'), bare);
    const run = clpbuilder('acknowledge', bare, 'VM007', '--reason', 'runbook');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'is a bare clp.conf: it has no .clpbuilder/project.json to record acknowledgements in',
    );
  });
});
