/**
 * Rules on facts about the virtual machines that clp.conf cannot hold (project.json `vm`):
 * VM004-VM012. An unknown fact is an `info` asking for it, never a silent pass.
 */
import type { Topology } from '../project.js';
import { CLUSTERED_GUESTS, VMWARE, VMWARE_HA_SSS } from './topologies.js';
import type { Hit, Rule, RuleContext } from './types.js';

function ask(message: string, ja: string, field: string): Hit {
  return { path: 'cluster', severity: 'info', message, fix: `Record it in project.json (vm.${field}).`, ja: { message: ja, fix: `project.json (vm.${field}) に記録してください。` } };
}

function checklist(path: string, message: string, ja: string): Hit {
  return { path, message, ja: { message: ja } };
}

export const VM004: Rule = {
  id: 'VM004',
  severity: 'info',
  topologies: ['inter-host-guest-assoc'],
  source: 'vSphere guide, Notes on inter-host OS clusters',
  text: 'SSS must be installed in the guest OS.',
  fix: 'Install ExpressCluster X SingleServerSafe in the guest OS.',
  ja: { text: 'ゲスト OS に SingleServerSafe (SSS) がインストールされている必要があります。', fix: 'ゲスト OS に ExpressCluster X SingleServerSafe をインストールしてください。' },
  inputs: ['cluster'],
  check: () => [checklist('cluster', 'install ExpressCluster X SingleServerSafe in the guest OS (guest-to-host association)', 'ゲスト OS に ExpressCluster X SingleServerSafe をインストールする必要があります (ゲストとホストの連携構成)')],
};

export const VM005: Rule = {
  id: 'VM005',
  severity: 'error',
  topologies: ['inter-guest-shared'],
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'The VM’s SCSI controller must share the bus as physical or virtual.',
  fix: 'Set "Share the SCSI bus" of the VM’s SCSI controller to Physical (or Virtual on one ESX host).',
  ja: { text: '仮想マシンの SCSI コントローラの SCSI バス共有は「物理」または「仮想」である必要があります。', fix: '仮想マシンの SCSI コントローラの「SCSI バス共有」を「物理」(1 台の ESX ホスト上だけなら「仮想」) に設定してください。' },
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const sharing = project.meta.vm.scsiBusSharing;
    if (sharing === undefined) {
      return [ask('the SCSI bus sharing of the VMs’ SCSI controller is not recorded; a shared disk needs Physical or Virtual', '仮想マシンの SCSI コントローラの SCSI バス共有が記録されていません。共有ディスクには「物理」または「仮想」が必要です', 'scsiBusSharing')];
    }
    return sharing === 'none' ? [{ path: 'cluster', message: 'the VMs’ SCSI controller does not share the bus, so the guests cannot share the disk', ja: { message: '仮想マシンの SCSI コントローラが SCSI バスを共有していないため、ゲストはディスクを共有できません' } }] : [];
  },
};

export const VM006: Rule = {
  id: 'VM006',
  severity: 'error',
  topologies: ['inter-guest-shared'],
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'With bus sharing virtual, every guest of the cluster must run on one ESX host.',
  fix: 'Put every guest on one ESX host, or share the bus as Physical.',
  ja: { text: 'SCSI バス共有が「仮想」の場合、クラスタのすべてのゲストが同じ ESX ホスト上で動作する必要があります。', fix: 'すべてのゲストを同じ ESX ホストに置くか、SCSI バス共有を「物理」にしてください。' },
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { scsiBusSharing, sameEsxHost } = project.meta.vm;
    if (scsiBusSharing !== 'virtual') {
      return [];
    }
    if (sameEsxHost === undefined) {
      return [ask('with SCSI bus sharing Virtual the guests must be on one ESX host; where they run is not recorded', 'SCSI バス共有が「仮想」の場合、ゲストは同じ ESX ホスト上にある必要がありますが、ゲストが動作する ESX ホストが記録されていません', 'sameEsxHost')];
    }
    return sameEsxHost ? [] : [{ path: 'cluster', message: 'SCSI bus sharing Virtual shares disks only among VMs on one ESX host, but the guests run on several', ja: { message: 'SCSI バス共有「仮想」は同じ ESX ホスト上の仮想マシン間でしかディスクを共有できませんが、ゲストは複数の ESX ホストで動作しています' } }];
  },
};

export const VM007: Rule = {
  id: 'VM007',
  severity: 'warning',
  topologies: CLUSTERED_GUESTS,
  source: 'vSphere guide, Notes on inter-guest OS clusters',
  text: 'Never suspend a clustered VM (Suspend/Resume makes both systems active and both are shut down).',
  fix: 'Do not use Suspend on the cluster’s virtual machines.',
  ja: { text: 'クラスタを構成する仮想マシンはサスペンドしてはなりません (Suspend/Resume で両系が活性になり、両系ともシャットダウンされます)。', fix: 'クラスタの仮想マシンではサスペンドを使用しないでください。' },
  inputs: ['cluster'],
  check: () => [checklist('cluster', 'never Suspend a clustered virtual machine: after Resume both systems become active and both are shut down', 'クラスタを構成する仮想マシンはサスペンドしてはなりません。レジューム後に両系が活性になり、両系ともシャットダウンされます')],
};

export const VM008: Rule = {
  id: 'VM008',
  severity: 'error',
  topologies: ['p2v-shared'],
  source: 'vSphere guide, Notes on physical server-to-virtual machine clusters',
  text: 'The VM’s shared disk must be a raw device mapping (RDM).',
  fix: 'Give the VM the shared disk as a Raw Device Mapping.',
  ja: { text: '仮想マシンの共有ディスクは RDM (Raw Device Mapping) である必要があります。', fix: '共有ディスクを RDM (Raw Device Mapping) として仮想マシンに割り当ててください。' },
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const diskType = project.meta.vm.diskType;
    if (diskType === undefined) {
      return [ask('the VM’s shared disk type is not recorded; it must be a raw device mapping', '仮想マシンの共有ディスクの種類が記録されていません。RDM (Raw Device Mapping) である必要があります', 'diskType')];
    }
    return diskType === 'rdm' ? [] : [{ path: 'cluster', message: `the VM’s shared disk is a ${diskType}; it must be a raw device mapping`, ja: { message: `仮想マシンの共有ディスクは ${diskType} です。RDM (Raw Device Mapping) である必要があります` } }];
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
  ja: { text: 'VMotion を使うには、仮想マシンの構成ファイルとディスクイメージが共有ディスク上にある必要があります。', fix: '仮想マシンの構成ファイルとディスクイメージを共有データストアに移動してください。' },
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { vmotion, vmOnSharedStorage } = project.meta.vm;
    if (vmotion !== true) {
      return [];
    }
    if (vmOnSharedStorage === undefined) {
      return [ask('VMotion is on; where the VM’s configuration and disk image are stored is not recorded', 'VMotion が有効ですが、仮想マシンの構成ファイルとディスクイメージの格納場所が記録されていません', 'vmOnSharedStorage')];
    }
    return vmOnSharedStorage ? [] : [{ path: 'cluster', message: 'VMotion is on but the VM’s configuration and disk image are not on a shared disk', ja: { message: 'VMotion が有効ですが、仮想マシンの構成ファイルとディスクイメージが共有ディスク上にありません' } }];
  },
};

export const VM010: Rule = {
  id: 'VM010',
  severity: 'error',
  topologies: VMOTION_TOPOLOGIES,
  source: 'vSphere guide, Notes on using VMotion at the same time (Table 1)',
  text: 'VMotion is impossible while the SCSI bus is shared; inter-host and inter-guest clusters on a shared disk cannot use VMotion.',
  fix: 'Turn VMotion off, or use a configuration Table 1 allows (mirror disk, or P2V).',
  ja: { text: 'SCSI バス共有中は VMotion を使用できません。共有ディスクを使うホスト OS 間クラスタとゲスト OS 間クラスタでは VMotion を使用できません。', fix: 'VMotion を無効にするか、表 1 で使用できる構成 (ミラーディスク、または P2V) にしてください。' },
  inputs: ['meta', 'resources', 'cluster'],
  check: (context) => {
    if (context.project.meta.vm.vmotion !== true) {
      return [];
    }
    const sharing = context.project.meta.vm.scsiBusSharing;
    const sharedBus = sharing === 'physical' || sharing === 'virtual';
    const table = tableForbids(context);
    if (sharedBus) {
      return [{ path: 'cluster', message: `VMotion cannot be used while the SCSI bus is shared (${sharing})`, ja: { message: `SCSI バスが共有されている (${sharing === 'physical' ? '物理' : '仮想'}) ため、VMotion を使用できません` } }];
    }
    return table ? [{ path: 'cluster', message: `VMotion cannot be used with ${table[0]}`, ja: { message: `${table[1]}では VMotion を使用できません` } }] : [];
  },
};

/** Table 1: inter-host with shared disk No; inter-guest with shared disk No. In English and Japanese. */
function tableForbids({ topology }: RuleContext): readonly [string, string] | undefined {
  if (topology === 'inter-host' || topology === 'inter-host-guest-assoc') {
    return ['an inter-host OS cluster on a shared disk', '共有ディスクを使うホスト OS 間クラスタ'];
  }
  return topology === 'inter-guest-shared' ? ['an inter-guest OS cluster on a shared disk', '共有ディスクを使うゲスト OS 間クラスタ'] : undefined;
}

export const VM011: Rule = {
  id: 'VM011',
  severity: 'error',
  topologies: VMWARE_HA_SSS,
  source: 'vSphere guide, Notes on a VMware HA association configuration',
  text: 'Guest OSes must be stored on a shared disk, and the VMs themselves may not use a shared disk.',
  fix: 'Store the guests on the shared datastore and remove shared (bus-sharing) disks from the VMs.',
  ja: { text: 'ゲスト OS は共有ディスク上に格納する必要があり、仮想マシン自体は共有ディスクを使用できません。', fix: 'ゲストを共有データストアに格納し、仮想マシンから共有ディスク (SCSI バス共有) を削除してください。' },
  inputs: ['meta', 'cluster'],
  check: ({ project }) => {
    const { vmOnSharedStorage, scsiBusSharing } = project.meta.vm;
    const hits: Hit[] = [];
    if (vmOnSharedStorage === undefined) {
      hits.push(ask('where the guest OSes are stored is not recorded; VMware HA needs them on a shared disk', 'ゲスト OS の格納場所が記録されていません。VMware HA ではゲスト OS が共有ディスク上にある必要があります', 'vmOnSharedStorage'));
    } else if (!vmOnSharedStorage) {
      hits.push({ path: 'cluster', message: 'the guest OSes are not stored on a shared disk, so VMware HA cannot restart them elsewhere', ja: { message: 'ゲスト OS が共有ディスク上に格納されていないため、VMware HA はゲスト OS を別の ESX ホストで再起動できません' } });
    }
    if (scsiBusSharing === 'physical' || scsiBusSharing === 'virtual') {
      hits.push({ path: 'cluster', message: 'a VM in a VMware HA association cannot use a shared disk (SCSI bus sharing is on)', ja: { message: 'VMware HA 連携構成の仮想マシンは共有ディスクを使用できません (SCSI バス共有が有効です)' } });
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
  ja: { text: 'HA の前提条件: vCenter Server、それぞれ HA ライセンスを持つ複数の ESX ホスト、仮想マシンを格納する共有ストレージ、vCenter とすべての Service Console の DNS 正引き・逆引き、DNS 名と同じ ESX ホスト名、Service Console のゲートウェイが設定され ping に応答すること、VM 監視が有効な場合はゲストの VMware Tools。', fix: 'vCenter と ESX ホストで各前提条件を確認してください。' },
  inputs: ['cluster'],
  check: () => [
    checklist('cluster', 'VMware HA needs vCenter Server, several ESX hosts each with an HA license, and shared storage (FC SAN, iSCSI SAN or NFS) holding the VMs', 'VMware HA には、vCenter Server、それぞれ HA ライセンスを持つ複数の ESX ホスト、仮想マシンを格納する共有ストレージ (FC SAN、iSCSI SAN または NFS) が必要です'),
    checklist('cluster', 'DNS must resolve vCenter and every Service Console both ways, and each ESX host name must equal its DNS name', 'DNS で vCenter とすべての Service Console を正引き・逆引きできる必要があり、各 ESX ホスト名は DNS 名と一致している必要があります'),
    checklist('cluster', 'each Service Console needs its gateway set and answering ping; VM monitoring needs VMware Tools in the guests', '各 Service Console にはゲートウェイが設定され、ping に応答する必要があります。VM 監視にはゲストの VMware Tools が必要です'),
  ],
};
