/**
 * What `upload` and `download` print: the plan, live progress, the result table, the failure
 * (host, step, command, output), how the cluster was left, and the rollback on offer.
 */
import type { Finding } from '../../schemas/index.js';
import type {
  DownloadOutcome,
  HostError,
  HostOutcome,
  ProgressEvent,
  UploadPlan,
  UploadPreview,
  UploadReport,
} from '../services/hosts/index.js';
import { formatDifference } from './diff-format.js';

/** The plan: one block per step, where it runs and its commands. */
export function formatPlan(plan: UploadPlan): string[] {
  const lines = [
    `Plan (push from ${plan.pushHost}${plan.isFirstDeployment ? ', first deployment' : ''}; <temp> is a fresh temp folder on the host):`,
  ];
  plan.steps.forEach((step, index) => {
    const where = step.on.length === 0 ? 'here' : step.on.length > 1 ? 'every host' : step.on[0];
    lines.push(`  ${String(index + 1).padStart(2)}. ${step.step} (${where}): ${step.note}`);
    for (const command of step.commands) {
      lines.push(`        $ ${command.length > 160 ? `${command.slice(0, 157)}...` : command}`);
    }
  });
  return lines;
}

/** The diff and the rule summary shown before anything changes. */
export function formatPreview(
  preview: Pick<UploadPreview, 'difference' | 'diffBase' | 'findings' | 'notes'>,
): string[] {
  const lines: string[] = [];
  if (preview.difference) {
    const diff = formatDifference(preview.difference);
    lines.push(
      `Changes against ${preview.diffBase}'s configuration:`,
      ...(diff.length > 0
        ? diff.map((line) => `  ${line}`)
        : ['  (none: the cluster already has this configuration)']),
    );
  }
  lines.push(findingsSummary(preview.findings));
  lines.push(...preview.notes.map((note) => `note: ${note}`));
  return lines;
}

function findingsSummary(findings: readonly Finding[]): string {
  const count = (severity: Finding['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  const first = findings.find((finding) => finding.severity === 'error');
  return `Rules: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${first ? ` (first error: ${first.rule} ${first.path})` : ''}`;
}

/** One line per finished or failed step, for stderr while the upload runs. */
export function formatProgress(event: ProgressEvent): string | undefined {
  if (event.state === 'started') {
    return undefined;
  }
  return `${event.host}  ${event.step}: ${event.state}${event.detail ? ` (${withoutHost(event.detail, event.host)})` : ''}`;
}

/**
 * The result table and everything the user must know after the run; `shownNotes` notes were
 * printed with the plan already.
 */
export function formatResult(
  report: UploadReport,
  rollbackCommand: string | undefined,
  shownNotes = 0,
): string[] {
  const lines = ['Result:', ...table(report.hosts)];
  if (report.failure) {
    lines.push(...formatFailure(report.failure));
    if (report.hosts[0]?.completed.includes('resume')) {
      lines.push('The cluster was resumed.');
    }
  }
  lines.push(...report.cluster.warnings.map((warning) => `WARNING: ${warning}`));
  lines.push(...report.notes.slice(shownNotes).map((note) => `note: ${note}`));
  if (report.rollback && rollbackCommand) {
    lines.push(
      `The configuration ${report.rollback.host} had before is kept in ${report.rollback.snapshot}.`,
      `To put it back on the cluster: ${rollbackCommand}`,
    );
  }
  lines.push(...report.hosts.flatMap((host) => host.notes.map((note) => `${host.host}: ${note}`)));
  lines.push(
    report.ok
      ? report.dryRun
        ? 'Dry run: nothing was changed.'
        : 'Upload done and verified on every host.'
      : 'Upload FAILED.',
  );
  return lines;
}

function table(hosts: readonly HostOutcome[]): string[] {
  const width = Math.max(4, ...hosts.map((host) => host.host.length));
  const result = (host: HostOutcome) =>
    host.status === 'done'
      ? 'done'
      : host.status === 'failed'
        ? `failed at ${host.step}`
        : `not reached (${host.step})`;
  return [
    `  ${'host'.padEnd(width)}  ${'server'.padEnd(8)}  result`,
    ...hosts.map(
      (host) => `  ${host.host.padEnd(width)}  ${(host.server ?? '-').padEnd(8)}  ${result(host)}`,
    ),
  ];
}

/** The failure: where, which command, what it printed, what to do. */
export function formatFailure(error: HostError): string[] {
  const where = [error.step ? `at ${error.step}` : '', error.host ? `on ${error.host}` : '']
    .filter(Boolean)
    .join(' ');
  const lines = [
    `FAILED${where ? ` ${where}` : ''}: ${error.host ? withoutHost(error.message, error.host) : error.message}`,
  ];
  if (error.command) {
    lines.push(
      `  command: ${error.command.length > 300 ? `${error.command.slice(0, 297)}...` : error.command}`,
    );
  }
  if (error.output) {
    lines.push('  output:', ...error.output.split('\n').map((line) => `    | ${line}`));
  }
  return lines;
}

/** A message without the `host: ` it starts with, when the line names the host already. */
function withoutHost(message: string, host: string): string {
  return message.startsWith(`${host}: `) ? message.slice(host.length + 2) : message;
}

/** What a download did, with the difference it found in an existing project. */
export function formatDownload(outcome: DownloadOutcome, fileCount: number): string[] {
  const { host, folder, difference } = outcome;
  const lines = difference
    ? [
        `Changes from ${folder} to ${host}'s configuration:`,
        ...formatDifference(difference).map((line) => `  ${line}`),
      ]
    : [];
  if (!outcome.different) {
    lines.push(`${folder} already holds ${host}'s configuration; nothing to write`);
  } else if (!outcome.written) {
    lines.push(
      `not written: ${folder} differs from ${host}'s configuration (above); run again with --force to overwrite it (the current clp.conf is kept as clp.conf.bak)`,
    );
  } else {
    lines.push(`downloaded ${host}'s configuration into ${folder} (${fileCount} file(s))`);
  }
  return lines;
}
