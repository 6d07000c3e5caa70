/**
 * The upload and download reports in Japanese: every note (the report's and each host's) and
 * every warning on how the cluster was left has its Japanese twin (`notesJa`, `warningsJa`),
 * same length and order, Japanese, keeping every host, path, version and command of the
 * English; a failed step's progress detail has `detailJa`; the reason passwords cannot be
 * remembered has `reasonJa`. Reached through the exported functions against the test lab's
 * real sshd hosts running the simulated product (test/hosts/harness.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Lab,
  type TestCluster,
  type TestHost,
  startLab,
} from '../../../test/hosts/harness.js';
import { inject, seedCluster } from '../../../test/hosts/host-state.js';
import { connection, unwrapHost, uploadOptions } from '../../../test/hosts/options.js';
import { iscsiProject, saveTo, updatedProject } from '../../../test/hosts/projects.js';
import { expectJapaneseOf } from '../../../test/support/japanese.js';
import { contract } from '../../contract.js';
import { testKeychain } from '../../../test/support/keychain.js';
import { downloadConfiguration } from './download.js';
import { createHostHandlers } from './handlers.js';
import { keychainSecretStore, noSecretStore } from './secret-store.js';
import { uploadProject } from './upload.js';
import type { ProgressEvent, UploadOptions, UploadReport } from './upload-types.js';
import { compareConfiguration } from './verify.js';

/** English texts and their Japanese: same length, each pair worded alike. */
function expectTwins(
  english: readonly string[],
  japanese: readonly string[] | undefined,
  where: string,
): void {
  if (english.length === 0) {
    expect(japanese ?? [], `${where}: Japanese without English`).toEqual([]);
    return;
  }
  expect(japanese, `${where}: no Japanese`).toBeDefined();
  expect(japanese, where).toHaveLength(english.length);
  english.forEach((text, index) => {
    const ja = japanese![index]!;
    expectJapaneseOf(text, ja, `${where} #${index}`);
    expect(ja, `${where} #${index}: a doubled full stop`).not.toMatch(/[.。]。/);
    // A warning shouted in English (WARNING:, words in capitals) is as explicit in Japanese.
    if (/^WARNING: |\b[A-Z]{2,} [A-Z]{2,} [A-Z]{2,}\b/.test(text)) {
      expect(ja, `${where} #${index}: "${text}" is a warning`).toMatch(/^警告: /);
    }
  });
}

/** Every note and warning of a report, against its Japanese. */
function expectReportInJapanese(report: UploadReport, label: string): void {
  expectTwins(report.notes, report.notesJa, `${label}: notes`);
  expectTwins(report.cluster.warnings, report.cluster.warningsJa, `${label}: warnings`);
  for (const host of report.hosts) {
    expectTwins(host.notes, host.notesJa, `${label}: ${host.host}'s notes`);
  }
}

/** Every English text of a report the user reads besides the failure. */
function textsOf(report: UploadReport): string[] {
  return [
    ...report.notes,
    ...report.cluster.warnings,
    ...report.hosts.flatMap((host) => host.notes),
  ];
}

let lab: Lab;
let counter = 0;
const scratch = mkdtempSync(join(tmpdir(), 'clpbuilder-report-ja-'));
beforeAll(() => {
  lab = startLab();
});
afterAll(async () => {
  await lab.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A running cluster holding the iSCSI configuration, and a project folder with an update. */
async function deployed(count: number): Promise<{ cluster: TestCluster; folder: string }> {
  counter += 1;
  const cluster = await lab.cluster(count);
  const project = iscsiProject(cluster.hosts);
  seedCluster(cluster, await saveTo(join(lab.dir, `ja-base-${counter}`), project));
  const folder = await saveTo(join(lab.dir, `ja-project-${counter}`), updatedProject(project));
  return { cluster, folder };
}

/** The clp.conf a test host holds. */
const confOf = (host: TestHost) => join(host.root, 'opt/nec/clusterpro/etc/clp.conf');

/** An upload (or dry run) with its progress events. */
async function run(
  folder: string,
  extra: Partial<UploadOptions> = {},
): Promise<{ report: UploadReport; events: ProgressEvent[] }> {
  const events: ProgressEvent[] = [];
  const options = uploadOptions(lab, {
    ...extra,
    onProgress: (event) => {
      events.push(event);
      extra.onProgress?.(event);
    },
  });
  return { report: unwrapHost(await uploadProject(folder, options)), events };
}

type Case = readonly [
  label: string,
  reached: readonly RegExp[],
  reach: () => Promise<{ report: UploadReport; events: ProgressEvent[] }>,
];

const cases: Case[] = [
  [
    'first deployment, another release (dry run)',
    [
      /^127\.0\.0\.\d+:\d+ has no configuration yet: first deployment \(push with --force, no suspend\)$/,
      /^127\.0\.0\.\d+:\d+ runs the product 4\.1\.1-1, but project\.json says 5\.1\.0-1: /,
      /^host key ssh-ed25519 SHA256:\S+ accepted and recorded$/,
      /^no configuration yet \(first deployment\)$/,
    ],
    async () => {
      const cluster = await lab.cluster(2);
      const project = iscsiProject(cluster.hosts);
      const folder = await saveTo(join(lab.dir, 'ja-first'), {
        ...project,
        meta: { ...project.meta, productVersion: '5.1.0-1' },
      });
      return run(folder, { dryRun: true, allowErrors: true });
    },
  ],
  [
    'servers out of step (dry run)',
    [/configuration differs from 127\.0\.0\.\d+:\d+'s: the servers are out of step/],
    async () => {
      const { cluster, folder } = await deployed(2);
      writeFileSync(confOf(cluster.hosts[1]!), '<?xml version="1.0"?>\n<root></root>\n');
      return run(folder, { dryRun: true });
    },
  ],
  [
    'configuration unreadable for the diff (dry run)',
    [/configuration cannot be read for the diff \(.*\); it is kept in the snapshot as it is$/],
    async () => {
      const { cluster, folder } = await deployed(1);
      writeFileSync(confOf(cluster.hosts[0]!), '<root><cluster>\n');
      return run(folder, { dryRun: true });
    },
  ],
  [
    'a failure before the push',
    [/^the configuration was not changed: the failure came before the push$/],
    async () => {
      const { cluster, folder } = await deployed(1);
      inject(cluster.hosts[0]!, 'pull-fail');
      return run(folder);
    },
  ],
  [
    'a refused push that changed nothing',
    [/configuration is unchanged \(pulled again and compared with the snapshot\)$/],
    async () => {
      const { cluster, folder } = await deployed(1);
      inject(cluster.hosts[0]!, 'push-fail', 'Failed to deliver the configuration data.');
      return run(folder);
    },
  ],
  [
    'a refused push whose outcome cannot be checked',
    [/^could not check that 127\.0\.0\.\d+:\d+'s configuration is unchanged: /],
    async () => {
      const { cluster, folder } = await deployed(1);
      const host = cluster.hosts[0]!;
      // After the snapshot: the push fails, and so does the pull that checks it changed nothing.
      return run(folder, {
        onPlan: () => {
          inject(host, 'push-fail');
          inject(host, 'pull-fail');
        },
      });
    },
  ],
  [
    'a refused push that changed the configuration',
    [/^WARNING: 127\.0\.0\.\d+:\d+'s configuration CHANGED although the push failed; /],
    async () => {
      const { cluster, folder } = await deployed(1);
      const host = cluster.hosts[0]!;
      inject(host, 'push-fail');
      return run(folder, {
        onProgress: (event) => {
          if (event.step === 'push' && event.state === 'failed') {
            writeFileSync(confOf(host), '<?xml version="1.0"?>\n<root></root>\n');
          }
        },
      });
    },
  ],
  [
    'a resume and a group start that fail',
    [
      /^THE CLUSTER IS STILL SUSPENDED: "clpcl --resume" failed on 127\.0\.0\.\d+:\d+: Failed to resume/,
      /^GROUP failover-iscsi IS STILL STOPPED: "clpgrp -s failover-iscsi" failed on /,
    ],
    async () => {
      const { cluster, folder } = await deployed(1);
      inject(cluster.hosts[0]!, 'resume-fail', 'Failed to resume the cluster.');
      return run(folder, { stopGroups: true });
    },
  ],
  [
    'a suspend that does not answer',
    [/^"clpcl --suspend" did not answer in time on .*: THE CLUSTER MAY BE SUSPENDED\. /],
    async () => {
      const { cluster, folder } = await deployed(1);
      inject(cluster.hosts[0]!, 'hang-clpcl', '4');
      return run(folder, { commandTimeoutMs: 2000 });
    },
  ],
];

describe('upload reports in Japanese', () => {
  it.each(cases)('%s', async (label, reached, reach) => {
    const { report, events } = await reach();
    const texts = textsOf(report);
    for (const english of reached) {
      expect(
        texts.some((text) => english.test(text)),
        `${label}: ${english} in ${texts}`,
      ).toBe(true);
    }
    expectReportInJapanese(report, label);
    const failed = events.filter((event) => event.state === 'failed');
    for (const event of failed) {
      expect(event.detailJa, `${label}: ${event.step} failed without detailJa`).toBeDefined();
      expectJapaneseOf(event.detail!, event.detailJa!, `${label}: ${event.step} detail`);
    }
  });

  it('the Japanese crosses the contract: the plan report and the progress read by the window', async () => {
    const { cluster, folder } = await deployed(1);
    inject(cluster.hosts[0]!, 'pull-fail');
    const handlers = createHostHandlers(noSecretStore);
    const host = cluster.hosts[0]!;
    const planned = await handlers['hosts:plan']({
      project: folder,
      hosts: [{ address: host.address, port: host.port, user: 'root' }],
      identity: lab.clientKey,
      useAgent: false,
      knownHostsFile: join(scratch, 'plan-known_hosts'),
      acceptNew: true,
      progressId: 'report-ja-plan',
    });
    expect(planned.ok).toBe(true);
    const report = (planned as { ok: true; value: UploadReport }).value;
    expect(report.hosts[0]!.notes.join('\n')).toMatch(/accepted and recorded/);
    expectReportInJapanese(report, 'hosts:plan');
    const page = await handlers['hosts:progress']({ id: 'report-ja-plan', since: 0 });
    const failed = unwrapHost(page).events.find((event) => event.state === 'failed');
    expect(failed).toMatchObject({ step: 'snapshot' });
    expectJapaneseOf(failed!.detail!, failed!.detailJa!, 'hosts:progress detail');
  });

  it('the download notes the host key it recorded, in Japanese too', async () => {
    const { cluster } = await deployed(1);
    const host = cluster.hosts[0]!;
    const options = connection(lab, {
      hostKeys: { knownHostsFile: join(scratch, 'download-known_hosts'), acceptNew: true },
    });
    const downloaded = unwrapHost(
      await downloadConfiguration(
        { address: host.address, port: host.port, user: 'root' },
        options,
      ),
    );
    expect(downloaded.notes).toEqual([
      expect.stringMatching(/^host key SHA256:\S+ of 127\.0\.0\.\d+:\d+ accepted and recorded$/),
    ]);
    expectTwins(downloaded.notes, downloaded.notesJa, 'download notes');
  });
});

describe('download from the app: an unknown host key', () => {
  it('is offered by fingerprint, then trusted, recorded and noted in the outcome the window reads', async () => {
    const { cluster } = await deployed(1);
    const host = cluster.hosts[0]!;
    const knownHosts = join(scratch, 'app-download-known_hosts');
    const handlers = createHostHandlers(noSecretStore);
    const request = {
      host: { address: host.address, port: host.port, user: 'root' },
      folder: join(scratch, 'app-download'),
      identity: lab.clientKey,
      useAgent: false,
      knownHostsFile: knownHosts,
    };
    const refused = contract['hosts:download'].result.parse(
      await handlers['hosts:download'](request),
    );
    expect(refused.ok).toBe(false);
    const offer = refused.ok ? undefined : refused.error;
    expect(offer).toMatchObject({ kind: 'host-key-unknown', hostKey: { fingerprint: /^SHA256:/ } });

    const accepted = { [offer!.host!]: offer!.hostKey!.fingerprint };
    const result = await handlers['hosts:download']({ ...request, acceptHostKeys: accepted });
    // What crosses to the window is what the contract lets through.
    const outcome = unwrapHost(contract['hosts:download'].result.parse(result));
    expect(outcome).toMatchObject({ created: true, written: true });
    expect(outcome.notes).toEqual([
      `host key ${offer!.hostKey!.fingerprint} of ${offer!.host} accepted and recorded`,
    ]);
    expectTwins(outcome.notes, outcome.notesJa, 'app download notes');
    expect(readFileSync(knownHosts, 'utf8')).toContain(host.publicKey.split(' ')[1]);
  });
});

describe('verify notes in Japanese', () => {
  const conf = Buffer.from(
    '<?xml version="1.0" encoding="ASCII"?>\n<root><cluster><name>c1</name></cluster></root>\n',
  );
  const script = { path: 'scripts/g1/r1/start.sh', bytes: Buffer.from('#!/bin/sh\n'), mode: 0o755 };
  const sent = [{ path: 'clp.conf', bytes: conf, mode: 0o644 }, script];

  it('a script stored without its execute bit, a clp.conf rewritten by the product', () => {
    const pulled = [
      { path: 'clp.conf', bytes: Buffer.from(conf.toString().replace('\n<root>', '\n\n<root>')) },
      { ...script, mode: 0o644 },
    ].map((file) => ({ mode: 0o644, ...file }));
    const outcome = compareConfiguration(sent, pulled);
    expect(outcome.matches).toBe(true);
    expect(outcome.notes).toEqual([
      expect.stringMatching(/^clp\.conf came back with other bytes/),
      'scripts/g1/r1/start.sh is not executable on the host',
    ]);
    expectTwins(outcome.notes, outcome.notesJa, 'verify notes');
  });

  it('nothing to note: no Japanese either', () => {
    expect(compareConfiguration(sent, sent)).toEqual({ matches: true, problems: [], notes: [] });
  });
});

describe('why passwords cannot be remembered, in Japanese', () => {
  const stores = [
    ['the browser host', noSecretStore],
    [
      'no keychain encryption',
      keychainSecretStore(
        join(scratch, 'a.json'),
        testKeychain(undefined, {
          isEncryptionAvailable: () => false,
        }),
      ),
    ],
    [
      'Linux basic_text',
      keychainSecretStore(
        join(scratch, 'b.json'),
        testKeychain(undefined, {
          getSelectedStorageBackend: () => 'basic_text',
        }),
      ),
    ],
  ] as const;

  it.each(stores)('%s', async (label, store) => {
    const state = store.availability();
    expect(state.available).toBe(false);
    const { reason, reasonJa } = state as { reason: string; reasonJa: string };
    expectJapaneseOf(reason, reasonJa, label);
    const status = unwrapHost(await createHostHandlers(store)['secrets:status']({ keys: [] }));
    expect(status).toEqual({ available: false, reason, reasonJa, remembered: [] });
  });
});
