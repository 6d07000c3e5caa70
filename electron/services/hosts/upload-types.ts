/**
 * What an upload is asked to do and what it reports: the plan, each host's outcome, and the
 * state the cluster is left in.
 */
import type { Finding, ProjectDifference } from '../../../schemas/index.js';
import type { HostError } from './host-error.js';
import type { HostKeyPolicy } from './host-key-check.js';
import type { HostTarget } from './host-target.js';
import type { HostFacts } from './preflight.js';
import type { AuthOptions } from './ssh-auth.js';

/** The steps of an upload, in order (issue 6, "Upload plan"). */
export const STEPS = [
  'pre-flight',
  'snapshot',
  'diff',
  'rules',
  'stop-groups',
  'suspend',
  'copy',
  'push',
  'verify',
  'resume',
  'start-groups',
  'clean-up',
] as const;
export type StepName = (typeof STEPS)[number];

/** How to reach the hosts and how careful to be. */
export interface ConnectionOptions {
  readonly auth: AuthOptions;
  readonly hostKeys: HostKeyPolicy;
  /** Connect, verify and log in within this time (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Each remote command within this time (default 180 s: a push distributes to every server). */
  readonly commandTimeoutMs?: number;
  /** The product's bin folder, appended to PATH (default /opt/nec/clusterpro/bin). */
  readonly productBin?: string;
}

/** An upload's options. */
export interface UploadOptions extends ConnectionOptions {
  /** Hosts to upload to; default: those in project.json. The first is the one pushed from. */
  readonly hosts?: readonly HostTarget[];
  /** Log in as this user on the hosts taken from project.json (`--user` without `--host`). */
  readonly user?: string;
  /** Check, snapshot into a temp folder, diff and plan; change nothing. */
  readonly dryRun?: boolean;
  /** Suspend the cluster around the push (default true). */
  readonly suspend?: boolean;
  /** Stop the groups the change touches before, start them after. */
  readonly stopGroups?: boolean;
  /** Upload although the project has rule errors (the explicit override). */
  readonly allowErrors?: boolean;
  /** Live progress, one event per host and step. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** The plan and the diff, once pre-flight, snapshot and rules are done, before anything changes. */
  readonly onPlan?: (preview: UploadPreview) => void;
}

/** What is shown before anything changes. */
export interface UploadPreview {
  readonly plan: UploadPlan;
  readonly difference?: ProjectDifference;
  readonly diffBase?: string;
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: readonly string[];
}

/** One host's step starting, ending, failing or being skipped. */
export interface ProgressEvent {
  readonly host: string;
  readonly step: StepName;
  readonly state: 'started' | 'done' | 'failed' | 'skipped';
  readonly detail?: string;
  /** `detail` in Japanese. */
  readonly detailJa?: string;
}

/** One step as shown before it runs: where and the exact commands. */
export interface PlannedStep {
  readonly step: StepName;
  /** Host labels; empty for a step done locally (diff, rules). */
  readonly on: readonly string[];
  readonly commands: readonly string[];
  readonly note: string;
  /** `note` in Japanese. */
  readonly noteJa?: string;
}

/** The whole sequence. `<temp>` in a command stands for the fresh temp folder made on the host. */
export interface UploadPlan {
  readonly pushHost: string;
  readonly isFirstDeployment: boolean;
  readonly steps: readonly PlannedStep[];
}

export type HostStatus = 'done' | 'failed' | 'not-reached';

/** One row of the result table. */
export interface HostOutcome {
  readonly host: string;
  readonly server?: string;
  readonly status: HostStatus;
  /** For `failed`: the step that failed; for `not-reached`: the first step not run. */
  readonly step?: StepName;
  readonly completed: readonly StepName[];
  readonly facts?: HostFacts;
  /** Local folder of this host's snapshot. */
  readonly snapshot?: string;
  readonly error?: HostError;
  readonly notes: readonly string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: readonly string[];
}

/** How the cluster was left. */
export interface ClusterState {
  /** Still suspended after the run: resuming failed (see `warnings`). */
  readonly suspended: boolean;
  /** Groups this run stopped and could not start again. */
  readonly stoppedGroups: readonly string[];
  /** Loud messages: what is left to do by hand, and why. */
  readonly warnings: readonly string[];
  /** `warnings` in Japanese, same order (when there are any). */
  readonly warningsJa?: readonly string[];
}

/** Everything an upload did. */
export interface UploadReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly plan?: UploadPlan;
  /** Object-level diff from `diffBase`'s configuration to what is uploaded. */
  readonly difference?: ProjectDifference;
  readonly diffBase?: string;
  readonly findings: readonly Finding[];
  readonly hosts: readonly HostOutcome[];
  readonly failure?: HostError;
  readonly cluster: ClusterState;
  /** Offered after a failure that may have changed the configuration. */
  readonly rollback?: { readonly host: string; readonly snapshot: string };
  readonly notes: readonly string[];
  /** `notes` in Japanese, same order (when there are any). */
  readonly notesJa?: readonly string[];
}
