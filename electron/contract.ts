/**
 * Every call between the renderer and the main process: name, argument schema, result schema.
 *
 * Main, preload, the CLI and the browser host import this; the renderer imports its types.
 * Calls are named `area:verb` (STYLE.md §3). The desktop issue grows this list; each call is
 * validated in main with its schema before anything acts on it.
 */
import * as z from 'zod';

const ErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  path: z.string().optional(),
  ja: z.string().optional(),
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
  /** False for a bare clp.conf with no scripts/ beside it: its scripts are unknown. */
  scriptsGiven: z.boolean(),
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
  /** Remember the typed password in the OS keychain for the hosts it logged in to. */
  rememberPassword: z.boolean().optional(),
  /** No password typed: use the one remembered for the hosts. */
  useRememberedPassword: z.boolean().optional(),
});
export type HostConnection = z.infer<typeof HostConnectionSchema>;

/** `user@host:port`, the key a remembered password is kept under. */
const SecretKeySchema = z.string().regex(/^[^@\s]+@\S+:\d{1,5}$/);

/** A run id the window chooses (a random UUID or similar). */
const ProgressIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** One host's step starting, ending, failing or being skipped. */
const ProgressEventSchema = z.object({
  host: z.string(),
  step: z.string(),
  state: z.enum(['started', 'done', 'failed', 'skipped']),
  detail: z.string().optional(),
  /** `detail` in Japanese. */
  detailJa: z.string().optional(),
});
export type ProgressEventView = z.infer<typeof ProgressEventSchema>;

const UploadRequestSchema = HostConnectionSchema.extend({
  project: z.string().min(1),
  hosts: z.array(HostTargetSchema).optional(),
  suspend: z.boolean().optional(),
  stopGroups: z.boolean().optional(),
  allowErrors: z.boolean().optional(),
  /** Names the run so that `hosts:progress` can report its steps while it goes. */
  progressId: ProgressIdSchema.optional(),
});
export type UploadRequest = z.infer<typeof UploadRequestSchema>;

const HostErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  ja: z.string().optional(),
  host: z.string().optional(),
  step: z.string().optional(),
  command: z.string().optional(),
  output: z.string().optional(),
  hostKey: z.object({ type: z.string(), fingerprint: z.string() }).optional(),
});

/** A hosts call's result: its failure names the host and, for an unknown key, its fingerprint. */
function hostResultOf<T extends z.ZodType>(value: T) {
  return z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: HostErrorSchema }),
  ]);
}

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
          noteJa: z.string().optional(),
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
      /** `notes` in Japanese, same order. */
      notesJa: z.array(z.string()).optional(),
    }),
  ),
  failure: HostErrorSchema.optional(),
  cluster: z.object({
    suspended: z.boolean(),
    stoppedGroups: z.array(z.string()),
    warnings: z.array(z.string()),
    /** `warnings` in Japanese, same order. */
    warningsJa: z.array(z.string()).optional(),
  }),
  rollback: z.object({ host: z.string(), snapshot: z.string() }).optional(),
  notes: z.array(z.string()),
  /** `notes` in Japanese, same order. */
  notesJa: z.array(z.string()).optional(),
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
  /** The upload, step by step; progress per host is read with `hosts:progress` (the request's `progressId`). */
  'hosts:upload': {
    args: z.tuple([UploadRequestSchema]),
    result: resultOf(UploadReportSchema),
  },
  /** Pushes a snapshot (.clpbuilder/snapshots/...) back: the result dialog's rollback button. */
  'hosts:rollback': {
    args: z.tuple([UploadRequestSchema.extend({ snapshot: z.string().min(1) })]),
    result: resultOf(UploadReportSchema),
  },
  /** The steps a running upload, plan or rollback has reached since event index `since`. */
  'hosts:progress': {
    args: z.tuple([z.object({ id: ProgressIdSchema, since: z.number().int().nonnegative() })]),
    result: resultOf(
      z.object({
        events: z.array(ProgressEventSchema),
        next: z.number().int().nonnegative(),
        finished: z.boolean(),
        known: z.boolean(),
      }),
    ),
  },
  /** Whether passwords can be remembered here, and for which of these keys one is. */
  'secrets:status': {
    args: z.tuple([z.object({ keys: z.array(SecretKeySchema).max(64) })]),
    result: resultOf(
      z.object({
        available: z.boolean(),
        reason: z.string().optional(),
        /** `reason` in Japanese. */
        reasonJa: z.string().optional(),
        remembered: z.array(z.string()),
      }),
    ),
  },
  /** Forgets the remembered passwords of these `user@host:port` keys. */
  'secrets:forget': {
    args: z.tuple([z.object({ keys: z.array(SecretKeySchema).max(64) })]),
    result: resultOf(z.object({ forgotten: z.number().int() })),
  },
  /** Pulls a host's configuration into a folder; an existing project is written only with `force`. */
  'hosts:download': {
    args: z.tuple([DownloadRequestSchema]),
    result: hostResultOf(
      z.object({
        host: z.string(),
        folder: z.string(),
        created: z.boolean(),
        written: z.boolean(),
        different: z.boolean(),
        difference: z.unknown().optional(),
        notes: z.array(z.string()),
        notesJa: z.array(z.string()).optional(),
      }),
    ),
  },
  // The file menu (issue 5, "Files"). Paths are checked against the allowed roots in the host.
  /** A new project from the topology wizard (`clpbuilder new`); refuses a non-empty folder. */
  'project:create': {
    args: z.tuple([
      z.object({
        folder: z.string().min(1),
        /** The wizard's options (templates/wizard/options.ts), checked by buildTopology. */
        options: z.record(z.string(), z.unknown()),
      }),
    ]),
    result: resultOf(
      z.object({ created: z.array(z.object({ path: z.string(), description: z.string() })) }),
    ),
  },
  /** Save As: into a new or empty folder; the window continues on the copy. */
  'project:save-as': {
    args: z.tuple([z.object({ folder: z.string().min(1), files: ProjectFilesSchema })]),
    result: resultOf(z.object({ location: LocationSchema, fingerprint: FingerprintSchema })),
  },
  /** Export zip for the Cluster WebUI; never over an existing file. */
  'project:export': {
    args: z.tuple([z.object({ destination: z.string().min(1), files: ProjectFilesSchema })]),
    result: resultOf(z.object({ path: z.string() })),
  },
  /** Whether clp.conf on disk still matches the window's fingerprint (polled; cheap). */
  'project:disk-state': {
    args: z.tuple([z.object({ location: LocationSchema, expected: FingerprintSchema })]),
    result: resultOf(z.object({ changed: z.boolean(), missing: z.boolean() })),
  },
  /** The host's folder picker: subfolders, .zip and .conf files, within the allowed roots. */
  'files:list': {
    args: z.tuple([z.object({ path: z.string().min(1).optional() })]),
    result: resultOf(
      z.object({
        path: z.string(),
        parent: z.string().nullable(),
        isProject: z.boolean(),
        entries: z.array(z.object({ name: z.string(), kind: z.enum(['folder', 'zip', 'conf']) })),
        roots: z.array(z.string()),
      }),
    ),
  },
  /** Recent projects, newest first (kept by the host under the user's config folder). */
  'files:recent': {
    args: z.tuple([]),
    result: resultOf(
      z.object({
        projects: z.array(
          z.object({ path: z.string(), kind: LocationSchema.shape.kind, openedAt: z.string() }),
        ),
      }),
    ),
  },
} as const;

export type CallName = keyof typeof contract;
export type CallArgs<N extends CallName> = z.infer<(typeof contract)[N]['args']>;
export type CallResult<N extends CallName> = z.infer<(typeof contract)[N]['result']>;
