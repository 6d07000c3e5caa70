/**
 * End to end: the Upload dialog in Debian's Chromium against the real `clpbuilder serve` and
 * real OpenSSH test hosts (test/hosts/harness.ts) running the product simulator: hosts from
 * project.json, key-file authentication, an unknown host key trusted in the dialog, the plan
 * (dry run) with its steps and diff, the upload with each host's live step, "done" per host,
 * and the pushed clp.conf.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, type TestCluster, startLab } from '../hosts/harness.js';
import { inject, installedConf, seedCluster } from '../hosts/host-state.js';
import { iscsiProject, saveTo, updatedProject } from '../hosts/projects.js';
import { launchChromium } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

let lab: Lab;
let cluster: TestCluster;
let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  lab = startLab();
  cluster = await lab.cluster(2);
  const project = iscsiProject(cluster.hosts);
  seedCluster(cluster, await saveTo(join(lab.dir, 'base'), project));
  host = await serveProject(updatedProject(project));
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 1100 }, 15_000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
  await lab?.stop();
});

describe('Upload… in Chromium against real SSH hosts', () => {
  it('plans, shows steps and diff, uploads, and every host reports done', async () => {
    const started = Date.now();
    const [first, second] = cluster.hosts as [TestCluster['hosts'][0], TestCluster['hosts'][0]];
    // The second host is known already; the first one's key is trusted in the dialog.
    const knownHosts = join(lab.dir, 'known_hosts-e2e');
    writeFileSync(knownHosts, `[${second.address}]:${second.port} ${second.publicKey}\n`);
    await page.goto(host.url);
    await page.getByRole('tree', { name: 'Cluster' }).waitFor();
    await page.getByRole('button', { name: 'Upload…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Upload to the cluster' });
    // The hosts come from project.json; the first field has the focus.
    const address = dialog.getByLabel('Host 1 address[:port]');
    expect(await address.inputValue()).toBe(`${first.address}:${first.port}`);
    expect(await address.evaluate((element) => element === document.activeElement)).toBe(true);
    await dialog.getByLabel('Key file', { exact: true }).check();
    await dialog.getByLabel('Key file path').fill(lab.clientKey);
    await dialog.getByLabel('known_hosts file').fill(knownHosts);
    await dialog.getByRole('button', { name: 'Plan (dry run)' }).click();

    await dialog.getByText(`${first.address}:${first.port} offered an unknown host key`).waitFor();
    await dialog.getByRole('button', { name: 'Trust this key and plan again' }).click();

    const plan = dialog.getByRole('region', { name: 'Plan' });
    await plan.getByText('$ clpcfctrl --push -w -x <temp>').waitFor();
    await plan.getByText('$ clpcl --suspend').waitFor();
    const diff = dialog.getByRole('region', { name: 'Changes against the cluster' });
    await diff.getByText('~ monitor genw-md (genw)').waitFor();
    await diff.getByText(/polling\/interval: .* → 45/).waitFor();
    await page.screenshot({ path: '/tmp/upload.png' });

    // The first host's snapshot pull takes 3 s, long enough to see the live step.
    inject(first, 'hang-clpcfctrl', '3');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    const progress = dialog.getByRole('list', { name: 'Progress per host' });
    const firstRow = progress.locator(`[data-host="${first.address}:${first.port}"]`);
    await firstRow.filter({ hasText: 'snapshot: running' }).waitFor({ timeout: 10_000 });
    expect(await firstRow.textContent()).toMatch(/\(1 step done\)/);
    await page.screenshot({ path: '/tmp/upload-progress.png' });
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Upload done and verified' })
      .waitFor({ timeout: 60_000 });
    const rows = dialog.getByRole('table', { name: 'Result per host' }).getByRole('row');
    expect(await rows.count()).toBe(3);
    for (const target of [first, second]) {
      const row = rows.filter({ hasText: `${target.address}:${target.port}` });
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('done');
    }
    await page.screenshot({ path: '/tmp/upload-done.png' });
    expect(await dialog.getByRole('button', { name: 'Roll back' }).count()).toBe(0);

    const sent = readFileSync(join(host.folder, 'clp.conf'));
    for (const target of cluster.hosts) {
      expect(installedConf(target).equals(sent)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    console.log(`upload end-to-end: ${Date.now() - started} ms`);
  }, 120_000);
});
