/**
 * Setting one parameter by path, with the value checked where its range is known and the
 * values derived from it kept right.
 */
import * as z from 'zod';
import type { ClpDocument } from '../codec/document.js';
import { find, removeAt, setValue } from '../doc/edit.js';
import { textValue } from '../codec/tree.js';
import { flattenParameters, toInteger } from '../model/params.js';
import type { Project } from '../project.js';
import { type AppError, type Result, appError, fail, ok, pipe } from '../result.js';
import { knownParameters, misspeltParameter } from '../model/known-parameters.js';
import { setStartupServers, startupServersIn } from './startup-servers.js';
import { addResourceDependency, isDependencyPath, removeDependency } from './dependencies.js';
import { likelyMeant } from '../model/likely.js';
import { syncObjectNumber } from './derived.js';
import {
  type DocumentedValue,
  type ServerOs,
  codeList,
  documentedValueOf,
  documentedWordsOf,
  perKind,
  serverOsOf,
} from '../model/documented-values.js';

/** A documented value as the schema that checks it; words are CF011's, not a range. */
function schemaOf(value: DocumentedValue): z.ZodType<string> | undefined {
  switch (value.kind) {
    case 'integer':
      return z
        .string()
        .regex(/^\d+$/, 'must be a whole number')
        .refine(
          (text) => Number(text) >= value.min && Number(text) <= value.max,
          `must be between ${value.min} and ${value.max}`,
        );
    case 'codes':
      return z.enum(value.codes as [string, ...string[]], {
        message: value.what
          ? `must be ${value.what} (${codeList(value.codes)})`
          : `must be ${listed(value.codes)}`,
      });
    case 'words':
      return undefined;
  }
}

/** `a, b or c`. */
function listed(values: readonly string[]): string {
  return values.length < 2
    ? values.join('')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

// One schema per documented value, so that each parses each distinct value once (problemOf).
const schemas = new Map<DocumentedValue, z.ZodType<string> | null>();

function rangeOfPath(path: string, os?: ServerOs): z.ZodType<string> | undefined {
  const value = documentedValueOf(path, os);
  if (value === undefined) {
    return undefined;
  }
  let schema = schemas.get(value);
  if (schema === undefined) {
    schema = schemaOf(value) ?? null;
    schemas.set(value, schema);
  }
  return schema ?? undefined;
}

/** Checks a value against the known range of its parameter. */
export function checkParameterValue(path: string, value: string): Result<string> {
  const range = rangeOfPath(path);
  return valueChecked(path, value, range && problemOf(range, value));
}

/** The value, or the error that says `problem` of it at `path`. */
function valueChecked(path: string, value: string, problem: string | undefined): Result<string> {
  if (problem === undefined) {
    return ok(value);
  }
  const message = `${path}: "${value}" ${problem}`;
  return fail(appError('invalid-value', message, { path, ja: japaneseParameterProblem(message) }));
}

// Which range applies depends on the entity's section and type, the sub-path and the OS, never
// on its name (the patterns match a name as [^/]+): found once per pair, not per entity.
/**
 * Checks parameters of the entity at `entityPath` (`monitor/genw@genw1`): what the result says
 * of `(sub, value)` is what `checkParameterValue(entityPath + '/' + sub, value)` says, but
 * fast when run on every parameter of a large cluster (the CF004 rule).
 */
export function entityParameterCheck(
  entityPath: string,
): (sub: string, value: string) => Result<string> {
  const problemOf = entityParameterProblem(entityPath);
  return (sub, value) => valueChecked(`${entityPath}/${sub}`, value, problemOf(sub, value));
}

/**
 * Why a value does not fit its parameter's range (`must be between 1 and 999`), or undefined
 * when it does: what `entityParameterCheck` says, without building its message. The rules
 * engine runs it on every parameter of every entity, and a `Result` for each of those that
 * fit (nearly all) was most of its cost (issue 3 benchmark).
 */
export function entityParameterProblem(
  entityPath: string,
  os?: ServerOs,
): (sub: string, value: string) => string | undefined {
  const at = entityPath.indexOf('@');
  if (at === -1 || entityPath.includes('/', at)) {
    return (sub, value) => {
      const range = rangeOfPath(`${entityPath}/${sub}`, os);
      return range && problemOf(range, value);
    };
  }
  const known = rangesOf(entityPath, os);
  return (sub, value) => {
    let range = known.get(sub);
    if (range === undefined) {
      range = rangeOfPath(`${entityPath.slice(0, at)}@name/${sub}`, os) ?? null;
      if (known.size < 4096) {
        known.set(sub, range);
      }
    }
    return range === null ? undefined : problemOf(range, value);
  };
}

/** The ranges by sub-path of each kind of entity (`monitor/genw`) on each OS, as found. */
const rangesOf = perKind(() => new Map<string, z.ZodType<string> | null>());

// A large cluster holds the same few values thousands of times ('1', '30', 'rsc'), and the rules
// check every ranged parameter of every entity: each schema parses each value once.
const problems = new Map<z.ZodType<string>, Map<string, string | null>>();
const MAX_REMEMBERED = 4096;

/** What each range's problem says in Japanese (the English ends the message). */
const JAPANESE_PROBLEMS: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/ must be a whole number$/, () => ' は整数で指定してください'],
  [
    / must be between (\d+) and (\d+)$/,
    (match) => ` は ${match[1]} から ${match[2]} の範囲で指定してください`,
  ],
  [
    / must be ((?:[^ ,]+, )+[^ ,]+) or ([^ ,]+)$/,
    (match) =>
      ` は ${(match[1] as string).split(', ').join('、')}、${match[2]} のいずれかで指定してください`,
  ],
  [
    / must be ([^ ,]+) or ([^ ,]+)$/,
    (match) => ` は ${match[1]} または ${match[2]} で指定してください`,
  ],
  [
    / must be a final action code \(([^)]+)\)$/,
    (match) =>
      ` は最終動作のコード (${(match[1] as string).split(', ').join('、')}) で指定してください`,
  ],
  [
    / must be an action code \(([^)]+)\)$/,
    (match) =>
      ` は動作のコード (${(match[1] as string).split(', ').join('、')}) で指定してください`,
  ],
  [/ is not allowed$/, () => ' は指定できません'],
];

/**
 * A message of `checkParameterValue` or `entityParameterProblem` (`path: "value" problem`) in
 * Japanese; unchanged when its problem is not one of this file's.
 */
export function japaneseParameterProblem(message: string): string {
  for (const [english, japanese] of JAPANESE_PROBLEMS) {
    const match = english.exec(message);
    if (match) {
      return message.slice(0, match.index) + japanese(match);
    }
  }
  return message;
}

/** Why a value does not fit a range, or undefined when it does. */
function problemOf(schema: z.ZodType<string>, value: string): string | undefined {
  let known = problems.get(schema);
  if (!known) {
    known = new Map();
    problems.set(schema, known);
  }
  let problem = known.get(value);
  if (problem === undefined) {
    const parsed = schema.safeParse(value);
    problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not allowed');
    if (known.size >= MAX_REMEMBERED) {
      known.clear();
    }
    known.set(value, problem);
  }
  return problem ?? undefined;
}

/** A path as the edits read it: `/resource/exec@e/` is `resource/exec@e`. */
function withoutEdgeSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** The OS `<all><serveros>` names, undefined where it names neither. */
export function osOfConf(conf: ClpDocument): ServerOs | undefined {
  const serveros = find(conf, 'all/serveros');
  return serverOsOf(serveros.ok ? textValue(serveros.value.element) : undefined);
}

/**
 * What to tell of a value that is none of the words the sources document for its parameter
 * (a file system, a method, on the file's OS): it is saved all the same, since the list may be
 * incomplete, and CF011 warns of it at check. Undefined for any other value.
 */
export function undocumentedWordNote(
  conf: ClpDocument,
  path: string,
  value: string,
): string | undefined {
  const words = documentedWordsOf(path, osOfConf(conf));
  return words && !words.includes(value)
    ? `${path}: "${value}" is not among the documented values (${words.join(', ')}); saved all the same, and clpbuilder check warns of it (CF011)`
    : undefined;
}

/**
 * Sets a parameter; an exec resource's activation/deactivation timeout follows its script
 * timeout (+180 s, clpconf-format.md §10) and a vm resource's follows its request and start
 * timeouts.
 */
export function setParameter(project: Project, path: string, value: string): Result<Project> {
  const checked = checkParameterValue(path, value);
  if (!checked.ok) {
    return checked;
  }
  const entity = entityPathOf(path);
  if (entity && !find(project.conf, entity).ok) {
    return fail(
      appError('not-found', `${entity} is not in this clp.conf; add it first (clpbuilder add)`, {
        path: entity,
        ja: `${entity} はこの clp.conf にありません。先に追加してください (clpbuilder add)`,
      }),
    );
  }
  const dependency = addResourceDependency(project, withoutEdgeSlashes(path), value);
  if (dependency !== undefined) {
    return dependency;
  }
  const misspelt = misspeltProblem(project.conf, path);
  if (misspelt) {
    return fail(misspelt);
  }
  const conf = pipe(
    project.conf,
    (document) => setValue(document, path, value),
    (document) => followDerived(document, path),
    // A value inside an entity that is there cannot add or remove an entity, so objectnumber
    // stands; counting them all again would make a fix of 1,000 findings cost 1,000 reads of
    // a large cluster. Other paths (cluster/, webmgr/) keep it right as before.
    (document) => (entity ? ok(document) : syncObjectNumber(document)),
  );
  return conf.ok ? ok({ ...project, conf: conf.value }) : conf;
}

/**
 * Removes one parameter, so that the product's default applies (`clpbuilder unset`, the
 * property form's "back to the default"). Only a plain leaf of an entity or of the cluster,
 * a group's startup server (`group@g/policy@server`: the others' order follows), or one
 * dependency (`resource/exec@e/depend@d`, `group@g/depend/act/depend@h`: dependencies.ts). An
 * entity is removed with `remove`, and the other keyed entries (members, addresses) are what
 * references are made of.
 */
export function removeParameter(project: Project, path: string): Result<Project> {
  const trimmed = withoutEdgeSlashes(path);
  // A startup server is an entry no reference points at: it goes, and the others' order follows.
  const startup = /^group@([^/]+)\/policy@([^/]+?)(?:\/order)?$/.exec(trimmed);
  if (startup) {
    const [, group = '', server = ''] = startup;
    const located = find(project.conf, `group@${group}`);
    if (!located.ok) {
      return located;
    }
    const servers = startupServersIn(located.value.element);
    return servers.includes(server)
      ? setStartupServers(
          project,
          group,
          servers.filter((other) => other !== server),
        )
      : ok(project);
  }
  if (isDependencyPath(trimmed)) {
    return removeDependency(project, trimmed);
  }
  const place = placeOf(trimmed);
  if (place === undefined || place.sub === '' || place.sub.includes('@')) {
    return fail(
      appError(
        'usage',
        `${path} is not a parameter unset can remove: name a plain parameter of an entity, such as monitor/genw@genw1/polling/interval (remove an entity with clpbuilder remove)`,
        {
          path,
          ja: `${path} は unset で取り除けるパラメータではありません。monitor/genw@genw1/polling/interval のように、エンティティの通常のパラメータを指定してください (エンティティの削除は clpbuilder remove)`,
        },
      ),
    );
  }
  const owner = find(project.conf, place.owner);
  if (!owner.ok) {
    return owner;
  }
  const found = find(project.conf, trimmed);
  if (!found.ok) {
    // Already absent: the default applies, nothing to change.
    return ok(project);
  }
  if (found.value.element.children.some((child) => child.kind === 'element')) {
    return fail(
      appError('invalid-value', `${trimmed} holds other elements; unset them one by one`, {
        path: trimmed,
        ja: `${trimmed} はほかの要素を含んでいます。その中のパラメータを 1 つずつ取り除いてください`,
      }),
    );
  }
  return ok({ ...project, conf: removeAt(project.conf, found.value.indices) });
}

// Entities are added with `add`, which keeps the derived values right; a parameter path must
// not create one as a side effect.
const ENTITY_PATH =
  /^(server@[^/]+|group@[^/]+|(?:resource|monitor|heartbeat|networkpartition)\/[^/@]+@[^/]+)(?:\/|$)/;

function entityPathOf(path: string): string | undefined {
  return ENTITY_PATH.exec(path.replace(/^\/+/, ''))?.[1];
}

/** A parameter path split into its owner (an entity, or `cluster`), kind, type and sub-path. */
interface ParameterPlace {
  readonly owner: string;
  readonly kind: string;
  readonly type: string;
  readonly sub: string;
}

function placeOf(path: string): ParameterPlace | undefined {
  const trimmed = withoutEdgeSlashes(path);
  const owner = entityPathOf(trimmed) ?? (trimmed.startsWith('cluster/') ? 'cluster' : undefined);
  if (owner === undefined) {
    return undefined;
  }
  const [kind = '', type = ''] = owner.split('@', 1)[0]?.split('/') ?? [];
  return { owner, kind, type, sub: trimmed.slice(owner.length + 1) };
}

/**
 * Why creating the parameter at `path` is refused: it is absent, the sources do not document it
 * and they document one a typo away (`polling/intervall`). Undefined otherwise, so that a
 * parameter no source names can still be set.
 */
function misspeltProblem(document: ClpDocument, path: string): AppError | undefined {
  const place = placeOf(path);
  if (place === undefined || find(document, path).ok) {
    return undefined;
  }
  const { owner, kind, type, sub } = place;
  const meant = misspeltParameter(kind, type, sub);
  if (meant === undefined) {
    return undefined;
  }
  return appError(
    'invalid-value',
    `${owner} has no ${sub}, and the sources document no such parameter of ${kind === 'cluster' ? 'the cluster' : `${type ? `${type} ` : ''}${kind}s`}: did you mean ${owner}/${meant}?`,
    {
      path,
      ja: `${owner} に ${sub} はなく、資料にもそのようなパラメータはありません。${owner}/${meant} の誤りではありませんか`,
    },
  );
}

function followDerived(document: ClpDocument, path: string): Result<ClpDocument> {
  const exec = /^(resource\/(?:exec|script)@[^/]+)\/parameters\/timeout\/(start|stop)$/.exec(path);
  if (exec) {
    const seconds = toInteger(valueAt(document, path));
    const target = `${exec[1]}/${exec[2] === 'start' ? 'act' : 'deact'}/timeout`;
    return seconds === undefined ? ok(document) : setValue(document, target, String(seconds + 180));
  }
  const vm = /^(resource\/vm@[^/]+)\/parameters\/(reqtimeout|starttimeout)$/.exec(path);
  if (vm) {
    const request = toInteger(valueAt(document, `${vm[1]}/parameters/reqtimeout`)) ?? 0;
    const start = toInteger(valueAt(document, `${vm[1]}/parameters/starttimeout`)) ?? 0;
    return setValue(document, `${vm[1]}/act/timeout`, String(request + start + 180));
  }
  return ok(document);
}

function valueAt(document: ClpDocument, path: string): string | undefined {
  const found = find(document, path);
  return found.ok ? textValue(found.value.element) : undefined;
}

/** Reads one parameter: its text, or for a section its leaves; not-found names the path. */
export function getParameter(
  document: ClpDocument,
  path: string,
): Result<string | Record<string, string>> {
  const found = find(document, path);
  if (!found.ok) {
    return fail(absentParameterError(document, path) ?? found.error);
  }
  const { element } = found.value;
  return element.children.some((child) => child.kind === 'element')
    ? ok(flattenParameters(element))
    : ok(textValue(element));
}

/**
 * Why an entity's parameter is not there, said usefully: a documented one is not set (the
 * product's default applies); another is named with what it most likely meant, among what the
 * entity has and what the sources document. Undefined when the entity itself is missing.
 */
function absentParameterError(document: ClpDocument, path: string): AppError | undefined {
  const trimmed = withoutEdgeSlashes(path);
  const place = placeOf(trimmed);
  const entity = place === undefined ? undefined : find(document, place.owner);
  if (place === undefined || !entity?.ok) {
    return undefined;
  }
  const { owner, kind, type, sub } = place;
  const documented = knownParameters(kind, type);
  if (documented.includes(sub)) {
    return appError('not-found', `${owner} does not set ${sub}: the product's default applies`, {
      path: trimmed,
      ja: `${owner} は ${sub} を設定していません。製品の既定値が使われます`,
    });
  }
  const present = Object.keys(flattenParameters(entity.value.element));
  const meant = likelyMeant(sub, new Set([...present, ...documented]));
  return meant === undefined
    ? undefined
    : appError('not-found', `${trimmed} is not in this clp.conf; did you mean ${owner}/${meant}?`, {
        path: trimmed,
        ja: `${trimmed} はこの clp.conf にありません。${owner}/${meant} の誤りではありませんか`,
      });
}
