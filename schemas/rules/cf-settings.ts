/**
 * Settings rules that hold in every topology: coupled settings, derived values, naming
 * (reference/guide-rules.md CF007-CF010; values in range are cf-values.ts, scripts
 * cf-scripts.ts).
 */
import {
  type TypedSection,
  objectNumberOf,
  renumberGroupIds,
  renumberPriorities,
  syncObjectNumber,
  syncTypesEntry,
} from '../edits/derived.js';
import { addMonitor } from '../edits/entities.js';
import { setParameter } from '../edits/parameters.js';
import type { Monitor, Resource } from '../model/entities.js';
import type { Project } from '../project.js';
import { type Result, ok, pipe } from '../result.js';
import { byName, integer, isPlaceholder } from './helpers.js';
import { NO_HITS, countOf, partsRule, pathsOf } from './parts.js';
import type { Hit, Rule, RuleContext } from './types.js';

export const CF007: Rule = partsRule({
  id: 'CF007',
  severity: 'error',
  topologies: 'all',
  source: 'clpconf-format.md §6, §11',
  text: 'Coupled settings agree: active monitoring has a target; a user-space monitor recovers the cluster (LocalServer); a mirror disk has its mirror monitors; a pid monitor targets an asynchronous exec resource.',
  fix: 'Make the coupled settings agree.',
  ja: {
    text: '連動する設定が整合しています: 監視タイミングが活性時のモニタリソースには対象リソースがあり、ユーザ空間モニタの回復対象はクラスタ (LocalServer) で、ミラーディスクにはミラーディスクモニタとミラーディスクコネクトモニタがあり、PID モニタは非同期の exec リソースを対象とします。',
    fix: '連動する設定を整合させてください。',
  },
  inputs: ['resources', 'monitors'],
  whole: {
    dependsOn: [
      { list: 'resources', key: (resource) => (resource.type === 'md' ? resource.path : '') },
      { list: 'monitors', key: mirrorKey },
    ],
    check: mirrorMonitors,
  },
  // A pid monitor reads its target's type and start mode, found by name.
  parts: [
    {
      list: 'monitors',
      dependsOn: [
        {
          list: 'resources',
          key: (resource) => `${resource.path}\u0000${resource.exec?.startSync ?? ''}`,
        },
      ],
      check: monitorCouplings,
    },
  ],
});

/** What `mirrorMonitors` reads of a monitor. */
function mirrorKey(monitor: Monitor): string {
  return monitor.type === 'mdw' || monitor.type === 'mdnw'
    ? `${monitor.type}\u0000${monitor.parameters['parameters/object'] ?? ''}`
    : '';
}

function monitorCouplings(monitor: Monitor, { model }: RuleContext): Hit[] {
  const resources = byName(model.resources);
  const hits: Hit[] = [];
  if (monitor.polling.timing === '1' && !monitor.target?.trim()) {
    hits.push({
      path: `${monitor.path}/target`,
      message: `monitor ${monitor.name} monitors only while its target is active, but has no target`,
      fix: 'Set the target resource, or monitor always (polling/timing 0).',
      ja: {
        message: `モニタリソース ${monitor.name} の監視タイミングは活性時ですが、対象リソースがありません`,
        fix: '対象リソースを設定するか、監視タイミングを常時 (polling/timing 0) にしてください。',
      },
    });
  }
  if (
    monitor.type === 'userw' &&
    (monitor.relation.type !== 'cls' || monitor.relation.name !== 'LocalServer')
  ) {
    hits.push({
      path: `${monitor.path}/relation`,
      message: `user-space monitor ${monitor.name} must recover the cluster (LocalServer)`,
      ja: {
        message: `ユーザ空間モニタ ${monitor.name} の回復対象はクラスタ (LocalServer) でなければなりません`,
      },
      quickFix: (project) =>
        pipe(
          project,
          (p) => setParameter(p, `${monitor.path}/relation/type`, 'cls'),
          (p) => setParameter(p, `${monitor.path}/relation/name`, 'LocalServer'),
        ),
    });
  }
  const target = resources.get(monitor.target?.trim() ?? '');
  if (monitor.type === 'pidw' && (target?.type !== 'exec' || target.exec?.startSync !== '0')) {
    hits.push({
      path: `${monitor.path}/target`,
      message: `pid monitor ${monitor.name} must target an asynchronous exec resource`,
      ja: {
        message: `PID モニタ ${monitor.name} の対象リソースは非同期の exec リソースでなければなりません`,
      },
    });
  }
  return hits;
}

/** The mirror monitors a mirror disk needs, with their Japanese names. */
const MIRROR_MONITORS = [
  ['mdw', 'ミラーディスクモニタ'],
  ['mdnw', 'ミラーディスクコネクトモニタ'],
] as const;

function mirrorMonitors({ model }: RuleContext): Hit[] {
  return model.resources
    .filter((resource) => resource.type === 'md')
    .flatMap((resource) =>
      MIRROR_MONITORS.filter(
        ([type]) =>
          !model.monitors.some(
            (monitor) =>
              monitor.type === type && monitor.parameters['parameters/object'] === resource.name,
          ),
      ).map(([type, japanese]) => {
        const name = numberedName(type, model.monitors);
        return {
          path: resource.path,
          message: `mirror disk ${resource.name} has no ${type} monitor`,
          fix: `Add ${type} monitor ${name} with parameters/object ${resource.name} (quick fix).`,
          ja: {
            message: `ミラーディスク ${resource.name} に${japanese} (${type}) がありません`,
            fix: `parameters/object が ${resource.name} の${japanese} (${type}) ${name} を追加してください (クイックフィックス)。`,
          },
          quickFix: (project: Project) =>
            pipe(
              project,
              (p) => addMonitor(p, type, name),
              (p) => setParameter(p, `monitor/${type}@${name}/parameters/object`, resource.name),
            ),
        };
      }),
    );
}

/** The first of `mdw1`, `mdw2`, ... no monitor has: the names the product gives them. */
function numberedName(type: string, monitors: readonly Monitor[]): string {
  const taken = new Set(monitors.map((monitor) => monitor.name));
  let number = 1;
  while (taken.has(`${type}${number}`)) {
    number += 1;
  }
  return `${type}${number}`;
}

export const CF008: Rule = partsRule({
  id: 'CF008',
  severity: 'warning',
  topologies: 'all',
  source: 'clpconf-format.md §10',
  text: 'Derived values are consistent: webmgr/client/objectnumber, the <types> entries of the kinds in use, group ids, server and heartbeat priorities.',
  fix: 'Recompute them (quick fix).',
  ja: {
    text: '導出される値が整合しています: webmgr/client/objectnumber、使用している種類の <types> エントリ、グループ ID、サーバとハートビートの優先順位。',
    fix: '値を再計算してください (クイックフィックス)。',
  },
  inputs: ['servers', 'heartbeats', 'groups', 'resources', 'monitors', 'cluster'],
  whole: [
    {
      // Resources and monitors count only in the object number.
      dependsOn: [
        'servers',
        'heartbeats',
        'groups',
        'cluster',
        countOf('resources'),
        countOf('monitors'),
      ],
      check: (context) => [...objectNumber(context), ...groupIds(context), ...priorities(context)],
    },
    {
      // Which kinds are in use (the entities' paths carry their type) and which are listed.
      dependsOn: ['heartbeats', 'cluster', pathsOf('resources'), pathsOf('monitors')],
      check: missingTypes,
    },
  ],
  parts: [],
});

/** Each kind in use needs its `<types name=kind/>` entry in its section (clpconf-format.md §10). */
function missingTypes({ model }: RuleContext): Hit[] {
  const inUse: ReadonlyArray<readonly [TypedSection, readonly { type: string; path: string }[]]> = [
    ['heartbeat', model.heartbeats],
    ['networkpartition', model.networkPartitions],
    ['resource', model.resources],
    ['monitor', model.monitors],
  ];
  return inUse.flatMap(([section, entities]) => {
    const listed = new Set(model.typesListed[section]);
    const first = new Map<string, string>();
    for (const entity of entities) {
      if (!listed.has(entity.type) && !first.has(entity.type)) {
        first.set(entity.type, entity.path);
      }
    }
    return [...first].map(([kind, path]) => ({
      path,
      message: `<${section}> has ${kind} entities but no <types name="${kind}"/> entry`,
      fix: `Add <types name="${kind}"/> to <${section}> (quick fix).`,
      ja: {
        message: `<${section}> に ${kind} がありますが、<types name="${kind}"/> エントリがありません`,
        fix: `<${section}> に <types name="${kind}"/> を追加してください (クイックフィックス)。`,
      },
      quickFix: (project: Project) =>
        editConf(project, (conf) => syncTypesEntry(conf, section, kind)),
    }));
  });
}

function objectNumber({ model }: RuleContext): Hit[] {
  const wanted = String(objectNumberOf(model));
  if (!model.webmgr || model.webmgr.objectNumber === wanted) {
    return [];
  }
  return [
    {
      path: 'webmgr/client/objectnumber',
      message: `objectnumber is ${model.webmgr.objectNumber ?? '(absent)'} but the cluster has ${wanted} objects`,
      ja: {
        message: `objectnumber は ${model.webmgr.objectNumber ?? '(なし)'} ですが、クラスタのオブジェクト数は ${wanted} です`,
      },
      quickFix: (project) => editConf(project, syncObjectNumber),
    },
  ];
}

function groupIds({ model }: RuleContext): Hit[] {
  const gids = model.groups.map((group) => group.gid);
  const used = gids.some((gid) => gid !== undefined);
  if (!used || gids.every((gid, index) => gid === String(index))) {
    return [];
  }
  return [
    {
      path: 'group',
      message: 'group ids are not 0, 1, 2 ... in group order',
      ja: { message: 'グループ ID がグループの順に 0, 1, 2 ... になっていません' },
      quickFix: (project) => editConf(project, renumberGroupIds),
    },
  ];
}

function priorities({ model }: RuleContext): Hit[] {
  const sets = [
    { items: model.servers, what: 'server', whatJa: 'サーバ' },
    { items: [...model.heartbeats], what: 'heartbeat', whatJa: 'ハートビート' },
    {
      items: [...model.networkPartitions],
      what: 'network partition',
      whatJa: 'ネットワークパーティション解決',
    },
  ];
  return sets.flatMap(({ items, what, whatJa }) => {
    const values = items.map((item) => integer(item.priority));
    const isSequence = [...values]
      .sort((a, b) => (a ?? -1) - (b ?? -1))
      .every((value, index) => value === index);
    if (items.length === 0 || isSequence) {
      return [];
    }
    const paths = items.map((item) => item.path);
    return [
      {
        path: paths[0] ?? what,
        message: `${what} priorities are not unique and numbered 0, 1, 2 ...`,
        ja: {
          message: `${whatJa}の優先順位が一意の連番 0, 1, 2 ... になっていません`,
        },
        quickFix: (project: Project) =>
          editConf(project, (conf) => renumberPriorities(conf, paths)),
      },
    ];
  });
}

function editConf(
  project: Project,
  step: (conf: Project['conf']) => Result<Project['conf']>,
): Result<Project> {
  const conf = step(project.conf);
  return conf.ok ? ok({ ...project, conf: conf.value }) : conf;
}

export const CF009: Rule = partsRule({
  id: 'CF009',
  severity: 'warning',
  topologies: 'all',
  source: 'clpconf-format.md §5.1 (CFS doc/linux/exec.md)',
  text: 'An exec resource whose script timeouts were changed has activation/deactivation timeouts of script timeout + 180 s.',
  fix: 'Set act/timeout (deact/timeout) to the script timeout + 180 (quick fix).',
  ja: {
    text: 'スクリプトのタイムアウトを変更した exec リソースは、活性/非活性 (activation/deactivation) のタイムアウトがスクリプトのタイムアウト + 180 秒です。',
    fix: 'act/timeout (deact/timeout) をスクリプトのタイムアウト + 180 に設定してください (クイックフィックス)。',
  },
  inputs: ['resources'],
  parts: [{ list: 'resources', dependsOn: [], check: timeoutHits }],
});

function timeoutHits(resource: Resource): readonly Hit[] {
  if (!resource.exec) {
    // Only exec resources have script timeouts (`integer(undefined)` below).
    return NO_HITS;
  }
  const pairs: Array<[string | undefined, string | undefined, 'act' | 'deact']> = [
    [resource.exec?.startTimeout, resource.act.timeout, 'act'],
    [resource.exec?.stopTimeout, resource.deact.timeout, 'deact'],
  ];
  return pairs.flatMap(([script, outer, which]) => {
    const seconds = integer(script);
    if (seconds === undefined || integer(outer) === seconds + 180) {
      return [];
    }
    const wanted = String(seconds + 180);
    return [
      {
        path: `${resource.path}/${which}/timeout`,
        message: `resource ${resource.name}: ${which === 'act' ? 'activation' : 'deactivation'} timeout is ${outer ?? '(default)'} but its script may run ${seconds} s; it should be ${wanted}`,
        ja: {
          message: `exec リソース ${resource.name}: ${which === 'act' ? '活性' : '非活性'}タイムアウトは ${outer ?? '(既定値)'} ですが、スクリプトは最大 ${seconds} 秒実行されるため、${wanted} にする必要があります`,
        },
        quickFix: (project: Project) =>
          setParameter(project, `${resource.path}/${which}/timeout`, wanted),
      },
    ];
  });
}

// From NEC's Reference Guide as far as known (clpconf-format.md §11: unverified, warning level).
const FORBIDDEN_NAME = /[\\/:,;*?"<>|]/;
const MAX_NAME_BYTES = 31;

export const CF010: Rule = partsRule({
  id: 'CF010',
  severity: 'warning',
  topologies: 'all',
  source: 'clpconf-format.md §11',
  text: 'Names follow the product’s naming rules: server names lower-case; at most 31 bytes; no leading "-", no \\ / : , ; * ? " < > |. A template placeholder name (%%NAME%%) is said to be one.',
  fix: 'Rename it to follow the product’s naming rules.',
  ja: {
    text: '名前は製品の命名規則に従っています: サーバ名は小文字、31 バイト以内、先頭が "-" でない、\\ / : , ; * ? " < > | を含まない。テンプレートのプレースホルダの名前 (%%NAME%%) はプレースホルダとして報告します。',
    fix: '製品の命名規則に従う名前に変更してください。',
  },
  inputs: ['servers', 'groups', 'resources', 'monitors', 'cluster'],
  whole: {
    dependsOn: ['servers', 'cluster'],
    check: ({ model }) => [
      ...model.servers
        .filter(
          (server) => server.name !== server.name.toLowerCase() && !isPlaceholder(server.name),
        )
        .map((server) => ({
          path: server.path,
          message: `server name ${server.name} must be lower-case (it is the OS host name)`,
          ja: {
            message: `サーバ名 ${server.name} は小文字でなければなりません (OS のホスト名です)`,
          },
        })),
      ...nameProblems(model.cluster.name, 'cluster/name'),
    ],
  },
  parts: (['groups', 'resources', 'monitors', 'servers'] as const).map((list) => ({
    list,
    dependsOn: [],
    check: (entity: { readonly name: string; readonly path: string }) =>
      nameProblems(entity.name, entity.path),
  })),
});

/** UTF-8 length; only long names need counting (a character is at most 3 bytes here). */
function byteLength(name: string): number {
  return name.length * 3 <= MAX_NAME_BYTES || isAscii(name)
    ? name.length
    : utf8.encode(name).length;
}

// Nearly every name is ASCII, where the length is the byte count: no encoding needed.
function isAscii(name: string): boolean {
  for (let index = 0; index < name.length; index += 1) {
    if (name.charCodeAt(index) >= 0x80) {
      return false;
    }
  }
  return true;
}

const utf8 = new TextEncoder();

function nameProblems(name: string, path: string): readonly Hit[] {
  if (isPlaceholder(name)) {
    return [placeholderName(name, path)];
  }
  const tooLong = byteLength(name) > MAX_NAME_BYTES;
  if (!tooLong && !name.startsWith('-') && !FORBIDDEN_NAME.test(name)) {
    return NO_HITS;
  }
  // Each problem in English and in Japanese.
  const problems: Array<readonly [string, string]> = [];
  if (tooLong) {
    problems.push([
      `is longer than ${MAX_NAME_BYTES} bytes`,
      `が ${MAX_NAME_BYTES} バイトを超えています`,
    ]);
  }
  if (name.startsWith('-')) {
    problems.push(['starts with "-"', 'が "-" で始まっています']);
  }
  if (FORBIDDEN_NAME.test(name)) {
    problems.push([
      'holds a character the product forbids',
      'に製品が禁止する文字が含まれています',
    ]);
  }
  return problems.map(([problem, japanese]) => ({
    path,
    message: `name "${name}" ${problem}`,
    ja: { message: `名前 "${name}" ${japanese}` },
  }));
}

/** A name that is a template variable: the naming rules apply to what replaces it. */
function placeholderName(name: string, path: string): Hit {
  return {
    path,
    message: `name "${name}" is a template placeholder; the name that replaces it must follow the naming rules`,
    fix: 'Substitute the real name before uploading (this clp.conf is a template).',
    ja: {
      message: `名前 "${name}" はテンプレートのプレースホルダです。置き換える名前は命名規則に従う必要があります`,
      fix: 'アップロード前に、実際の名前に置き換えてください (この clp.conf はテンプレートです)。',
    },
  };
}
