/**
 * Typed views of a clp.conf: what the UI, the rules and the CLI read.
 *
 * Values stay the strings the file holds (a template may hold `%%VMA1%%` where a number is
 * expected, and the view must still open it); `toInteger` reads numbers where needed and the
 * rules report what is out of range. Every view keeps all of its element's parameters in
 * `parameters`, so nothing the model does not know is hidden.
 */
import * as z from 'zod';

const Text = z.string();
const OptionalText = z.string().optional();
/** Leaf parameters under an entity, by clpcfadm sub-path. */
export const ParameterMapSchema = z.record(z.string(), z.string());

/** Fields every entity view has. */
const EntityBase = z.object({
  name: Text,
  /** clpcfadm path of the entity, e.g. `resource/exec@exec1`. */
  path: Text,
  comment: Text,
  parameters: ParameterMapSchema,
});

export const DeviceSchema = z.object({
  id: Text,
  type: OptionalText,
  info: OptionalText,
  extend: OptionalText,
});
export type Device = z.infer<typeof DeviceSchema>;

export const ServerSchema = EntityBase.extend({
  kind: z.literal('server'),
  priority: OptionalText,
  devices: z.array(DeviceSchema),
});
export type Server = z.infer<typeof ServerSchema>;

export const HeartbeatSchema = EntityBase.extend({
  kind: z.literal('heartbeat'),
  type: Text,
  priority: OptionalText,
  device: OptionalText,
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const NetworkPartitionSchema = HeartbeatSchema.extend({
  kind: z.literal('networkpartition'),
});
export type NetworkPartition = z.infer<typeof NetworkPartitionSchema>;

export const GroupSchema = EntityBase.extend({
  kind: z.literal('group'),
  /** `failover` when the element is absent (clpconf-format.md §4). */
  type: Text,
  members: z.array(z.object({ type: Text, name: Text })),
  gid: OptionalText,
  start: OptionalText,
  failover: OptionalText,
  failback: OptionalText,
  /** Startup servers in order; empty means every server in priority order. */
  policy: z.array(z.object({ server: Text, order: OptionalText })),
  /** The groups it starts after (`depend/act/depend@g`). */
  dependsOn: z.array(Text),
  /** The groups it stops after (`depend/deact/depend@g`). */
  stopDependsOn: z.array(Text),
});
export type Group = z.infer<typeof GroupSchema>;

const RecoverySchema = z.object({
  timeout: OptionalText,
  retry: OptionalText,
  fo: OptionalText,
  action: OptionalText,
});

export const ResourceSchema = EntityBase.extend({
  kind: z.literal('resource'),
  type: Text,
  /** The group whose members include this resource, if any. */
  group: OptionalText,
  /** undefined: follow the default dependency; [] : `<depend name=""/>`, none. */
  depends: z.array(Text).optional(),
  act: RecoverySchema,
  deact: RecoverySchema,
  /** Type-specific fields for the types the Builder edits most. */
  exec: z
    .object({
      startScript: OptionalText,
      stopScript: OptionalText,
      startTimeout: OptionalText,
      stopTimeout: OptionalText,
      startSync: OptionalText,
    })
    .optional(),
  disk: z
    .object({
      diskType: OptionalText,
      device: OptionalText,
      mountPoint: OptionalText,
      fs: OptionalText,
    })
    .optional(),
  sd: z.object({ volumeMountPoint: OptionalText }).optional(),
  md: z
    .object({
      mountPoint: OptionalText,
      fs: OptionalText,
      dataPartition: OptionalText,
      clusterPartition: OptionalText,
      netdevs: z.array(Text),
    })
    .optional(),
  fip: z.object({ ip: OptionalText }).optional(),
  volmgr: z.object({ type: OptionalText, devname: OptionalText }).optional(),
  vm: z
    .object({
      vmType: OptionalText,
      vmName: OptionalText,
      configPath: OptionalText,
      requestTimeout: OptionalText,
      startTimeout: OptionalText,
    })
    .optional(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const PreactionSchema = z.object({
  use: OptionalText,
  userestart: OptionalText,
  usefailover: OptionalText,
  default: OptionalText,
  path: OptionalText,
  timeout: OptionalText,
});

export const MonitorSchema = EntityBase.extend({
  kind: z.literal('monitor'),
  type: Text,
  target: OptionalText,
  firstmonwait: OptionalText,
  polling: z.object({
    interval: OptionalText,
    timeout: OptionalText,
    reconfirmation: OptionalText,
    timing: OptionalText,
    servers: z.array(Text),
  }),
  relation: z.object({ type: OptionalText, name: OptionalText }),
  emergency: z.object({
    threshold: z.object({
      restart: OptionalText,
      fo: OptionalText,
      fo2: OptionalText,
      script: OptionalText,
    }),
    action: OptionalText,
    preaction: PreactionSchema,
  }),
  genw: z
    .object({
      path: OptionalText,
      sync: OptionalText,
      waitmonstart: OptionalText,
      default: OptionalText,
    })
    .optional(),
  diskw: z
    .object({ object: OptionalText, method: OptionalText, size: OptionalText, file: OptionalText })
    .optional(),
  userw: z.object({ method: OptionalText, action: OptionalText, usehb: OptionalText }).optional(),
  miiw: z.object({ object: OptionalText }).optional(),
  pidw: z.object({}).optional(),
  ipw: z.object({ addresses: z.array(Text) }).optional(),
  mdw: z.object({ object: OptionalText }).optional(),
  mdnw: z.object({ object: OptionalText }).optional(),
});
export type Monitor = z.infer<typeof MonitorSchema>;

export const ClusterModelSchema = z.object({
  cluster: z.object({
    name: Text,
    comment: Text,
    heartbeatTimeout: OptionalText,
    parameters: ParameterMapSchema,
  }),
  all: z.object({ charset: OptionalText, encode: OptionalText, serveros: OptionalText }),
  servers: z.array(ServerSchema),
  heartbeats: z.array(HeartbeatSchema),
  networkPartitions: z.array(NetworkPartitionSchema),
  groups: z.array(GroupSchema),
  resources: z.array(ResourceSchema),
  monitors: z.array(MonitorSchema),
  /** Shutdown stall monitoring; undefined when the section is absent. */
  haltp: z
    .object({ method: OptionalText, action: OptionalText, parameters: ParameterMapSchema })
    .optional(),
  trekking: ParameterMapSchema.optional(),
  webmgr: z.object({ objectNumber: OptionalText, parameters: ParameterMapSchema }).optional(),
  /** Root sections the model has no view for (kept as they are). */
  otherSections: z.array(Text),
  /** The kinds each typed section lists in its `<types name>` entries, in document order. */
  typesListed: z.object({
    heartbeat: z.array(Text),
    networkpartition: z.array(Text),
    resource: z.array(Text),
    monitor: z.array(Text),
  }),
});
export type ClusterModel = z.infer<typeof ClusterModelSchema>;
