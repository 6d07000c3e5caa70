import { describe, expect, it } from 'vitest';
import {
  codeList,
  documentedEntries,
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

  it('are well formed: ranges low to high, codes and words listed once each', () => {
    for (const [pattern, value] of documentedEntries()) {
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

  it('list codes with their runs as ranges', () => {
    expect(codeList(['0', '1', '4', '5', '6', '8', '9', '10', '11'])).toBe('0, 1, 4-6, 8-11');
    expect(
      codeList(['1', '2', '3', '4', '5', '6', '8', '9', '10', '11', '12', '13', '14', '15', '16']),
    ).toBe('1-6, 8-16');
    expect(codeList(['rsc', 'grp', 'cls'])).toBe('rsc, grp, cls');
  });
});
