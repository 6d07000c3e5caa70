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
      })),
    ...model.monitors
      .filter((monitor) => monitor.type === 'userw')
      .map((monitor) => ({
        path: monitor.path,
        message: `user-space monitor ${monitor.name} cannot be used with internal version ${productVersion}`,
      })),
    ...(model.haltp
      ? [
          {
            path: 'haltp',
            message: `shutdown stall monitoring cannot be used with internal version ${productVersion}`,
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
      },
    ];
  }
  return [
    {
      path,
      message: `${what} uses method ${method}${written ? '' : ' (the default of this version)'}; on an ESX host it must be keepalive`,
      quickFix,
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
  inputs: ['monitors', 'cluster'],
  whole: {
    dependsOn: ['cluster'],
    check: (context) =>
      context.model.haltp
        ? methodHit(
            context,
            'haltp/method',
            'shutdown stall monitoring',
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
        },
      ];
    }
    return /i386/i.test(pkg) && !/x86_64/.test(pkg)
      ? [{ path: 'cluster', message: `host package ${pkg} is the ESX 3.5 i386 build` }]
      : [];
  },
};
