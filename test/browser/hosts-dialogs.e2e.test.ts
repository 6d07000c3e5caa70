/**
 * End to end, the Upload dialog's guarded paths and the Download dialog, in Debian's Chromium
 * against `clpbuilder serve` and real OpenSSH test hosts running the product simulator:
 * - a project with a rule error: Upload stays disabled until "Upload anyway" is ticked;
 * - a host that stores something else: verify fails, Roll back restores the snapshot;
 * - Download into a new folder, then into the open project: the diff first, Overwrite, and the
 *   window reloads what was written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../schemas/index.js';
import { type Lab, type TestCluster, startLab } from '../hosts/harness.js';
import { inject, installedConf, seedCluster } from '../hosts/host-state.js';
import { iscsiProject, saveTo, updatedProject } from '../hosts/projects.js';
import { launchChromium } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

let lab: Lab;
let cluster: TestCluster;
let base: string;
let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let knownHosts: string;

const MISSING_SCRIPT = 'failover-iscsi/exec-target/stop.sh';

/** The updated project with one script missing: a CF003 rule error. */
function projectWithRuleError(project: Project): Project {
  const scripts = new Map(project.scripts);
  scripts.delete(MISSING_SCRIPT);
  return { ...project, scripts };
}

beforeAll(async () => {
  lab = startLab();
  cluster = await lab.cluster(2);
  const project = iscsiProject(cluster.hosts);
  base = await saveTo(join(lab.dir, 'base'), project);
  seedCluster(cluster, base);
  host = await serveProject(projectWithRuleError(updatedProject(project)));
  knownHosts = join(lab.dir, 'known_hosts-dialogs');
  writeFileSync(
    knownHosts,
    cluster.hosts.map((h) => `[${h.address}]:${h.port} ${h.publicKey}\n`).join(''),
  );
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 1100 }, 15_000));
  await page.goto(host.url);
  await page.getByRole('tree', { name: 'Cluster' }).waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
  await lab?.stop();
});

async function fillConnection(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Key file', { exact: true }).check();
  await dialog.getByLabel('Key file path').fill(lab.clientKey);
  await dialog.getByLabel('known_hosts file').fill(knownHosts);
}

describe('Upload… guarded paths in Chromium against real SSH hosts', () => {
  it('needs "Upload anyway" for rule errors; a verify mismatch offers Roll back, which restores the snapshot', async () => {
    const [, second] = cluster.hosts as [TestCluster['hosts'][0], TestCluster['hosts'][0]];
    await page.getByRole('button', { name: 'Upload…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload to the cluster' });
    await fillConnection(dialog);
    await dialog.getByRole('button', { name: 'Plan (dry run)' }).click();
    await dialog.getByText(/CF003/).first().waitFor({ timeout: 30_000 });

    const uploadButton = dialog.getByRole('button', { name: 'Upload', exact: true });
    expect(await uploadButton.isDisabled()).toBe(true);
    await dialog.getByLabel(/Upload anyway, despite 1 rule error/).check();
    expect(await uploadButton.isEnabled()).toBe(true);

    // The second host stores something other than what was sent: verify must catch it.
    inject(second, 'store-different');
    await uploadButton.click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'The upload did not complete.' })
      .waitFor({ timeout: 60_000 });
    const rows = dialog.getByRole('table', { name: 'Result per host' }).getByRole('row');
    const secondRow = rows.filter({ hasText: `${second.address}:${second.port}` });
    expect(await secondRow.getByRole('cell').nth(2).textContent()).toBe('failed at verify');

    await dialog.getByRole('button', { name: 'Roll back' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Rolled back' })
      .waitFor({ timeout: 60_000 });
    const before = readFileSync(join(base, 'clp.conf'));
    for (const target of cluster.hosts) {
      expect(installedConf(target).equals(before)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);
});

describe('Download… in Chromium against a real SSH host', () => {
  it('downloads into a new folder, then shows the diff before overwriting the open project and reloads it', async () => {
    const [first] = cluster.hosts as [TestCluster['hosts'][0]];
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText('1 error', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Download…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download from a host' });
    await fillConnection(dialog);
    const target = dialog.getByLabel('Target project folder');
    const fresh = join(lab.dir, 'downloaded');
    await target.fill(fresh);
    await dialog.getByRole('button', { name: 'Download', exact: true }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `Downloaded into the new project ${fresh}` })
      .waitFor({ timeout: 30_000 });
    expect(readFileSync(join(fresh, 'clp.conf')).equals(installedConf(first))).toBe(true);

    // The open project differs from the host: nothing is written until Overwrite.
    const mine = readFileSync(join(host.folder, 'clp.conf'));
    await target.fill(host.folder);
    await dialog.getByRole('button', { name: 'Download', exact: true }).click();
    await dialog.getByText(/differs from the host: nothing was written/).waitFor();
    await dialog.getByText(/polling\/interval: /).waitFor();
    expect(readFileSync(join(host.folder, 'clp.conf')).equals(mine)).toBe(true);

    await dialog.getByRole('button', { name: 'Overwrite the project' }).click();
    await dialog.getByText(/Overwrote .* with the host’s configuration/).waitFor();
    expect(readFileSync(join(host.folder, 'clp.conf')).equals(installedConf(first))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The window shows what is now on disk: the missing script came back, so CF003 is gone.
    await problems.getByText('0 errors', { exact: true }).first().waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('offers a host key it does not know by fingerprint; trusted, it downloads and says it recorded the key', async () => {
    const [first] = cluster.hosts as [TestCluster['hosts'][0]];
    await page.getByRole('button', { name: 'Download…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download from a host' });
    await fillConnection(dialog);
    const emptyKnownHosts = join(lab.dir, 'known_hosts-first-contact');
    await dialog.getByLabel('known_hosts file').fill(emptyKnownHosts);
    const fresh = join(lab.dir, 'downloaded-first-contact');
    await dialog.getByLabel('Target project folder').fill(fresh);
    await dialog.getByRole('button', { name: 'Download', exact: true }).click();

    const offer = dialog.locator('.host-key');
    await offer.waitFor({ timeout: 30_000 });
    const fingerprint = /SHA256:[A-Za-z0-9+/]+/.exec((await offer.textContent()) ?? '')?.[0];
    expect(fingerprint).toBeDefined();
    expect(existsSync(join(fresh, 'clp.conf'))).toBe(false);

    await offer.getByRole('button', { name: 'Trust this key and download' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `Downloaded into the new project ${fresh}` })
      .waitFor({ timeout: 30_000 });
    await dialog
      .getByRole('list', { name: 'Notes' })
      .getByText(`host key ${fingerprint} of ${first.address}:${first.port} accepted and recorded`)
      .waitFor();
    expect(await offer.count()).toBe(0);
    // A new folder had nothing to compare with: no diff section claiming "No differences".
    expect(await dialog.getByRole('region', { name: 'Changes against the cluster' }).count()).toBe(
      0,
    );
    expect(readFileSync(emptyKnownHosts, 'utf8')).toContain(first.publicKey.split(' ')[1]);
    expect(readFileSync(join(fresh, 'clp.conf')).equals(installedConf(first))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
