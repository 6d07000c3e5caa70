/**
 * Rules for ExpressCluster on the ESX host (guide: "Functional overview", "Notes"):
 * VM001-VM003, VM013, VM014.
 */
import { setParameter } from '../edits/parameters.js';
import type { Project } from '../project.js';
import { INTER_HOST, VMWARE_HA_SSS } from './topologies.js';
import { partsRule } from './parts.js';
import type { Hit, Rule, RuleContext } from './types.js';
import { compareVersions, majorOf } from './version.js';

const HOST_CLUSTERS = [...INTER_HOST, ...VMWARE_HA_SSS];

export const VM001: Rule = partsRule({
  id: 'VM001',
  side: 'host',
  severity: 'error',
  topologies: INTER_HOST,
  source: 'vSphere guide, Notes on inter-host OS clusters',
  text: 'No mirror disk resource (md) in an inter-host OS cluster.',
  fix: 'Keep the VM images on a shared disk resource (disk/sd) instead of a mirror disk.',
  ja: {
    text: 'ホスト OS 間クラスタではミラーディスクリソース (md) を使用できません。',
    fix: '仮想マシンのイメージはミラーディスクではなく共有ディスクリソース (disk/sd) 上に置いてください。',
  },
  inputs: ['resources', 'cluster'],
  parts: [
    {
      list: 'resources',
      dependsOn: [],
      check: (resource) =>
        resource.type === 'md'
          ? [
              {
                path: resource.path,
                message: `mirror disk resource ${resource.name} cannot be used in an inter-host OS cluster`,
                ja: {
                  message: `ミラーディスクリソース ${resource.name} はホスト OS 間クラスタでは使用できません`,
                },
              },
            ]
          : [],
    },
  ],
});

function askVersion(rule: string): Hit {
  return {
    path: 'cluster',
    severity: 'info',
    message: `the product internal version on the hosts is not recorded; ${rule === 'VM002' ? 'lankhb, userw and shutdown stall monitoring need 2.1.1-1 or later' : 'the check depends on it'}`,
    fix: 'Record it: project.json productVersion, or --product-version (e.g. 2.1.1-1).',
    ja: {
      message: `ホストの製品内部バージョンが記録されていません。${rule === 'VM002' ? 'lankhb、userw、シャットダウンストール監視には 2.1.1-1 以降が必要です' : 'この検査は内部バージョンによって決まります'}`,
      fix: 'project.json の productVersion、または --product-version で記録してください (例: 2.1.1-1)。',
    },
  };
}

export const VM002: Rule = partsRule({
  id: 'VM002',
  side: 'host',
  severity: 'error',
  topologies: HOST_CLUSTERS,
  source:
    'vSphere guide, Notes on inter-host OS clusters; Notes on a VMware HA association configuration',
  text: 'With internal version 2.1.0-1 or earlier on the host: no kernel-mode LAN heartbeat (lankhb), no user-space monitor (userw), no shutdown stall monitoring (haltp).',
  fix: 'Use a user-mode LAN heartbeat (lanhb) and remove userw and shutdown stall monitoring, or upgrade the product.',
  ja: {
    text: 'ホストの内部バージョンが 2.1.0-1 以前の場合、カーネルモード LAN ハートビート (lankhb)、ユーザ空間モニタ (userw)、シャットダウンストール監視 (haltp) は使用できません。',
    fix: 'LAN ハートビート (lanhb) を使用して userw とシャットダウンストール監視を削除するか、製品をアップグレードしてください。',
  },
  inputs: ['heartbeats', 'monitors', 'cluster'],
  // Of the monitors only the user-space ones count.
  whole: {
    dependsOn: [
      'heartbeats',
      'cluster',
      { list: 'monitors', key: (monitor) => (monitor.type === 'userw' ? monitor.path : '') },
    ],
    check: lankhbHits,
  },
  parts: [],
});

function lankhbHits({ model, productVersion }: RuleContext): Hit[] {
  const used =
    model.heartbeats.some((heartbeat) => heartbeat.type === 'lankhb') ||
    model.monitors.some((monitor) => monitor.type === 'userw') ||
    model.haltp !== undefined;
  if (!used) {
    return [];
  }
  if (productVersion === undefined) {
    return [askVersion('VM002')];
  }
  if (compareVersions(productVersion, '2.1.0-1') > 0) {
    return [];
  }
  return [
    ...model.heartbeats
      .filter((heartbeat) => heartbeat.type === 'lankhb')
      .map((heartbeat) => ({
        path: heartbeat.path,
        message: `kernel-mode LAN heartbeat ${heartbeat.name} cannot be used with internal version ${productVersion}`,
        ja: {
          message: `カーネルモード LAN ハートビート ${heartbeat.name} は内部バージョン ${productVersion} では使用できません`,
        },
      })),
    ...model.monitors
      .filter((monitor) => monitor.type === 'userw')
      .map((monitor) => ({
        path: monitor.path,
        message: `user-space monitor ${monitor.name} cannot be used with internal version ${productVersion}`,
        ja: {
          message: `ユーザ空間モニタ ${monitor.name} は内部バージョン ${productVersion} では使用できません`,
        },
      })),
    ...(model.haltp
      ? [
          {
            path: 'haltp',
            message: `shutdown stall monitoring cannot be used with internal version ${productVersion}`,
            ja: {
              message: `シャットダウンストール監視は内部バージョン ${productVersion} では使用できません`,
            },
          },
        ]
      : []),
  ];
}

/** The method the product uses when none is written: keepalive from X 4, softdog before. */
function effectiveMethod(
  written: string | undefined,
  productVersion: string | undefined,
): string | undefined {
  if (written !== undefined && written.trim() !== '') {
    return written.trim();
  }
  if (productVersion === undefined) {
    return undefined;
  }
  return majorOf(productVersion) >= 4 ? 'keepalive' : 'softdog';
}

function methodHit(
  context: RuleContext,
  path: string,
  what: string,
  /** `what` in Japanese, with its particle: 「ユーザ空間モニタ userw の」. */
  whoseJa: string,
  written: string | undefined,
): Hit[] {
  const method = effectiveMethod(written, context.productVersion);
  if (method === 'keepalive') {
    return [];
  }
  const quickFix = (project: Project) => setParameter(project, path, 'keepalive');
  if (method === undefined) {
    return [
      {
        path,
        severity: 'info',
        message: `${what} has no method written; its default depends on the product version, which is not recorded`,
        fix: 'Record the product version, or set the method to keepalive (quick fix).',
        quickFix,
        ja: {
          message: `${whoseJa}監視方法が設定されていません。既定値は製品バージョンによって決まりますが、製品バージョンが記録されていません`,
          fix: '製品バージョンを記録するか、監視方法を keepalive に設定してください (クイックフィックス)。',
        },
      },
    ];
  }
  return [
    {
      path,
      message: `${what} uses method ${method}${written ? '' : ' (the default of this version)'}; on an ESX host it must be keepalive`,
      quickFix,
      ja: {
        message: `${whoseJa}監視方法は ${method}${written ? '' : ' (このバージョンの既定値)'} です。ESX ホストでは keepalive である必要があります`,
      },
    },
  ];
}

export const VM003: Rule = partsRule({
  id: 'VM003',
  side: 'host',
  severity: 'error',
  topologies: HOST_CLUSTERS,
  source:
    'vSphere guide, Notes on inter-host OS clusters; Notes on a VMware HA association configuration',
  text: 'If userw or shutdown stall monitoring is used, the monitoring method must be keepalive; an absent method means the product version’s default (keepalive from X 4, softdog before).',
  fix: 'Set the monitoring method to keepalive (quick fix).',
  ja: {
    text: 'userw またはシャットダウンストール監視を使用する場合、監視方法は keepalive である必要があります。監視方法が設定されていない場合は製品バージョンの既定値 (X 4 以降は keepalive、それより前は softdog) になります。',
    fix: '監視方法を keepalive に設定してください (クイックフィックス)。',
  },
  inputs: ['monitors', 'cluster'],
  whole: {
    dependsOn: ['cluster'],
    check: (context) =>
      context.model.haltp
        ? methodHit(
            context,
            'haltp/method',
            'shutdown stall monitoring',
            'シャットダウンストール監視の',
            context.model.haltp.method,
          )
        : [],
  },
  parts: [
    {
      list: 'monitors',
      dependsOn: ['cluster'],
      check: (monitor, context) =>
        monitor.type === 'userw'
          ? methodHit(
              context,
              `${monitor.path}/parameters/method`,
              `user-space monitor ${monitor.name}`,
              `ユーザ空間モニタ ${monitor.name} の`,
              monitor.userw?.method,
            )
          : [],
    },
  ],
});

export const VM013: Rule = {
  id: 'VM013',
  side: 'host',
  severity: 'warning',
  topologies: HOST_CLUSTERS,
  source: 'vSphere guide, Notes on using ExpressCluster on the Service Console',
  text: 'On an ESX host, VMkernel and Service Console ports need distinct IP addresses; a second physical NIC needs its own virtual switch.',
  fix: 'Give the VMkernel port its own address (and a second NIC its own vSwitch).',
  ja: {
    text: 'ESX ホストでは、VMkernel ポートと Service Console ポートに別々の IP アドレスが必要です。2 枚目の物理 NIC には専用の仮想スイッチが必要です。',
    fix: 'VMkernel ポートに専用のアドレスを (2 枚目の NIC には専用の vSwitch を) 割り当ててください。',
  },
  inputs: ['servers', 'meta'],
  check: ({ model, project }) => {
    const vmkernel = project.meta.vm.vmkernelAddresses;
    if (!vmkernel) {
      return [
        {
          path: 'cluster',
          severity: 'info',
          message:
            'check on each ESX host that the VMkernel port has an address of its own, and a second NIC its own vSwitch',
          fix: 'Record the VMkernel addresses in project.json (vm.vmkernelAddresses) to have this checked.',
          ja: {
            message:
              '各 ESX ホストで、VMkernel ポートに専用のアドレスがあり、2 枚目の NIC に専用の vSwitch があることを確認する必要があります',
            fix: 'これを検査するには、VMkernel のアドレスを project.json (vm.vmkernelAddresses) に記録してください。',
          },
        },
      ];
    }
    return model.servers.flatMap((server) => {
      const address = vmkernel[server.name];
      const clash =
        address !== undefined &&
        server.devices.some((device) => device.type === 'lan' && device.info === address);
      return clash
        ? [
            {
              path: server.path,
              message: `server ${server.name}: the VMkernel port and the Service Console share ${address}`,
              ja: {
                message: `サーバ ${server.name}: VMkernel ポートと Service Console が ${address} を共有しています`,
              },
            },
          ]
        : [];
    });
  },
};

export const VM014: Rule = {
  id: 'VM014',
  side: 'host',
  severity: 'error',
  topologies: INTER_HOST,
  source: 'vSphere guide, Notes on inter-host OS clusters',
  text: 'The host install must be the x86_64 build, not the ESX 3.5 vmware.i386 build.',
  fix: 'Install the x86_64 package on the Service Console.',
  ja: {
    text: 'ホストにインストールするのは ESX 3.5 用の vmware.i386 ビルドではなく、x86_64 ビルドである必要があります。',
    fix: 'Service Console に x86_64 パッケージをインストールしてください。',
  },
  inputs: ['meta'],
  check: ({ project }) => {
    const pkg = project.meta.vm.hostPackage;
    if (pkg === undefined) {
      return [
        {
          path: 'cluster',
          severity: 'info',
          message:
            'install the x86_64 build of ExpressCluster on each ESX Service Console (not vmware.i386)',
          fix: 'Record the package in project.json (vm.hostPackage) to have this checked.',
          ja: {
            message:
              '各 ESX ホストの Service Console には ExpressCluster の x86_64 ビルドをインストールする必要があります (vmware.i386 ではありません)',
            fix: 'これを検査するには、パッケージを project.json (vm.hostPackage) に記録してください。',
          },
        },
      ];
    }
    return /i386/i.test(pkg) && !/x86_64/.test(pkg)
      ? [
          {
            path: 'cluster',
            message: `host package ${pkg} is the ESX 3.5 i386 build`,
            ja: { message: `ホストのパッケージ ${pkg} は ESX 3.5 用の i386 ビルドです` },
          },
        ]
      : [];
  },
};
