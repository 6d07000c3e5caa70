/**
 * Clean projects for the rule tests, built with the model's own edit operations, so that
 * each rule test can make one near-identical change that fires it.
 */
import {
  type Project,
  type Topology,
  addGroup,
  addHeartbeat,
  addMonitor,
  addResource,
  addServer,
  defaultProjectMeta,
  pipe,
  setParameter,
} from '../../schemas/index.js';
import { emptyProject } from '../../templates/wizard/skeleton.js';
import { unwrap } from './project.js';


export const VMX = '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.vmx';

function script(text: string) {
  return { bytes: new TextEncoder().encode(text), executable: true };
}

/** Replaces or adds scripts. */
export function withScripts(project: Project, files: Record<string, string>): Project {
  const scripts = new Map(project.scripts);
  for (const [path, text] of Object.entries(files)) {
    scripts.set(path, script(text));
  }
  return { ...project, scripts };
}

/** A two-server plain cluster: servers, a kernel-mode LAN heartbeat, nothing else. */
export function plainProject(topology: Topology = 'plain'): Project {
  // The wizard's own empty cluster (templates/wizard/skeleton.ts), so the rules are tested on what `new` starts from.
  const start = unwrap(emptyProject('esxcluster', 'linux', { ...defaultProjectMeta(), topology, productVersion: '4.1.0-1' }));
  return unwrap(
    pipe(
      start,
      (p) => addServer(p, 'esx1', { ip: '192.168.0.11' }),
      (p) => addServer(p, 'esx2', { ip: '192.168.0.12' }),
      (p) => addHeartbeat(p, 'lankhb', { device: '0' }),
    ),
  );
}

/** A two-server Windows cluster with a script resource, a shared disk (sd) and its monitor (sdw). */
export function windowsProject(): Project {
  const start = unwrap(emptyProject('wincluster', 'windows', { ...defaultProjectMeta(), productVersion: '4.1.0-1' }));
  return unwrap(
    pipe(
      start,
      (p) => addServer(p, 'server1', { ip: '192.168.0.11' }),
      (p) => addServer(p, 'server2', { ip: '192.168.0.12' }),
      (p) => addHeartbeat(p, 'lankhb', { device: '0' }),
      (p) => addGroup(p, 'failover1'),
      (p) => addResource(p, 'failover1', 'script', 'script1'),
      (p) => addResource(p, 'failover1', 'sd', 'sd1'),
      (p) => setParameter(p, 'resource/sd@sd1/parameters/volumemountpoint', 'S:'),
      (p) => addMonitor(p, 'sdw', 'sdw1'),
      (p) => setParameter(p, 'monitor/sdw@sdw1/target', 'sd1'),
    ),
  );
}

/** The guide's inter-host OS cluster, wired right: checks with no error and no warning. */
export function interHostProject(): Project {
  const project = unwrap(
    pipe(
      plainProject('inter-host'),
      (p) => addGroup(p, 'failover-vm'),
      (p) => addResource(p, 'failover-vm', 'disk', 'sd-vm'),
      (p) => addResource(p, 'failover-vm', 'exec', 'exec-vm'),
      (p) => addMonitor(p, 'genw', 'genw-vm'),
      (p) => setParameter(p, 'monitor/genw@genw-vm/parameters/sync', '0'),
      (p) => setParameter(p, 'monitor/genw@genw-vm/polling/timing', '1'),
      (p) => setParameter(p, 'monitor/genw@genw-vm/target', 'exec-vm'),
      (p) => setParameter(p, 'monitor/genw@genw-vm/relation/type', 'grp'),
      (p) => setParameter(p, 'monitor/genw@genw-vm/relation/name', 'failover-vm'),
      (p) => addMonitor(p, 'userw', 'userw'),
      (p) => setParameter(p, 'monitor/userw@userw/parameters/method', 'keepalive'),
    ),
  );
  const meta = { ...project.meta, vm: { hostPackage: 'expresscls-4.1.0-1.x86_64.rpm', vmkernelAddresses: { esx1: '192.168.1.11', esx2: '192.168.1.12' } } };
  return withScripts(
    { ...project, meta },
    {
      'failover-vm/exec-vm/start.sh': `#!/usr/bin/perl\nmy $vmx = '${VMX}';\nsystem('/usr/bin/vmware-cmd', $vmx, 'start');\n`,
      'failover-vm/exec-vm/stop.sh': `#!/usr/bin/perl\nmy $vmx = '${VMX}';\nsystem('/usr/bin/vmware-cmd', $vmx, 'stop', 'soft');\n`,
      'monitor.s/genw-vm/genw.sh': `#!/usr/bin/perl\nmy $vmx = '${VMX}';\nsystem('/usr/bin/vmware-cmd', $vmx, 'getheartbeat');\n`,
    },
  );
}

/** SingleServerSafe on an ESX host with VMware HA: a diskw on the guests' datastore with pre-action. */
export function vmwareHaProject(): Project {
  const project = unwrap(
    pipe(
      plainProject('vmware-ha-sss'),
      (p) => addMonitor(p, 'diskw', 'diskw-datastore'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/parameters/object', '/dev/sdb'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/parameters/method', 'READ(O_DIRECT)'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/emergency/action', '4'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/emergency/preaction/use', '1'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/emergency/preaction/default', '1'),
      (p) => setParameter(p, 'monitor/diskw@diskw-datastore/emergency/preaction/path', 'preaction.sh'),
    ),
  );
  const meta = {
    ...project.meta,
    vm: { vmOnSharedStorage: true, scsiBusSharing: 'none' as const, vmkernelAddresses: { esx1: '192.168.1.11', esx2: '192.168.1.12' } },
    vmProfile: { vmResource: 'vm1', esxAddresses: ['192.168.0.11', '192.168.0.12'], guestOs: 'linux' },
  };
  return withScripts({ ...project, meta }, { 'monitor.s/diskw-datastore/preaction.sh': "#!/bin/sh\nclptrnreq -t GRP_FAILOVER -r 'vm1' -h '192.168.0.11,192.168.0.12'\n" });
}
