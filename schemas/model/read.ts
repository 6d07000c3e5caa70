/**
 * Builds the typed views from a document.
 */
import { type ClpDocument, rootOf } from '../codec/document.js';
import { type XmlElement, attributeValue, elementChildren, textValue } from '../codec/tree.js';
import type {
  ClusterModel,
  Device,
  Heartbeat,
  Monitor,
  NetworkPartition,
  Resource,
  Server,
} from './entities.js';
import { HEARTBEAT_KINDS, NETWORK_PARTITION_KINDS } from './kinds.js';
import { readGroup } from './group.js';
import { childText, flattenParameters } from './params.js';
import { instances, joinSections, membership, sectionViews } from './sections.js';
import { readMonitor, readResource } from './views.js';

export { instances };

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
  if (!previous) {
    lastModel = model;
    return model;
  }
  // Lists whose entities are all unchanged keep their identity, so that consumers (the rules
  // engine's indexes and incremental checker) can tell "unchanged" by a pointer compare.
  lastModel = {
    ...model,
    servers: stable(previous.servers, model.servers),
    heartbeats: stable(previous.heartbeats, model.heartbeats),
    networkPartitions: stable(previous.networkPartitions, model.networkPartitions),
    groups: stable(previous.groups, model.groups),
    resources: stable(previous.resources, model.resources),
    monitors: stable(previous.monitors, model.monitors),
  };
  return lastModel;
}

let lastModel: ClusterModel | undefined;

function stable<T>(previous: T[], next: T[]): T[] {
  return previous === next ||
    (previous.length === next.length && previous.every((item, index) => item === next[index]))
    ? previous
    : next;
}

function readFresh(document: ClpDocument): ClusterModel {
  const root = rootOf(document);
  const sections = elementChildren(root);
  const named = (name: string) => sections.filter((section) => section.name === name);
  const first = (name: string) => sections.find((section) => section.name === name);
  const groups = stable(
    lastModel?.groups ?? [],
    named('group').map((element) => memo(element, readGroup)),
  );
  const memberOf = membership(groups);
  // Cluster-wide views are reused like entities' (the rules engine compares them by identity).
  const cluster = first('cluster');
  const all = first('all');
  return {
    cluster: cluster ? memo(cluster, readCluster) : NO_CLUSTER,
    all: all ? memo(all, readAll) : NO_ALL,
    servers: named('server').map((element) => memo(element, readServer)),
    heartbeats: instances(named('heartbeat'), HEARTBEAT_KINDS).map((element) =>
      memo(element, () => readHeartbeat(element, 'heartbeat') as Heartbeat),
    ),
    networkPartitions: instances(named('networkpartition'), NETWORK_PARTITION_KINDS).map(
      (element) =>
        memo(element, () => readHeartbeat(element, 'networkpartition') as NetworkPartition),
    ),
    groups,
    resources: joinSections(named('resource'), (section) => sectionResources(section, memberOf)),
    monitors: joinSections(named('monitor'), sectionMonitors),
    haltp: optional(first('haltp'), readHaltp),
    trekking: optional(first('trekking'), flattenParameters),
    webmgr: optional(first('webmgr'), (element) => ({
      objectNumber: childText(element, 'client/objectnumber'),
      parameters: flattenParameters(element),
    })),
    otherSections: [
      ...new Set(
        sections.map((section) => section.name).filter((name) => !KNOWN_SECTIONS.has(name)),
      ),
    ],
    typesListed: typesListedIn(sections),
  };
}

type TypesListed = ClusterModel['typesListed'];

let lastTypes: { readonly key: string; readonly listed: TypesListed } | undefined;

/**
 * The `<types>` entries of the typed sections. The same object while they are the same, so
 * that an edit that adds no kind leaves the rules reading them alone (incremental checking).
 */
function typesListedIn(sections: readonly XmlElement[]): TypesListed {
  const of = (name: string) =>
    sections.filter((section) => section.name === name).flatMap(typesOfSection);
  const listed: TypesListed = {
    heartbeat: of('heartbeat'),
    networkpartition: of('networkpartition'),
    resource: of('resource'),
    monitor: of('monitor'),
  };
  const key = JSON.stringify(listed);
  if (lastTypes?.key !== key) {
    lastTypes = { key, listed };
  }
  return lastTypes.listed;
}

// Resources and monitors are too many to remember one by one (a WeakMap entry each costs the
// first read of a large file more than it saves): their sections remember them instead.
function sectionResources(section: XmlElement, memberOf: ReadonlyMap<string, string>): Resource[] {
  return sectionViews(
    section,
    (element) => readResource(element, memberOf),
    (view) => view.group === memberOf.get(view.name),
    memberOf,
  );
}

function sectionMonitors(section: XmlElement): Monitor[] {
  return sectionViews(section, readMonitor, () => true);
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

function text(element: XmlElement | undefined, path: string): string | undefined {
  return element ? childText(element, path) : undefined;
}

/** The view of a section the file may not have. */
function optional<T>(
  element: XmlElement | undefined,
  read: (element: XmlElement) => T,
): T | undefined {
  return element ? memo(element, read) : undefined;
}

function readAll(element: XmlElement): ClusterModel['all'] {
  return {
    charset: text(element, 'charset'),
    encode: text(element, 'encode'),
    serveros: text(element, 'serveros'),
  };
}

function base(element: XmlElement, path: string) {
  const parameters = flattenParameters(element);
  const name = attributeValue(element, 'name') ?? '';
  return {
    name,
    path,
    comment: parameters['comment'] ?? '',
    parameters,
  };
}

// One view for an absent section, so that re-reading does not look like an edit.
const NO_CLUSTER: ClusterModel['cluster'] = Object.freeze({
  name: '',
  comment: '',
  parameters: Object.freeze({}),
});
const NO_ALL: ClusterModel['all'] = Object.freeze({
  charset: undefined,
  encode: undefined,
  serveros: undefined,
});

function readCluster(element: XmlElement): ClusterModel['cluster'] {
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

function readHaltp(element: XmlElement): ClusterModel['haltp'] {
  return {
    method: childText(element, 'method'),
    action: childText(element, 'action'),
    parameters: flattenParameters(element),
  };
}

// A section an edit did not touch is the same element: its entries are not looked for again
// among its 10,000 instances.
const sectionTypes = new WeakMap<XmlElement, readonly string[]>();

/** The `types` names listed in a section element. */
function typesOfSection(section: XmlElement): readonly string[] {
  let listed = sectionTypes.get(section);
  if (!listed) {
    const names: string[] = [];
    for (const child of section.children) {
      if (child.kind === 'element' && child.name === 'types') {
        names.push(attributeValue(child, 'name') ?? '');
      }
    }
    listed = names;
    sectionTypes.set(section, listed);
  }
  return listed;
}

/** The text of an element, re-exported for the edit layer. */
export { textValue };
