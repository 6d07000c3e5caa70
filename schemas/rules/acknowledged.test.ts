/**
 * Acknowledged findings: which findings an acknowledgement accepts, which acknowledgements
 * accept nothing, and the edits that record and withdraw them.
 */
import { describe, expect, it } from 'vitest';
import { interHostProject, plainProject } from '../../test/support/rule-projects.js';
import { removeOfKind, renameOfKind } from '../edits/by-kind.js';
import { setParameter } from '../edits/parameters.js';
import { setStartupServers } from '../edits/startup-servers.js';
import { unwrap } from '../../test/support/project.js';
import { type Acknowledgement, type Project, parseProjectMeta } from '../project.js';
import {
  acknowledge,
  acknowledgementsOf,
  isFailing,
  reviewFindings,
  today,
  withdrawAcknowledgement,
} from './acknowledged.js';
import { checkProject } from './checker.js';
import type { Finding, Severity } from './types.js';

function finding(rule: string, path: string, severity: Severity): Finding {
  return {
    rule,
    severity,
    path,
    message: `${rule} at ${path}`,
    fix: 'fix it',
    source: 'test',
    hasQuickFix: false,
    ja: { message: `${path} の ${rule}`, fix: '修正' },
  };
}

/** The day the reviews are made on. */
const DAY = '2026-12-07';

const SUSPEND = finding('VM007', 'cluster', 'warning');
const UPLOAD = finding('VM040', 'cluster', 'info');
const NAME_A = finding('CF010', 'server@a', 'warning');
const NAME_B = finding('CF010', 'server@b', 'warning');
const DUPLICATE = finding('CF001', 'server@a', 'error');
const FINDINGS = [DUPLICATE, SUSPEND, NAME_A, NAME_B, UPLOAD];

const accept = (rule: string, path?: string, reason = `accepted ${rule}`): Acknowledgement => ({
  rule,
  ...(path === undefined ? {} : { path }),
  reason,
});

describe('reviewFindings', () => {
  it('leaves every finding open when nothing is acknowledged', () => {
    const review = reviewFindings(FINDINGS, [], DAY);
    expect(review.open).toEqual(FINDINGS);
    expect(review.accepted).toEqual([]);
    expect(review.stale).toEqual([]);
  });

  it('accepts by rule and path, or every finding of a rule without a path', () => {
    const review = reviewFindings(FINDINGS, [accept('VM007', 'cluster'), accept('CF010')], DAY);
    expect(review.open).toEqual([DUPLICATE, UPLOAD]);
    expect(review.accepted.map((entry) => entry.finding)).toEqual([SUSPEND, NAME_A, NAME_B]);
    expect(review.stale).toEqual([]);
  });

  it('accepts by the path-specific acknowledgement where a rule-wide one also names it', () => {
    const specific = accept('CF010', 'server@b', 'b is renamed at staging');
    const ruleWide = accept('CF010', undefined, 'template names');
    const review = reviewFindings(FINDINGS, [ruleWide, specific], DAY);
    const reasons = review.accepted.map((entry) => [
      entry.finding.path,
      entry.acknowledgement.reason,
    ]);
    expect(reasons).toEqual([
      ['server@a', 'template names'],
      ['server@b', 'b is renamed at staging'],
    ]);
  });

  it('never accepts an error, and calls an acknowledgement that accepts nothing stale', () => {
    const ofError = accept('CF001', 'server@a');
    const ofNothing = accept('VM013', 'cluster');
    const elsewhere = accept('VM007', 'server@a');
    const review = reviewFindings(FINDINGS, [ofError, ofNothing, elsewhere], DAY);
    expect(review.open).toEqual(FINDINGS);
    expect(review.stale).toEqual([ofError, ofNothing, elsewhere]);
  });
});

describe('acknowledgements with a last day', () => {
  it('accept through their until day, then expire: the finding counts again', () => {
    const lastDay = { ...accept('VM007'), until: DAY };
    const onLastDay = reviewFindings(FINDINGS, [lastDay], DAY);
    expect(onLastDay.accepted.map((entry) => entry.finding)).toEqual([SUSPEND]);
    expect(onLastDay.expired).toEqual([]);
    const dayAfter = reviewFindings(FINDINGS, [lastDay], '2026-12-08');
    expect(dayAfter.open).toEqual(FINDINGS);
    // Expired, not stale: its finding is still there.
    expect(dayAfter.expired).toEqual([lastDay]);
    expect(dayAfter.stale).toEqual([]);
    expect(isFailing(reviewFindings([SUSPEND], [lastDay], '2027-01-01'), true)).toBe(true);
    expect(isFailing(reviewFindings([SUSPEND], [lastDay], DAY), true)).toBe(false);
  });

  it("count days on the engineer's calendar: in Tokyo the 8th begins at 15:00 UTC", () => {
    const zone = process.env.TZ;
    const lateOnThe7th = new Date('2026-12-07T15:30:00Z');
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(today(lateOnThe7th)).toBe('2026-12-08');
      process.env.TZ = 'America/New_York';
      expect(today(lateOnThe7th)).toBe('2026-12-07');
      expect(today(new Date('2027-01-01T04:00:00Z'))).toBe('2026-12-31');
    } finally {
      if (zone === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = zone;
      }
    }
  });
});

describe('isFailing', () => {
  it('fails on an error whatever is acknowledged, and on an open warning only when strict', () => {
    const withError = reviewFindings(FINDINGS, [accept('VM007'), accept('CF010')], DAY);
    expect(isFailing(withError, false)).toBe(true);
    const warnings = reviewFindings([SUSPEND, NAME_A, UPLOAD], [accept('VM007')], DAY);
    expect(isFailing(warnings, false)).toBe(false);
    expect(isFailing(warnings, true)).toBe(true);
    const accepted = reviewFindings(
      [SUSPEND, NAME_A, UPLOAD],
      [accept('VM007'), accept('CF010')],
      DAY,
    );
    expect(isFailing(accepted, true)).toBe(false);
  });
});

describe('acknowledge and withdraw', () => {
  // A guest cluster: the VM007 checklist warning and the VM040 upload info always fire.
  const guest = (): Project => plainProject('inter-guest-shared');

  it('records an acknowledgement of a current warning, which check then counts as accepted', () => {
    const project = guest();
    const findings = checkProject(project);
    expect(isFailing(reviewFindings(findings, [], DAY), true)).toBe(true);
    const acknowledgement = { ...accept('VM007', 'cluster'), by: 'K. Sato', date: '2026-12-07' };
    const acknowledged = unwrap(acknowledge(project, findings, acknowledgement, DAY));
    // One finding at the path: its message is kept, so that it accepts that finding only.
    const suspend = findings.find((finding) => finding.rule === 'VM007')!;
    expect(acknowledgementsOf(acknowledged)).toEqual([
      { ...acknowledgement, message: suspend.message },
    ]);
    // Only project.json changes: the clp.conf document is the same object.
    expect(acknowledged.conf).toBe(project.conf);
    const review = reviewFindings(
      checkProject(acknowledged),
      acknowledgementsOf(acknowledged),
      DAY,
    );
    expect(review.accepted.map((entry) => entry.finding.rule)).toEqual(['VM007']);
    expect(isFailing(review, true)).toBe(false);
  });

  it('replaces the reason when the same rule and path are acknowledged again', () => {
    const project = guest();
    const findings = checkProject(project);
    const first = unwrap(acknowledge(project, findings, accept('VM007', 'cluster', 'first'), DAY));
    const both = unwrap(
      acknowledge(first, findings, accept('VM040', undefined, 'upload does it'), DAY),
    );
    const again = unwrap(acknowledge(both, findings, accept('VM007', 'cluster', 'second'), DAY));
    expect(acknowledgementsOf(again).map((entry) => [entry.rule, entry.reason])).toEqual([
      ['VM040', 'upload does it'],
      ['VM007', 'second'],
    ]);
  });

  it('refuses what would accept nothing, naming where the rule is found', () => {
    const project = guest();
    const findings = checkProject(project);
    const elsewhere = acknowledge(project, findings, accept('VM007', 'server@esx1'), DAY);
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.ok ? '' : elsewhere.error.message).toBe(
      'there is no finding for VM007 at server@esx1 now; VM007 is found at: cluster',
    );
    const absent = acknowledge(project, findings, accept('CF001'), DAY);
    expect(absent.ok ? '' : absent.error.message).toMatch(/^there is no CF001 finding now/);
  });

  it('refuses a last day already past', () => {
    const project = guest();
    const refused = acknowledge(
      project,
      checkProject(project),
      { ...accept('VM007'), until: '2026-12-06' },
      DAY,
    );
    expect(refused.ok ? '' : refused.error.message).toBe(
      'until 2026-12-06: that day has passed; give a day from today (2026-12-07) on',
    );
    const today = acknowledge(
      project,
      checkProject(project),
      { ...accept('VM007'), until: DAY },
      DAY,
    );
    expect(today.ok).toBe(true);
  });

  it('refuses to acknowledge an error', () => {
    const project = guest();
    const error = finding('CF001', 'server@a', 'error');
    const refused = acknowledge(project, [error], accept('CF001', 'server@a'), DAY);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^CF001 at server@a is an error, and errors cannot be acknowledged/,
    );
    expect(refused.ok ? '' : refused.error.ja).toMatch(/エラーは受け入れられません/);
  });

  it('withdraws exactly the named acknowledgement, and the key goes with the last one', () => {
    const project = guest();
    const findings = checkProject(project);
    const one = unwrap(acknowledge(project, findings, accept('VM007', 'cluster'), DAY));
    const two = unwrap(acknowledge(one, findings, accept('VM040'), DAY));
    // A rule-wide acknowledgement is not withdrawn by naming a path, nor the other way round.
    const wrongShape = withdrawAcknowledgement(two, { rule: 'VM040', path: 'cluster' });
    expect(wrongShape.ok ? '' : wrongShape.error.message).toBe(
      'VM040 at cluster is not acknowledged; acknowledged: VM007 at cluster; every VM040 finding',
    );
    const left = unwrap(withdrawAcknowledgement(two, { rule: 'VM040' }));
    expect(acknowledgementsOf(left).map((entry) => entry.rule)).toEqual(['VM007']);
    const none = unwrap(withdrawAcknowledgement(left, { rule: 'VM007', path: 'cluster' }));
    expect('acknowledged' in none.meta).toBe(false);
    expect(none.meta).toEqual(project.meta);
  });
});

describe('acknowledgements when the entity is renamed or removed', () => {
  const ACTION = 'monitor/userw@userw/parameters/action';

  const WORD = 'parameters/action: "reset" is not among the documented values (RESET, PANIC)';
  const accepted = (path: string) => ({ ...accept('CF011', path), message: WORD });

  /** An undocumented word on the userw monitor (CF011, a warning), accepted at its path. */
  function acceptedWord(): Project {
    const project = unwrap(setParameter(interHostProject(), ACTION, 'reset'));
    return unwrap(acknowledge(project, checkProject(project), accept('CF011', ACTION), DAY));
  }

  it('accept the very finding they were made for: another word there is not accepted', () => {
    const project = acceptedWord();
    expect(acknowledgementsOf(project)).toEqual([accepted(ACTION)]);
    const other = unwrap(setParameter(project, ACTION, 'rest'));
    const review = reviewFindings(checkProject(other), acknowledgementsOf(other), DAY);
    expect(review.open.map((finding) => [finding.rule, finding.path])).toContainEqual([
      'CF011',
      ACTION,
    ]);
    expect(review.stale).toEqual([accepted(ACTION)]);
  });

  it('follow a rename of the entity, and keep accepting its finding', () => {
    const renamed = unwrap(renameOfKind(acceptedWord(), 'monitor', 'userw', 'userw-host'));
    const moved = 'monitor/userw@userw-host/parameters/action';
    expect(acknowledgementsOf(renamed)).toEqual([accepted(moved)]);
    const review = reviewFindings(checkProject(renamed), acknowledgementsOf(renamed), DAY);
    expect(review.accepted.map((entry) => entry.finding.path)).toEqual([moved]);
    expect(review.stale).toEqual([]);
  });

  it('follow a rename whose finding names the entity: the recorded message says the new name', () => {
    const single = unwrap(setStartupServers(interHostProject(), 'failover-vm', ['esx1']));
    const [oneServer] = checkProject(single).filter((finding) => finding.rule === 'CF005');
    expect(oneServer?.message).toContain('group failover-vm ');
    const project = unwrap(
      acknowledge(single, [oneServer!], accept('CF005', oneServer!.path), DAY),
    );
    const renamed = unwrap(renameOfKind(project, 'group', 'failover-vm', 'failover-vm1'));
    const review = reviewFindings(checkProject(renamed), acknowledgementsOf(renamed), DAY);
    expect(review.accepted.map((entry) => entry.finding.message)).toEqual([
      oneServer!.message.replace('failover-vm', 'failover-vm1'),
    ]);
    expect(review.stale).toEqual([]);
  });

  it('leave a rename of another entity alone, and turn stale when their entity is removed', () => {
    const project = acceptedWord();
    expect(unwrap(renameOfKind(project, 'server', 'esx2', 'esx3')).meta).toEqual(project.meta);
    const removed = unwrap(removeOfKind(project, 'monitor', 'userw'));
    const review = reviewFindings(checkProject(removed), acknowledgementsOf(removed), DAY);
    expect(review.stale).toEqual([accepted(ACTION)]);
  });
});

describe('project.json acknowledgements', () => {
  const metaWith = (acknowledged: unknown) =>
    parseProjectMeta(JSON.stringify({ version: 1, acknowledged }));

  it('reads a well-formed list', () => {
    const parsed = metaWith([{ rule: 'VM007', reason: 'runbook', date: '2026-12-07' }]);
    expect(parsed.ok && parsed.value.acknowledged).toEqual([
      { rule: 'VM007', reason: 'runbook', date: '2026-12-07' },
    ]);
  });

  it.each([
    [
      { rule: 'VM007', reason: '  ' },
      'acknowledged.0.reason',
      'say why the finding is accepted',
      '指摘を受け入れる理由を書いてください',
    ],
    [
      { rule: 'vm7', reason: 'x' },
      'acknowledged.0.rule',
      'write a rule id, e.g. VM007',
      'ルール ID を指定してください (例: VM007)',
    ],
    [
      { rule: 'VM007', reason: 'x', date: '7.12.2026' },
      'acknowledged.0.date',
      'write the date as YYYY-MM-DD',
      '日付は YYYY-MM-DD の形で書いてください',
    ],
  ])('names the field and the fix of a bad entry (%j)', (entry, where, english, japanese) => {
    const parsed = metaWith([entry]);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error.message).toBe(`project.json: ${where}: ${english}`);
    expect(parsed.ok ? '' : parsed.error.ja).toBe(`project.json の ${where}: ${japanese}`);
  });
});
