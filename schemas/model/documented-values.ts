/**
 * The values the sources document for parameters (clpconf-format.md §2.4-§6.4, §7, §11): one
 * table, read by the range check of `set` and the property form (CF004), the documented-words
 * check (CF011) and the property form's choices, so that they never disagree.
 *
 * Three kinds of value: a whole number in a range; one of a closed set of codes (flags, final
 * actions: the product knows no others); one of the words the sources name (file systems,
 * methods). Words are listed as far as the public sources go, so a word outside them is a
 * warning to look at, never a refusal: a newer product may take more.
 */
import { MONITOR_FINAL_ACTIONS, RESOURCE_FINAL_ACTIONS } from './kinds.js';

/** What a parameter may hold. */
export type DocumentedValue =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'codes';
      readonly codes: readonly string[];
      /** What the codes are, where a list alone would not say it ("a final action code"). */
      readonly what?: string;
    }
  | { readonly kind: 'words'; readonly words: readonly string[] };

const integer = (min: number, max: number): DocumentedValue => ({ kind: 'integer', min, max });
const codes = (list: readonly string[], what?: string): DocumentedValue => ({
  kind: 'codes',
  codes: list,
  ...(what === undefined ? {} : { what }),
});
const words = (list: readonly string[]): DocumentedValue => ({ kind: 'words', words: list });
const FLAG = codes(['0', '1']);

const resourceActions = Object.keys(RESOURCE_FINAL_ACTIONS);
// Stopping the group or the cluster applies to a failed activation only (§5).
const DEACTIVATION_ACTIONS = resourceActions.filter((code) => code !== '2' && code !== '3');

/**
 * Documented values by parameter path (an entity's name matches `[^/]+`). Each names its
 * section of clpconf-format.md; where Linux and Windows differ, the union is taken, since the
 * check does not know which one a value was meant for.
 */
const TABLE: ReadonlyArray<readonly [RegExp, DocumentedValue]> = [
  // §2.4 the cluster, §2.5 servers.
  [/^cluster\/heartbeat\/timeout$/, integer(1000, 9999000)],
  [/^cluster\/networkpartition\/npaction$/, integer(0, 11)],
  [
    /^cluster\/rsctimeout\/rsctoaction$/,
    codes(
      ['0', '2', '3', '5', '6', '8', '9', '10', '11', '12', '13', '14', '15'],
      'an action code',
    ),
  ],
  [/^cluster\/survive\/(rscact|rscdeact|monitor)$/, FLAG],
  [/^server@[^/]+\/priority$/, integer(0, 999)],
  [/^server@[^/]+\/survive$/, FLAG],
  // §4 groups.
  [/^group@[^/]+\/(start|failover|failback)$/, FLAG],
  [/^group@[^/]+\/exclusive$/, codes(['0', '1', '2'])],
  [/^group@[^/]+\/type$/, words(['failover', 'cluster', 'virtualmachine'])],
  [/^group@[^/]+\/depend\/deact\/(cluster|server|other)\/use$/, FLAG],
  // §5 resources.
  [/^resource\/[^/]+\/(act|deact)\/retry$/, integer(0, 99)],
  [/^resource\/[^/]+\/act\/action$/, codes(resourceActions, 'a final action code')],
  [/^resource\/[^/]+\/deact\/action$/, codes(DEACTIVATION_ACTIONS, 'a final action code')],
  // §5.1 exec and script.
  [/^resource\/(exec|script)@[^/]+\/parameters\/timeout\/(start|stop)$/, integer(1, 9999)],
  [/^resource\/(exec|script)@[^/]+\/parameters\/(act|deact)\/sync$/, FLAG],
  [/^resource\/(exec|script)@[^/]+\/parameters\/act\/postrunothers$/, FLAG],
  [/^resource\/(exec|script)@[^/]+\/parameters\/deact\/prerunothers$/, FLAG],
  [/^resource\/(exec|script)@[^/]+\/parameters\/logrotate\/use$/, FLAG],
  [/^resource\/(exec|script)@[^/]+\/parameters\/logrotate\/size$/, integer(1, 999999999)],
  // §5.2 disk.
  [/^resource\/disk@[^/]+\/parameters\/disktype$/, words(['disk', 'raw', 'lvm', 'vxvm'])],
  [
    /^resource\/disk@[^/]+\/parameters\/fs$/,
    words(['ext3', 'ext4', 'xfs', 'reiserfs', 'vxfs', 'zfs', 'none']),
  ],
  [/^resource\/disk@[^/]+\/parameters\/mount\/timeout$/, integer(1, 999)],
  [/^resource\/disk@[^/]+\/parameters\/mount\/retry$/, integer(0, 999)],
  [/^resource\/disk@[^/]+\/parameters\/umount\/action$/, words(['kill', 'none'])],
  [/^resource\/disk@[^/]+\/parameters\/fsck\/timeout$/, integer(1, 9999)],
  // 0 never, 1 always, 2 every N mounts.
  [/^resource\/disk@[^/]+\/parameters\/fsck\/timing$/, codes(['0', '1', '2'])],
  // §5.3 md.
  [/^resource\/md@[^/]+\/parameters\/fs$/, words(['ext4', 'xfs', 'none'])],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/syncmode$/, FLAG],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/compress$/, integer(0, 3)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/sendqueuesize$/, integer(0, 999999)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/sendtimeout$/, integer(10, 99)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/connecttimeout$/, integer(5, 99)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/(acktimeout|recvnormaltimeout)$/, integer(1, 600)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/pingtimeout$/, integer(1, 100)],
  [/^resource\/md@[^/]+\/parameters\/mddriver\/pingretry$/, integer(1, 50)],
  // §6 every monitor.
  [/^monitor\/[^/]+\/polling\/(interval|timeout)$/, integer(1, 999999)],
  [/^monitor\/[^/]+\/polling\/timing$/, FLAG],
  [/^monitor\/[^/]+\/polling\/reconfirmation$/, integer(0, 999)],
  [/^monitor\/[^/]+\/firstmonwait$/, integer(0, 9999)],
  [/^monitor\/[^/]+\/relation\/type$/, codes(['rsc', 'grp', 'cls'])],
  [/^monitor\/[^/]+\/emergency\/preaction\/(use|userestart|usefailover|default)$/, FLAG],
  [/^monitor\/[^/]+\/emergency\/threshold\/(restart|fo|fo2|script)$/, integer(0, 99)],
  [
    /^monitor\/[^/]+\/emergency\/action$/,
    codes(Object.keys(MONITOR_FINAL_ACTIONS), 'a final action code'),
  ],
  [/^monitor\/[^/]+\/emergency\/timeout\/(notreconfirmation|notrecovery)\/use$/, FLAG],
  [/^monitor\/[^/]+\/emergency\/dumpcollect\/use$/, FLAG],
  // §6.1 genw.
  [/^monitor\/genw@[^/]+\/parameters\/(sync|default|waitstop)$/, FLAG],
  [/^monitor\/genw@[^/]+\/parameters\/waitmonstart$/, integer(0, 9999)],
  [/^monitor\/genw@[^/]+\/parameters\/logrotate\/use$/, FLAG],
  [/^monitor\/genw@[^/]+\/parameters\/logrotate\/size$/, integer(1, 999999999)],
  // §6.2 userw and shutdown stall monitoring.
  [/^monitor\/userw@[^/]+\/parameters\/method$/, words(['keepalive', 'softdog', 'ipmi'])],
  [/^monitor\/userw@[^/]+\/parameters\/action$/, words(['RESET', 'PANIC'])],
  [/^monitor\/userw@[^/]+\/parameters\/usehb$/, FLAG],
  [/^monitor\/userw@[^/]+\/parameters\/writesize$/, integer(1, 9999999)],
  // Windows: 0 none, 1 hardware reset, 2 stop error.
  [/^monitor\/(userw|diskw)@[^/]+\/parameters\/stallaction$/, codes(['0', '1', '2'])],
  [/^haltp\/method$/, words(['softdog', 'ipmi', 'keepalive', 'ipmi(High-End Server Option)'])],
  [/^haltp\/action$/, words(['RESET', 'PANIC'])],
  // §6.3, §6.4 other monitors.
  [/^monitor\/diskw@[^/]+\/parameters\/diskfullerr$/, FLAG],
  [/^monitor\/fipw@[^/]+\/parameters\/monmii$/, FLAG],
];

// Entries indexed by the path's last segment: most parameters (path, comment, name ...) have
// none, and the rules look up every parameter of every entity.
const BY_LEAF = new Map<string, Array<readonly [RegExp, DocumentedValue]>>();
for (const entry of TABLE) {
  const leaves = /\(?([a-z0-9|]+)\)?\$$/.exec(entry[0].source)?.[1]?.split('|') ?? [];
  for (const leaf of leaves) {
    BY_LEAF.set(leaf, [...(BY_LEAF.get(leaf) ?? []), entry]);
  }
}

/** What the sources document for the parameter at `path`, or undefined: it takes any text. */
export function documentedValueOf(path: string): DocumentedValue | undefined {
  const candidates = BY_LEAF.get(path.slice(path.lastIndexOf('/') + 1));
  return candidates?.find(([pattern]) => pattern.test(path))?.[1];
}

/** The documented words of a parameter (a file system, a method), or undefined for none. */
export function documentedWordsOf(path: string): readonly string[] | undefined {
  const value = documentedValueOf(path);
  return value?.kind === 'words' ? value.words : undefined;
}

/** Every documented entry, for the tests that hold each to its use. */
export function documentedEntries(): ReadonlyArray<readonly [RegExp, DocumentedValue]> {
  return TABLE;
}

/** Codes as a short list: runs of consecutive numbers as ranges (`0-6, 8-15`). */
export function codeList(list: readonly string[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < list.length) {
    let end = index;
    while (end + 1 < list.length && Number(list[end + 1]) === Number(list[end]) + 1) {
      end += 1;
    }
    parts.push(
      end - index >= 2 ? `${list[index]}-${list[end]}` : list.slice(index, end + 1).join(', '),
    );
    index = end + 1;
  }
  return parts.join(', ');
}
