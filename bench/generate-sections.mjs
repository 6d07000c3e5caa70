/**
 * The <resource> and <monitor> sections of the benchmark clp.conf: the bulk of the file.
 *
 * Element names and value meanings follow clpconf-format.md §5 (resources) and §6 (monitors);
 * exec act/deact timeouts are script timeout + 180 as the WebUI sets them (§5.1, §10).
 */

/** Monitor kinds besides the single userw, each watching one resource kind of a group. */
const MONITOR_TARGETS = { fipw: 'fip', volmgrw: 'volmgr', diskw: 'disk', genw: 'exec' };
const SCRIPT_TIMEOUTS = [300, 600, 900, 1800];

/** Writes <resource>: the <types> list, then every group's resources in group order. */
export function writeResources(writer, groups, random) {
  writer.open('resource');
  const kinds = [
    ...new Set(groups.flatMap((group) => group.resources.map((resource) => resource.kind))),
  ];
  for (const kind of kinds) {
    writer.empty('types', { name: kind });
  }
  for (const group of groups) {
    for (const resource of group.resources) {
      RESOURCE_WRITERS[resource.kind](writer, resource, group, random);
    }
  }
  writer.close('resource');
}

const RESOURCE_WRITERS = {
  fip(writer, resource, group) {
    writer.open('fip', { name: resource.name });
    writer.empty('comment');
    writer.block('parameters', { ip: floatingIp(group.index, resource.round) });
    writer.close('fip');
  },

  volmgr(writer, resource) {
    writer.open('volmgr', { name: resource.name });
    writer.empty('comment');
    writer.block('parameters', { type: 'lvm', devname: resource.volumeGroup });
    writer.close('volmgr');
  },

  disk(writer, resource, group, random) {
    writer.open('disk', { name: resource.name });
    writer.empty('comment');
    writer.open('parameters');
    writer.leaf('disktype', 'lvm');
    writer.leaf('device', resource.device);
    writer.block('mount', { point: resource.mountPoint, option: 'rw' });
    writer.leaf('fs', random.pick(['xfs', 'ext4']));
    // The WebUI writes only values that differ from the defaults; a few disks tune fsck.
    if (random.next() < 0.2) {
      writer.block('fsck', { timing: 0 });
    }
    writer.close('parameters');
    const volumeManager = group.resources.find((item) => item.kind === 'volmgr');
    if (volumeManager) {
      writer.empty('depend', { name: volumeManager.name });
    }
    writer.close('disk');
  },

  exec(writer, resource, _group, random) {
    const start = random.pick(SCRIPT_TIMEOUTS);
    const stop = random.pick(SCRIPT_TIMEOUTS);
    writer.open('exec', { name: resource.name });
    writer.empty('comment');
    writer.open('parameters');
    writer.block('act', { path: 'start.sh' });
    writer.block('deact', { path: 'stop.sh' });
    writer.block('timeout', { start, stop });
    writer.leaf('userlog', `/opt/nec/clusterpro/log/${resource.name}.log`);
    writer.block('logrotate', { use: 1, size: 1000000 });
    writer.close('parameters');
    writer.block('act', { timeout: start + 180 });
    writer.block('deact', { timeout: stop + 180 });
    writer.close('exec');
  },
};

/** 10.20.0.1 upwards: 250 groups per /24, a further /16 for each extra fip of a group. */
function floatingIp(groupIndex, round) {
  return `10.${20 + round}.${Math.floor(groupIndex / 250)}.${(groupIndex % 250) + 1}`;
}

/**
 * Writes <monitor>: <types>, the userw, then `count - 1` monitors spread over the kinds and,
 * within a kind, over the groups (a second round gets a "-2" suffix). Returns how many were written.
 */
export function writeMonitors(writer, groups, count, random) {
  const counts = splitEvenly(Math.max(count - 1, 0), Object.keys(MONITOR_TARGETS));
  const kinds = Object.keys(counts).filter((kind) => counts[kind] > 0);
  writer.open('monitor');
  writer.empty('types', { name: 'userw' });
  kinds.forEach((kind) => writer.empty('types', { name: kind }));
  writeUserw(writer);
  for (const kind of kinds) {
    for (let index = 0; index < counts[kind]; index += 1) {
      const group = groups[index % groups.length];
      const round = Math.floor(index / groups.length);
      const name = `${kind}-${group.suffix}${round > 0 ? `-${round + 1}` : ''}`;
      writeMonitor(writer, kind, name, group, random);
    }
  }
  writer.close('monitor');
  return 1 + Object.values(counts).reduce((sum, value) => sum + value, 0);
}

/** Shares `total` among the keys; the first keys get one more when it does not divide. */
function splitEvenly(total, keys) {
  return Object.fromEntries(
    keys.map((key, index) => [
      key,
      Math.floor(total / keys.length) + (index < total % keys.length ? 1 : 0),
    ]),
  );
}

function writeUserw(writer) {
  writer.open('userw', { name: 'userw' });
  writer.empty('comment');
  writer.empty('target');
  writer.block('relation', { type: 'cls', name: 'LocalServer' });
  writer.block('parameters', { method: 'keepalive', action: 'RESET' });
  writer.close('userw');
}

function writeMonitor(writer, kind, name, group, random) {
  const target = group.resources.find((resource) => resource.kind === MONITOR_TARGETS[kind]);
  // diskw watches the device whether or not the group is up, so it has no target (§6 timing 0).
  const isActiveMonitor = kind !== 'diskw' && target !== undefined;
  writer.open(kind, { name });
  writer.empty('comment');
  if (isActiveMonitor) {
    writer.leaf('target', target.name);
  } else {
    writer.empty('target');
  }
  if (kind === 'genw') {
    writer.leaf('firstmonwait', random.pick([0, 30, 60]));
  }
  writePolling(writer, kind, isActiveMonitor, random);
  writeMonitorParameters(writer, kind, name, target);
  const relation = kind === 'fipw' || kind === 'volmgrw' ? target : undefined;
  writer.block(
    'relation',
    relation ? { type: 'rsc', name: relation.name } : { type: 'grp', name: group.name },
  );
  writeEmergency(writer, kind, random);
  writer.close(kind);
}

/** Only non-default polling values are written (defaults: interval 60, timeout 120, timing 0). */
function writePolling(writer, kind, isActiveMonitor, random) {
  const interval = random.pick([30, 60, 60, 60, 120]);
  const timeout = random.pick([60, 120, 120, 180]);
  writer.open('polling');
  if (interval !== 60) {
    writer.leaf('interval', interval);
  }
  if (timeout !== 120) {
    writer.leaf('timeout', timeout);
  }
  if (kind === 'genw') {
    writer.leaf('reconfirmation', random.integer(0, 3));
  }
  if (isActiveMonitor) {
    writer.leaf('timing', 1);
  }
  writer.close('polling');
}

function writeMonitorParameters(writer, kind, name, target) {
  if (kind === 'volmgrw' && target) {
    writer.block('parameters', { devname: target.volumeGroup });
  } else if (kind === 'diskw') {
    writer.block('parameters', { object: target ? target.device : '/dev/sdb', size: 2000000 });
  } else if (kind === 'genw') {
    writer.open('parameters');
    writer.leaf('path', 'genw.sh');
    writer.leaf('userlog', `/opt/nec/clusterpro/log/${name}.log`);
    writer.block('logrotate', { use: 1 });
    writer.close('parameters');
  }
}

/** Recovery: restart then failover for most; diskw goes straight to failover (§6 presets). */
function writeEmergency(writer, kind, random) {
  writer.open('emergency');
  writer.block('threshold', { restart: kind === 'diskw' ? 0 : 1, fo: 1 });
  const action = random.pick([1, 1, 1, 3, 4]);
  if (action !== 1) {
    writer.leaf('action', action);
  }
  if (kind === 'genw' && random.next() < 0.2) {
    writer.block('preaction', { use: 1, path: 'preaction.sh', timeout: 10 });
  }
  writer.close('emergency');
}
