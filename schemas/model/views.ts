/**
 * The views of resources and monitors, read by the ten thousand in a large cluster: each is
 * built in one object literal from the flattened parameters (no spreads of intermediate
 * objects), its type-specific field added last.
 */
import { type XmlElement, attributeValue } from '../codec/tree.js';
import type { Monitor, Resource } from './entities.js';
import { flattenParameters, outlineElement } from './params.js';

function readRecovery(parameters: Readonly<Record<string, string>>, which: 'act' | 'deact') {
  return {
    timeout: parameters[`${which}/timeout`],
    retry: parameters[`${which}/retry`],
    fo: parameters[`${which}/fo`],
    action: parameters[`${which}/action`],
  };
}

/** A resource's view; `memberOf` gives the group holding it. */
export function readResource(element: XmlElement, memberOf: ReadonlyMap<string, string>): Resource {
  // Read from the source text: a resource's nodes are never built just to read it.
  const outline = outlineElement(element);
  const { parameters } = outline;
  const name = attributeValue(element, 'name') ?? '';
  const depends = outline.children.filter((child) => child.name === 'depend');
  const resource: Resource = {
    name,
    path: `resource/${element.name}@${name}`,
    comment: parameters['comment'] ?? '',
    parameters,
    kind: 'resource',
    type: element.name,
    group: memberOf.get(name),
    depends:
      depends.length === 0
        ? undefined
        : depends.map((child) => child.attributes?.get('name') ?? '').filter((name) => name !== ''),
    act: readRecovery(parameters, 'act'),
    deact: readRecovery(parameters, 'deact'),
  };
  return Object.assign(resource, typedResource(element, parameters));
}

function typedResource(
  element: XmlElement,
  parameters: Readonly<Record<string, string>>,
): Partial<Resource> {
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
      const netdevs = Object.keys(parameters).flatMap(
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

/** A monitor's view. */
export function readMonitor(element: XmlElement): Monitor {
  const name = attributeValue(element, 'name') ?? '';
  const parameters = flattenParameters(element);
  const value = (path: string) => parameters[path];
  const monitor: Monitor = {
    name,
    path: `monitor/${element.name}@${name}`,
    comment: parameters['comment'] ?? '',
    parameters,
    kind: 'monitor',
    type: element.name,
    target: value('target'),
    firstmonwait: value('firstmonwait'),
    polling: {
      interval: value('polling/interval'),
      timeout: value('polling/timeout'),
      reconfirmation: value('polling/reconfirmation'),
      timing: value('polling/timing'),
      servers: keyedValues(parameters, 'polling/servers@', /^polling\/servers@[^/]+\/name$/),
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
  return Object.assign(monitor, typedMonitor(element, parameters));
}

/** Values of the parameters matching `pattern` (which starts with `prefix`), in document order. */
function keyedValues(
  parameters: Readonly<Record<string, string>>,
  prefix: string,
  pattern: RegExp,
): string[] {
  const values: string[] = [];
  for (const path in parameters) {
    if (path.startsWith(prefix) && pattern.test(path)) {
      values.push(parameters[path] as string);
    }
  }
  return values;
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
          addresses: keyedValues(parameters, 'parameters/list@', /^parameters\/list@[^/]+\/ip$/),
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
