/**
 * Values the sources document (schemas/model/documented-values.ts): numbers in range and
 * codes of a closed set (CF004, error), words among those the sources name (CF011, warning).
 */
import {
  entityParameterProblem,
  japaneseParameterProblem,
  setParameter,
} from '../edits/parameters.js';
import { type ServerOs, documentedWordsOf, perKind } from '../model/documented-values.js';
import type { ClusterModel } from '../model/entities.js';
import { knownParameters } from '../model/known-parameters.js';
import { likelyMeant } from '../model/likely.js';
import { isPlaceholder } from './helpers.js';
import { NO_HITS, partsRule } from './parts.js';
import type { Hit, Rule, RuleContext } from './types.js';

/** What CF004 and CF011 read of an entity, or of a section that is not one (cluster, haltp). */
interface Parameters {
  readonly path: string;
  readonly parameters: Readonly<Record<string, string>>;
}

const ENTITY_LISTS = ['resources', 'monitors', 'groups', 'servers'] as const;

/** The cluster section and shutdown stall monitoring, read as entities are. */
function sectionsOf(model: ClusterModel): Parameters[] {
  return [
    { path: 'cluster', parameters: model.cluster.parameters },
    ...(model.haltp ? [{ path: 'haltp', parameters: model.haltp.parameters }] : []),
  ];
}

export const CF004: Rule = partsRule({
  id: 'CF004',
  severity: 'error',
  topologies: 'all',
  source: 'clpconf-format.md §2.4-§6.4, §11',
  text: 'Numeric settings are in range (intervals, timeouts, retry counts, thresholds) and codes are among the product’s (flags, final actions); a template placeholder (%%NAME%%, __NAME__, ${NAME}, {{ name }}) is said to be one.',
  fix: 'Set a value in the documented range.',
  ja: {
    text: '数値の設定値が範囲内にあり (インターバル、タイムアウト、リトライ回数、しきい値)、コードが製品のコードのいずれかです (フラグ、最終動作)。テンプレートのプレースホルダ (%%NAME%%、__NAME__、${NAME}、{{ name }}) はプレースホルダとして報告します。',
    fix: 'マニュアルに記載された範囲の値を設定してください。',
  },
  inputs: ['servers', 'groups', 'resources', 'monitors', 'cluster', 'os'],
  // The cluster's own settings (heartbeat timeout in ms, network partition action) too.
  whole: {
    dependsOn: ['cluster'],
    check: ({ model, serverOs }) =>
      sectionsOf(model).flatMap((section) => outOfRange(section, serverOs)),
  },
  // Which codes are the product's depends on the OS (`<all><serveros>`).
  parts: ENTITY_LISTS.map((list) => ({
    list,
    dependsOn: ['os'],
    check: (entity: Parameters, { serverOs }: RuleContext) => outOfRange(entity, serverOs),
  })),
});

function outOfRange(entity: Parameters, os: ServerOs | undefined): readonly Hit[] {
  let hits: Hit[] | undefined;
  const problemOf = entityParameterProblem(entity.path, os);
  // Object.keys, not for-in: parameter maps are dictionaries, and for-in re-checks each key.
  for (const sub of Object.keys(entity.parameters)) {
    const value = entity.parameters[sub] as string;
    const problem = problemOf(sub, value);
    if (problem !== undefined) {
      (hits ??= []).push(rangeHit(`${entity.path}/${sub}`, sub, value, problem));
    }
  }
  return hits ?? NO_HITS;
}

/** The hit for a value out of range (`rule`: must be ...); a placeholder is said to be one. */
function rangeHit(path: string, sub: string, value: string, rule: string): Hit {
  if (!isPlaceholder(value)) {
    // The finding's path names the entity already: the message starts at the sub-path.
    const message = `${sub}: "${value}" ${rule}`;
    return { path, message, ja: { message: japaneseParameterProblem(message) } };
  }
  return {
    path,
    message: `${sub}: "${value}" is a template placeholder; the value ${rule}`,
    fix: PLACEHOLDER_FIX,
    ja: {
      message: `${sub}: "${value}" はテンプレートのプレースホルダです。値${japaneseParameterProblem(` ${rule}`).trim()}`,
      fix: PLACEHOLDER_FIX_JA,
    },
  };
}

const PLACEHOLDER_FIX =
  'Substitute a value in range before uploading (this clp.conf is a template).';
const PLACEHOLDER_FIX_JA =
  'アップロード前に、プレースホルダを範囲内の値に置き換えてください (この clp.conf はテンプレートです)。';

export const CF011: Rule = partsRule({
  id: 'CF011',
  severity: 'warning',
  topologies: 'all',
  source: 'clpconf-format.md §2.4-§6.4',
  text: 'A setting the sources document as one of a few words holds one of them: disk type and file system, unmount action, userw and shutdown stall monitoring method and action, group type. A word a letter or two away from one is offered as the fix; the public sources may not list every word a newer product takes, so this warns rather than refuses.',
  fix: 'Set one of the documented words, or check the value against the product’s manual.',
  ja: {
    text: 'マニュアルに記載された語のいずれかを取る設定値が、そのいずれかです: ディスクタイプとファイルシステム、アンマウント時の動作、ユーザ空間監視とシャットダウン監視の監視方法と動作、グループのタイプ。1、2 文字違いの語があれば、それを対処として示します。公開資料が新しい製品の取る語をすべて記載しているとは限らないため、拒否せず警告します。',
    fix: '記載された語のいずれかを設定するか、製品のマニュアルで値を確認してください。',
  },
  inputs: ['groups', 'resources', 'monitors', 'cluster', 'os'],
  whole: {
    dependsOn: ['cluster'],
    check: ({ model, serverOs }) =>
      sectionsOf(model).flatMap((section) => undocumentedWords(section, serverOs)),
  },
  parts: (['resources', 'monitors', 'groups'] as const).map((list) => ({
    list,
    dependsOn: ['os'],
    check: (entity: Parameters, { serverOs }: RuleContext) => undocumentedWords(entity, serverOs),
  })),
});

/** The sub-paths of one kind and type of entity that take documented words, with the words. */
type WordParameters = ReadonlyArray<readonly [sub: string, words: readonly string[]]>;

// Every word entry is a plain sub-path the sources document (documented-values.test.ts holds
// the table to it), so an entity is checked for its few word parameters, not each of its
// parameters: this rule runs on 20,000 entities at a large cluster's first check.
const wordParametersOf = perKind((kind, isEntity, os): WordParameters => {
  const [section = '', type = ''] = kind.split('/');
  return knownParameters(section, type).flatMap((sub) => {
    const words = documentedWordsOf(isEntity ? `${kind}@name/${sub}` : `${kind}/${sub}`, os);
    return words ? [[sub, words] as const] : [];
  });
});

function undocumentedWords(entity: Parameters, os: ServerOs | undefined): readonly Hit[] {
  let hits: Hit[] | undefined;
  for (const [sub, words] of wordParametersOf(entity.path, os)) {
    const value = entity.parameters[sub];
    if (value !== undefined && !words.includes(value)) {
      (hits ??= []).push(wordHit(`${entity.path}/${sub}`, sub, value, words));
    }
  }
  return hits ?? NO_HITS;
}

/** The word a value most likely meant: the same but for case or white space, or a typo away. */
function meantWord(value: string, words: readonly string[]): string | undefined {
  const folded = value.trim().toLowerCase();
  return words.find((word) => word.toLowerCase() === folded) ?? likelyMeant(value.trim(), words);
}

function wordHit(path: string, sub: string, value: string, words: readonly string[]): Hit {
  const listed = words.join(', ');
  if (isPlaceholder(value)) {
    return {
      path,
      message: `${sub}: "${value}" is a template placeholder; the value must be one of ${listed}`,
      fix: 'Substitute one of the documented words before uploading (this clp.conf is a template).',
      ja: {
        message: `${sub}: "${value}" はテンプレートのプレースホルダです。値は ${words.join('、')} のいずれかです`,
        fix: 'アップロード前に、プレースホルダを記載された語のいずれかに置き換えてください (この clp.conf はテンプレートです)。',
      },
    };
  }
  const message = `${sub}: "${value}" is not among the documented values (${listed})`;
  const jaMessage = `${sub}: "${value}" は記載された値 (${words.join('、')}) のいずれでもありません`;
  const meant = meantWord(value, words);
  if (meant === undefined) {
    return { path, message, ja: { message: jaMessage } };
  }
  return {
    path,
    message,
    fix: `Did you mean ${meant}? Set it (quick fix), or check the value against the product’s manual.`,
    quickFix: (project) => setParameter(project, path, meant),
    ja: {
      message: jaMessage,
      fix: `${meant} のことではありませんか。設定するか (クイックフィックス)、製品のマニュアルで値を確認してください。`,
    },
  };
}
