/**
 * `clpbuilder check --watch`: the whole check once, then after every save of the project's
 * files what came and what went, with the summary, until Ctrl-C. For an engineer who edits
 * clp.conf and the scripts in an editor and keeps a terminal open beside it.
 */
import { relative } from 'node:path';
import {
  type CheckOptions,
  type Language,
  type Result,
  findingKey,
  findingWording,
  isFailing,
} from '../../schemas/index.js';
import { type ProjectLocation, folderOf, projectLocation } from '../services/project-folder.js';
import {
  type CheckRun,
  checkOnce,
  findingHeading,
  fixLine,
  formatFindings,
  severityWord,
  summaryOf,
} from './check-report.js';
import { EXIT, type ExitCode, formatMessage, printLines, reportError } from './output.js';
import { confFileOf } from './project-access.js';
import { watchProject } from './watch.js';

/** Checks, then checks again on every change; resolves on Ctrl-C with the last check's code. */
export async function watchCheck(
  path: string,
  options: CheckOptions,
  language: Language,
  strict: boolean,
): Promise<ExitCode> {
  // Found without reading the project: a watch starts even while clp.conf does not parse.
  const location = await projectLocation(path);
  if (!location.ok) {
    const { error } = location;
    return reportError({ ...error, message: `nothing to watch: ${error.message}` }, {});
  }
  const first = await checkOnce(path, options);
  let last: CheckRun | undefined = first.ok ? first.value : undefined;
  let code = say(first, (run) => formatFindings(run.review, fileOf(run), language, run.placeOf));
  return new Promise((done) => {
    let queue = Promise.resolve();
    const again = async (names: readonly string[]) => {
      const run = await checkOnce(path, options);
      printLines([heading(names, location.value, language)]);
      code = say(run, (read) => changes(last, read, language));
      last = run.ok ? run.value : last;
    };
    const watch = watchProject(location.value, (names) => {
      queue = queue.then(() => again(names));
    });
    // Said once the watch is set: a save from then on is seen.
    printLines([watching(location.value, language)]);
    const stop = () => {
      watch.close();
      void queue.then(() => done(code));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  /** Prints a check (or why the project could not be read) and returns its exit code. */
  function say(run: Result<CheckRun>, lines: (read: CheckRun) => string[]): ExitCode {
    if (!run.ok) {
      // Half-way through a save the file may not parse: say so, and wait for the next save.
      printLines([formatMessage(run.error)]);
      return EXIT.trouble;
    }
    printLines(lines(run.value));
    return isFailing(run.value.review, strict) ? EXIT.findings : EXIT.success;
  }
}

function fileOf(run: CheckRun): string {
  return confFileOf(run.opened);
}

/**
 * What came and went since the last check that read (findings compare by rule, path and
 * message: the same problem is the same finding), then the summary.
 */
export function changes(
  before: CheckRun | undefined,
  after: CheckRun,
  language: Language,
): string[] {
  const had = new Set((before?.review.open ?? []).map(findingKey));
  const has = new Set(after.review.open.map(findingKey));
  const came = after.review.open.filter((finding) => !had.has(findingKey(finding)));
  const went = (before?.review.open ?? []).filter((finding) => !has.has(findingKey(finding)));
  const ja = language === 'ja';
  const lines = [
    ...came.flatMap((finding) => [
      `  + ${severityWord(finding.severity, language)} ${findingHeading(finding, language, after.placeOf)}`,
      fixLine(finding, language),
    ]),
    ...went.map(
      (finding) =>
        `  - ${ja ? '解消' : 'gone'} ${finding.rule} ${finding.path}: ${findingWording(finding, language).message}`,
    ),
  ];
  return [
    ...(lines.length === 0 ? [ja ? '  指摘に変化はありません' : '  the same findings'] : lines),
    summaryOf(after.review, fileOf(after), language),
  ];
}

/** `[21:03:05] clp.conf, scripts/failover/exec1/start.sh changed: checked again`. */
function heading(names: readonly string[], location: ProjectLocation, language: Language): string {
  const base = folderOf(location);
  const changed = [...new Set(names.map((name) => relative(base, name) || '.'))].join(', ');
  const time = new Date().toTimeString().slice(0, 8);
  return language === 'ja'
    ? `[${time}] ${changed} が変わりました。もう一度チェックしました`
    : `[${time}] ${changed} changed: checked again`;
}

function watching(location: ProjectLocation, language: Language): string {
  return language === 'ja'
    ? `${location.path} の変更を見ています (Ctrl-C で終了)`
    : `Watching ${location.path} for changes (Ctrl-C stops)`;
}
