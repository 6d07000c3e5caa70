/**
 * The parameters the sources document for each kind and type of entity (clpconf-format.md
 * §2.4-§6.4), as sub-paths under the entity, in the order the product writes them. For the
 * property form's suggestions and for refusing a misspelt parameter before it is created.
 * Not a whitelist: the product has parameters no public source names, and those stay settable.
 */
import { likelyMeant } from './likely.js';

const RECOVERY = ['timeout', 'retry', 'fo', 'action'];

/** Every resource: the comment and the recovery on (de)activation failure (§5). */
const RESOURCE_COMMON = [
  'comment',
  ...RECOVERY.map((leaf) => `act/${leaf}`),
  ...RECOVERY.filter((leaf) => leaf !== 'fo').map((leaf) => `deact/${leaf}`),
];

const EXEC = [
  'act/path',
  'act/sync',
  'act/postrunothers',
  'deact/path',
  'deact/sync',
  'deact/prerunothers',
  'timeout/start',
  'timeout/stop',
  'timeout/startothers',
  'timeout/stopothers',
  'userlog',
  'logrotate/use',
  'logrotate/size',
];

/** Type-specific parameters of resources, under `parameters/` (§5.1-§5.4). */
const RESOURCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  exec: EXEC,
  script: EXEC,
  disk: [
    'disktype',
    'device',
    'rawdevice',
    'mount/point',
    'mount/option',
    'mount/timeout',
    'mount/retry',
    'mount/action',
    'mount/xfsaction',
    'umount/timeout',
    'umount/retry',
    'umount/interval',
    'umount/action',
    'fs',
    'fsck/option',
    'fsck/timeout',
    'fsck/timing',
    'fsck/interval',
    'fsck/fixopt',
    'fsck/xfsoption',
    'fsck/xfstimeout',
  ],
  sd: ['volumemountpoint'],
  volmgr: ['type', 'devname'],
  md: [
    'nmppath',
    'mount/point',
    'diskdev/dppath',
    'diskdev/cppath',
    'fs',
    'fullcopy',
    'mkfs',
    'volumemountpoint',
    'cpvolumemountpoint',
    ...[
      'sync',
      'syncmode',
      'sendqueuesize',
      'compress',
      'sendtimeout',
      'connecttimeout',
      'acktimeout',
      'recvnormaltimeout',
      'hbinterval',
      'pingtimeout',
      'pingretry',
    ].map((leaf) => `mddriver/${leaf}`),
  ],
  fip: ['ip'],
  vm: ['vmtype', 'vmname', 'vmconfigpath', 'reqtimeout', 'starttimeout', 'stoptimeout'],
  service: ['name', 'started'],
  vcom: ['vcomname'],
};

/** Every monitor (§6). */
const MONITOR_COMMON = [
  'comment',
  'target',
  'firstmonwait',
  'polling/interval',
  'polling/timeout',
  'polling/reconfirmation',
  'polling/timing',
  'relation/type',
  'relation/name',
  'emergency/threshold/restart',
  'emergency/threshold/fo',
  'emergency/threshold/fo2',
  'emergency/threshold/script',
  'emergency/action',
  'emergency/preaction/use',
  'emergency/preaction/userestart',
  'emergency/preaction/usefailover',
  'emergency/preaction/default',
  'emergency/preaction/path',
  'emergency/preaction/timeout',
  'emergency/timeout/notreconfirmation/use',
  'emergency/timeout/notrecovery/use',
  'emergency/dumpcollect/use',
];

/** Type-specific parameters of monitors, under `parameters/` (§6.1-§6.4). */
const MONITOR_TYPES: Readonly<Record<string, readonly string[]>> = {
  genw: [
    'path',
    'default',
    'sync',
    'waitmonstart',
    'normalval',
    'waitstop',
    'userlog',
    'logrotate/use',
    'logrotate/size',
  ],
  userw: [
    'method',
    'action',
    'usehb',
    'repopen',
    'repwrite',
    'writesize',
    'mkthread',
    'stallaction',
  ],
  // `method` is what the VM032 rule reads; its values are not in a public sample (§6.3).
  diskw: ['object', 'method', 'size', 'file', 'stallaction', 'diskfullerr', 'writecache'],
  miiw: ['object'],
  psw: ['processname', 'processnum'],
  fipw: ['monmii'],
  mdw: ['object'],
  mdnw: ['object'],
  volmgrw: ['devname'],
  arpw: ['object'],
};

/** Groups (§4). */
const GROUP = [
  'type',
  'comment',
  'gid',
  'start',
  'failover',
  'failback',
  'exclusive',
  'depend/act/timeout',
  'depend/deact/timeout',
  'depend/deact/cluster/use',
  'depend/deact/server/use',
  'depend/deact/other/use',
];

/** Heartbeats and network partition resources (§3). */
const HEARTBEAT_TYPES: Readonly<Record<string, readonly string[]>> = {
  witnesshb: ['host', 'port'],
  httpnp: ['host', 'port'],
};

/** The cluster section (§2.4). */
const CLUSTER = [
  'name',
  'comment',
  'networkpartition/npaction',
  'rsctimeout/rsctoaction',
  'heartbeat/timeout',
  'survive/rscact',
  'survive/rscdeact',
  'survive/monitor',
  'messages/use',
  'sysinfo/collect',
];

/** Shutdown stall monitoring, a section of its own (§6.2). */
const HALTP = ['method', 'action'];

const under = (prefix: string, leaves: readonly string[] | undefined) =>
  (leaves ?? []).map((leaf) => `${prefix}/${leaf}`);

/**
 * The documented sub-paths of an entity of this kind and type (`monitor`, `genw`); `cluster`
 * for the cluster section, `haltp` for shutdown stall monitoring. Keyed parameters
 * (`list@0/ip`) are not listed.
 */
export function knownParameters(kind: string, type = ''): readonly string[] {
  switch (kind) {
    case 'cluster':
      return CLUSTER;
    case 'server':
      return ['priority', 'comment', 'survive'];
    case 'haltp':
      return HALTP;
    case 'heartbeat':
    case 'networkpartition':
      return ['priority', 'device', ...(HEARTBEAT_TYPES[type] ?? [])];
    case 'group':
      return GROUP;
    case 'resource':
      return [...RESOURCE_COMMON, ...under('parameters', RESOURCE_TYPES[type])];
    case 'monitor':
      return [...MONITOR_COMMON, ...under('parameters', MONITOR_TYPES[type])];
    default:
      return [];
  }
}

/**
 * The documented parameter a sub-path that is not one most likely meant (`polling/interval`
 * for `polling/intervall`), or undefined: when it is documented, keyed, or near none or
 * several.
 */
export function misspeltParameter(kind: string, type: string, sub: string): string | undefined {
  const known = knownParameters(kind, type);
  if (sub.includes('@') || known.includes(sub)) {
    return undefined;
  }
  return likelyMeant(sub, known);
}
