/**
 * Topology groups as the guide's rule table names them (reference/guide-rules.md).
 */
import { type Topology, TopologySchema } from '../project.js';

/** `inter-host*` */
export const INTER_HOST: readonly Topology[] = ['inter-host', 'inter-host-guest-assoc'];
/** `vmware-ha-sss*` */
export const VMWARE_HA_SSS: readonly Topology[] = ['vmware-ha-sss', 'vmware-ha-sss-guest'];
/** Every VMware topology (guide-rules "all"): everything but `plain`. */
export const VMWARE: readonly Topology[] = TopologySchema.options.filter((topology) => topology !== 'plain');

/** Topologies whose guests are cluster members (VM007: never suspend them). */
export const CLUSTERED_GUESTS: readonly Topology[] = [
  'inter-host-guest-assoc',
  'inter-guest-shared',
  'inter-guest-mirror',
  'p2v-shared',
  'p2v-mirror',
  'vmware-ha-sss-guest',
];
