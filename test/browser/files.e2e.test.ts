/**
 * End to end: the File menu in Debian's Chromium against the real `clpbuilder serve`. Save As
 * into a new folder, create a cluster with the New cluster wizard and see its tree, notice a
 * change on disk, and the unsaved-changes guard. The host's home is a temp folder, so the
 * picker's roots and recent.json are this test's own.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VMX } from '../../schemas/index.js';
import { interHostProject } from '../support/rule-projects.js';
import { launchChromium } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

const SHOTS = '/tmp/shots';
let home: string;
let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'clpbuilder-home-'));
  mkdirSync(SHOTS, { recursive: true });
  // The served process inherits these: its home (a picker root) and its config folder.
  process.env['HOME'] = home;
  process.env['XDG_CONFIG_HOME'] = join(home, '.config');
  host = await serveProject(interHostProject(), {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
  });
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 900 }, 10_000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
});

async function fileMenu(item: string) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
}

describe('the File menu in Chromium', () => {
  it('saves as a new folder, then the window continues on the copy', async () => {
    await page.goto(host.url);
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'failover-vm', exact: true }).waitFor();

    await fileMenu('Save As…');
    const dialog = page.getByRole('dialog', { name: 'Save As: a new folder' });
    await dialog.getByLabel('Location').filter({ hasText: home }).waitFor();
    await dialog.getByLabel('New folder name').fill('copy');
    await dialog.getByRole('button', { name: 'Save here' }).click();
    const copy = join(home, 'copy');
    await page
      .getByRole('status')
      .filter({ hasText: `Saved ${copy}` })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(readFileSync(join(copy, 'clp.conf'))).toEqual(
      readFileSync(join(host.folder, 'clp.conf')),
    );
    expect(await page.title()).toContain(copy);
    const recent = JSON.parse(readFileSync(join(home, '.config/clpbuilder/recent.json'), 'utf8'));
    expect(recent.projects.map((project: { path: string }) => project.path)).toEqual([
      copy,
      host.folder,
    ]);
    await page.getByRole('button', { name: 'File' }).click();
    const menu = page.getByRole('menu', { name: 'File' });
    await menu.getByRole('menuitem', { name: copy, exact: true }).waitFor();
    await menu.getByRole('menuitem', { name: host.folder, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('notices clp.conf changing on disk and keeps the edits when asked', async () => {
    const file = join(home, 'copy', 'clp.conf');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<root>', '<root>\n'));
    const notice = page.getByRole('alert').filter({ hasText: 'clp.conf changed on disk' });
    await notice.waitFor();
    await page.screenshot({ path: `${SHOTS}/disk-change.png` });
    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('asks Save / Discard / Cancel before New drops unsaved edits', async () => {
    await page
      .getByRole('tree', { name: 'Cluster' })
      .getByRole('treeitem', { name: 'userw', exact: true })
      .click();
    await page.getByLabel('polling/interval', { exact: true }).fill('30');
    await page.getByLabel('polling/interval', { exact: true }).press('Enter');
    await page.getByLabel('unsaved changes').waitFor();
    // Closing the tab while dirty: the browser's own "leave the page?" question, dismissed.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    await fileMenu('New cluster…');
    const guard = page.getByRole('dialog', { name: 'Unsaved changes' });
    await guard.waitFor();
    await page.screenshot({ path: `${SHOTS}/unsaved-guard.png` });
    await guard.getByRole('button', { name: 'Cancel' }).click();
    await guard.waitFor({ state: 'detached' });
    expect(await page.getByLabel('polling/interval', { exact: true }).inputValue()).toBe('30');
    await fileMenu('New cluster…');
    await guard.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('dialog', { name: 'New cluster' }).waitFor();
  });

  it('creates a cluster with the New cluster wizard and shows its tree', async () => {
    const started = Date.now();
    const wizard = page.getByRole('dialog', { name: 'New cluster' });
    await wizard.getByRole('radio', { name: 'Inter-host OS cluster', exact: true }).check();
    await page.screenshot({ path: `${SHOTS}/wizard-topology.png` });
    await wizard.getByRole('button', { name: 'Next' }).click();

    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('alert').filter({ hasText: 'marked in red' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/wizard-errors.png` });

    await wizard.getByLabel('Cluster name').fill('vmcluster');
    await wizard.getByLabel('Server 1 name').fill('esxa');
    await wizard.getByLabel('Server 1 addresses').fill('10.0.0.1, 192.168.0.1');
    await wizard.getByLabel('Server 2 name').fill('esxb');
    await wizard.getByLabel('Server 2 addresses').fill('10.0.0.2, 192.168.0.2');
    await wizard.getByLabel('VM configuration file (.vmx)').fill(EXAMPLE_VMX);
    await page.screenshot({ path: `${SHOTS}/wizard-profile.png` });
    await wizard.getByRole('button', { name: 'Next' }).click();

    await wizard.getByLabel('Location').filter({ hasText: home }).waitFor();
    await page.screenshot({ path: `${SHOTS}/wizard-folder.png` });
    // A folder that holds something is refused, and the wizard says so where the user is.
    const occupied = join(home, 'copy');
    const before = { names: readdirSync(occupied), conf: readFileSync(join(occupied, 'clp.conf')) };
    await wizard.getByLabel('New folder name').fill('copy');
    await wizard.getByRole('button', { name: 'Create' }).click();
    await wizard.getByRole('alert').filter({ hasText: 'is not empty' }).waitFor();
    expect(readdirSync(occupied)).toEqual(before.names);
    expect(readFileSync(join(occupied, 'clp.conf'))).toEqual(before.conf);
    await wizard.getByLabel('New folder name').fill('vmcluster');
    await wizard.getByRole('button', { name: 'Create' }).click();

    const tree = page.getByRole('tree', { name: 'Cluster' });
    for (const name of ['esxa', 'esxb', 'failover-vm', 'exec-vm', 'genw-vm']) {
      await tree.getByRole('treeitem', { name, exact: true }).waitFor();
    }
    await wizard.waitFor({ state: 'detached' });
    const folder = join(home, 'vmcluster');
    expect(await page.title()).toContain(folder);
    expect(existsSync(join(folder, 'scripts/failover-vm/exec-vm/start.sh'))).toBe(true);
    expect(readFileSync(join(folder, 'clp.conf'), 'utf8')).toContain('<name>vmcluster</name>');
    await page.screenshot({ path: `${SHOTS}/wizard-created.png` });
    expect(pageErrors).toEqual([]);
    console.log(`New cluster wizard, end to end: ${Date.now() - started} ms`);
  }, 120_000);

  it('previews and applies the VM scripts wizard as one undoable edit', async () => {
    await fileMenu('VM scripts…');
    const wizard = page.getByRole('dialog', { name: 'VM scripts' });
    const command = wizard.getByLabel('vmware-cmd path');
    await command.fill('/opt/vmware/bin/vmware-cmd');
    const preview = wizard.getByRole('region', { name: 'Changes to the scripts' });
    await preview.getByText('scripts/failover-vm/exec-vm/start.sh').waitFor();
    await page.screenshot({ path: `${SHOTS}/vm-scripts.png` });
    await wizard.getByRole('button', { name: 'Apply' }).click();
    await wizard.waitFor({ state: 'detached' });
    await page.getByLabel('unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByLabel('unsaved changes').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('exports a zip that opens again as the same cluster', async () => {
    await fileMenu('Export zip…');
    const dialog = page.getByRole('dialog', { name: 'Export zip' });
    expect(await dialog.getByLabel('File name').inputValue()).toBe('vmcluster.zip');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const zip = join(home, 'vmcluster.zip');
    await page
      .getByRole('status')
      .filter({ hasText: `Exported ${zip}` })
      .waitFor();
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    await fileMenu('Open zip…');
    const picker = page.getByRole('dialog', { name: 'Open zip' });
    await picker.getByRole('button', { name: 'vmcluster.zip' }).click();
    await picker.waitFor({ state: 'detached' });
    expect(await page.title()).toContain(zip);
    await page
      .getByRole('tree', { name: 'Cluster' })
      .getByRole('treeitem', { name: 'esxa', exact: true })
      .waitFor();
  });

  it('shows the wizard in Japanese, in the dark theme', async () => {
    const japanese = await context.newPage();
    await japanese.emulateMedia({ colorScheme: 'dark' });
    japanese.setDefaultTimeout(10_000);
    await japanese.goto(`${host.url}&lang=ja`);
    await japanese
      .getByRole('tree', { name: 'クラスタ' })
      .getByRole('treeitem', { name: 'failover-vm', exact: true })
      .waitFor();
    await japanese.getByRole('button', { name: 'ファイル' }).click();
    await japanese.getByRole('menuitem', { name: '新しいクラスタ…' }).click();
    const wizard = japanese.getByRole('dialog', { name: '新しいクラスタ' });
    await wizard.getByRole('radio', { name: 'ホスト OS 間クラスタ', exact: true }).check();
    await wizard.getByRole('button', { name: '次へ' }).click();
    await wizard.getByRole('button', { name: '次へ' }).click();
    await wizard.getByRole('alert').filter({ hasText: '赤で示した' }).waitFor();
    // Each field says its problem in Japanese too.
    await wizard.getByText('入力してください', { exact: true }).first().waitFor();
    await wizard
      .getByText('アドレスを 1 つ以上指定してください', { exact: true })
      .first()
      .waitFor();
    expect(await wizard.getByText('must not be empty').count()).toBe(0);
    await japanese.screenshot({ path: `${SHOTS}/wizard-ja-dark.png` });
    await japanese.close();
  });
});
