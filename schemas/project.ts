/**
 * A project in memory: clp.conf, the scripts tree and .clpbuilder/project.json.
 *
 * Pure: the Node adapter (electron/services/project-folder.ts) reads and writes it.
 */
import * as z from 'zod';
import type { ClpDocument } from './codec/document.js';
import { type Result, appError, fail, ok } from './result.js';

/** Deployment topologies of the vSphere guide (reference/guide-rules.md). */
export const TopologySchema = z.enum([
  'inter-host',
  'inter-host-guest-assoc',
  'inter-guest-shared',
  'inter-guest-mirror',
  'p2v-shared',
  'p2v-mirror',
  'vmware-ha-sss',
  'vmware-ha-sss-guest',
  'plain',
]);
export type Topology = z.infer<typeof TopologySchema>;

/** Product internal version, `major.minor.patch-build` (e.g. 2.1.0-1). */
export const ProductVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+-\d+$/, 'write the version as major.minor.patch-build, e.g. 2.1.0-1');

export const HostSchema = z.object({
  address: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  user: z.string().min(1).default('root'),
  server: z.string().optional(),
});

/** Facts about the virtual machines that clp.conf cannot hold (guide rules VM005-VM011). */
export const VmFactsSchema = z.object({
  scsiBusSharing: z.enum(['none', 'virtual', 'physical']).optional(),
  diskType: z.enum(['rdm', 'vmdk']).optional(),
  vmotion: z.boolean().optional(),
  sameEsxHost: z.boolean().optional(),
  hostPackage: z.string().optional(),
  /** VM configuration and disk image on a shared datastore (VM009, VM011). */
  vmOnSharedStorage: z.boolean().optional(),
  /** VMkernel port address per ESX server (VM013: distinct from the Service Console's). */
  vmkernelAddresses: z.record(z.string(), z.string()).optional(),
});

/**
 * A finding the engineer accepted, with why: a checklist warning such as VM007 (never suspend
 * a clustered VM) that the site's runbook already covers. It stays listed, marked accepted,
 * and no longer fails `check --strict`. Without `path` it accepts every finding of the rule.
 */
/** A day as project.json writes it. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD');

export const AcknowledgementSchema = z.object({
  rule: z.string().regex(/^[A-Z]{2}\d{3}$/, 'write a rule id, e.g. VM007'),
  path: z.string().min(1).optional(),
  /**
   * The accepted finding's message (English), recorded with a path: it then accepts that very
   * finding, not another one the rule finds there later (`reset` accepted is not `rest`).
   */
  message: z.string().min(1).optional(),
  reason: z.string().trim().min(1, 'say why the finding is accepted'),
  by: z.string().trim().min(1).optional(),
  date: DaySchema.optional(),
  /** The last day it accepts (a temporary exception); after it the finding counts again. */
  until: DaySchema.optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const ProjectMetaSchema = z.object({
  /** Bumped when the file's shape changes; migrations read older numbers. */
  version: z.literal(1),
  topology: TopologySchema.default('plain'),
  productVersion: ProductVersionSchema.optional(),
  hosts: z.array(HostSchema).default([]),
  vm: VmFactsSchema.default({}),
  /** Template parameters (VM profile); shaped by the scripts issue, kept as given here. */
  vmProfile: z.record(z.string(), z.unknown()).optional(),
  /** Findings accepted on purpose (`clpbuilder acknowledge`); absent when there are none. */
  acknowledged: z.array(AcknowledgementSchema).optional(),
});
export type ProjectMeta = z.infer<typeof ProjectMetaSchema>;

/**
 * The project after an entity moved from one path to another (a rename): its acknowledgements
 * of findings on that entity move with it, so that they keep accepting what they accepted. A
 * recorded message that names the entity (`group failover1 can start on only one server`)
 * names it by its new name.
 */
export function moveAcknowledgements(project: Project, from: string, to: string): Project {
  const acknowledged = project.meta.acknowledged;
  const isMoved = (path: string | undefined): path is string =>
    path === from || path?.startsWith(`${from}/`) === true;
  if (!acknowledged?.some((entry) => isMoved(entry.path))) {
    return project;
  }
  const renamed = renamedIn(nameOf(from), nameOf(to));
  const next = acknowledged.map((entry) =>
    isMoved(entry.path)
      ? {
          ...entry,
          path: `${to}${entry.path.slice(from.length)}`,
          ...(entry.message === undefined ? {} : { message: renamed(entry.message) }),
        }
      : entry,
  );
  return { ...project, meta: { ...project.meta, acknowledged: next } };
}

/** The entity name a path ends in (`group@failover1` → `failover1`). */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('@') + 1);
}

/** Replaces whole-word mentions of a name in a message (not `failover10` for `failover1`). */
function renamedIn(from: string, to: string): (message: string) => string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mention = new RegExp(`(?<![\\w.-])${escaped}(?![\\w-])`, 'g');
  return (message) => message.replace(mention, () => to);
}

/** The default project.json for a folder that has none. */
export function defaultProjectMeta(): ProjectMeta {
  return ProjectMetaSchema.parse({ version: 1 });
}

/** A file of the scripts tree: its bytes and whether it is executable. */
export interface ScriptFile {
  readonly bytes: Uint8Array;
  readonly executable: boolean;
}

export interface Project {
  readonly conf: ClpDocument;
  /** Keyed by path relative to scripts/, with `/` separators: `failover1/exec1/start.sh`. */
  readonly scripts: ReadonlyMap<string, ScriptFile>;
  readonly meta: ProjectMeta;
}

/** Parses project.json text; errors name the field and what to write. */
export function parseProjectMeta(text: string): Result<ProjectMeta> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (caught) {
    const reason = (caught as Error).message;
    return fail(
      appError('invalid-value', `project.json is not valid JSON: ${reason}`, {
        ja: `project.json が正しい JSON ではありません: ${reason}`,
      }),
    );
  }
  const parsed = ProjectMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top)';
    const problem = issue?.message ?? 'invalid';
    const whereJa = where === '(top)' ? '(最上位)' : where;
    return fail(
      appError('invalid-value', `project.json: ${where}: ${problem}`, {
        path: where,
        ja: `project.json の ${whereJa}: ${japaneseSchemaProblem(problem)}`,
      }),
    );
  }
  return ok(parsed.data);
}

const JAPANESE_TYPES: Readonly<Record<string, string>> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: '真偽値',
  object: 'オブジェクト',
  record: 'オブジェクト',
  array: '配列',
};

/** What project.json's schema (and zod's own checks) says is wrong, in Japanese. */
const JAPANESE_SCHEMA_PROBLEMS: ReadonlyArray<
  readonly [RegExp, (match: RegExpExecArray) => string]
> = [
  [
    /^write the version as major\.minor\.patch-build, e\.g\. (\S+)$/,
    (match) => `バージョンは major.minor.patch-build の形で指定してください (例: ${match[1]})`,
  ],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (match) =>
      `${JAPANESE_TYPES[match[1] as string] ?? match[1]}で指定してください (${JAPANESE_TYPES[match[2] as string] ?? match[2]}が指定されています)`,
  ],
  [/^write a rule id, e\.g\. (\S+)$/, (match) => `ルール ID を指定してください (例: ${match[1]})`],
  [/^say why the finding is accepted$/, () => '指摘を受け入れる理由を書いてください'],
  [/^write the date as YYYY-MM-DD$/, () => '日付は YYYY-MM-DD の形で書いてください'],
  [/^Invalid input: expected (.+)$/, (match) => `${match[1]} を指定してください`],
  [/^Invalid option: expected one of (.+)$/, (match) => `${match[1]} のいずれかを指定してください`],
  [
    /^Too small: expected string to have >=(\d+) characters?$/,
    (match) => `${match[1]} 文字以上で指定してください`,
  ],
  [/^Too small: expected number to be >=(\d+)$/, (match) => `${match[1]} 以上で指定してください`],
  [/^Too big: expected number to be <=(\d+)$/, (match) => `${match[1]} 以下で指定してください`],
];

function japaneseSchemaProblem(problem: string): string {
  for (const [english, japanese] of JAPANESE_SCHEMA_PROBLEMS) {
    const match = english.exec(problem);
    if (match) {
      return japanese(match);
    }
  }
  return `値が正しくありません (${problem})`;
}

/** Serialises project.json (stable key order, 2 spaces, final newline). */
export function formatProjectMeta(meta: ProjectMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

// Characters that cannot be in a name that becomes a folder: separators, NUL, and the
// Windows-reserved set (the scripts tree is also unpacked on Windows hosts).
const UNSAFE_NAME = /[/\\\0:*?"<>|]/;

/** What the edits call each kind of entity (`what` of `checkFolderName`), in Japanese. */
const ENTITY_WORDS_JA: Readonly<Record<string, string>> = {
  cluster: 'クラスタ',
  server: 'サーバ',
  heartbeat: 'ハートビートリソース',
  networkpartition: 'ネットワークパーティション解決リソース',
  group: 'グループ',
  resource: 'グループリソース',
  monitor: 'モニタリソース',
  'resource type': 'グループリソースのタイプ',
  'monitor type': 'モニタリソースのタイプ',
};

/** An entity word of the edits' English messages (`server`, `resource type` ...) in Japanese. */
export function entityWordJa(what: string): string {
  return ENTITY_WORDS_JA[what] ?? what;
}

/**
 * Checks that an entity name can safely become a folder name under scripts/.
 *
 * Refuses `..`, `.`, separators, absolute and drive paths, NUL and control characters, so a
 * name can never lead outside the project folder (security standard).
 */
export function checkFolderName(name: string, what: string): Result<string> {
  if (
    name === '' ||
    name === '.' ||
    name === '..' ||
    UNSAFE_NAME.test(name) ||
    /[\x00-\x1f\x7f]/.test(name)
  ) {
    return fail(
      appError(
        'unsafe-path',
        `${what} name "${printable(name)}" cannot be used: names may not be empty, "." or "..", or contain / \\ : * ? " < > | or control characters`,
        {
          ja: `${entityWordJa(what)}名 "${printable(name)}" は使用できません。名前を空、"."、".." にすることはできず、/ \\ : * ? " < > | と制御文字も使用できません`,
        },
      ),
    );
  }
  if (name !== name.trim()) {
    return fail(
      appError('invalid-name', `${what} name "${name}" starts or ends with a space; remove it`, {
        ja: `${entityWordJa(what)}名 "${name}" の先頭または末尾に空白があります。取り除いてください`,
      }),
    );
  }
  return ok(name);
}

/** Checks a relative path inside scripts/ (from a zip or the disk): no escape, no absolute. */
export function checkRelativePath(path: string): Result<string> {
  const parts = path.split('/');
  if (
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.some((part) => part === '..' || part === '.' || part === '')
  ) {
    return fail(
      appError(
        'unsafe-path',
        `"${printable(path)}" would lead outside the project folder; refusing it`,
        { ja: `"${printable(path)}" はプロジェクトフォルダの外を指します。受け付けられません` },
      ),
    );
  }
  return ok(path);
}

function printable(text: string): string {
  return text.replace(
    /[\x00-\x1f\x7f]/g,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** A host as shown to the user and in upload reports: `address:port` (`[v6]:port` for IPv6). */
export function hostLabel(target: { readonly address: string; readonly port: number }): string {
  const address = target.address.includes(':') ? `[${target.address}]` : target.address;
  return `${address}:${target.port}`;
}

/** The SSH port a host is reached on unless it says otherwise. */
export const DEFAULT_SSH_PORT = 22;

/**
 * Parses a host as typed (`clpbuilder upload --host`, the Upload dialog's rows): `address`,
 * `address:port`, `[v6-address]`, `[v6-address]:port`, or a bare IPv6 address (more than one
 * colon, no brackets), which is taken whole, on port 22.
 */
export function parseHostAddress(spec: string): Result<{ address: string; port: number }> {
  const text = spec.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:\s[\]]+)(?::(\d+))?$/.exec(text);
  const bareV6 = /^[0-9A-Fa-f:.]+$/.test(text) && text.split(':').length > 2;
  const match = bracketed ?? plain;
  if (!match && !bareV6) {
    return fail(
      appError(
        'usage',
        `"${spec}" is not a host; write address or address:port, e.g. 10.0.0.1:22`,
        {
          ja: `"${spec}" はホストとして読めません。アドレスまたはアドレス:ポートの形で指定してください (例: 10.0.0.1:22)`,
        },
      ),
    );
  }
  const address = match ? (match[1] as string) : text;
  const port = match?.[2] === undefined ? DEFAULT_SSH_PORT : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(
      appError('usage', `"${spec}": the port must be 1 to 65535`, {
        ja: `"${spec}": ポートは 1 から 65535 の範囲で指定してください`,
      }),
    );
  }
  return ok({ address, port });
}

/**
 * A host as a user types it back, for `parseHostAddress`: the address alone on port 22, else
 * `address:port` (`[v6]:port`: an IPv6 address followed by `:port` would read as one address).
 */
export function hostSpec(target: { readonly address: string; readonly port: number }): string {
  return target.port === DEFAULT_SSH_PORT ? target.address : hostLabel(target);
}

/** `user@address:port`: whom a login is for (remembered passwords are kept under it). */
export function hostLogin(target: {
  readonly user: string;
  readonly address: string;
  readonly port: number;
}): string {
  return `${target.user}@${target.address}:${target.port}`;
}

/** Where a resource's scripts live (clpconf-format.md §8). */
export function resourceScriptFolder(group: string, resource: string): string {
  return `${group}/${resource}`;
}

/** Where a monitor's scripts live (clpconf-format.md §8). */
export function monitorScriptFolder(monitor: string): string {
  return `monitor.s/${monitor}`;
}

/** Moves every script under one folder to another (rename follows the scripts folder). */
export function moveScriptFolder(
  scripts: ReadonlyMap<string, ScriptFile>,
  from: string,
  to: string,
): Map<string, ScriptFile> {
  const moved = new Map<string, ScriptFile>();
  for (const [path, file] of scripts) {
    moved.set(
      path === from || path.startsWith(`${from}/`) ? to + path.slice(from.length) : path,
      file,
    );
  }
  return moved;
}

/** Drops every script under a folder (remove follows the scripts folder). */
export function dropScriptFolder(
  scripts: ReadonlyMap<string, ScriptFile>,
  folder: string,
): Map<string, ScriptFile> {
  return new Map(
    [...scripts].filter(([path]) => path !== folder && !path.startsWith(`${folder}/`)),
  );
}
