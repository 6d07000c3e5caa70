/**
 * The unit a timing parameter is written in (clpconf-format.md §5-§7, §11): most are seconds,
 * the cluster's heartbeat timing is milliseconds (90000 = 90 s), which is easy to get wrong
 * when the value is shown bare.
 */

/** Seconds or milliseconds. */
export type TimeUnit = 's' | 'ms';

const UNITS: ReadonlyArray<readonly [RegExp, TimeUnit]> = [
  [/^cluster\/heartbeat\/(timeout|interval)$/, 'ms'],
  [/^monitor\/[^/]+\/polling\/(interval|timeout)$/, 's'],
  [/^monitor\/[^/]+\/firstmonwait$/, 's'],
  [/^monitor\/[^/]+\/parameters\/waitmonstart$/, 's'],
  [/^monitor\/[^/]+\/emergency\/preaction\/timeout$/, 's'],
  [/^resource\/[^/]+\/(act|deact)\/timeout$/, 's'],
  [/^resource\/(exec|script)@[^/]+\/parameters\/timeout\/(start|stop)$/, 's'],
];

/** The unit of the parameter at `path`, when it is a known timing. */
export function unitOf(path: string): TimeUnit | undefined {
  return UNITS.find(([pattern]) => pattern.test(path))?.[1];
}
