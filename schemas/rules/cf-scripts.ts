/**
 * The scripts the product runs, as the settings of resources and monitors name them, and
 * CF003 (reference/guide-rules.md): each one is in the project's scripts/ tree. How each is
 * saved is CF013 (cf-script-format.ts).
 */
import type { Monitor, Resource } from '../model/entities.js';
import {
  CHECK_WITH_SCRIPTS,
  CHECK_WITH_SCRIPTS_JA,
  SCRIPTS_NOT_GIVEN,
  SCRIPTS_NOT_GIVEN_JA,
  baseName,
  isProductScript,
  monitorScript,
  resourceScript,
} from './helpers.js';
import { NO_HITS, partsRule } from './parts.js';
import { moveStrayFolder, strayFolderFor } from './stray-scripts.js';
import type { Dependency, EntityPart, Hit, Rule, RuleContext } from './types.js';

/**
 * A script a resource or monitor runs: its place in the scripts tree, and the setting naming
 * it. Read for every entity on every full check, so the words for a finding are made only
 * when there is one (`ownerOf`, `settingOf`).
 */
export interface NamedScript {
  readonly entity: Resource | Monitor;
  /** The setting that names it, under the entity's path (`parameters/act/path`). */
  readonly sub: string;
  /** Undefined when the place is unknown (a resource in no group). */
  readonly key: string | undefined;
}

const NO_SCRIPTS: readonly NamedScript[] = Object.freeze([]);
const PREACTION_PATH = 'emergency/preaction/path';

/** Who runs the script, in English and Japanese (`monitor genw1's pre-action`). */
export function ownerOf({ entity, sub }: NamedScript): { owner: string; ownerJa: string } {
  if (entity.kind === 'resource') {
    return { owner: `resource ${entity.name}`, ownerJa: `グループリソース ${entity.name}` };
  }
  return sub === PREACTION_PATH
    ? {
        owner: `monitor ${entity.name}'s pre-action`,
        ownerJa: `モニタリソース ${entity.name} の最終動作前スクリプト`,
      }
    : { owner: `monitor ${entity.name}`, ownerJa: `モニタリソース ${entity.name}` };
}

/** The parameter path of the setting naming the script (where a finding points). */
export function settingOf({ entity, sub }: NamedScript): string {
  return `${entity.path}/${sub}`;
}

function resourceScriptsNamed(resource: Resource): readonly NamedScript[] {
  if (!resource.exec) {
    return NO_SCRIPTS;
  }
  const { startScript, stopScript } = resource.exec;
  const named: NamedScript[] = [];
  if (startScript && isProductScript(startScript)) {
    named.push({
      entity: resource,
      sub: 'parameters/act/path',
      key: resourceScript(resource, startScript),
    });
  }
  if (stopScript && isProductScript(stopScript)) {
    named.push({
      entity: resource,
      sub: 'parameters/deact/path',
      key: resourceScript(resource, stopScript),
    });
  }
  return named;
}

function monitorScriptsNamed(context: RuleContext, monitor: Monitor): readonly NamedScript[] {
  const { preaction } = monitor.emergency;
  const runsPreaction =
    preaction.use === '1' &&
    preaction.path !== undefined &&
    preaction.path !== '' &&
    isProductScript(preaction.path);
  if (!monitor.genw && !runsPreaction) {
    return NO_SCRIPTS;
  }
  const named: NamedScript[] = [];
  if (monitor.genw) {
    const file = monitor.genw.path ?? (context.os === 'windows' ? 'genw.bat' : 'genw.sh');
    if (isProductScript(file)) {
      named.push({ entity: monitor, sub: 'parameters/path', key: monitorScript(monitor, file) });
    }
  }
  if (runsPreaction) {
    named.push({
      entity: monitor,
      sub: PREACTION_PATH,
      key: monitorScript(monitor, preaction.path as string),
    });
  }
  return named;
}

/**
 * A rule's parts over the scripts each resource and monitor names: `check` gets one entity's.
 * The OS (`cluster`) picks a custom monitor's default script name and how a script must be
 * saved; `others` is what else of the project one entity's hits read.
 */
export function namedScriptParts(
  check: (context: RuleContext, named: readonly NamedScript[]) => readonly Hit[],
  others: readonly Dependency[] = [],
): EntityPart[] {
  const dependsOn: Dependency[] = ['scripts', 'cluster', ...others];
  return [
    {
      list: 'resources',
      dependsOn,
      check: (resource, context) => check(context, resourceScriptsNamed(resource)),
    },
    {
      list: 'monitors',
      dependsOn,
      check: (monitor, context) => check(context, monitorScriptsNamed(context, monitor)),
    },
  ];
}

/**
 * Which folders the entities use, for a missing script's stray folder (stray-scripts.ts): a
 * rename or a move to another group anywhere can make a folder stray, or used again.
 */
const FOLDER_USERS: readonly Dependency[] = [
  { list: 'resources', key: (resource) => `${resource.group ?? ''}/${resource.name}` },
  { list: 'monitors', key: (monitor) => monitor.name },
];

/** The named scripts the scripts tree lacks; nothing when the scripts were not given at all. */
function missingScripts(context: RuleContext, named: readonly NamedScript[]): readonly Hit[] {
  if (named.length === 0 || !context.scriptsGiven) {
    return NO_HITS;
  }
  const hits: Hit[] = [];
  for (const script of named) {
    const { key } = script;
    if (key !== undefined && !context.project.scripts.has(key)) {
      const file = baseName(key);
      const folder = key.slice(0, key.length - file.length - 1);
      const { fixJa, ...fix } = fixForMissing(context, key, file);
      const { owner, ownerJa } = ownerOf(script);
      hits.push({
        path: settingOf(script),
        message: `${owner} runs ${file}, which is not in scripts/${folder}`,
        ...fix,
        ja: {
          message: `${ownerJa} が実行する ${file} が scripts/${folder} にありません`,
          fix: fixJa,
        },
      });
    }
  }
  return hits.length === 0 ? NO_HITS : hits;
}

/**
 * Add the script, or, where a folder no entity uses holds it (a rename made by hand in
 * clp.conf leaves the scripts under the old name), move that folder here.
 */
function fixForMissing(
  context: RuleContext,
  key: string,
  file: string,
): { fix: string; fixJa: string; quickFix?: Hit['quickFix'] } {
  const move = strayFolderFor(context.project, context.model, key);
  if (move === undefined) {
    return {
      fix: `Add scripts/${key}, or point the setting at an existing script.`,
      fixJa: `scripts/${key} を追加するか、既存のスクリプトを指定してください。`,
    };
  }
  const { from: stray, to: target } = move;
  const user = stray.startsWith('monitor.s/') ? 'monitor' : 'resource';
  const userJa = user === 'monitor' ? 'モニタリソース' : 'グループリソース';
  return {
    fix: `scripts/${stray}/ holds ${file}, and no ${user} uses that folder (renamed in clp.conf by hand?): move it to scripts/${target}/ (quick fix), or add scripts/${key}.`,
    fixJa: `scripts/${stray}/ に ${file} があり、このフォルダを使う${userJa}はありません (clp.conf で名前を手で変えましたか?)。scripts/${target}/ へ移動するか (クイックフィックス)、scripts/${key} を追加してください。`,
    quickFix: (project) => moveStrayFolder(project, stray, target),
  };
}

function counted(count: number): string {
  return count === 1 ? 'the 1 script' : `the ${count} scripts`;
}

/**
 * A clp.conf that came without its scripts (a bare file, no scripts/ beside it): its scripts
 * are unknown, not missing, so one info says they were not checked, instead of an error for
 * each of them with the same cause.
 */
function scriptsNotGiven(context: RuleContext): readonly Hit[] {
  if (context.scriptsGiven) {
    return NO_HITS;
  }
  const named = [
    ...context.model.resources.flatMap(resourceScriptsNamed),
    ...context.model.monitors.flatMap((monitor) => monitorScriptsNamed(context, monitor)),
  ].filter((script) => script.key !== undefined);
  const [first] = named;
  if (!first) {
    return NO_HITS;
  }
  const examples = named.slice(0, 3).map((script) => script.key);
  const more = named.length > examples.length ? ', …' : '';
  return [
    {
      path: settingOf(first),
      severity: 'info',
      message: `${SCRIPTS_NOT_GIVEN} (no scripts/ beside it), so ${counted(named.length)} it names ${named.length === 1 ? 'was' : 'were'} not checked: ${examples.join(', ')}${more}`,
      fix: `${CHECK_WITH_SCRIPTS}, or put the scripts/ folder beside the file.`,
      ja: {
        message: `${SCRIPTS_NOT_GIVEN_JA} (横に scripts/ がありません)。そのため、指定されている ${named.length} 個のスクリプトは検査していません: ${examples.join('、')}${more ? '、…' : ''}`,
        fix: `${CHECK_WITH_SCRIPTS_JA}。または、scripts/ フォルダをファイルの横に置いてください。`,
      },
    },
  ];
}

export const CF003: Rule = partsRule({
  id: 'CF003',
  severity: 'error',
  topologies: 'all',
  source: 'clpconf-format.md §8',
  text: 'Every script a resource or monitor names exists in the project’s scripts/ tree (a clp.conf checked without its scripts/ gets one info saying they were not checked). Where a folder no entity uses holds it, as a rename made by hand in clp.conf leaves one, moving that folder is the quick fix.',
  fix: 'Add the script, or point the setting at an existing one.',
  ja: {
    text: 'グループリソースやモニタリソースが指定するスクリプトは、すべてプロジェクトの scripts/ ツリーにあります (scripts/ なしで検査した clp.conf では、スクリプトを検査していないことを伝える情報が 1 件出ます)。どのリソースも使わないフォルダにそのスクリプトがある場合 (clp.conf で名前を手で変えると残ります)、そのフォルダの移動がクイックフィックスです。',
    fix: 'スクリプトを追加するか、既存のスクリプトを指定してください。',
  },
  inputs: ['groups', 'resources', 'monitors', 'scripts', 'cluster'],
  // A resource view carries its group, so a group edit that moves it changes the view.
  whole: {
    dependsOn: ['scripts', 'resources', 'monitors', 'cluster'],
    check: scriptsNotGiven,
  },
  parts: namedScriptParts(missingScripts, FOLDER_USERS),
});
