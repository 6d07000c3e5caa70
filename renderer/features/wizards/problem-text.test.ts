/**
 * Every problem the wizards' fields can show has its Japanese, keeping the paths, addresses
 * and numbers of the English: found by typing bad values into the real forms' schemas.
 */
import { describe, expect, it } from 'vitest';
import { expectJapaneseOf } from '../../../test/support/japanese.js';
import { japaneseFieldProblem } from './problem-text.js';
import {
  checkNewCluster,
  checkProfile,
  newClusterForm,
  profileForm,
  profileInput,
} from './wizard-form.js';

const BAD_PROFILE_FIELDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'vmx',
    [
      'vm1.vmx',
      '/vmfs/volumes/datastore1/vm1/vm1.vmx',
      '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/../vm1.vmx',
      '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.txt',
      '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm\t1.vmx',
      `/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/${'v'.repeat(1030)}.vmx`,
    ],
  ],
  ['vmwareCmd', ['vmware-cmd', `/${'x'.repeat(1030)}`]],
  ['checkInterval', ['0', '99999', 'abc', '1.5']],
  ['vmResource', ['-vm', ' vm', 'vm/1', 'v'.repeat(40)]],
  ['esxAddresses', ['10.0.0.256', '10.0.0.1 10.0.0.1']],
];

function profileProblems(): string[] {
  const problems: string[] = [];
  for (const [field, values] of BAD_PROFILE_FIELDS) {
    for (const value of values) {
      problems.push(
        ...Object.values(checkProfile(profileInput({ ...profileForm(), [field]: value }))),
      );
    }
  }
  problems.push(
    ...Object.values(
      checkProfile({ ...profileInput(profileForm()), guestOs: 'windows', clptrnreq: 'bin/x' }),
    ),
    ...Object.values(checkProfile({ ...profileInput(profileForm()), clptrnreq: 'bin/x' })),
    ...Object.values(checkProfile({ ...profileInput(profileForm()), esxAddresses: [] })),
  );
  return problems;
}

function clusterProblems(): string[] {
  const form = newClusterForm();
  const forms = [
    { ...form, name: '' },
    { ...form, name: 'a\tb' },
    { ...form, productVersion: '2.1' },
    { ...form, servers: [] },
    { ...form, servers: [{ name: '', addresses: '' }] },
    { ...form, servers: [{ name: 'esx1', addresses: '10.0.0.01' }] },
  ];
  return forms.flatMap((bad) => Object.values(checkNewCluster(bad)));
}

describe('the wizards’ field problems in Japanese', () => {
  it('says every one of them in Japanese, keeping what it names', () => {
    const problems = [...new Set([...profileProblems(), ...clusterProblems()])];
    // The table above reaches the schemas' own wordings and zod's number checks.
    expect(problems.length).toBeGreaterThanOrEqual(18);
    for (const problem of problems) {
      const japanese = japaneseFieldProblem(problem);
      expect(japanese, problem).not.toBe(problem);
      expectJapaneseOf(problem, japanese, problem);
    }
  });

  it('leaves a problem it does not know as it is', () => {
    expect(japaneseFieldProblem('is odd')).toBe('is odd');
  });
});
