/**
 * The inter-host OS cluster's VM failover wiring (guide: "Setting up an inter-host OS
 * cluster" steps 2-9, Appendix A): VM020-VM023.
 */
import { setParameter } from '../edits/parameters.js';
import type { Group, Monitor, Resource } from '../model/entities.js';
import type { Project } from '../project.js';
import { type Result, pipe } from '../result.js';
import { monitorScript, resourceScript, scriptText, scriptsNotGivenHit } from './helpers.js';
import { INTER_HOST } from './topologies.js';
import type { Hit, Rule, RuleContext } from './types.js';

const SOURCE = 'vSphere guide, Setting up an inter-host OS cluster';

/** A script that drives VMware: the samples and our templates all call vmware-cmd. */
function drivesVmware(text: string | undefined): boolean {
  return text !== undefined && /vmware-cmd/.test(text);
}

/** Exec resources whose start script powers a VM on. */
export function vmExecResources({ model, project }: RuleContext): Resource[] {
  // Four rules ask, on every check whose resources or scripts changed: decoding every start
  // script each time would cost more than all the other rules (issue 3 benchmark).
  const known = vmExecs.get(model.resources);
  if (known?.scripts === project.scripts) {
    return known.execs;
  }
  const starts = startsVm(project.scripts);
  const execs = model.resources.filter((resource) => {
    if (!resource.exec) {
      return false;
    }
    let isVm = starts.get(resource);
    if (isVm === undefined) {
      isVm = drivesVmware(
        scriptText(project, resourceScript(resource, resource.exec.startScript ?? 'start.sh')),
      );
      starts.set(resource, isVm);
    }
    return isVm;
  });
  vmExecs.set(model.resources, { scripts: project.scripts, execs });
  return execs;
}

const vmExecs = new WeakMap<
  readonly Resource[],
  { readonly scripts: RuleContext['project']['scripts']; readonly execs: Resource[] }
>();
// Whether a resource's start script drives VMware, per scripts tree: a resource edit then
// reads one script, not every exec resource's.
const vmStarts = new WeakMap<RuleContext['project']['scripts'], WeakMap<Resource, boolean>>();

function startsVm(scripts: RuleContext['project']['scripts']): WeakMap<Resource, boolean> {
  let starts = vmStarts.get(scripts);
  if (!starts) {
    starts = new WeakMap();
    vmStarts.set(scripts, starts);
  }
  return starts;
}

/** The custom monitor that watches a VM exec resource: by its script, else by its target. */
export function vmMonitorFor(context: RuleContext, exec: Resource): Monitor | undefined {
  const genws = context.model.monitors.filter((monitor) => monitor.type === 'genw');
  const byScript = genws.filter((monitor) =>
    drivesVmware(
      scriptText(context.project, monitorScript(monitor, monitor.genw?.path ?? 'genw.sh')),
    ),
  );
  return (
    byScript.find((monitor) => monitor.target === exec.name) ??
    byScript[0] ??
    genws.find((monitor) => monitor.target === exec.name)
  );
}

export const VM020: Rule = {
  id: 'VM020',
  side: 'host',
  severity: 'error',
  topologies: INTER_HOST,
  source: SOURCE,
  text: 'The VM failover group holds a shared disk resource (disk on Linux, sd on Windows) and an exec resource whose start/stop scripts are the VM power-on/power-off scripts.',
  fix: 'Add the exec resource with the VM power scripts (clpbuilder generate) and the shared disk resource to the failover group.',
  ja: {
    text: 'VM のフェイルオーバグループには、共有ディスクリソース (Linux では disk、Windows では sd) と、開始/終了スクリプト (start/stop) が VM の電源オン/電源オフ (power-on/power-off) スクリプトである exec リソースが含まれている必要があります。',
    fix: 'VM の電源スクリプトを持つ exec リソース (clpbuilder generate) と共有ディスクリソースをフェイルオーバグループに追加してください。',
  },
  inputs: ['groups', 'resources', 'scripts', 'cluster'],
  check: (context) => {
    const execs = vmExecResources(context);
    if (execs.length === 0 && !context.scriptsGiven) {
      // Which exec resource runs the VM is told by its start script, unknown here.
      return [
        scriptsNotGivenHit('group', [
          'which exec resource starts the virtual machine was not checked',
          'どの exec リソースが仮想マシンを起動するかは検査していません',
        ]),
      ];
    }
    if (execs.length === 0) {
      return [
        {
          path: 'group',
          message:
            'no exec resource starts the virtual machine (its start script does not call vmware-cmd)',
          ja: {
            message:
              '仮想マシンを起動する exec リソースがありません (開始スクリプトが vmware-cmd を呼び出していません)',
          },
        },
      ];
    }
    return execs.flatMap((exec) => [
      ...stopScriptHit(context, exec),
      ...sharedDiskHit(context, exec),
    ]);
  },
};

function stopScriptHit(context: RuleContext, exec: Resource): Hit[] {
  const stop = scriptText(
    context.project,
    resourceScript(exec, exec.exec?.stopScript ?? 'stop.sh'),
  );
  return drivesVmware(stop)
    ? []
    : [
        {
          path: `${exec.path}/parameters/deact/path`,
          message: `exec resource ${exec.name} starts the VM but its stop script does not power it off`,
          ja: {
            message: `exec リソース ${exec.name} は VM を起動しますが、終了スクリプトが VM の電源をオフにしません`,
          },
        },
      ];
}

function sharedDiskHit(context: RuleContext, exec: Resource): Hit[] {
  const diskType = context.os === 'windows' ? 'sd' : 'disk';
  const group: Group | undefined = context.model.groups.find(
    (candidate) => candidate.name === exec.group,
  );
  const hasDisk = group?.members.some((member) => member.type === diskType);
  return hasDisk
    ? []
    : [
        {
          path: group?.path ?? exec.path,
          message: `group ${exec.group ?? '(none)'} runs the VM but holds no shared disk resource (${diskType})`,
          ja: {
            message: `グループ ${exec.group ?? '(なし)'} は VM を実行しますが、共有ディスクリソース (${diskType}) がありません`,
          },
        },
      ];
}

export const VM021: Rule = {
  id: 'VM021',
  side: 'host',
  severity: 'error',
  topologies: INTER_HOST,
  source: `${SOURCE}, step 9`,
  text: 'The custom monitor (genw) that runs the VM monitor script is asynchronous, its monitor timing is active with the VM exec resource as target, and its recovery target is the group that holds that exec resource.',
  fix: 'Make the custom monitor asynchronous, active, targeting the VM exec resource, recovering its group (quick fix).',
  ja: {
    text: 'VM 監視スクリプトを実行するカスタムモニタ (genw) は、非同期で、監視タイミングが活性時、対象リソースが VM の exec リソース、回復対象がその exec リソースを含むグループである必要があります。',
    fix: 'カスタムモニタを、非同期、監視タイミング「活性時」、対象リソースを VM の exec リソース、回復対象をそのグループに設定してください (クイックフィックス)。',
  },
  inputs: ['groups', 'resources', 'monitors', 'scripts', 'cluster'],
  check: (context) => vmExecResources(context).flatMap((exec) => monitorHits(context, exec)),
};

function monitorHits(context: RuleContext, exec: Resource): Hit[] {
  const monitor = vmMonitorFor(context, exec);
  if (!monitor) {
    return [
      {
        path: exec.path,
        message: `no custom monitor (genw) watches the virtual machine of ${exec.name}`,
        fix: 'Add a genw monitor running the VM monitor script (clpbuilder generate).',
        ja: {
          message: `${exec.name} の仮想マシンを監視するカスタムモニタ (genw) がありません`,
          fix: 'VM 監視スクリプトを実行する genw モニタを追加してください (clpbuilder generate)。',
        },
      },
    ];
  }
  // Each setting: clp.conf sub-path, actual, expected, and what it means in English and Japanese.
  const wanted: Array<[string, string | undefined, string, string, string]> = [
    ['parameters/sync', monitor.genw?.sync ?? '1', '0', 'asynchronous', '非同期'],
    [
      'polling/timing',
      monitor.polling.timing ?? '0',
      '1',
      'monitoring only while the target is active',
      '監視タイミング「活性時」',
    ],
    ['target', monitor.target, exec.name, `targeting ${exec.name}`, `対象リソース ${exec.name}`],
    [
      'relation/type',
      monitor.relation.type,
      'grp',
      'recovering a group',
      '回復対象の種類「グループ」',
    ],
    [
      'relation/name',
      monitor.relation.name,
      exec.group ?? '',
      `recovering group ${exec.group ?? ''}`,
      `回復対象グループ ${exec.group ?? ''}`,
    ],
  ];
  const wrong = wanted.filter(([, actual, expected]) => actual?.trim() !== expected);
  if (wrong.length === 0) {
    return [];
  }
  const quickFix = (project: Project): Result<Project> =>
    pipe(
      project,
      ...wrong.map(
        ([sub, , expected]) =>
          (p: Project) =>
            setParameter(p, `${monitor.path}/${sub}`, expected),
      ),
    );
  return [
    {
      path: `${monitor.path}/${wrong[0]?.[0] ?? ''}`,
      message: `custom monitor ${monitor.name} must be ${wrong.map(([, , , words]) => words).join(', ')}`,
      quickFix,
      ja: {
        message: `カスタムモニタ ${monitor.name} には次の設定が必要です: ${wrong.map(([, , , , words]) => words).join('、')}`,
      },
    },
  ];
}

// VMFS volume UUIDs as the guide shows them: /vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.vmx
const UUID_VMX =
  /^\/vmfs\/volumes\/[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{12}\/[^/]+\/[^/]+\.vmx$/;
const VMX_IN_TEXT = /["']?([^\s"'=;()]+\.vmx)["']?/g;

/** Every .vmx path the VM scripts and the VM profile name. */
export function vmxPaths(context: RuleContext): string[] {
  const texts = vmExecResources(context).flatMap((exec) => [
    scriptText(context.project, resourceScript(exec, exec.exec?.startScript ?? 'start.sh')) ?? '',
  ]);
  const fromProfile = Object.values(context.project.meta.vmProfile ?? {}).filter(
    (value): value is string => typeof value === 'string',
  );
  const found = [...texts, ...fromProfile].flatMap((text) =>
    [...text.matchAll(VMX_IN_TEXT)].map((match) => match[1] as string),
  );
  return [...new Set(found)];
}

export const VM022: Rule = {
  id: 'VM022',
  side: 'host',
  severity: 'error',
  topologies: INTER_HOST,
  source: 'vSphere guide, Appendix A (vmpower.start.pl: "This must be absolute UUID-based path")',
  text: 'The VM configuration path used by the scripts is absolute and UUID-based: /vmfs/volumes/<uuid>/<dir>/<name>.vmx (a clp.conf checked without its scripts gets one info saying the paths in them were not checked).',
  fix: 'Use the datastore’s UUID path, e.g. /vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.vmx, not its label.',
  ja: {
    text: 'スクリプトが使う VM の構成ファイルのパスは、UUID を使った絶対パス /vmfs/volumes/<uuid>/<dir>/<name>.vmx である必要があります (スクリプトなしで検査した clp.conf には、スクリプト内のパスを検査していないことを知らせる info が 1 件出ます)。',
    fix: 'データストアのラベルではなく UUID のパス (例: /vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.vmx) を使用してください。',
  },
  inputs: ['resources', 'groups', 'scripts', 'meta'],
  check: (context) => [
    ...vmxScriptsNotGiven(context),
    ...vmxPaths(context)
      .filter((path) => !UUID_VMX.test(path))
      .map((path) => ({
        path: 'cluster',
        message: `VM configuration path ${path} is not an absolute UUID-based /vmfs/volumes path`,
        ja: {
          message: `VM の構成ファイルのパス ${path} は UUID を使った /vmfs/volumes の絶対パスではありません`,
        },
      })),
  ],
};

/** Without the scripts, the paths they hold are unknown: said once, not passed in silence. */
function vmxScriptsNotGiven(context: RuleContext): Hit[] {
  if (context.scriptsGiven) {
    return [];
  }
  const execs = context.model.resources.filter((resource) => resource.exec);
  if (execs.length === 0 || vmExecResources(context).length > 0) {
    return [];
  }
  return [
    scriptsNotGivenHit('cluster', [
      `the VM configuration paths in the start scripts of its ${execs.length === 1 ? 'exec resource' : `${execs.length} exec resources`} were not checked`,
      `${execs.length === 1 ? 'exec リソース' : `${execs.length} 個の exec リソース`}の開始スクリプト内の VM の構成ファイルのパスは検査していません`,
    ]),
  ];
}

export const VM023: Rule = {
  id: 'VM023',
  side: 'host',
  severity: 'info',
  topologies: INTER_HOST,
  source: `${SOURCE}, step 5`,
  text: 'Before starting the cluster, power off and unregister the VM on its ESX host (vmware-cmd -s unregister <vmx>).',
  fix: 'On the ESX host holding the VM: power it off, then vmware-cmd -s unregister <vmx>.',
  ja: {
    text: 'クラスタを開始する前に、ESX ホスト上で VM の電源をオフにして登録解除する必要があります (vmware-cmd -s unregister <vmx>)。',
    fix: 'VM を保持する ESX ホストで VM の電源をオフにしてから、vmware-cmd -s unregister <vmx> を実行してください。',
  },
  inputs: ['resources', 'groups', 'scripts', 'meta'],
  check: (context) => {
    const paths = vmxPaths(context);
    const command = `vmware-cmd -s unregister ${paths[0] ?? '<vmx path>'}`;
    const commandJa = `vmware-cmd -s unregister ${paths[0] ?? '<vmx パス>'}`;
    return [
      {
        path: 'cluster',
        message: `before starting the cluster, power off the VM and run ${command} on its ESX host`,
        ja: {
          message: `クラスタを開始する前に、ESX ホスト上で VM の電源をオフにして ${commandJa} を実行する必要があります`,
        },
      },
    ];
  },
};
