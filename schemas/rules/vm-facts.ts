/**
 * Rules on facts about the virtual machines that clp.conf cannot hold (project.json `vm`):
 * VM004-VM012. An unknown fact is an `info` asking for it, never a silent pass.
 */
import type { Topology } from '../project.js';
import { CLUSTERED_GUESTS, VMWARE, VMWARE_HA_SSS } from './topologies.js';
import type { Hit, Rule, RuleContext } from './types.js';

function ask(message: string, field: string): Hit {
  return { path: 'cluster', severity: 'info', message, fix: `Record it in project.json (vm.${field}).` };
}

function checklist(path: string, message: string): Hit {
  return { path, message };
}

export const VM004: Rule = {
  id: 'VM004',
  severity: 'info',
  topologies: ['inter-host-guest-assoc'],
  source: 'vSphere guide, Notes on inter-host OS clusters',
  text: 'SSS must be installed in the guest OS.',
  fix: 'Install ExpressCluster X SingleServerSafe in the guest OS.',
  inputs: ['cluster'],
  check: () => [checklist('cluster', 'install ExpressCluster X SingleServerSafe in the guest OS (guest-to-host association)')],
};

export const VM005: Rule = {
  id: 'VM005',
  severity: 'error',
  topologies: ['inter-guest-shared'],
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'The VM’s SCSI controller must share the bus as physical or virtual.',
  fix: 'Set "Share the SCSI bus" of the VM’s SCSI controller to Physical (or Virtual on one ESX host).',
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const sharing = project.meta.vm.scsiBusSharing;
    if (sharing === undefined) {
      return [ask('the SCSI bus sharing of the VMs’ SCSI controller is not recorded; a shared disk needs Physical or Virtual', 'scsiBusSharing')];
    }
    return sharing === 'none' ? [{ path: 'cluster', message: 'the VMs’ SCSI controller does not share the bus, so the guests cannot share the disk' }] : [];
  },
};

export const VM006: Rule = {
  id: 'VM006',
  severity: 'error',
  topologies: ['inter-guest-shared'],
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'With bus sharing virtual, every guest of the cluster must run on one ESX host.',
  fix: 'Put every guest on one ESX host, or share the bus as Physical.',
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { scsiBusSharing, sameEsxHost } = project.meta.vm;
    if (scsiBusSharing !== 'virtual') {
      return [];
    }
    if (sameEsxHost === undefined) {
      return [ask('with SCSI bus sharing Virtual the guests must be on one ESX host; where they run is not recorded', 'sameEsxHost')];
    }
    return sameEsxHost ? [] : [{ path: 'cluster', message: 'SCSI bus sharing Virtual shares disks only among VMs on one ESX host, but the guests run on several' }];
  },
};

export const VM007: Rule = {
  id: 'VM007',
  severity: 'warning',
  topologies: CLUSTERED_GUESTS,
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'Never suspend a clustered VM (Suspend/Resume makes both systems active and both are shut down).',
  fix: 'Do not use Suspend on the cluster’s virtual machines.',
  inputs: ['cluster'],
  check: () => [checklist('cluster', 'never Suspend a clustered virtual machine: after Resume both systems become active and both are shut down')],
};

export const VM008: Rule = {
  id: 'VM008',
  severity: 'error',
  topologies: ['p2v-shared'],
  source: 'vSphere guide, Notes on physical server-to-virtual machine clusters',
  text: 'The VM’s shared disk must be a raw device mapping (RDM).',
  fix: 'Give the VM the shared disk as a Raw Device Mapping.',
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const diskType = project.meta.vm.diskType;
    if (diskType === undefined) {
      return [ask('the VM’s shared disk type is not recorded; it must be a raw device mapping', 'diskType')];
    }
    return diskType === 'rdm' ? [] : [{ path: 'cluster', message: `the VM’s shared disk is a ${diskType}; it must be a raw device mapping` }];
  },
};

const VMOTION_TOPOLOGIES: readonly Topology[] = VMWARE;

export const VM009: Rule = {
  id: 'VM009',
  severity: 'error',
  topologies: VMOTION_TOPOLOGIES,
  source: 'vSphere guide, Notes on using VMotion at the same time',
  text: 'VMotion needs the VM’s configuration and disk image on a shared disk.',
  fix: 'Move the VM’s configuration file and disk image to a shared datastore.',
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { vmotion, vmOnSharedStorage } = project.meta.vm;
    if (vmotion !== true) {
      return [];
    }
    if (vmOnSharedStorage === undefined) {
      return [ask('VMotion is on; where the VM’s configuration and disk image are stored is not recorded', 'vmOnSharedStorage')];
    }
    return vmOnSharedStorage ? [] : [{ path: 'cluster', message: 'VMotion is on but the VM’s configuration and disk image are not on a shared disk' }];
  },
};

export const VM010: Rule = {
  id: 'VM010',
  severity: 'error',
  topologies: VMOTION_TOPOLOGIES,
  source: 'vSphere guide, Notes on using VMotion at the same time (Table 1)',
  text: 'VMotion is impossible while the SCSI bus is shared; inter-host and inter-guest clusters on a shared disk cannot use VMotion.',
  fix: 'Turn VMotion off, or use a configuration Table 1 allows (mirror disk, or P2V).',
  inputs: ['meta', 'resources', 'cluster'],
  check: (context) => {
    if (context.project.meta.vm.vmotion !== true) {
      return [];
    }
    const sharing = context.project.meta.vm.scsiBusSharing;
    const sharedBus = sharing === 'physical' || sharing === 'virtual';
    const table = tableForbids(context);
    return sharedBus || table ? [{ path: 'cluster', message: sharedBus ? `VMotion cannot be used while the SCSI bus is shared (${sharing})` : `VMotion cannot be used with ${table}` }] : [];
  },
};

/** Table 1: inter-host with shared disk No; inter-guest with shared disk No. */
function tableForbids({ topology }: RuleContext): string | undefined {
  if (topology === 'inter-host' || topology === 'inter-host-guest-assoc') {
    return 'an inter-host OS cluster on a shared disk';
  }
  return topology === 'inter-guest-shared' ? 'an inter-guest OS cluster on a shared disk' : undefined;
}

export const VM011: Rule = {
  id: 'VM011',
  severity: 'error',
  topologies: VMWARE_HA_SSS,
  source: 'vSphere guide, Notes on a VMware HA association configuration',
  text: 'Guest OSes must be stored on a shared disk, and the VMs themselves may not use a shared disk.',
  fix: 'Store the guests on the shared datastore and remove shared (bus-sharing) disks from the VMs.',
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { vmOnSharedStorage, scsiBusSharing } = project.meta.vm;
    const hits: Hit[] = [];
    if (vmOnSharedStorage === undefined) {
      hits.push(ask('where the guest OSes are stored is not recorded; VMware HA needs them on a shared disk', 'vmOnSharedStorage'));
    } else if (!vmOnSharedStorage) {
      hits.push({ path: 'cluster', message: 'the guest OSes are not stored on a shared disk, so VMware HA cannot restart them elsewhere' });
    }
    if (scsiBusSharing === 'physical' || scsiBusSharing === 'virtual') {
      hits.push({ path: 'cluster', message: 'a VM in a VMware HA association cannot use a shared disk (SCSI bus sharing is on)' });
    }
    return hits;
  },
};

export const VM012: Rule = {
  id: 'VM012',
  severity: 'info',
  topologies: VMWARE_HA_SSS,
  source: 'vSphere guide, Notes on a VMware HA association configuration',
  text: 'HA prerequisites: vCenter Server; several ESX hosts each with an HA license; shared storage holding the VMs; DNS both ways for vCenter and every Service Console; ESX host names equal to their DNS names; Service Console gateway set and answering ping; VMware Tools in guests if VM monitoring is on.',
  fix: 'Check each prerequisite in vCenter and on the ESX hosts.',
  inputs: ['cluster'],
  check: () => [
    checklist('cluster', 'VMware HA needs vCenter Server, several ESX hosts each with an HA license, and shared storage (FC SAN, iSCSI SAN or NFS) holding the VMs'),
    checklist('cluster', 'DNS must resolve vCenter and every Service Console both ways, and each ESX host name must equal its DNS name'),
    checklist('cluster', 'each Service Console needs its gateway set and answering ping; VM monitoring needs VMware Tools in the guests'),
  ],
};
