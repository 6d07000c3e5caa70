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

export const ProjectMetaSchema = z.object({
  /** Bumped when the file's shape changes; migrations read older numbers. */
  version: z.literal(1),
  topology: TopologySchema.default('plain'),
  productVersion: ProductVersionSchema.optional(),
  hosts: z.array(HostSchema).default([]),
  vm: VmFactsSchema.default({}),
  /** Template parameters (VM profile); shaped by the scripts issue, kept as given here. */
  vmProfile: z.record(z.string(), z.unknown()).optional(),
});
export type ProjectMeta = z.infer<typeof ProjectMetaSchema>;

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
    return fail(
      appError('invalid-value', `project.json is not valid JSON: ${(caught as Error).message}`),
    );
  }
  const parsed = ProjectMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(top)';
    return fail(
      appError('invalid-value', `project.json: ${where}: ${issue?.message ?? 'invalid'}`, {
        path: where,
      }),
    );
  }
  return ok(parsed.data);
}

/** Serialises project.json (stable key order, 2 spaces, final newline). */
export function formatProjectMeta(meta: ProjectMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

// Characters that cannot be in a name that becomes a folder: separators, NUL, and the
// Windows-reserved set (the scripts tree is also unpacked on Windows hosts).
const UNSAFE_NAME = /[/\\\0:*?"<>|]/;

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
      ),
    );
  }
  if (name !== name.trim()) {
    return fail(
      appError('invalid-name', `${what} name "${name}" starts or ends with a space; remove it`),
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
      appError('usage', `"${spec}" is not a host; write address or address:port, e.g. 10.0.0.1:22`),
    );
  }
  const address = match ? (match[1] as string) : text;
  const port = match?.[2] === undefined ? DEFAULT_SSH_PORT : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(appError('usage', `"${spec}": the port must be 1 to 65535`));
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
