/**
 * Builds the typed views from a document.
 */
import { type ClpDocument, rootOf } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren, textValue } from '../codec/tree.js';
import type {
  ClusterModel,
  Device,
  Group,
  Heartbeat,
  Monitor,
  NetworkPartition,
  Resource,
  Server,
} from './entities.js';
import { HEARTBEAT_KINDS, NETWORK_PARTITION_KINDS } from './kinds.js';
import { childText, flattenParameters } from './params.js';

const KNOWN_SECTIONS = new Set([
  'cluster',
  'all',
  'server',
  'heartbeat',
  'networkpartition',
  'group',
  'resource',
  'monitor',
  'haltp',
  'trekking',
  'webmgr',
]);

/** Reads the whole model. Never fails: what does not fit a view stays in `parameters`. */
export function readModel(document: ClpDocument): ClusterModel {
  const model = readFresh(document);
  const previous = lastModel;
  lastModel = model;
  if (!previous) {
    return model;
  }
  // Lists whose entities are all unchanged keep their identity, so that consumers (the rules
  // engine's indexes and incremental checker) can tell "unchanged" by a pointer compare.
  return {
    ...model,
    servers: stable(previous.servers, model.servers),
    heartbeats: stable(previous.heartbeats, model.heartbeats),
    networkPartitions: stable(previous.networkPartitions, model.networkPartitions),
    groups: stable(previous.groups, model.groups),
    resources: stable(previous.resources, model.resources),
    monitors: stable(previous.monitors, model.monitors),
  };
}

let lastModel: ClusterModel | undefined;

function stable<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && previous.every((item, index) => item === next[index]) ? previous : next;
}

function readFresh(document: ClpDocument): ClusterModel {
  const root = rootOf(document);
  const sections = elementChildren(root);
  const named = (name: string) => sections.filter((section) => section.name === name);
  const first = (name: string) => sections.find((section) => section.name === name);
  const groups = named('group').map((element) => memo(element, readGroup));
  const memberOf = new Map<string, string>();
  for (const group of groups) {
    for (const member of group.members) {
      memberOf.set(member.name, group.name);
    }
  }
  return {
    cluster: readCluster(first('cluster')),
    all: {
      charset: text(first('all'), 'charset'),
      encode: text(first('all'), 'encode'),
      serveros: text(first('all'), 'serveros'),
    },
    servers: named('server').map((element) => memo(element, readServer)),
    heartbeats: instances(named('heartbeat'), HEARTBEAT_KINDS).map((element) =>
      memo(element, () => readHeartbeat(element, 'heartbeat') as Heartbeat),
    ),
    networkPartitions: instances(named('networkpartition'), NETWORK_PARTITION_KINDS).map((element) =>
      memo(element, () => readHeartbeat(element, 'networkpartition') as NetworkPartition),
    ),
    groups,
    resources: instances(named('resource')).map((element) => readMemberResource(element, memberOf)),
    monitors: instances(named('monitor')).map((element) => memo(element, readMonitor)),
    haltp: readHaltp(first('haltp')),
    trekking: first('trekking') ? flattenParameters(first('trekking') as XmlElement) : undefined,
    webmgr: first('webmgr')
      ? {
          objectNumber: childText(first('webmgr') as XmlElement, 'client/objectnumber'),
          parameters: flattenParameters(first('webmgr') as XmlElement),
        }
      : undefined,
    otherSections: [
      ...new Set(
        sections.map((section) => section.name).filter((name) => !KNOWN_SECTIONS.has(name)),
      ),
    ],
  };
}

// Views of elements an edit did not touch are reused: the tree is immutable, so an element
// that is the same object has the same view. This keeps re-reading after an edit cheap and
// lets the rules engine see which entities changed by identity.
const views = new WeakMap<XmlElement, unknown>();

function memo<T>(element: XmlElement, read: (element: XmlElement) => T): T {
  const known = views.get(element) as T | undefined;
  if (known !== undefined) {
    return known;
  }
  const view = read(element);
  views.set(element, view);
  return view;
}

/** A resource view depends on its element and on the group holding it. */
function readMemberResource(element: XmlElement, memberOf: ReadonlyMap<string, string>): Resource {
  const group = memberOf.get(attributeValue(element, 'name') ?? '');
  const known = views.get(element) as Resource | undefined;
  if (known !== undefined && known.group === group) {
    return known;
  }
  const view = readResource(element, memberOf);
  views.set(element, view);
  return view;
}

function text(element: XmlElement | undefined, path: string): string | undefined {
  return element ? childText(element, path) : undefined;
}

/** Instances in a section: every keyed child that is not a `<types>` entry. */
export function instances(
  sections: readonly XmlElement[],
  kinds?: readonly string[],
): XmlElement[] {
  return sections.flatMap((section) =>
    elementChildren(section).filter(
      (child) =>
        child.name !== 'types' &&
        attributeValue(child, 'name') !== undefined &&
        (!kinds || kinds.includes(child.name)),
    ),
  );
}

function base(element: XmlElement, path: string) {
  const name = attributeValue(element, 'name') ?? '';
  const parameters = flattenParameters(element);
  return {
    name,
    path,
    comment: parameters['comment'] ?? '',
    parameters,
  };
}

function readCluster(element: XmlElement | undefined): ClusterModel['cluster'] {
  if (!element) {
    return { name: '', comment: '', parameters: {} };
  }
  return {
    name: childText(element, 'name') ?? '',
    comment: childText(element, 'comment') ?? '',
    heartbeatTimeout: childText(element, 'heartbeat/timeout'),
    parameters: flattenParameters(element),
  };
}

function readServer(element: XmlElement): Server {
  const common = base(element, `server@${attributeValue(element, 'name') ?? ''}`);
  const devices: Device[] = elementChildren(element)
    .filter((child) => child.name === 'device')
    .map((device) => ({
      id: attributeValue(device, 'id') ?? '',
      type: childText(device, 'type'),
      info: childText(device, 'info'),
      extend: childText(device, 'extend'),
    }));
  return { ...common, kind: 'server', priority: common.parameters['priority'], devices };
}

function readHeartbeat(
  element: XmlElement,
  section: 'heartbeat' | 'networkpartition',
): Heartbeat | NetworkPartition {
  const name = attributeValue(element, 'name') ?? '';
  const common = base(element, `${section}/${element.name}@${name}`);
  return {
    ...common,
    kind: section,
    type: element.name,
    priority: common.parameters['priority'],
    device: common.parameters['device'],
  };
}

function readGroup(element: XmlElement): Group {
  const common = base(element, `group@${attributeValue(element, 'name') ?? ''}`);
  const children = elementChildren(element);
  const members = children
    .filter((child) => child.name === 'resource')
    .map((child) => {
      const reference = attributeValue(child, 'name') ?? '';
      const at = reference.indexOf('@');
      return { type: reference.slice(0, at), name: reference.slice(at + 1) };
    });
  const policy = children
    .filter((child) => child.name === 'policy')
    .map((child) => ({
      server: attributeValue(child, 'name') ?? '',
      order: childText(child, 'order'),
    }));
  const depend = children.find((child) => child.name === 'depend');
  const dependsOn = depend
    ? Object.keys(flattenParameters(depend)).flatMap(
        (path) => /^act\/depend@([^/]+)/.exec(path)?.[1] ?? [],
      )
    : [];
  return {
    ...common,
    kind: 'group',
    type: common.parameters['type'] ?? 'failover',
    members,
    gid: common.parameters['gid'],
    start: common.parameters['start'],
    failover: common.parameters['failover'],
    failback: common.parameters['failback'],
    policy,
    dependsOn: [...new Set(dependsOn)],
  };
}

function readRecovery(parameters: Readonly<Record<string, string>>, which: 'act' | 'deact') {
  return {
    timeout: parameters[`${which}/timeout`],
    retry: parameters[`${which}/retry`],
    fo: parameters[`${which}/fo`],
    action: parameters[`${which}/action`],
  };
}

function readResource(element: XmlElement, memberOf: ReadonlyMap<string, string>): Resource {
  const common = base(element, `resource/${element.name}@${attributeValue(element, 'name') ?? ''}`);
  const depends = elementChildren(element).filter((child) => child.name === 'depend');
  const resource: Resource = {
    ...common,
    kind: 'resource',
    type: element.name,
    group: memberOf.get(common.name),
    depends:
      depends.length === 0
        ? undefined
        : depends.map((child) => attributeValue(child, 'name') ?? '').filter((name) => name !== ''),
    act: readRecovery(common.parameters, 'act'),
    deact: readRecovery(common.parameters, 'deact'),
  };
  return { ...resource, ...typedResource(element, common.parameters) };
}

function typedResource(element: XmlElement, parameters: Readonly<Record<string, string>>): Partial<Resource> {
  const value = (path: string) => parameters[`parameters/${path}`];
  switch (element.name) {
    case 'exec':
    case 'script':
      return {
        exec: {
          startScript: value('act/path'),
          stopScript: value('deact/path'),
          startTimeout: value('timeout/start'),
          stopTimeout: value('timeout/stop'),
          startSync: value('act/sync'),
        },
      };
    case 'disk':
      return {
        disk: {
          diskType: value('disktype'),
          device: value('device'),
          mountPoint: value('mount/point'),
          fs: value('fs'),
        },
      };
    case 'sd':
      return { sd: { volumeMountPoint: value('volumemountpoint') } };
    case 'md': {
      const netdevs = Object.keys(flattenParameters(element)).flatMap(
        (path) => /^parameters\/netdev@([^/]+)\/device$/.exec(path)?.[1] ?? [],
      );
      return {
        md: {
          mountPoint: value('mount/point'),
          fs: value('fs'),
          dataPartition: value('diskdev/dppath'),
          clusterPartition: value('diskdev/cppath'),
          netdevs,
        },
      };
    }
    case 'fip':
      return { fip: { ip: value('ip') } };
    case 'volmgr':
      return { volmgr: { type: value('type'), devname: value('devname') } };
    case 'vm':
      return {
        vm: {
          vmType: value('vmtype'),
          vmName: value('vmname'),
          configPath: value('vmconfigpath'),
          requestTimeout: value('reqtimeout'),
          startTimeout: value('starttimeout'),
        },
      };
    default:
      return {};
  }
}

function readMonitor(element: XmlElement): Monitor {
  const common = base(element, `monitor/${element.name}@${attributeValue(element, 'name') ?? ''}`);
  const parameters = common.parameters;
  const value = (path: string) => parameters[path];
  const servers = Object.keys(parameters)
    .filter((path) => /^polling\/servers@[^/]+\/name$/.test(path))
    .map((path) => parameters[path] as string);
  const monitor: Monitor = {
    ...common,
    kind: 'monitor',
    type: element.name,
    target: value('target'),
    firstmonwait: value('firstmonwait'),
    polling: {
      interval: value('polling/interval'),
      timeout: value('polling/timeout'),
      reconfirmation: value('polling/reconfirmation'),
      timing: value('polling/timing'),
      servers,
    },
    relation: { type: value('relation/type'), name: value('relation/name') },
    emergency: {
      threshold: {
        restart: value('emergency/threshold/restart'),
        fo: value('emergency/threshold/fo'),
        fo2: value('emergency/threshold/fo2'),
        script: value('emergency/threshold/script'),
      },
      action: value('emergency/action'),
      preaction: {
        use: value('emergency/preaction/use'),
        userestart: value('emergency/preaction/userestart'),
        usefailover: value('emergency/preaction/usefailover'),
        default: value('emergency/preaction/default'),
        path: value('emergency/preaction/path'),
        timeout: value('emergency/preaction/timeout'),
      },
    },
  };
  return { ...monitor, ...typedMonitor(element, parameters) };
}

function typedMonitor(
  element: XmlElement,
  parameters: Readonly<Record<string, string>>,
): Partial<Monitor> {
  const value = (path: string) => parameters[`parameters/${path}`];
  switch (element.name) {
    case 'genw':
      return {
        genw: {
          path: value('path'),
          sync: value('sync'),
          waitmonstart: value('waitmonstart'),
          default: value('default'),
        },
      };
    case 'diskw':
      return {
        diskw: {
          object: value('object'),
          method: value('method'),
          size: value('size'),
          file: value('file'),
        },
      };
    case 'userw':
      return { userw: { method: value('method'), action: value('action'), usehb: value('usehb') } };
    case 'miiw':
      return { miiw: { object: value('object') } };
    case 'pidw':
      return { pidw: {} };
    case 'ipw':
      return {
        ipw: {
          addresses: Object.keys(parameters)
            .filter((path) => /^parameters\/list@[^/]+\/ip$/.test(path))
            .map((path) => parameters[path] as string),
        },
      };
    case 'mdw':
      return { mdw: { object: value('object') } };
    case 'mdnw':
      return { mdnw: { object: value('object') } };
    default:
      return {};
  }
}

function readHaltp(element: XmlElement | undefined): ClusterModel['haltp'] {
  return element
    ? {
        method: childText(element, 'method'),
        action: childText(element, 'action'),
        parameters: flattenParameters(element),
      }
    : undefined;
}

/** The `types` names listed in a section element. */
export function typesListed(section: XmlElement): string[] {
  return elementChildren(section)
    .filter((child) => child.name === 'types')
    .map((child) => attributeValue(child, 'name') ?? '');
}

/** The text of an element, re-exported for the edit layer. */
export { textValue };
