/**
 * The selected entity as the property form sees it: name, kind, type and parameter map,
 * whatever its kind. Pure.
 */
import {
  type ClusterModel,
  type DependencySide,
  RESOURCE_FINAL_ACTIONS,
  type Resource,
  type ServerOs,
  documentedCodesOf,
  documentedWordsOf,
  entityAtPath,
  inStartupOrder,
} from '../../../schemas/index.js';

export interface EntityView {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
  readonly type?: string | undefined;
  /** Leaf parameters by sub-path (`polling/interval`), as the model reads them. */
  readonly parameters: Readonly<Record<string, string>>;
  /** A group's resources, in the order they are listed. */
  readonly members?: ReadonlyArray<{ readonly type: string; readonly name: string }>;
  /** A group's startup servers, in their order; [] for every server. */
  readonly startupServers?: readonly string[];
  /** The groups a group starts after, and those it stops after. */
  readonly groupDependencies?: Readonly<Record<DependencySide, readonly string[]>>;
  /** A resource's dependencies: undefined follows the default dependency, [] is none. */
  readonly depends?: readonly string[] | undefined;
  /** The other resources of a resource's group: what it can depend on. */
  readonly dependable?: readonly string[];
}

/** The entity at `path`, or undefined for a folder or a vanished entity. */
export function entityAt(model: ClusterModel, path: string): EntityView | undefined {
  if (path === 'cluster') {
    return {
      path,
      name: model.cluster.name,
      kind: 'cluster',
      parameters: model.cluster.parameters,
    };
  }
  const found = entityAtPath(model, path);
  return (
    found && {
      path: found.path,
      name: found.name,
      kind: found.kind,
      type: 'type' in found ? found.type : undefined,
      parameters: found.parameters,
      ...(found.kind === 'group'
        ? {
            members: found.members,
            startupServers: inStartupOrder(found.policy),
            groupDependencies: { start: found.dependsOn, stop: found.stopDependsOn },
          }
        : {}),
      ...(found.kind === 'resource'
        ? { depends: found.depends, dependable: dependableFor(model, found) }
        : {}),
    }
  );
}

/** The other resources of the resource's group, in the group's order. */
function dependableFor(model: ClusterModel, resource: Resource): string[] {
  const group = model.groups.find((candidate) => candidate.name === resource.group);
  return (group?.members ?? [])
    .map((member) => member.name)
    .filter((name) => name !== resource.name);
}

/** A parameter shown as a choice of meanings rather than a raw code. */
export interface ChoiceField {
  /** Sub-path under the entity. */
  readonly key: string;
  /** i18n key of the label. */
  readonly label: string;
  /**
   * Value, i18n key of its meaning ('' for a name shown as it is), and the English meaning
   * when the key has no entry (the name itself for '').
   */
  readonly options: ReadonlyArray<readonly [string, string, string?]>;
  /** i18n key of what the absent parameter means, when not "Product default". */
  readonly absent?: string;
}

/** The names a monitor's target and recovery target choose from. */
export interface ClusterNames {
  readonly servers: readonly string[];
  readonly groups: readonly string[];
  readonly resources: readonly string[];
  /** The servers' devices by id: what a heartbeat or a network partition resource uses. */
  readonly devices?: readonly ClusterDevice[];
  /** The OS `<all><serveros>` names: which final actions and methods the product offers. */
  readonly os?: ServerOs;
}

/** A device id and what each server has under it (`esx1 10.0.0.1, esx2 10.0.0.2`). */
export interface ClusterDevice {
  readonly id: string;
  readonly type: string;
  readonly where: string;
}

/** The device type each heartbeat and network partition kind uses (clpconf-format.md §2.5). */
const DEVICE_TYPES: Readonly<Record<string, string>> = {
  lankhb: 'lan',
  lanhb: 'lan',
  diskhb: 'disk',
  bmchb: 'bmc',
  witnesshb: 'witness',
  pingnp: 'ping',
  httpnp: 'http',
  disknp: 'disknp',
};

/** The servers' devices by id, each with its type and every server's value for it. */
export function devicesOf(servers: ClusterModel['servers']): ClusterDevice[] {
  const byId = new Map<string, { type: string; where: string[] }>();
  for (const server of servers) {
    for (const device of server.devices) {
      const entry = byId.get(device.id) ?? { type: device.type ?? '', where: [] };
      entry.where.push(`${server.name} ${device.info ?? ''}`.trim());
      byId.set(device.id, entry);
    }
  }
  return [...byId].map(([id, { type, where }]) => ({ id, type, where: where.join(', ') }));
}

/** A name as a choice: shown as it is. */
const named = (name: string) => [name, '', name] as const;

const AUTOMATIC_OR_MANUAL: ChoiceField['options'] = [
  ['1', 'option.automatic'],
  ['0', 'option.manual'],
];

/**
 * A parameter whose words the core documents (schemas/model/documented-values.ts), shown as
 * they are: the form offers exactly what the rules (CF011) accept.
 */
function wordsField(entityPath: string, key: string, label: string, os?: ServerOs): ChoiceField[] {
  const words = documentedWordsOf(`${entityPath}/${key}`, os) ?? [];
  return words.length === 0 ? [] : [{ key, label, options: words.map(named) }];
}

/** A group's type, start, failover, failback and exclusion attributes (clpconf-format.md §4). */
const GROUP_FIELDS: ChoiceField[] = [
  ...wordsField('group@name', 'type', 'field.groupType'),
  { key: 'start', label: 'field.groupStart', options: AUTOMATIC_OR_MANUAL },
  { key: 'failover', label: 'field.groupFailover', options: AUTOMATIC_OR_MANUAL },
  { key: 'failback', label: 'field.groupFailback', options: AUTOMATIC_OR_MANUAL },
  {
    key: 'exclusive',
    label: 'field.groupExclusive',
    options: [
      ['0', 'option.exclusiveNone'],
      ['1', 'option.exclusiveNormal'],
      ['2', 'option.exclusiveFull'],
    ],
  },
];

const SYNC_CHOICES: ChoiceField['options'] = [
  ['1', 'option.synchronous'],
  ['0', 'option.asynchronous'],
];

/**
 * A final action's choices: the codes the core documents for the parameter on this OS (on
 * either when the file names none), each with its meaning.
 */
function actionChoices(
  path: string,
  meanings: Readonly<Record<string, string>>,
  prefix: string,
  os: ServerOs | undefined,
): ChoiceField['options'] {
  return (documentedCodesOf(path, os) ?? []).map((code) => [
    code,
    `${prefix}.${code}`,
    meanings[code],
  ]);
}

/** A resource's final actions on (de)activation failure, and an exec script's start mode. */
function resourceFields(entity: Pick<EntityView, 'type'>, os: ServerOs | undefined): ChoiceField[] {
  const path = `resource/${entity.type ?? ''}@name`;
  const actions = (key: string) =>
    actionChoices(`${path}/${key}`, RESOURCE_FINAL_ACTIONS, 'resourceAction', os);
  const fields: ChoiceField[] = [
    { key: 'act/action', label: 'field.activationFailure', options: actions('act/action') },
    { key: 'deact/action', label: 'field.deactivationFailure', options: actions('deact/action') },
  ];
  // Disk type, file system and unmount action of a disk; a mirror disk's file system.
  fields.push(
    ...wordsField(path, 'parameters/disktype', 'field.diskType', os),
    ...wordsField(path, 'parameters/fs', 'field.fileSystem', os),
    ...wordsField(path, 'parameters/umount/action', 'field.umountAction', os),
  );
  if (entity.type === 'exec' || entity.type === 'script') {
    fields.push(
      { key: 'parameters/act/sync', label: 'field.startScriptSync', options: SYNC_CHOICES },
      { key: 'parameters/deact/sync', label: 'field.stopScriptSync', options: SYNC_CHOICES },
    );
  }
  return fields;
}

/** The typed fields an entity kind and type show above the generic list. */
export function choiceFieldsOf(
  entity: Pick<EntityView, 'kind' | 'type'>,
  finalActions: Readonly<Record<string, string>>,
  names: ClusterNames = { servers: [], groups: [], resources: [] },
): ChoiceField[] {
  if (entity.kind === 'group') {
    return GROUP_FIELDS;
  }
  if (entity.kind === 'resource') {
    return resourceFields(entity, names.os);
  }
  if (entity.kind === 'heartbeat' || entity.kind === 'networkpartition') {
    const type = DEVICE_TYPES[entity.type ?? ''];
    const devices = (names.devices ?? []).filter((device) => device.type === type);
    return [
      {
        key: 'device',
        label: 'field.device',
        options: devices.map((device) => [device.id, '', device.where]),
        absent: 'option.notSet',
      },
    ];
  }
  if (entity.kind !== 'monitor') {
    return [];
  }
  const path = `monitor/${entity.type ?? ''}@name`;
  const fields: ChoiceField[] = [
    // clpconf-format.md §6: 0 always, 1 only while the target is active (then it needs one).
    {
      key: 'polling/timing',
      label: 'field.monitorTiming',
      options: [
        ['0', 'option.always'],
        ['1', 'option.whileActive'],
      ],
    },
    {
      key: 'target',
      label: 'field.monitorTarget',
      options: names.resources.map(named),
      absent: 'option.noTarget',
    },
    {
      key: 'emergency/action',
      label: 'field.finalAction',
      options: actionChoices(`${path}/emergency/action`, finalActions, 'finalAction', names.os),
    },
    // "Execute script before final action" (clpconf-format.md §6; the VM030 rule).
    {
      key: 'emergency/preaction/use',
      label: 'field.preactionUse',
      options: [
        ['1', 'option.run'],
        ['0', 'option.doNotRun'],
      ],
    },
  ];
  // A user-space monitor's method (keepalive from X 4, softdog before; Windows: keepalive).
  fields.push(
    ...wordsField(path, 'parameters/method', 'field.userwMethod', names.os),
    ...wordsField(path, 'parameters/action', 'field.userwAction', names.os),
  );
  if (entity.type === 'genw') {
    fields.push({
      key: 'parameters/sync',
      label: 'field.genwSync',
      options: [
        ['0', 'option.asynchronous'],
        ['1', 'option.synchronous'],
      ],
    });
  }
  return fields;
}

/** A recovery target as one choice: `cls:LocalServer`, `grp:<group>` or `rsc:<resource>`. */
export function recoveryChoices(
  names: ClusterNames,
): ReadonlyArray<readonly [string, string, string?]> {
  return [
    ['cls:LocalServer', 'option.recoverCluster'],
    ...names.groups.map((group) => [`grp:${group}`, 'option.recoverGroup', group] as const),
    ...names.resources.map(
      (resource) => [`rsc:${resource}`, 'option.recoverResource', resource] as const,
    ),
  ];
}
