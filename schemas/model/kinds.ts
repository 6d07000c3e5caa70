/**
 * The kinds of things a clp.conf holds, and the sections they live in.
 */

/** Heartbeat kinds (clpconf-format.md §3). */
export const HEARTBEAT_KINDS = ['lankhb', 'lanhb', 'diskhb', 'bmchb', 'witnesshb'] as const;
/** Network partition resolution kinds (clpconf-format.md §3). */
export const NETWORK_PARTITION_KINDS = ['pingnp', 'httpnp', 'disknp'] as const;

/** The entity kinds the CLI and the edit operations address. */
export const ENTITY_KINDS = [
  'server',
  'heartbeat',
  'networkpartition',
  'group',
  'resource',
  'monitor',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The section holding instances of a kind (servers and groups sit directly under <root>). */
export function sectionOf(kind: EntityKind): string | undefined {
  switch (kind) {
    case 'server':
    case 'group':
      return undefined;
    case 'heartbeat':
      return 'heartbeat';
    case 'networkpartition':
      return 'networkpartition';
    case 'resource':
      return 'resource';
    case 'monitor':
      return 'monitor';
  }
}

/** The final actions monitors and resources share, by code (clpconf-format.md §5, §6). */
const SHARED_FINAL_ACTIONS: Readonly<Record<string, string>> = {
  '2': 'Stop group',
  '3': 'Stop cluster service',
  '4': 'Stop cluster service and shut down OS',
  '5': 'Stop cluster service and reboot OS',
  '6': 'Generate an intentional stop error (Windows)',
  '8': 'sysrq panic',
  '9': 'keepalive reset',
  '10': 'keepalive panic',
  '11': 'BMC reset',
  '12': 'BMC power off',
  '13': 'BMC power cycle',
  '14': 'BMC NMI',
  '15': 'I/O fencing',
};

/** Final actions of a monitor (Linux codes; clpconf-format.md §6), by meaning. */
export const MONITOR_FINAL_ACTIONS: Readonly<Record<string, string>> = {
  '1': 'No operation',
  ...SHARED_FINAL_ACTIONS,
  '16': 'Stop resource',
};

/**
 * Final actions of a resource whose activation or deactivation failed (`act/action`,
 * `deact/action`; clpconf-format.md §5). Group and cluster stops apply to activation only.
 */
export const RESOURCE_FINAL_ACTIONS: Readonly<Record<string, string>> = {
  '0': 'No operation (go on with the next resource)',
  '1': 'No operation (do not go on with the next resource)',
  ...SHARED_FINAL_ACTIONS,
};
