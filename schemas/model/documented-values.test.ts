import { describe, expect, it } from 'vitest';
import {
  codeList,
  documentedCodesOf,
  documentedEntries,
  serverOsOf,
  documentedValueOf,
  documentedWordsOf,
} from './documented-values.js';
import { knownParameters } from './known-parameters.js';

const RESOURCE_TYPES = [
  'exec',
  'script',
  'disk',
  'sd',
  'volmgr',
  'md',
  'fip',
  'vm',
  'service',
  'vcom',
];
const MONITOR_TYPES = [
  'genw',
  'userw',
  'diskw',
  'miiw',
  'psw',
  'fipw',
  'mdw',
  'mdnw',
  'volmgrw',
  'arpw',
];

/** Every documented parameter as a full path, the way the rules and `set` look them up. */
function documentedPaths(): string[] {
  return [
    ...knownParameters('cluster').map((sub) => `cluster/${sub}`),
    ...knownParameters('server').map((sub) => `server@s1/${sub}`),
    ...knownParameters('group').map((sub) => `group@g1/${sub}`),
    ...RESOURCE_TYPES.flatMap((type) =>
      knownParameters('resource', type).map((sub) => `resource/${type}@r1/${sub}`),
    ),
    ...MONITOR_TYPES.flatMap((type) =>
      knownParameters('monitor', type).map((sub) => `monitor/${type}@m1/${sub}`),
    ),
    ...knownParameters('haltp').map((sub) => `haltp/${sub}`),
  ];
}

describe('the documented values', () => {
  it('each belongs to a parameter the sources document (no pattern is a typo)', () => {
    const reached = new Set(documentedPaths().map((path) => documentedValueOf(path)));
    const unreached = documentedEntries().filter(([, value]) => !reached.has(value));
    expect(unreached.map(([pattern]) => pattern.source)).toEqual([]);
  });

  it('are well formed on each OS: ranges low to high, codes and words listed once each', () => {
    const entries = [undefined, 'linux', 'windows'] as const;
    for (const [pattern, value] of entries.flatMap((os) => documentedEntries(os))) {
      const listed =
        value.kind === 'codes' ? value.codes : value.kind === 'words' ? value.words : [];
      expect(new Set(listed).size, pattern.source).toBe(listed.length);
      expect(value.kind !== 'integer' || value.min <= value.max, pattern.source).toBe(true);
    }
  });

  it('do not depend on the entity’s name, only on its kind, type and sub-path', () => {
    expect(documentedValueOf('monitor/userw@a/parameters/method')).toBe(
      documentedValueOf('monitor/userw@b-2/parameters/method'),
    );
    expect(documentedWordsOf('resource/md@md1/parameters/fs')).toEqual(['ext4', 'xfs', 'none']);
    expect(documentedWordsOf('resource/disk@d/parameters/fs')).toContain('reiserfs');
    // A ranged parameter has no words, and an undocumented one nothing at all.
    expect(documentedWordsOf('monitor/genw@g/polling/interval')).toBeUndefined();
    expect(documentedValueOf('monitor/genw@g/parameters/path')).toBeUndefined();
  });

  it('take on a file that names no OS what either OS takes', () => {
    const either = documentedEntries();
    const linux = documentedEntries('linux');
    const windows = documentedEntries('windows');
    either.forEach(([pattern, value], index) => {
      const [onLinux, onWindows] = [linux[index]?.[1], windows[index]?.[1]];
      const listed = (of: typeof value | undefined) =>
        of?.kind === 'codes' ? of.codes : of?.kind === 'words' ? of.words : [];
      const union = new Set([...listed(onLinux), ...listed(onWindows)]);
      expect(new Set(listed(value)), pattern.source).toEqual(union);
    });
    expect(documentedCodesOf('monitor/genw@g/emergency/action', 'windows')).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(documentedCodesOf('resource/exec@e/deact/action', 'linux')).not.toContain('2');
    expect(serverOsOf(' Windows ')).toBe('windows');
    expect(serverOsOf(undefined)).toBeUndefined();
  });

  it('list codes with their runs as ranges', () => {
    expect(codeList(['0', '1', '4', '5', '6', '8', '9', '10', '11'])).toBe('0, 1, 4-6, 8-11');
    expect(
      codeList(['1', '2', '3', '4', '5', '6', '8', '9', '10', '11', '12', '13', '14', '15', '16']),
    ).toBe('1-6, 8-16');
    expect(codeList(['rsc', 'grp', 'cls'])).toBe('rsc, grp, cls');
  });
});
