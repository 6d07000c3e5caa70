/**
 * `clpbuilder upload` and `clpbuilder download` as the user runs them (the built CLI, a real
 * process) against real OpenSSH test hosts: exit codes, what is printed, what the hosts and the
 * folders hold afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, type TestCluster, startLab } from './hosts/harness.js';
import {
  clusterState,
  commandLines,
  fingerprint,
  inject,
  installedConf,
  seedCluster,
} from './hosts/host-state.js';
import { iscsiProject, saveTo, updatedProject } from './hosts/projects.js';
import { repoRoot } from './support/fixtures.js';

let lab: Lab;
let counter = 0;

beforeAll(() => {
  lab = startLab();
});
afterAll(() => lab.stop());

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function clpbuilder(...args: string[]): Run {
  const env = { ...process.env };
  delete env.SSH_AUTH_SOCK; // the lab's key only, whatever agent the machine runs
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), ...args], {
    cwd: lab.dir,
    env,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** --host, --identity, --known-hosts (accepting new keys) for a cluster. */
function auth(cluster: TestCluster, ...extra: string[]): string[] {
  return [
    ...cluster.hosts.flatMap((host) => ['--host', `${host.address}:${host.port}`]),
    '--identity',
    lab.clientKey,
    '--known-hosts',
    join(lab.dir, 'known_hosts'),
    '--accept-new',
    ...extra,
  ];
}

async function deployed(
  count: number,
): Promise<{ cluster: TestCluster; base: string; folder: string }> {
  counter += 1;
  const cluster = await lab.cluster(count);
  const project = iscsiProject();
  const base = await saveTo(join(lab.dir, `base-${counter}`), project);
  seedCluster(cluster, base);
  return {
    cluster,
    base,
    folder: await saveTo(join(lab.dir, `project-${counter}`), updatedProject(project)),
  };
}

function scriptsOf(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  return new Map(
    files.map((entry) => [
      join(entry.parentPath, entry.name).slice(folder.length),
      readFileSync(join(entry.parentPath, entry.name), 'base64'),
    ]),
  );
}

describe('clpbuilder upload', () => {
  it('--dry-run prints the diff, the plan with the exact commands, changes nothing, exits 0', async () => {
    const { cluster, folder } = await deployed(2);
    const before = fingerprint(cluster);
    const run = clpbuilder('upload', folder, ...auth(cluster, '--dry-run'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('~ monitor genw-md (genw)');
    expect(run.stdout).toMatch(/\$ clpcl --suspend\n/);
    expect(run.stdout).toContain('$ clpcfctrl --push -w -x <temp>\n');
    expect(run.stdout).toContain('Dry run: nothing was changed.');
    expect(fingerprint(cluster)).toEqual(before);
  });

  it('the plan counts the rules as check does: an accepted warning is left out', async () => {
    const { cluster, folder } = await deployed(2);
    // A word the sources do not document: a CF011 warning, then accepted in project.json.
    const action = 'monitor/userw@userw/parameters/action';
    expect(clpbuilder('set', folder, action, 'reset').status).toBe(0);
    const warned = clpbuilder('upload', folder, ...auth(cluster, '--dry-run'));
    expect(warned.stdout).toContain('Rules: 0 error(s), 1 warning(s), 0 info');
    const accepted = clpbuilder('acknowledge', folder, 'CF011', action, '--reason', 'site build');
    expect(accepted.status, accepted.stderr).toBe(0);
    const run = clpbuilder('upload', folder, ...auth(cluster, '--dry-run'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Rules: 0 error(s), 0 warning(s), 0 info');
  });

  it('uploads: progress on stderr, the result table on stdout, exit 0', async () => {
    const { cluster, folder } = await deployed(2);
    const run = clpbuilder('upload', folder, ...auth(cluster));
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stderr).toMatch(/127\.0\.0\.\d+:\d+ {2}push: done/);
    expect(run.stdout).toMatch(
      /Result:\n {2}host +server +result\n {2}127\.0\.0\.\d+:\d+ +- +done/,
    );
    expect(run.stdout).toContain('Upload done and verified on every host.');
    expect(installedConf(cluster.hosts[1]!).equals(readFileSync(join(folder, 'clp.conf')))).toBe(
      true,
    );
  });

  it('a failed upload exits 1 naming host and step; the printed rollback command restores the cluster', async () => {
    const { cluster, base, folder } = await deployed(2);
    inject(cluster.hosts[1]!, 'store-different', 'script');
    const failed = clpbuilder('upload', folder, ...auth(cluster, '--json'));
    expect(failed.status).toBe(1);
    const report = JSON.parse(failed.stdout) as {
      failure: { step: string; host: string };
      hosts: { notes: string[] }[];
      rollbackCommand: string;
      rollback: { snapshot: string };
    };
    // The command line speaks English: the app's Japanese twins stay out of its JSON.
    expect(report.hosts.flatMap((host) => host.notes)).not.toEqual([]);
    expect(failed.stdout).not.toMatch(/"(ja|notesJa|warningsJa|detailJa|reasonJa)":/);
    expect(failed.stdout).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(report.failure).toMatchObject({
      step: 'verify',
      host: `${cluster.hosts[1]!.address}:${cluster.hosts[1]!.port}`,
    });
    expect(report.rollbackCommand).toContain(`--rollback ${report.rollback.snapshot}`);
    expect(failed.stderr).toMatch(
      /verify: failed \(.*scripts\/failover-iscsi\/exec-md-recovery\/start\.sh differs/,
    );
    const rolledBack = clpbuilder(
      'upload',
      folder,
      '--rollback',
      report.rollback.snapshot,
      ...auth(cluster),
    );
    expect(rolledBack.status, rolledBack.stdout).toBe(0);
    for (const host of cluster.hosts) {
      expect(installedConf(host).equals(readFileSync(join(base, 'clp.conf')))).toBe(true);
    }
  });

  it('rule errors exit 1 and say how to override; bad flags and hosts exit 2', async () => {
    const cluster = await lab.cluster(1);
    const folder = await saveTo(join(lab.dir, 'broken'), { ...iscsiProject(), scripts: new Map() });
    const refused = clpbuilder('upload', folder, ...auth(cluster));
    expect(refused.status).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/rule error\(s\).*--allow-errors/);
    expect(clusterState(cluster).status).toBe('unconfigured');
    expect(clpbuilder('upload', folder, '--host', 'no such host:22').status).toBe(2);
    expect(clpbuilder('upload', folder, '--host', '10.0.0.1:99999').status).toBe(2);
    const noHosts = clpbuilder('upload', folder, '--identity', lab.clientKey);
    expect(noHosts.status).toBe(2);
    expect(noHosts.stderr).toContain('no hosts to upload to');
    expect(clpbuilder('upload', folder, '--bogus').status).toBe(2);
  });

  it('takes the hosts from project.json; --user applies to them', async () => {
    const cluster = await lab.cluster(1);
    const folder = await saveTo(join(lab.dir, 'with-hosts'), iscsiProject(cluster.hosts));
    const credentials = auth(cluster).slice(2); // no --host
    expect(clpbuilder('upload', folder, '--dry-run', ...credentials).status).toBe(0);
    const stranger = clpbuilder(
      'upload',
      folder,
      '--dry-run',
      '--user',
      'no-such-user',
      ...credentials,
    );
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toContain('refused the login as no-such-user');
  });

  it('an unknown host key without --accept-new exits 1 and shows the fingerprint', async () => {
    const { cluster, folder } = await deployed(1);
    const host = cluster.hosts[0]!;
    const run = clpbuilder(
      'upload',
      folder,
      '--host',
      `${host.address}:${host.port}`,
      '--identity',
      lab.clientKey,
      '--known-hosts',
      join(lab.dir, 'empty_known_hosts'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toMatch(
      /is not in .*empty_known_hosts; it offered ssh-ed25519 SHA256:/,
    );
    expect(commandLines(host)).toEqual([]);
  });
});

describe('clpbuilder download', () => {
  it('into a new folder: byte for byte what the host holds; uploading it back changes nothing', async () => {
    const { cluster, base } = await deployed(1);
    const host = cluster.hosts[0]!;
    const target = join(lab.dir, 'downloaded');
    const run = clpbuilder('download', ...auth(cluster), target);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(target, 'clp.conf')).equals(installedConf(host))).toBe(true);
    expect(scriptsOf(join(target, 'scripts'))).toEqual(scriptsOf(join(base, 'scripts')));
    const meta = JSON.parse(readFileSync(join(target, '.clpbuilder/project.json'), 'utf8')) as {
      hosts: Array<{ address: string; port: number }>;
    };
    expect(meta.hosts).toEqual([
      expect.objectContaining({ address: host.address, port: host.port }),
    ]);
    const again = clpbuilder('upload', target, '--dry-run', ...auth(cluster).slice(2));
    expect(again.stdout).toContain('(none: the cluster already has this configuration)');
  });

  it('--json on first contact: the outcome notes the host key it recorded, in English only', async () => {
    const { cluster } = await deployed(1);
    const host = cluster.hosts[0]!;
    const knownHosts = join(lab.dir, 'known_hosts-download-json');
    const flags = auth(cluster).map((flag) => (flag.endsWith('/known_hosts') ? knownHosts : flag));
    const run = clpbuilder('download', ...flags, '--json', join(lab.dir, 'downloaded-json'));
    expect(run.status, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(outcome).toMatchObject({ created: true, written: true });
    expect(outcome['notes']).toEqual([
      expect.stringMatching(
        new RegExp(`^host key SHA256:\\S+ of ${host.address}:${host.port} accepted and recorded$`),
      ),
    ]);
    expect(outcome).not.toHaveProperty('notesJa');
  });

  it('over an existing project: shows the diff and refuses without --force; --force keeps clp.conf.bak', async () => {
    const { cluster, folder } = await deployed(1);
    const before = readFileSync(join(folder, 'clp.conf'));
    const refused = clpbuilder('download', ...auth(cluster), folder);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('~ monitor genw-md (genw)');
    expect(refused.stdout).toContain('run again with --force');
    expect(readFileSync(join(folder, 'clp.conf')).equals(before)).toBe(true);
    const forced = clpbuilder('download', ...auth(cluster, '--force'), folder);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(folder, 'clp.conf')).equals(installedConf(cluster.hosts[0]!))).toBe(
      true,
    );
    expect(readFileSync(join(folder, 'clp.conf.bak')).equals(before)).toBe(true);
    expect(clpbuilder('download', ...auth(cluster), folder).stdout).toContain('already holds');
    expect(existsSync(join(folder, '.clpbuilder/project.json'))).toBe(true);
  });
});
