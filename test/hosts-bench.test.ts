/**
 * Benchmark of issue 6: a full upload (pre-flight, snapshot, suspend, push, verify, resume) to a
 * 4-server cluster against a 1-server cluster (goal: within 1.5x), and against the same steps
 * done by hand, one server at a time, with OpenSSH's ssh and scp, in the same run.
 *
 * Skipped in `npm test` (timings need a quiet machine); run it with
 *   CLPBUILDER_BENCH=1 npx vitest run test/hosts-bench.test.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uploadProject } from '../electron/services/hosts/index.js';
import { type Lab, type TestCluster, startLab } from './hosts/harness.js';
import { seedCluster } from './hosts/host-state.js';
import { unwrapHost, uploadOptions } from './hosts/options.js';
import { iscsiProject, saveTo, updatedProject } from './hosts/projects.js';

const RUNS = 5;
const enabled = process.env.CLPBUILDER_BENCH === '1';

let lab: Lab;
let one: TestCluster;
let four: TestCluster;
let folder: string;

beforeAll(async () => {
  if (!enabled) {
    return;
  }
  lab = startLab();
  one = await lab.cluster(1);
  four = await lab.cluster(4);
  const base = await saveTo(join(lab.dir, 'base'), iscsiProject());
  seedCluster(one, base);
  seedCluster(four, base);
  folder = await saveTo(join(lab.dir, 'project'), updatedProject(iscsiProject()));
}, 60_000);
afterAll(() => (enabled ? lab.stop() : undefined));

async function clpbuilderUpload(cluster: TestCluster): Promise<number> {
  const started = performance.now();
  const report = unwrapHost(
    await uploadProject(
      folder,
      uploadOptions(lab, {
        hosts: cluster.hosts.map((host) => ({
          address: host.address,
          port: host.port,
          user: 'root',
        })),
      }),
    ),
  );
  expect(report.ok, JSON.stringify(report.failure)).toBe(true);
  return performance.now() - started;
}

/** The same steps as an engineer types them: one ssh or scp per step, one server at a time. */
function byHand(cluster: TestCluster): number {
  const started = performance.now();
  const work = join(lab.dir, 'by-hand');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  const [first] = cluster.hosts;
  cluster.hosts.forEach((host, index) => {
    ssh(host, 'command -v clpcfctrl clpcl clpgrp; df -Pk /tmp');
    pullByHand(host, join(work, `snapshot-${index}`));
  });
  ssh(first!, 'clpcl --suspend');
  scp([folder], `root@${first!.address}:/tmp/by-hand-push`, first!);
  ssh(first!, 'clpcfctrl --push -w -x /tmp/by-hand-push');
  cluster.hosts.forEach((host, index) => {
    const verify = join(work, `verify-${index}`);
    pullByHand(host, verify);
    const same = readFileSync(join(verify, 'clp.conf')).equals(
      readFileSync(join(folder, 'clp.conf')),
    );
    expect(same).toBe(true);
  });
  ssh(first!, 'clpcl --resume; rm -rf /tmp/by-hand-push /tmp/by-hand');
  return performance.now() - started;
}

type Host = TestCluster['hosts'][number];

function sshOptions(): string[] {
  const knownHosts = join(lab.dir, 'known_hosts');
  return ['-i', lab.clientKey, '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'BatchMode=yes'];
}

function ssh(host: Host, command: string): void {
  run('ssh', [...sshOptions(), '-p', String(host.port), `root@${host.address}`, command]);
}

function scp(from: string[], to: string, host: Host): void {
  run('scp', [...sshOptions(), '-r', '-q', '-P', String(host.port), ...from, to]);
}

function pullByHand(host: Host, local: string): void {
  ssh(host, 'rm -rf /tmp/by-hand && mkdir /tmp/by-hand && clpcfctrl --pull -l -x /tmp/by-hand');
  scp([`root@${host.address}:/tmp/by-hand`], local, host);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  expect(result.status, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

it.skipIf(!enabled)(
  'upload to 4 servers vs 1 server vs by hand',
  async () => {
    await clpbuilderUpload(one); // warm-up: host keys recorded, caches filled
    await clpbuilderUpload(four);
    const times = { one: [] as number[], four: [] as number[], byHand: [] as number[] };
    for (let index = 0; index < RUNS; index += 1) {
      times.one.push(await clpbuilderUpload(one));
      times.four.push(await clpbuilderUpload(four));
      times.byHand.push(byHand(four));
    }
    const [m1, m4, mh] = [median(times.one), median(times.four), median(times.byHand)];
    console.log(
      [
        `full upload, median of ${RUNS} (pre-flight, snapshot, suspend, push, verify, resume):`,
        `  1 server : ${m1.toFixed(0)} ms`,
        `  4 servers: ${m4.toFixed(0)} ms  (${(m4 / m1).toFixed(2)}x the 1-server time; goal <= 1.5x)`,
        `  4 servers by hand (ssh + scp, one server at a time): ${mh.toFixed(0)} ms  (clpbuilder is ${(mh / m4).toFixed(1)}x faster)`,
      ].join('\n'),
    );
  },
  300_000,
);
