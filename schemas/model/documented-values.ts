/**
 * The values the sources document for parameters (clpconf-format.md §2.4-§6.4, §7, §11): one
 * table, read by `set` and the property form's value check, the rules (CF004 for ranges and
 * codes, CF011 for words) and the property form's choices, so that they never disagree.
 * Where the two OSes differ, the rules and the choices take the file's (`<all><serveros>`);
 * `set` and a typed value refuse only what neither takes.
 *
 * Three kinds of value: a whole number in a range; one of a closed set of codes (flags, final
 * actions: the product knows no others); one of the words the sources name (file systems,
 * methods). Words are listed as far as the public sources go, so a word outside them is a
 * warning to look at, never a refusal: a newer product may take more.
 */

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

/** A server OS, as `<all><serveros>` names it; undefined where the file does not say. */
export type ServerOs = 'linux' | 'windows';

/** What a parameter may hold on each OS, and on either (for a file that does not say). */
interface ByOs {
  readonly linux: DocumentedValue;
  readonly windows: DocumentedValue;
  readonly either: DocumentedValue;
}

type Entry = DocumentedValue | ByOs;

const integer = (min: number, max: number): DocumentedValue => ({ kind: 'integer', min, max });
const codes = (list: readonly string[], what?: string): DocumentedValue => ({
  kind: 'codes',
  codes: list,
  ...(what === undefined ? {} : { what }),
});
const words = (list: readonly string[]): DocumentedValue => ({ kind: 'words', words: list });
const byOs = (linux: DocumentedValue, windows: DocumentedValue): ByOs => ({
  linux,
  windows,
  either: unionOf(linux, windows),
});

/** What either value takes (both are of one kind in the table). */
function unionOf(a: DocumentedValue, b: DocumentedValue): DocumentedValue {
  if (a.kind === 'integer' && b.kind === 'integer') {
    return integer(Math.min(a.min, b.min), Math.max(a.max, b.max));
  }
  if (a.kind === 'codes' && b.kind === 'codes') {
    const union = [...new Set([...a.codes, ...b.codes])].sort((x, y) => Number(x) - Number(y));
    return codes(union, a.what);
  }
  return words([
    ...new Set([...(a.kind === 'words' ? a.words : []), ...(b.kind === 'words' ? b.words : [])]),
  ]);
}

/** Numbered codes from `from` to `to`, leaving out `except`. */
function range(from: number, to: number, except: readonly number[] = []): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index)
    .filter((code) => !except.includes(code))
    .map(String);
}

const FLAG = codes(['0', '1']);

// Final actions (§5, §6): Windows has the intentional stop error (6), Linux sysrq, keepalive,
// BMC and fencing (8-15) and, for monitors, stopping the resource (16). Stopping the group or
// the cluster (2, 3) applies to a failed activation only.
const RESOURCE_ACTIONS = byOs(
  codes(range(0, 15, [6, 7]), 'a final action code'),
  codes(range(0, 6), 'a final action code'),
);
const DEACTIVATION_ACTIONS = byOs(
  codes(range(0, 15, [2, 3, 6, 7]), 'a final action code'),
  codes(range(0, 6, [2, 3]), 'a final action code'),
);
const MONITOR_ACTIONS = byOs(
  codes(range(1, 16, [6, 7]), 'a final action code'),
  codes(range(1, 6), 'a final action code'),
);

/**
 * Documented values by parameter path (an entity's name matches `[^/]+`). Each names its
 * section of clpconf-format.md. Where Linux and Windows differ, each has its own, and a file
 * that names no OS takes either.
 */
const TABLE: ReadonlyArray<readonly [RegExp, Entry]> = [
  // §2.4 the cluster, §2.5 servers.
  [/^cluster\/heartbeat\/timeout$/, integer(1000, 9999000)],
  [/^cluster\/networkpartition\/npaction$/, byOs(integer(0, 11), integer(1, 6))],
  [
    /^cluster\/rsctimeout\/rsctoaction$/,
    byOs(
      codes(['0', '2', '3', ...range(8, 15)], 'an action code'),
      codes(['0', '5', '6'], 'an action code'),
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
  [/^resource\/[^/]+\/act\/action$/, RESOURCE_ACTIONS],
  [/^resource\/[^/]+\/deact\/action$/, DEACTIVATION_ACTIONS],
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
  [/^monitor\/[^/]+\/emergency\/action$/, MONITOR_ACTIONS],
  [/^monitor\/[^/]+\/emergency\/timeout\/(notreconfirmation|notrecovery)\/use$/, FLAG],
  [/^monitor\/[^/]+\/emergency\/dumpcollect\/use$/, FLAG],
  // §6.1 genw.
  [/^monitor\/genw@[^/]+\/parameters\/(sync|default|waitstop)$/, FLAG],
  [/^monitor\/genw@[^/]+\/parameters\/waitmonstart$/, integer(0, 9999)],
  [/^monitor\/genw@[^/]+\/parameters\/logrotate\/use$/, FLAG],
  [/^monitor\/genw@[^/]+\/parameters\/logrotate\/size$/, integer(1, 999999999)],
  // §6.2 userw and shutdown stall monitoring.
  [
    /^monitor\/userw@[^/]+\/parameters\/method$/,
    byOs(words(['keepalive', 'softdog', 'ipmi']), words(['keepalive'])),
  ],
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
const BY_LEAF = new Map<string, Array<readonly [RegExp, Entry]>>();
for (const entry of TABLE) {
  const leaves = /\(?([a-z0-9|]+)\)?\$$/.exec(entry[0].source)?.[1]?.split('|') ?? [];
  for (const leaf of leaves) {
    BY_LEAF.set(leaf, [...(BY_LEAF.get(leaf) ?? []), entry]);
  }
}

function onOs(entry: Entry, os: ServerOs | undefined): DocumentedValue {
  return 'either' in entry ? entry[os ?? 'either'] : entry;
}

/**
 * What the sources document for the parameter at `path` on `os` (either OS when undefined),
 * or undefined: it takes any text.
 */
export function documentedValueOf(path: string, os?: ServerOs): DocumentedValue | undefined {
  const candidates = BY_LEAF.get(path.slice(path.lastIndexOf('/') + 1));
  const entry = candidates?.find(([pattern]) => pattern.test(path))?.[1];
  return entry && onOs(entry, os);
}

/** The documented words of a parameter (a file system, a method), or undefined for none. */
export function documentedWordsOf(path: string, os?: ServerOs): readonly string[] | undefined {
  const value = documentedValueOf(path, os);
  return value?.kind === 'words' ? value.words : undefined;
}

/** The documented codes of a parameter (a final action), or undefined for none. */
export function documentedCodesOf(path: string, os?: ServerOs): readonly string[] | undefined {
  const value = documentedValueOf(path, os);
  return value?.kind === 'codes' ? value.codes : undefined;
}

/** The OS `<all><serveros>` names, or undefined when it names none of the two. */
export function serverOsOf(serveros: string | undefined): ServerOs | undefined {
  const named = serveros?.trim().toLowerCase();
  return named === 'linux' || named === 'windows' ? named : undefined;
}

/** Every documented entry as it is on `os`, for the tests that hold each to its use. */
export function documentedEntries(
  os?: ServerOs,
): ReadonlyArray<readonly [RegExp, DocumentedValue]> {
  return TABLE.map(([pattern, entry]) => [pattern, onOs(entry, os)] as const);
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

/**
 * A value for each kind of entity and OS, made once: `make` gets the kind (`monitor/genw` of
 * `monitor/genw@genw1`; the whole path of a section, `cluster`) and whether it is an entity's.
 * The rules look up every entity of a large cluster, one kind after another: the last kind is
 * recognised by comparing the path's start, without cutting and hashing a string per entity.
 */
export function perKind<T>(
  make: (kind: string, isEntity: boolean, os: ServerOs | undefined) => T,
): (entityPath: string, os: ServerOs | undefined) => T {
  const made = new Map<string, T>();
  let last:
    { readonly kind: string; readonly os: ServerOs | undefined; readonly value: T } | undefined;
  return (entityPath, os) => {
    const at = entityPath.indexOf('@');
    const length = at === -1 ? entityPath.length : at;
    if (last && last.os === os && last.kind.length === length && entityPath.startsWith(last.kind)) {
      return last.value;
    }
    const kind = entityPath.slice(0, length);
    const key = `${kind}\u0000${os ?? ''}`;
    let value = made.get(key);
    if (value === undefined) {
      value = make(kind, at !== -1, os);
      made.set(key, value);
    }
    last = { kind, os, value };
    return value;
  };
}
