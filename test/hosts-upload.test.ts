/**
 * Uploads against real OpenSSH servers on loopback (test/hosts/harness.ts) running the simulated
 * product (test/hosts/sim/): first deployment, update, dry run, rule errors, failures, rollback,
 * a four-server cluster. Each test asserts what the hosts were asked (calls.jsonl), what they
 * hold afterwards, byte for byte, and the report the user gets.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollbackUpload, uploadProject } from '../electron/services/hosts/index.js';
import { type Lab, type TestCluster, startLab } from './hosts/harness.js';
import {
  clusterState,
  commandLines,
  fingerprint,
  inject,
  installedConf,
  seedCluster,
  tempFoldersUsed,
} from './hosts/host-state.js';
import { unwrapHost, uploadOptions } from './hosts/options.js';
import { iscsiProject, linuxProject, saveTo, updatedProject } from './hosts/projects.js';

const PULL = 'clpcfctrl --pull -l -x <temp>';
const PUSH_W = 'clpcfctrl --push -w -x <temp>';

let lab: Lab;
let counter = 0;

beforeAll(() => {
  lab = startLab();
});
afterAll(() => lab.stop());

/** A running cluster holding the iSCSI configuration, and a project folder with an update. */
async function deployedCluster(
  count: number,
): Promise<{ cluster: TestCluster; base: string; folder: string }> {
  counter += 1;
  const cluster = await lab.cluster(count);
  const project = iscsiProject(cluster.hosts);
  const base = await saveTo(join(lab.dir, `base-${counter}`), project);
  seedCluster(cluster, base);
  const folder = await saveTo(join(lab.dir, `project-${counter}`), updatedProject(project));
  return { cluster, base, folder };
}

function expectTempFoldersGone(cluster: TestCluster): void {
  for (const host of cluster.hosts) {
    for (const folder of tempFoldersUsed(host)) {
      expect(existsSync(folder), `${folder} left behind`).toBe(false);
    }
  }
}

describe('upload', () => {
  it('first deployment: pushes with --force from the first host, no suspend, verifies on every host', async () => {
    const cluster = await lab.cluster(2);
    const folder = await saveTo(join(lab.dir, 'first'), iscsiProject(cluster.hosts));
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    expect(commandLines(cluster.hosts[0]!)).toEqual([`${PUSH_W} --force`, PULL]);
    expect(commandLines(cluster.hosts[1]!)).toEqual([PULL]);
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(folder, 'clp.conf')))).toBe(true);
      const script = join(
        host.root,
        'opt/nec/clusterpro/scripts/failover-iscsi/exec-target/start.sh',
      );
      expect(statSync(script).mode & 0o777).toBe(0o755); // executable although the project's was not
    }
    expect(clusterState(cluster).status).toBe('stopped');
    expect(report.hosts.map((host) => host.status)).toEqual(['done', 'done']);
    expect(report.plan?.isFirstDeployment).toBe(true);
    expectTempFoldersGone(cluster);
  });

  it('update: snapshot, suspend, push, verify, resume, in that order; the diff names what changed', async () => {
    const { cluster, base, folder } = await deployedCluster(2);
    const events: string[] = [];
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab, {}, events)));
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    expect(commandLines(cluster.hosts[0]!)).toEqual([
      PULL,
      'clpcl --suspend',
      PUSH_W,
      PULL,
      'clpcl --resume',
    ]);
    expect(commandLines(cluster.hosts[1]!)).toEqual([PULL, PULL]);
    expect(clusterState(cluster).status).toBe('running');
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(folder, 'clp.conf')))).toBe(true);
    }
    const monitor = report.difference?.entities.find((entity) => entity.name === 'genw-md');
    expect(monitor?.parameters).toContainEqual({ path: 'polling/interval', after: '45' }); // absent before: the default
    expect(report.difference?.scripts.map((script) => script.path)).toContain(
      'failover-iscsi/exec-target/start.sh',
    );
    const snapshot = report.hosts[0]!.snapshot!;
    expect(snapshot.startsWith(join(folder, '.clpbuilder', 'snapshots'))).toBe(true);
    expect(
      readFileSync(join(snapshot, 'clp.conf')).equals(readFileSync(join(base, 'clp.conf'))),
    ).toBe(true);
    const push = cluster.hosts[0]!.address;
    const at = (line: string) =>
      events.findIndex((event) => event.startsWith(push) && event.endsWith(line));
    expect(at('suspend done')).toBeLessThan(at('push started'));
    expect(at('verify done')).toBeLessThan(at('resume started'));
    expectTempFoldersGone(cluster);
  });

  it('dry run: prints the plan and the diff, and leaves every host byte-identical', async () => {
    const { cluster, folder } = await deployedCluster(2);
    const before = fingerprint(cluster);
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab, { dryRun: true })));
    expect(report.ok).toBe(true);
    expect(fingerprint(cluster)).toEqual(before);
    expect(cluster.hosts.flatMap(commandLines).every((line) => line === PULL)).toBe(true);
    const commands = report.plan!.steps.flatMap((step) => step.commands);
    expect(commands).toEqual(expect.arrayContaining(['clpcl --suspend', PUSH_W, 'clpcl --resume']));
    expect(report.difference?.entities.length).toBeGreaterThan(0);
    expect(existsSync(join(folder, '.clpbuilder', 'snapshots'))).toBe(false);
  });

  it('rule errors: refused before any change; --allow-errors uploads', async () => {
    const cluster = await lab.cluster(1);
    const broken = { ...iscsiProject(cluster.hosts), scripts: new Map() };
    const folder = await saveTo(join(lab.dir, 'broken'), broken);
    const refused = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(refused.ok).toBe(false);
    expect(refused.failure).toMatchObject({ kind: 'rule-errors', step: 'rules' });
    expect(refused.failure?.message).toMatch(/CF003.*--allow-errors/);
    expect(refused.hosts[0]).toMatchObject({ status: 'not-reached', step: 'copy' });
    expect(commandLines(cluster.hosts[0]!)).toEqual([]);
    expect(clusterState(cluster).status).toBe('unconfigured');
    const allowed = unwrapHost(
      await uploadProject(folder, uploadOptions(lab, { allowErrors: true })),
    );
    expect(allowed.ok).toBe(true);
    expect(installedConf(cluster.hosts[0]!).equals(readFileSync(join(folder, 'clp.conf')))).toBe(
      true,
    );
  });

  it('a push the host rejects: exit report names host, step, command, output; cluster resumed, unchanged', async () => {
    const { cluster, base, folder } = await deployedCluster(2);
    inject(
      cluster.hosts[0]!,
      'push-fail',
      'Failed to deliver the configuration data to server iscsi2.',
    );
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({
      kind: 'command-failed',
      step: 'push',
      host: report.hosts[0]!.host,
    });
    expect(report.failure?.command).toMatch(
      /^clpcfctrl --push -w -x \/tmp\/clpbuilder\.[A-Za-z0-9]{8}$/,
    );
    expect(report.failure?.output).toContain(
      'Failed to deliver the configuration data to server iscsi2.',
    );
    expect(report.hosts.map((host) => [host.status, host.step])).toEqual([
      ['failed', 'push'],
      ['not-reached', 'verify'],
    ]);
    expect(commandLines(cluster.hosts[0]!)).toEqual([
      PULL,
      'clpcl --suspend',
      PUSH_W,
      'clpcl --resume',
      PULL,
    ]);
    expect(clusterState(cluster)).toMatchObject({ status: 'running' });
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(base, 'clp.conf')))).toBe(true);
    }
    expect(report.notes.join('\n')).toContain('configuration is unchanged');
    expect(report.cluster).toEqual({ suspended: false, stoppedGroups: [], warnings: [] });
    expect(report.rollback?.snapshot).toBe(report.hosts[0]!.snapshot);
    expectTempFoldersGone(cluster);
  });

  it('verify catches a host that stored something else; rollback restores the previous configuration byte for byte', async () => {
    const { cluster, base, folder } = await deployedCluster(3);
    inject(cluster.hosts[2]!, 'store-different');
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({
      kind: 'verify-mismatch',
      step: 'verify',
      host: report.hosts[2]!.host,
    });
    expect(report.failure?.message).toContain('cluster');
    expect(report.hosts.map((host) => host.status)).toEqual(['done', 'done', 'failed']);
    expect(clusterState(cluster).status).toBe('running');
    expect(report.rollback).toBeDefined();

    const rolledBack = unwrapHost(
      await rollbackUpload(folder, report.rollback!.snapshot, uploadOptions(lab)),
    );
    expect(rolledBack.ok, JSON.stringify(rolledBack.failure)).toBe(true);
    expect(commandLines(cluster.hosts[0]!).slice(-4)).toEqual([
      'clpcl --suspend',
      'clpcfctrl --push -l -x <temp>',
      PULL,
      'clpcl --resume',
    ]);
    const baseScripts = readdirSync(join(base, 'scripts'), { recursive: true }).map(String).sort();
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(base, 'clp.conf')))).toBe(true);
      for (const script of baseScripts.filter((path) => path.endsWith('.sh'))) {
        const installed = readFileSync(join(host.root, 'opt/nec/clusterpro/scripts', script));
        expect(installed.equals(readFileSync(join(base, 'scripts', script))), script).toBe(true);
      }
    }
  });

  it('a resume that fails is reported loudly: the cluster is still suspended', async () => {
    const { cluster, folder } = await deployedCluster(1);
    inject(cluster.hosts[0]!, 'resume-fail', 'Failed to resume the cluster.');
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(report.ok).toBe(false);
    expect(report.cluster.suspended).toBe(true);
    expect(report.cluster.warnings[0]).toMatch(
      /THE CLUSTER IS STILL SUSPENDED.*Failed to resume the cluster.*clpcl --resume/,
    );
    expect(report.hosts[0]).toMatchObject({ status: 'failed', step: 'resume' });
    expect(clusterState(cluster).status).toBe('suspended');
  });

  it('a four-server cluster: pre-flight, snapshot and verify run on all servers at once', async () => {
    const { cluster, folder } = await deployedCluster(4);
    const events: string[] = [];
    const started = Date.now();
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab, {}, events)));
    console.log(`four-server upload: ${Date.now() - started} ms`);
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    for (const step of ['pre-flight', 'snapshot', 'verify']) {
      const lastStart = Math.max(
        ...events.map((event, index) => (event.endsWith(`${step} started`) ? index : -1)),
      );
      const firstDone = events.findIndex((event) => event.endsWith(`${step} done`));
      expect(events.filter((event) => event.endsWith(`${step} started`))).toHaveLength(4);
      expect(lastStart, `${step} runs in parallel`).toBeLessThan(firstDone);
    }
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(folder, 'clp.conf')))).toBe(true);
    }
  });

  it('--stop-groups stops the touched groups before the suspend and starts them after the resume', async () => {
    const { cluster, folder } = await deployedCluster(1);
    const report = unwrapHost(
      await uploadProject(folder, uploadOptions(lab, { stopGroups: true })),
    );
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    expect(commandLines(cluster.hosts[0]!)).toEqual([
      PULL,
      'clpgrp -t failover-iscsi',
      'clpcl --suspend',
      PUSH_W,
      PULL,
      'clpcl --resume',
      'clpgrp -s failover-iscsi',
    ]);
    expect(clusterState(cluster).groups).toEqual({ 'failover-iscsi': 'online' });
  });

  it('--no-suspend on a running cluster: the product refuses the push, the output says why', async () => {
    const { cluster, folder } = await deployedCluster(1);
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab, { suspend: false })));
    expect(report.failure).toMatchObject({ step: 'push' });
    expect(report.failure?.output).toContain('The cluster is running');
    expect(commandLines(cluster.hosts[0]!).filter((line) => line.startsWith('clpcl'))).toEqual([]);
  });

  it('pre-flight reads the product version; a host running another release than project.json names is noted', async () => {
    const cluster = await lab.cluster(1);
    const project = iscsiProject(cluster.hosts);
    const folder = await saveTo(join(lab.dir, 'versions'), {
      ...project,
      meta: { ...project.meta, productVersion: '5.1.0-1' },
    });
    const options = uploadOptions(lab, { dryRun: true, allowErrors: true });
    const report = unwrapHost(await uploadProject(folder, options));
    expect(report.hosts[0]!.facts?.productVersion).toBe('4.1.1-1');
    expect(report.notes.join('\n')).toContain(
      'runs the product 4.1.1-1, but project.json says 5.1.0-1',
    );
  });

  it('a configuration made on Linux is pushed with -l', async () => {
    const cluster = await lab.cluster(1);
    const folder = await saveTo(join(lab.dir, 'linux'), linuxProject(iscsiProject(cluster.hosts)));
    const report = unwrapHost(await uploadProject(folder, uploadOptions(lab)));
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    expect(commandLines(cluster.hosts[0]!)[0]).toBe('clpcfctrl --push -l -x <temp> --force');
  });
});
