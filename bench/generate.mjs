#!/usr/bin/env node
/**
 * Generates a large, realistic clp.conf for the codec and rules benchmarks.
 *
 * Usage: node bench/generate.mjs [out/clp.conf]   (default bench/.data/large/clp.conf)
 *
 * The output looks like a WebUI save on Linux (clpconf-format.md §1): ASCII declaration,
 * 2-space indentation, LF, canonical section order, no final newline. It is deterministic:
 * a seeded PRNG replaces Math.random, so every run on every machine gives the same bytes.
 * Next to the file it writes scripts/<group>/<exec>/start.sh|stop.sh for the first 10 groups
 * only: enough to exercise the project-folder code without 5,000 tiny files.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMonitors, writeResources } from './generate-sections.mjs';
import { XmlWriter } from './xml-writer.mjs';

const DEFAULT_OUTPUT = 'bench/.data/large/clp.conf';
const DEFAULT_SEED = 20240601;
const SCRIPT_GROUPS = 10;
const HEARTBEAT_DEVICES = [0, 1];

/** Resource kinds in activation order: the LV must be up before the file system on it. */
const RESOURCE_KINDS = ['fip', 'volmgr', 'disk', 'exec'];
const APPS = ['web', 'db', 'app', 'batch', 'mq', 'file', 'mail', 'erp'];

/** mulberry32: tiny, fast and well spread; fine for test data, never for secrets. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** clpconf-format.md §10: the object count the WebUI keeps in webmgr/client/objectnumber. */
export function objectNumber({
  servers,
  groups,
  resources,
  monitors,
  heartbeats,
  networkPartitions,
}) {
  return 4 + servers + groups + resources + monitors + (heartbeats + networkPartitions) * servers;
}

/** Builds the clp.conf text; the caller writes it. */
export function generateClpConf(options = {}) {
  return generateCluster(options).text;
}

/** The text plus the plan behind it (group and resource names), for writing the scripts. */
export function generateCluster({
  servers = 16,
  groups = 2500,
  resourcesPerGroup = 4,
  monitors = 10000,
  seed = DEFAULT_SEED,
} = {}) {
  const random = createRandom(seed);
  const serverNames = Array.from({ length: servers }, (_, index) => `node${pad(index + 1, 2)}`);
  const groupPlans = Array.from({ length: groups }, (_, index) =>
    planGroup(index, resourcesPerGroup, serverNames, random),
  );
  const writer = new XmlWriter();
  writer.push('<?xml version="1.0" encoding="ASCII"?>');
  writer.open('root');
  writeClusterAndAll(writer);
  const monitorTotal = writeMonitors(writer, groupPlans, monitors, random);
  serverNames.forEach((name, priority) => writeServer(writer, name, priority));
  writeHeartbeats(writer);
  writeNetworkPartition(writer);
  groupPlans.forEach((group) => writeGroup(writer, group, random));
  writeResources(writer, groupPlans, random);
  writeTrekking(writer, random);
  const total = objectNumber({
    servers,
    groups,
    resources: groups * resourcesPerGroup,
    monitors: monitorTotal,
    heartbeats: HEARTBEAT_DEVICES.length,
    networkPartitions: 1,
  });
  writeWebmgr(writer, total);
  writer.close('root');
  // WebUI saves end at </root> with no final newline (clpconf-format.md §1).
  return { text: writer.lines.join('\n'), groups: groupPlans };
}

const pad = (number, width) => String(number).padStart(width, '0');

function planGroup(index, resourcesPerGroup, serverNames, random) {
  const suffix = `${random.pick(APPS)}${pad(index + 1, 4)}`;
  return {
    index,
    name: `failover-${suffix}`,
    suffix,
    resources: Array.from({ length: resourcesPerGroup }, (_, position) =>
      planResource(suffix, position),
    ),
    policy: pickPolicyServers(serverNames, random),
  };
}

/** A fifth resource and beyond repeat the kinds with a round number ("fip-web0001-2"). */
function planResource(suffix, position) {
  const kind = RESOURCE_KINDS[position % RESOURCE_KINDS.length];
  const round = Math.floor(position / RESOURCE_KINDS.length);
  const tag = round > 0 ? `-${round + 1}` : '';
  const volumeGroup = `vg_${suffix}${tag.replace('-', '_')}`;
  return {
    kind,
    round,
    name: `${kind}-${suffix}${tag}`,
    volumeGroup,
    device: `/dev/${volumeGroup}/lv_data`,
    mountPoint: `/srv/${suffix}${tag}`,
  };
}

/** 2 to 4 consecutive servers may start the group; the others never run it. */
function pickPolicyServers(serverNames, random) {
  const count = Math.min(serverNames.length, random.integer(2, 4));
  const first = random.integer(0, serverNames.length - 1);
  return Array.from(
    { length: count },
    (_, offset) => serverNames[(first + offset) % serverNames.length],
  );
}

function writeClusterAndAll(writer) {
  writer.open('cluster');
  writer.leaf('name', 'bench-cluster');
  writer.empty('comment');
  writer.block('heartbeat', { timeout: 90000 });
  writer.block('networkpartition', { npaction: 2 });
  writer.close('cluster');
  writer.block('all', { charset: 'ASCII', encode: 'ASCII', serveros: 'linux' });
}

function writeServer(writer, name, priority) {
  writer.open('server', { name });
  writer.leaf('priority', priority);
  writeDevice(writer, 0, 'lan', `192.168.1.${11 + priority}`);
  writeDevice(writer, 1, 'lan', `10.0.1.${11 + priority}`);
  writeDevice(writer, 10200, 'ping', 1);
  writer.close('server');
}

function writeDevice(writer, id, type, info) {
  writer.open('device', { id });
  writer.leaf('type', type);
  writer.leaf('info', info);
  writer.close('device');
}

function writeHeartbeats(writer) {
  writer.open('heartbeat');
  writer.empty('types', { name: 'lankhb' });
  for (const device of HEARTBEAT_DEVICES) {
    writer.open('lankhb', { name: `lankhb${device + 1}` });
    writer.leaf('priority', device);
    writer.leaf('device', device);
    writer.close('lankhb');
  }
  writer.close('heartbeat');
}

function writeNetworkPartition(writer) {
  writer.open('networkpartition');
  writer.empty('types', { name: 'pingnp' });
  writer.open('pingnp', { name: 'pingnp1' });
  writer.leaf('priority', 0);
  writer.leaf('device', 10200);
  writer.open('grp', { id: 0 });
  writer.open('list', { id: 0 });
  writer.leaf('ip', '192.168.1.1');
  writer.close('list');
  writer.close('grp');
  writer.close('pingnp');
  writer.close('networkpartition');
}

function writeGroup(writer, group, random) {
  writer.open('group', { name: group.name });
  writer.empty('comment');
  for (const resource of group.resources) {
    writer.empty('resource', { name: `${resource.kind}@${resource.name}` });
  }
  writer.leaf('gid', group.index);
  // Most groups keep the defaults; a few start manually or fail back, as on real sites.
  if (random.next() < 0.1) {
    writer.leaf('start', 0);
  }
  if (random.next() < 0.05) {
    writer.leaf('failback', 1);
  }
  group.policy.forEach((server, order) => {
    writer.open('policy', { name: server });
    writer.leaf('order', order);
    writer.close('policy');
  });
  writer.close('group');
}

function writeTrekking(writer, random) {
  writer.block('trekking', {
    configid: `5311010.${String(random.next()).slice(2)}`,
    create: 1,
    restart: 3,
    savededition: 'X',
    savedversion: '5.3.1-1',
    savedinnerversion: '531101',
  });
}

function writeWebmgr(writer, total) {
  writer.open('webmgr');
  writer.block('client', { objectnumber: total });
  writer.close('webmgr');
}

/** Writes start.sh/stop.sh of the exec resources of the first groups next to clp.conf. */
export function writeScripts(directory, groups) {
  for (const group of groups.slice(0, SCRIPT_GROUPS)) {
    for (const resource of group.resources.filter((item) => item.kind === 'exec')) {
      const folder = join(directory, 'scripts', group.name, resource.name);
      mkdirSync(folder, { recursive: true });
      for (const event of ['start', 'stop']) {
        const path = join(folder, `${event}.sh`);
        writeFileSync(path, execScript(event, group.name, resource.name));
        // Run as root after clpcfctrl --push; git does not keep +x (fixtures/real/SCRIPTS_LAYOUT.md).
        chmodSync(path, 0o755);
      }
    }
  }
}

/** Shaped like the product's default script: both start.sh and stop.sh branch on CLP_EVENT. */
function execScript(event, groupName, resourceName) {
  return [
    '#! /bin/sh',
    `# ${event}.sh of ${resourceName} in ${groupName} (written by bench/generate.mjs)`,
    'if [ "$CLP_EVENT" = "START" ] || [ "$CLP_EVENT" = "FAILOVER" ]; then',
    `  clplogcmd -m "${resourceName}: ${event} on $CLP_SERVER" -l INFO`,
    'fi',
    'exit 0',
    '',
  ].join('\n');
}

function main() {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const { text, groups } = generateCluster();
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  writeScripts(dirname(output), groups);
  const size = Buffer.byteLength(text);
  console.log(`${output}: ${size} bytes (${(size / 1048576).toFixed(1)} MiB)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main();
}
