/**
 * The upload plan's step notes, in English and in Japanese (shown in the Upload dialog in the
 * UI's language), for every shape of plan: first deployment or not, Windows or Linux
 * configuration, with groups to stop and start or none.
 */
import { describe, expect, it } from 'vitest';
import { expectJapaneseOf } from '../../../test/support/japanese.js';
import { type PlanInput, buildPlan } from './upload-plan.js';

const BASE: PlanInput = {
  hosts: ['10.0.0.1:22', '10.0.0.2:22'],
  isFirstDeployment: false,
  flag: '-l',
  suspend: true,
  groupsToStop: [],
  groupsToStart: [],
  fileCount: 12,
  snapshotsFolder: '/home/me/cluster/.clpbuilder/snapshots',
};

const SHAPES: ReadonlyArray<readonly [string, PlanInput]> = [
  ['a change', BASE],
  ['a first deployment made on Windows', { ...BASE, isFirstDeployment: true, flag: '-w' }],
  [
    'groups stopped and started again',
    { ...BASE, groupsToStop: ['failover1'], groupsToStart: ['failover1'] },
  ],
  ['no suspend', { ...BASE, suspend: false }],
];

describe('the upload plan in Japanese', () => {
  it.each(SHAPES)('%s: every step says its note in Japanese too', (_shape, input) => {
    const { steps } = buildPlan(input);
    expect(steps.length).toBeGreaterThan(5);
    for (const step of steps) {
      expect(step.noteJa, step.step).toBeDefined();
      expectJapaneseOf(step.note, step.noteJa ?? '', step.step);
    }
  });

  it('says a first deployment and a Windows configuration in the push step', () => {
    const push = buildPlan({ ...BASE, isFirstDeployment: true, flag: '-w' }).steps.find(
      (step) => step.step === 'push',
    );
    expect(push?.noteJa).toContain('--force');
    expect(push?.noteJa).toContain('<all><encode> SJIS');
  });
});
