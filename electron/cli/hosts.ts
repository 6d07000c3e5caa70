/**
 * `clpbuilder upload` and `clpbuilder download` (reference/cli.md, "Hosts"), over the hosts
 * service. Exit codes: 0 done; 1 refused or failed (rule errors, a host key, a step on a host);
 * 2 bad usage or unreadable input.
 */
import type { Command } from 'commander';
import {
  type HostError,
  type UploadOptions,
  type UploadReport,
  downloadConfiguration,
  downloadInto,
  rollbackUpload,
  uploadProject,
} from '../services/hosts/index.js';
import { CREDENTIALS_HELP, type HostFlags, connectionOptionsOf, hostsOf } from './hosts-options.js';
import {
  formatDownload,
  formatFailure,
  formatPlan,
  formatPreview,
  formatProgress,
  formatResult,
} from './hosts-output.js';
import { EXIT, type ExitCode, printJsonInEnglish, printLines } from './output.js';
import { runService } from './run.js';

interface UploadFlags extends HostFlags {
  readonly dryRun?: boolean;
  readonly suspend?: boolean;
  readonly stopGroups?: boolean;
  readonly allowErrors?: boolean;
  readonly rollback?: string;
}

interface DownloadFlags extends HostFlags {
  readonly force?: boolean;
}

// No default list: commander would print "(default: [])" in the help.
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Options both commands take. */
function withHostOptions(command: Command, hostHelp: string): Command {
  return command
    .option('--host <address[:port]>', hostHelp, collect)
    .option('--user <user>', 'log in as this user (default: project.json, else root)')
    .option('--identity <key>', 'private key file to log in with')
    .option('--password', 'ask for a password (or read one line of stdin)')
    .option('--known-hosts <file>', 'OpenSSH known_hosts file (default ~/.ssh/known_hosts)')
    .option('--accept-new', 'accept and record a host key never seen before')
    .option('--connect-timeout <seconds>', 'connect and log in within this time (default 10)')
    .option('--command-timeout <seconds>', 'each remote command within this time (default 180)')
    .option('--json', 'print the result as one JSON document');
}

/** Registers `upload` and `download`. */
export function registerHostCommands(program: Command): void {
  withHostOptions(
    program
      .command('upload')
      .description(
        'push the project to its cluster: pre-flight, snapshot, diff, suspend, push, verify, resume',
      )
      .argument('<project>', 'project folder, bare clp.conf or .zip export'),
    'host to upload to (repeat; default: the hosts in project.json); the first is pushed from',
  )
    .option('--dry-run', 'print the plan, the exact commands and the diff; change nothing')
    .option('--no-suspend', 'do not suspend the cluster around the push')
    .option('--stop-groups', 'stop the groups the change touches before the push, start them after')
    .option('--allow-errors', 'upload although the project has rule errors')
    .option(
      '--rollback <snapshot>',
      'push a snapshot (.clpbuilder/snapshots/...) back instead of the project',
    )
    .addHelpText(
      'after',
      `${CREDENTIALS_HELP}\n\nExit codes: 0 uploaded and verified (or dry run done); 1 refused or failed; 2 bad usage.`,
    )
    .action(runService((project: string, flags: UploadFlags) => upload(project, flags)));
  withHostOptions(
    program
      .command('download')
      .description("pull a cluster's configuration into a new project, or over an existing one")
      .argument('<dir>', 'new folder, or an existing project folder'),
    'host to download from',
  )
    .option(
      '--force',
      'overwrite an existing project that differs (clp.conf.bak keeps the old one)',
    )
    .addHelpText(
      'after',
      `${CREDENTIALS_HELP}\n\nExit codes: 0 downloaded (or already the same); 1 failed, or differences not overwritten without --force; 2 bad usage.`,
    )
    .action(runService((dir: string, flags: DownloadFlags) => download(dir, flags)));
}

/** `upload <project> [flags]`. */
export async function upload(projectPath: string, flags: UploadFlags): Promise<ExitCode> {
  const hosts = hostsOf(flags);
  if (!hosts.ok) {
    return trouble(hosts.error, flags);
  }
  const connection = await connectionOptionsOf(flags);
  if (!connection.ok) {
    return trouble(connection.error, flags);
  }
  let shownNotes: number | undefined; // set once the plan is printed, before anything changes
  const options: UploadOptions = {
    ...connection.value,
    ...uploadChoices(flags),
    hosts: hosts.value,
    ...(flags.user ? { user: flags.user } : {}),
    onProgress: (event) => {
      const line = formatProgress(event);
      if (line) {
        process.stderr.write(`${line}\n`);
      }
    },
    onPlan: (preview) => {
      shownNotes = preview.notes.length;
      if (!flags.json) {
        printLines([...formatPreview(preview), ...formatPlan(preview.plan)]);
      }
    },
  };
  const ran = flags.rollback
    ? await rollbackUpload(projectPath, flags.rollback, options)
    : await uploadProject(projectPath, options);
  if (!ran.ok) {
    return trouble(ran.error, flags);
  }
  printReport(ran.value, projectPath, flags, shownNotes);
  if (ran.value.ok) {
    return EXIT.success;
  }
  return ran.value.failure && isBadInput(ran.value.failure) ? EXIT.trouble : EXIT.findings;
}

function uploadChoices(flags: UploadFlags): Partial<UploadOptions> {
  return {
    dryRun: flags.dryRun ?? false,
    suspend: flags.suspend ?? true,
    stopGroups: flags.stopGroups ?? false,
    allowErrors: flags.allowErrors ?? false,
  };
}

function printReport(
  report: UploadReport,
  projectPath: string,
  flags: UploadFlags,
  shownNotes: number | undefined,
): void {
  const rollback = report.rollback
    ? `clpbuilder upload ${quote(projectPath)} --rollback ${quote(report.rollback.snapshot)}${hostFlags(flags)}`
    : undefined;
  if (flags.json) {
    printJsonInEnglish({ ...report, ...(rollback ? { rollbackCommand: rollback } : {}) });
    return;
  }
  // A refusal never reached onPlan: its diff and plan are shown with the result.
  const preview =
    shownNotes === undefined && report.plan
      ? [...formatPreview(report), ...formatPlan(report.plan)]
      : [];
  printLines([
    ...preview,
    ...formatResult(report, rollback, shownNotes ?? (report.plan ? report.notes.length : 0)),
  ]);
}

function hostFlags(flags: UploadFlags): string {
  const parts = [...(flags.host ?? []).map((host) => `--host ${quote(host)}`)];
  for (const [flag, value] of [
    ['--user', flags.user],
    ['--identity', flags.identity],
    ['--known-hosts', flags.knownHosts],
  ] as const) {
    if (value) {
      parts.push(`${flag} ${quote(value)}`);
    }
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

function quote(word: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `download --host <h> <dir> [flags]`. */
export async function download(dir: string, flags: DownloadFlags): Promise<ExitCode> {
  const hosts = hostsOf(flags);
  if (!hosts.ok) {
    return trouble(hosts.error, flags);
  }
  if (hosts.value.length !== 1) {
    return trouble(
      { kind: 'usage', message: 'download takes exactly one --host <address[:port]>' },
      flags,
    );
  }
  const connection = await connectionOptionsOf(flags);
  if (!connection.ok) {
    return trouble(connection.error, flags);
  }
  const downloaded = await downloadConfiguration(hosts.value[0]!, connection.value);
  const outcome = downloaded.ok
    ? await downloadInto(dir, downloaded.value, flags.force ?? false)
    : downloaded;
  if (!outcome.ok) {
    return trouble(outcome.error, flags);
  }
  const refused = outcome.value.different && !outcome.value.written;
  if (flags.json) {
    printJsonInEnglish(outcome.value);
  } else if (downloaded.ok) {
    printLines([
      ...outcome.value.notes,
      ...formatDownload(outcome.value, downloaded.value.files.length),
    ]);
  }
  return refused ? EXIT.findings : EXIT.success;
}

/** Reports a failure that stopped the command before a report: usage and input are 2, the rest 1. */
function trouble(error: HostError, flags: HostFlags): ExitCode {
  process.stderr.write(`${formatFailure(error).join('\n')}\n`);
  if (flags.json) {
    printJsonInEnglish({ ok: false, error });
  }
  return isBadInput(error) ? EXIT.trouble : EXIT.findings;
}

/** Usage, unreadable files and unusable key files are the caller's input (exit 2); the rest is the upload failing (1). */
function isBadInput(error: HostError): boolean {
  return error.kind === 'usage' || error.kind === 'io' || error.kind === 'ssh-credentials';
}
