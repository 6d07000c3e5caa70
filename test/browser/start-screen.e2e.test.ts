/**
 * End to end: `clpbuilder serve` without a project shows the start screen: recent projects
 * (from the host's recent.json), New cluster, Open folder. Chromium against the real host,
 * with a temp home and config folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProject } from '../../electron/services/project-folder.js';
import { EXAMPLE_VMX } from '../../schemas/index.js';
import { repoRoot } from '../support/fixtures.js';
import { interHostProject } from '../support/rule-projects.js';
import { launchChromium } from './chromium.js';

let home: string;
let child: ChildProcess;
let url: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'clpbuilder-start-'));
  const saved = await saveProject(join(home, 'projects', 'esx'), interHostProject());
  expect(saved.ok).toBe(true);
  // The same clp.conf alone, without its scripts/.
  mkdirSync(join(home, 'projects', 'alone'));
  copyFileSync(
    join(home, 'projects', 'esx', 'clp.conf'),
    join(home, 'projects', 'alone', 'cluster.conf'),
  );
  const config = join(home, '.config');
  mkdirSync(join(config, 'clpbuilder'), { recursive: true });
  writeFileSync(
    join(config, 'clpbuilder', 'recent.json'),
    JSON.stringify({
      projects: [
        { path: join(home, 'projects', 'esx'), kind: 'folder', openedAt: '2026-01-01' },
        {
          path: join(home, 'projects', 'alone', 'cluster.conf'),
          kind: 'file',
          openedAt: '2025-12-01',
        },
      ],
    }),
  );
  child = spawn(process.execPath, [join(repoRoot, 'bin/clpbuilder.js'), 'serve'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: config },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = (await firstLine(child)).replace(/^Cluster Builder at /, '');
  ({ context, page, pageErrors } = await launchChromium({ width: 1200, height: 800 }, 10_000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  child?.kill('SIGTERM');
});

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        resolve(out.slice(0, out.indexOf('\n')));
      }
    });
    process.once('exit', (code) => reject(new Error(`clpbuilder serve exited (${code})`)));
  });
}

describe('the start screen', () => {
  it('lists recent projects and opens one', async () => {
    await page.goto(url);
    const recent = page.getByRole('region', { name: 'Recent projects' });
    await recent.getByRole('button', { name: join(home, 'projects', 'esx') }).waitFor();
    await page.screenshot({ path: '/tmp/shots/start-screen.png' });
    await recent.getByRole('button', { name: join(home, 'projects', 'esx') }).click();
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'failover-vm', exact: true }).waitFor();
  });

  it('opens a bare clp.conf without its scripts: one info says they were not checked', async () => {
    await page.goto(url);
    const file = join(home, 'projects', 'alone', 'cluster.conf');
    await page
      .getByRole('region', { name: 'Recent projects' })
      .getByRole('button', { name: file })
      .click();
    await page
      .getByRole('tree', { name: 'Cluster' })
      .getByRole('treeitem', { name: 'failover-vm', exact: true })
      .waitFor();
    const problems = page.getByRole('region', { name: 'Problems' });
    const cf003 = problems.getByRole('listitem').filter({ hasText: 'CF003' });
    await cf003.filter({ hasText: 'scripts it names were not checked' }).waitFor();
    expect(await cf003.count()).toBe(1);
    // Among the infos, not the errors.
    expect(
      await problems.locator('.problem-group.sev-info').filter({ hasText: 'CF003' }).count(),
    ).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('creates an ordinary cluster from the start screen', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: 'New cluster…' }).click();
    const wizard = page.getByRole('dialog', { name: 'New cluster' });
    await wizard.getByRole('radio', { name: 'Ordinary cluster', exact: true }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByLabel('Cluster name').fill('plain1');
    await wizard.getByLabel('Server 1 name').fill('node1');
    await wizard.getByLabel('Server 1 addresses').fill('192.0.2.1');
    await wizard.getByRole('button', { name: 'Remove server 2' }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    // The picker starts at the home folder and walks into a subfolder.
    await wizard.getByRole('button', { name: 'projects', exact: true }).click();
    await wizard
      .getByLabel('Location')
      .filter({ hasText: join(home, 'projects') })
      .waitFor();
    await wizard.getByLabel('New folder name').fill('plain1');
    await wizard.getByRole('button', { name: 'Create' }).click();
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'node1', exact: true }).waitFor();
    expect(await page.title()).toContain(join(home, 'projects', 'plain1'));
    expect(pageErrors).toEqual([]);
  });

  it('creates both sides of a guest association, as clpbuilder new does, and opens the host side', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: 'New cluster…' }).click();
    const wizard = page.getByRole('dialog', { name: 'New cluster' });
    await wizard
      .getByRole('radio', { name: 'Inter-host OS cluster with guest association', exact: true })
      .check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByLabel('Server 1 name').fill('esx1');
    await wizard.getByLabel('Server 1 addresses').fill('10.0.0.1');
    await wizard.getByLabel('Server 2 name').fill('esx2');
    await wizard.getByLabel('Server 2 addresses').fill('10.0.0.2');
    await wizard.getByLabel('VM configuration file (.vmx)').fill(EXAMPLE_VMX);
    await wizard.getByLabel('Guest host name').fill('guest1');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByLabel('New folder name').fill('assoc');
    await wizard.getByRole('button', { name: 'Create' }).click();
    const folder = join(home, 'assoc');
    await page
      .getByRole('status')
      .filter({ hasText: `Also created ${join(folder, 'guest')}` })
      .waitFor();
    await page
      .getByRole('tree', { name: 'Cluster' })
      .getByRole('treeitem', { name: 'esx2', exact: true })
      .waitFor();
    expect(await page.title()).toContain(folder);
    expect(readFileSync(join(folder, 'guest', 'clp.conf'), 'utf8')).toContain('guest1');
    expect(pageErrors).toEqual([]);
  });
});
