/**
 * VMware HA and guest-to-host association wiring (guide: "Associating with VMware HA",
 * Appendix A vmpreaction.sh/.bat): VM030-VM032, and the upload checklist VM040.
 */
import { setParameter } from '../edits/parameters.js';
import type { Monitor } from '../model/entities.js';
import type { Project } from '../project.js';
import { type Result, pipe } from '../result.js';
import { monitorScript, scriptText, scriptsNotGivenHit } from './helpers.js';
import { VMWARE, VMWARE_HA_SSS } from './topologies.js';
import type { Hit, Rule, RuleContext } from './types.js';

const SOURCE = 'vSphere guide, Associating with VMware HA, step 4';
const PREACTION_TOPOLOGIES = ['inter-host-guest-assoc', ...VMWARE_HA_SSS] as const;

// Monitors that only guard the node itself never fail the VM over.
const NODE_MONITORS = new Set(['userw', 'mdw', 'mdnw']);

/** Monitors whose failure takes a final action, so must first ask for the VM's failover. */
export function failoverMonitors(context: RuleContext): Monitor[] {
  return context.model.monitors.filter((monitor) => !NODE_MONITORS.has(monitor.type) && (monitor.emergency.action ?? '1').trim() !== '1');
}

/** The guest OS the pre-action script is for: the VM profile's, else the project's own OS. */
export function guestOs(context: RuleContext): 'linux' | 'windows' {
  const recorded = context.project.meta.vmProfile?.['guestOs'];
  return recorded === 'windows' || recorded === 'linux' ? recorded : context.os;
}

export const VM030: Rule = {
  id: 'VM030',
  side: 'guest',
  severity: 'error',
  topologies: PREACTION_TOPOLOGIES,
  source: SOURCE,
  text: 'Monitors that must fail the VM over have "execute script before final action" enabled, with the pre-action script for the guest’s OS (.sh for Linux, .bat for Windows).',
  fix: 'Enable "Execute Script before Final Action" with the pre-action script (quick fix; clpbuilder generate writes the script).',
  ja: { text: 'VM をフェイルオーバさせる必要のあるモニタリソースは「最終動作前にスクリプトを実行する」が有効で、ゲスト OS 用の最終動作前スクリプト (Linux は .sh、Windows は .bat) を実行します。', fix: '最終動作前スクリプトを指定して「最終動作前にスクリプトを実行する」を有効にしてください (クイックフィックス。スクリプトは clpbuilder generate が作成します)。' },
  inputs: ['monitors', 'meta', 'cluster'],
  check: (context) => {
    const monitors = failoverMonitors(context);
    if (monitors.length === 0) {
      return [{ path: 'monitor', message: 'no monitor takes a final action, so nothing asks for the virtual machine’s failover', fix: 'Add the monitors that must fail the VM over (e.g. NIC link up/down) with a final action and the pre-action script.', ja: { message: '最終動作を実行するモニタリソースがないため、仮想マシンのフェイルオーバを要求するものがありません', fix: 'VM をフェイルオーバさせる必要のあるモニタリソース (NIC link up/down など) を、最終動作と最終動作前スクリプトを設定して追加してください。' } }];
    }
    const file = guestOs(context) === 'windows' ? 'preaction.bat' : 'preaction.sh';
    return monitors.flatMap((monitor) => preactionHit(monitor, file));
  },
};

function preactionHit(monitor: Monitor, file: string): Hit[] {
  const { preaction } = monitor.emergency;
  if (preaction.use === '1' && preaction.path === file) {
    return [];
  }
  const quickFix = (project: Project): Result<Project> =>
    pipe(
      project,
      (p) => setParameter(p, `${monitor.path}/emergency/preaction/use`, '1'),
      (p) => setParameter(p, `${monitor.path}/emergency/preaction/default`, '1'),
      (p) => setParameter(p, `${monitor.path}/emergency/preaction/path`, file),
    );
  const state = preaction.use === '1' ? `runs ${preaction.path ?? '(no script)'}` : 'does not run a script before its final action';
  const stateJa = preaction.use === '1' ? `最終動作前に ${preaction.path ?? '(スクリプトなし)'} を実行します` : '最終動作前にスクリプトを実行しません';
  return [{ path: `${monitor.path}/emergency/preaction`, message: `monitor ${monitor.name} ${state}; it must run ${file} to fail the VM over first`, ja: { message: `モニタリソース ${monitor.name} は${stateJa}。先に VM をフェイルオーバさせるため、${file} を実行する必要があります` }, quickFix }];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** What the pre-action scripts must name: from the VM profile (project.json vmProfile). */
function preactionTarget(context: RuleContext): { resource?: string; addresses?: string[] } {
  const profile = context.project.meta.vmProfile ?? {};
  const resource = profile['vmResource'];
  const addresses = profile['esxAddresses'] ?? profile['esxIps'];
  return {
    resource: typeof resource === 'string' ? resource : undefined,
    addresses: Array.isArray(addresses) ? addresses.map(String) : undefined,
  };
}

export const VM031: Rule = {
  id: 'VM031',
  side: 'guest',
  severity: 'error',
  topologies: PREACTION_TOPOLOGIES,
  source: 'vSphere guide, Appendix A (vmpreaction.sh, vmpreaction.bat)',
  text: 'The pre-action script names the host cluster’s VM resource and lists every ESX address, comma-separated, each a valid IPv4 address (a clp.conf checked without its scripts gets one info saying the scripts were not checked).',
  fix: 'Record the host cluster’s VM resource and the ESX addresses in the VM profile, then clpbuilder generate.',
  ja: { text: '最終動作前スクリプトには、ホストクラスタの仮想マシンリソースと、すべての ESX ホストのアドレスがカンマ区切りで記載されており、各アドレスは有効な IPv4 アドレスです (スクリプトなしで検査した clp.conf では、スクリプトを検査していないことを伝える情報が 1 件出ます)。', fix: 'ホストクラスタの仮想マシンリソースと ESX ホストのアドレスを VM プロファイルに記録してから、clpbuilder generate を実行してください。' },
  inputs: ['monitors', 'scripts', 'meta', 'cluster'],
  check: (context) => {
    const { resource, addresses } = preactionTarget(context);
    const hits: Hit[] = [];
    if (!resource) {
      hits.push({ path: 'cluster', message: 'the VM profile does not name the host cluster’s VM resource the pre-action script must fail over', ja: { message: 'VM プロファイルに、最終動作前スクリプトがフェイルオーバさせるホストクラスタの仮想マシンリソースがありません' } });
    }
    if (!addresses || addresses.length === 0) {
      hits.push({ path: 'cluster', message: 'the VM profile lists no ESX addresses for the pre-action script', ja: { message: 'VM プロファイルに、最終動作前スクリプト用の ESX ホストのアドレスがありません' } });
    }
    for (const address of (addresses ?? []).filter((candidate) => !IPV4.test(candidate))) {
      hits.push({ path: 'cluster', message: `ESX address ${address} is not a valid IPv4 address`, ja: { message: `ESX ホストのアドレス ${address} は有効な IPv4 アドレスではありません` } });
    }
    return [...hits, ...scriptHits(context, resource, addresses ?? [])];
  },
};

/** Each enabled pre-action script must carry the resource and every address. */
function scriptHits(context: RuleContext, resource: string | undefined, addresses: readonly string[]): Hit[] {
  if (!context.scriptsGiven) {
    return preactionScriptsNotGiven(context);
  }
  return failoverMonitors(context).flatMap((monitor) => {
    const { preaction } = monitor.emergency;
    const script = preaction.use === '1' && preaction.path ? monitorScript(monitor, preaction.path) : undefined;
    const text = scriptText(context.project, script);
    if (text === undefined) {
      return [];
    }
    const missing = [resource, ...addresses].filter((value): value is string => value !== undefined && !text.includes(value));
    return missing.length === 0 ? [] : [{ path: `${monitor.path}/emergency/preaction/path`, script, message: `pre-action script of ${monitor.name} does not name ${missing.join(', ')}`, fix: 'Regenerate it from the VM profile (clpbuilder generate).', ja: { message: `モニタリソース ${monitor.name} の最終動作前スクリプトに ${missing.join('、')} が記載されていません`, fix: 'VM プロファイルから再生成してください (clpbuilder generate)。' } }];
  });
}

/** Without the scripts, what the pre-action scripts name is unknown: said once, not passed in silence. */
function preactionScriptsNotGiven(context: RuleContext): Hit[] {
  const running = failoverMonitors(context).filter(({ emergency: { preaction } }) => preaction.use === '1' && preaction.path);
  const [first] = running;
  if (!first) {
    return [];
  }
  const whose = running.length === 1 ? `monitor ${first.name}` : `${running.length} monitors`;
  const whoseJa = running.length === 1 ? `モニタリソース ${first.name} の` : `${running.length} 個のモニタリソースの`;
  return [scriptsNotGivenHit(`${first.path}/emergency/preaction/path`, [`whether the pre-action scripts of ${whose} name the VM resource and the ESX addresses was not checked`, `${whoseJa}最終動作前スクリプトに仮想マシンリソースと ESX ホストのアドレスが記載されているかは検査していません`])];
}

export const VM032: Rule = {
  id: 'VM032',
  severity: 'error',
  topologies: VMWARE_HA_SSS,
  source: SOURCE,
  text: 'The disk monitor (diskw) on the host watches the shared disk holding the guests with method READ(O_DIRECT) and final action OS shutdown (emergency/action 4).',
  fix: 'Add a diskw monitor on the guests’ datastore disk, method READ(O_DIRECT), final action "Stop cluster service and shut down OS".',
  ja: { text: 'ホストのディスクモニタ (diskw) が、ゲストを格納する共有ディスクを監視方法 READ(O_DIRECT)、最終動作「クラスタサービスを停止して OS をシャットダウン」(emergency/action 4) で監視します。', fix: 'ゲストのデータストアのディスクを監視する diskw モニタを、監視方法 READ(O_DIRECT)、最終動作「クラスタサービスを停止して OS をシャットダウン」で追加してください。' },
  inputs: ['monitors', 'cluster'],
  check: ({ model }) => {
    const monitors = model.monitors.filter((monitor) => monitor.type === 'diskw');
    if (monitors.length === 0) {
      return [{ path: 'monitor', message: 'no disk monitor (diskw) watches the shared disk holding the guests', ja: { message: 'ゲストを格納する共有ディスクを監視するディスクモニタ (diskw) がありません' } }];
    }
    return monitors.flatMap(diskMonitorHits);
  },
};

function diskMonitorHits(monitor: Monitor): Hit[] {
  const hits: Hit[] = [];
  if ((monitor.emergency.action ?? '').trim() !== '4') {
    hits.push({
      path: `${monitor.path}/emergency/action`,
      message: `disk monitor ${monitor.name}'s final action must be OS shutdown (4), not ${monitor.emergency.action ?? '(default)'}`,
      ja: { message: `ディスクモニタ ${monitor.name} の最終動作は ${monitor.emergency.action ?? '(既定値)'} ではなく、「クラスタサービスを停止して OS をシャットダウン」(4) でなければなりません` },
      quickFix: (project: Project) => setParameter(project, `${monitor.path}/emergency/action`, '4'),
    });
  }
  const method = monitor.diskw?.method;
  // The XML encoding of the method is in no public sample (clpconf-format.md §12): keep it where found, ask where absent.
  if (method === undefined) {
    hits.push({ path: `${monitor.path}/parameters/method`, severity: 'info', message: `confirm that disk monitor ${monitor.name} uses method READ(O_DIRECT)`, fix: 'Check the disk monitor’s method in the Builder or Cluster WebUI.', ja: { message: `ディスクモニタ ${monitor.name} の監視方法が READ(O_DIRECT) であるか確認が必要です`, fix: 'Builder または Cluster WebUI でディスクモニタの監視方法を確認してください。' } });
  } else if (!/O_DIRECT/i.test(method)) {
    hits.push({ path: `${monitor.path}/parameters/method`, message: `disk monitor ${monitor.name} uses method ${method}; it must be READ(O_DIRECT)`, ja: { message: `ディスクモニタ ${monitor.name} の監視方法は ${method} ですが、READ(O_DIRECT) でなければなりません` } });
  }
  return hits;
}

export const VM040: Rule = {
  id: 'VM040',
  severity: 'info',
  topologies: VMWARE,
  source: 'vSphere guide, Setting up an inter-host OS cluster, steps 10-12',
  text: 'Before uploading: stop the affected failover groups and suspend the cluster; after uploading: resume it.',
  fix: 'clpbuilder upload does this with --stop-groups (suspend and resume are on by default).',
  ja: { text: 'アップロード前に、影響を受けるフェイルオーバグループを停止してクラスタをサスペンドし、アップロード後にリジュームします。', fix: '--stop-groups を指定して clpbuilder upload を実行してください (サスペンドとリジュームは既定で行われます)。' },
  inputs: ['cluster'],
  check: () => [{ path: 'cluster', message: 'before uploading, stop the affected failover groups and suspend the cluster; resume it afterwards', ja: { message: 'アップロード前に、影響を受けるフェイルオーバグループを停止してクラスタをサスペンドし、アップロード後にリジュームする必要があります' } }],
};
