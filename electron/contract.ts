/**
 * Every call between the renderer and the main process: name, argument schema, result schema.
 *
 * Main, preload, the CLI and the browser host import this; the renderer imports its types.
 * Calls are named `area:verb` (STYLE.md §3). The desktop issue grows this list; each call is
 * validated in main with its schema before anything acts on it.
 */
import { z } from 'zod';

const ErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  path: z.string().optional(),
});

/** A Result as it crosses IPC (thrown errors lose their fields there; electron#24427). */
export function resultOf<T extends z.ZodType>(value: T) {
  return z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorSchema }),
  ]);
}

/** What `openProject` recorded about clp.conf, sent back on save to detect outside changes. */
export const FingerprintSchema = z.object({
  mtimeMs: z.number(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Where a project was opened from; a zip is read-only. */
export const LocationSchema = z.object({
  kind: z.enum(['folder', 'file', 'zip']),
  path: z.string().min(1),
});

/**
 * A project's files as they cross IPC: bytes as base64, so that clp.conf keeps its exact
 * encoding (EUC-JP, Shift_JIS) and the renderer's codec sees the very bytes on disk.
 */
export const ProjectFilesSchema = z.object({
  conf: z.base64(),
  scripts: z.array(
    z.object({ path: z.string().min(1), base64: z.base64(), executable: z.boolean() }),
  ),
  /** .clpbuilder/project.json as text. */
  meta: z.string(),
});
export type ProjectFiles = z.infer<typeof ProjectFilesSchema>;

const OpenedSchema = z.object({
  location: LocationSchema,
  files: ProjectFilesSchema,
  fingerprint: FingerprintSchema,
});
export type OpenedProjectFiles = z.infer<typeof OpenedSchema>;

/** A host to upload to or download from (project.json `hosts` entries have this shape). */
const HostTargetSchema = z.object({
  address: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  user: z.string().min(1),
  server: z.string().optional(),
});

/**
 * How to reach hosts. Secrets travel in memory only and are never logged or stored by the main
 * process. `acceptHostKeys` accepts exactly the fingerprint the user saw (host label → SHA256
 * fingerprint), so a key that changes between the dialog and the connection is still refused.
 */
const HostConnectionSchema = z.object({
  identity: z.string().min(1).optional(),
  passphrase: z.string().optional(),
  password: z.string().optional(),
  useAgent: z.boolean().optional(),
  knownHostsFile: z.string().min(1).optional(),
  acceptNew: z.boolean().optional(),
  acceptHostKeys: z.record(z.string(), z.string()).optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
  commandTimeoutMs: z.number().int().positive().optional(),
});
export type HostConnection = z.infer<typeof HostConnectionSchema>;

const UploadRequestSchema = HostConnectionSchema.extend({
  project: z.string().min(1),
  hosts: z.array(HostTargetSchema).optional(),
  suspend: z.boolean().optional(),
  stopGroups: z.boolean().optional(),
  allowErrors: z.boolean().optional(),
});
export type UploadRequest = z.infer<typeof UploadRequestSchema>;

const HostErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  host: z.string().optional(),
  step: z.string().optional(),
  command: z.string().optional(),
  output: z.string().optional(),
  hostKey: z.object({ type: z.string(), fingerprint: z.string() }).optional(),
});

/** The upload's report (electron/services/hosts/upload-types.ts); the diff and findings as the core makes them. */
const UploadReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  plan: z
    .object({
      pushHost: z.string(),
      isFirstDeployment: z.boolean(),
      steps: z.array(
        z.object({
          step: z.string(),
          on: z.array(z.string()),
          commands: z.array(z.string()),
          note: z.string(),
        }),
      ),
    })
    .optional(),
  difference: z.unknown().optional(),
  diffBase: z.string().optional(),
  findings: z.array(z.unknown()),
  hosts: z.array(
    z.object({
      host: z.string(),
      server: z.string().optional(),
      status: z.enum(['done', 'failed', 'not-reached']),
      step: z.string().optional(),
      completed: z.array(z.string()),
      facts: z
        .object({
          hostname: z.string(),
          productVersion: z.string().optional(),
          hasConfiguration: z.boolean(),
          tempFolder: z.string(),
          tempFreeKiB: z.number().optional(),
        })
        .optional(),
      snapshot: z.string().optional(),
      error: HostErrorSchema.optional(),
      notes: z.array(z.string()),
    }),
  ),
  failure: HostErrorSchema.optional(),
  cluster: z.object({
    suspended: z.boolean(),
    stoppedGroups: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  rollback: z.object({ host: z.string(), snapshot: z.string() }).optional(),
  notes: z.array(z.string()),
});

const DownloadRequestSchema = HostConnectionSchema.extend({
  host: HostTargetSchema,
  folder: z.string().min(1),
  /** Overwrite an existing project that differs (after the dialog showed the diff). */
  force: z.boolean().optional(),
});
export type DownloadRequest = z.infer<typeof DownloadRequestSchema>;

export const contract = {
  'app:info': {
    args: z.tuple([]),
    result: resultOf(z.object({ name: z.string(), version: z.string() })),
  },
  'project:show': {
    args: z.tuple([z.string().min(1)]),
    result: resultOf(
      z.object({
        clusterName: z.string(),
        servers: z.array(z.string()),
        groups: z.array(z.string()),
        resources: z.number(),
        monitors: z.number(),
      }),
    ),
  },
  /** The project named on the command line (`clpbuilder serve <project>`), if any. */
  'app:initial-project': {
    args: z.tuple([]),
    result: resultOf(z.object({ path: z.string().nullable() })),
  },
  'project:open': {
    args: z.tuple([z.string().min(1)]),
    result: resultOf(OpenedSchema),
  },
  /** Saves where it was opened; refuses `changed-on-disk` unless `force`. */
  'project:save': {
    args: z.tuple([
      z.object({
        location: LocationSchema,
        files: ProjectFilesSchema,
        expected: FingerprintSchema,
        force: z.boolean().optional(),
      }),
    ]),
    result: resultOf(z.object({ fingerprint: FingerprintSchema })),
  },
  /** The upload plan and diff, from a dry run: connects, checks, pulls; changes nothing. */
  'hosts:plan': {
    args: z.tuple([UploadRequestSchema]),
    result: resultOf(UploadReportSchema),
  },
  /** The upload, step by step; progress per host arrives as `hosts:progress` events (desktop issue). */
  'hosts:upload': {
    args: z.tuple([UploadRequestSchema]),
    result: resultOf(UploadReportSchema),
  },
  /** Pushes a snapshot (.clpbuilder/snapshots/...) back: the result dialog's rollback button. */
  'hosts:rollback': {
    args: z.tuple([UploadRequestSchema.extend({ snapshot: z.string().min(1) })]),
    result: resultOf(UploadReportSchema),
  },
  /** Pulls a host's configuration into a folder; an existing project is written only with `force`. */
  'hosts:download': {
    args: z.tuple([DownloadRequestSchema]),
    result: resultOf(
      z.object({
        host: z.string(),
        folder: z.string(),
        created: z.boolean(),
        written: z.boolean(),
        different: z.boolean(),
        difference: z.unknown().optional(),
      }),
    ),
  },
} as const;

export type CallName = keyof typeof contract;
export type CallArgs<N extends CallName> = z.infer<(typeof contract)[N]['args']>;
export type CallResult<N extends CallName> = z.infer<(typeof contract)[N]['result']>;
