/**
 * End to end: Debian's Chromium, driven by playwright-core, against the real `clpbuilder
 * serve`: open, see the tree, make a rule fire, fix it, edit, undo/redo, save, check the disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, setParameter } from '../../schemas/index.js';
import { lineChanges, unwrap } from '../support/project.js';
import { interHostProject } from '../support/rule-projects.js';
import { launchChromium, openJapanese } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  host = await serveProject(interHostProject());
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 860 }, 8000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
});

describe('the Builder in Chromium', () => {
  it('edits a monitor, shows the rule, applies its quick fix, undoes, redoes and saves', async () => {
    const started = Date.now();
    const original = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
    await page.goto(host.url);
    const tree = page.getByRole('tree', { name: 'Cluster' });
    for (const name of ['esx1', 'failover-vm', 'exec-vm', 'genw-vm', 'userw']) {
      await tree.getByRole('treeitem', { name, exact: true }).waitFor();
    }
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);

    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
    await page.getByLabel('Monitoring method').selectOption('softdog');
    const problems = page.getByRole('region', { name: 'Problems' });
    const vm003 = problems.getByRole('listitem').filter({ hasText: 'VM003' });
    await vm003.waitFor();
    await page.screenshot({ path: '/tmp/ui.png' });

    await vm003.getByRole('button', { name: 'Quick fix' }).click();
    await vm003.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Monitoring method').inputValue()).toBe('keepalive');

    const interval = page.getByLabel('polling/interval', { exact: true });
    await interval.fill('abc');
    await page.getByRole('alert').filter({ hasText: 'must be a whole number' }).waitFor();
    await interval.fill('30');
    await interval.press('Enter');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await interval.inputValue()).toBe('60');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await interval.inputValue()).toBe('30');

    await page.getByRole('tab', { name: 'clp.conf' }).click();
    // Monaco renders only the lines in view: the top of the file shows it loaded (worker and all).
    await page.locator('.monaco-editor .view-lines').filter({ hasText: '<root>' }).waitFor();
    await page.screenshot({ path: '/tmp/ui-conf.png' });

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
    // Only the edited element changed on disk: the quick fix put the method back as it was.
    expect(lineChanges(original.split('\n'), saved.split('\n'))).toEqual({
      added: ['        <interval>30</interval>'],
      removed: ['        <interval>60</interval>'],
    });
    expect(pageErrors).toEqual([]);
    console.log(`end-to-end: ${Date.now() - started} ms`);
  }, 120_000);
  it('edits start.sh in Monaco: undoable, saved in place with its executable bit', async () => {
    const script = join(host.folder, 'scripts/failover-vm/exec-vm/start.sh');
    const original = readFileSync(script, 'utf8');
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'exec-vm', exact: true }).click();
    await page.getByRole('tab', { name: /^Scripts/ }).click();
    const scripts = page.getByRole('region', { name: 'Scripts' });
    await scripts.getByRole('tab', { name: 'start.sh' }).click();
    const lines = scripts.locator('.monaco-editor .view-lines');
    await lines.filter({ hasText: 'vmware-cmd' }).waitFor();
    await scripts.locator('.monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# edited in Monaco');
    await page.getByLabel('unsaved changes').waitFor();

    await page.getByRole('button', { name: 'Undo' }).click();
    await lines.filter({ hasText: 'edited in Monaco' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Redo' }).click();
    await lines.filter({ hasText: 'edited in Monaco' }).waitFor();

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('unsaved changes').waitFor({ state: 'detached' });
    expect(readFileSync(script, 'utf8')).toBe(`${original}# edited in Monaco`);
    expect(statSync(script).mode & 0o111).not.toBe(0);
    await page.screenshot({ path: '/tmp/ui-script.png' });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a synchronous custom monitor shows VM021 until its quick fix; the raw XML drives the form', async () => {
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'genw-vm', exact: true }).click();
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByLabel('Monitor type').selectOption('1');
    const problems = page.getByRole('region', { name: 'Problems' });
    const vm021 = problems.getByRole('listitem').filter({ hasText: 'VM021' });
    await vm021.waitFor();
    await vm021.getByRole('button', { name: 'Quick fix' }).click();
    await vm021.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Monitor type').inputValue()).toBe('0');

    // The same monitor's interval, changed in the clp.conf text, shows in the form (in seconds).
    await page.getByRole('tab', { name: 'clp.conf' }).click();
    const editor = page.locator('.monaco-editor');
    await editor.locator('.view-lines').filter({ hasText: '<root>' }).waitFor();
    const current = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
    // The genw-vm interval is the file's only <interval>60</interval>: find it, type over it.
    expect(current.match(/<interval>60<\/interval>/g)).toHaveLength(1);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+F');
    await page.keyboard.press('Alt+R');
    await page.keyboard.type('(?<=<interval>)60(?=</interval>)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.type('45');
    await page.getByRole('tab', { name: 'Properties' }).click();
    const interval = page.getByLabel('polling/interval', { exact: true });
    await page.waitForFunction(
      () =>
        (
          document.querySelector(
            '[data-path="monitor/genw@genw-vm/polling/interval"]',
          ) as HTMLInputElement | null
        )?.value === '45',
    );
    expect(await interval.inputValue()).toBe('45');
    const unit = page.locator('.field', { has: interval }).locator('.unit');
    expect(await unit.textContent()).toBe('s');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('says the findings, their fixes and a bad value in Japanese when the UI is in Japanese', async () => {
    const { page: japanese, pageErrors: errors } = await openJapanese(context, host.url, 10_000);
    const tree = japanese.getByRole('tree', { name: 'クラスタ' });
    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
    await japanese
      .locator('[data-path="monitor/userw@userw/parameters/method"]')
      .selectOption('softdog');
    const expected = checkProject(
      unwrap(setParameter(interHostProject(), 'monitor/userw@userw/parameters/method', 'softdog')),
    ).find((finding) => finding.rule === 'VM003')!;
    const problems = japanese.getByRole('region', { name: '問題' });
    const vm003 = problems.getByRole('listitem').filter({ hasText: 'VM003' });
    await vm003.waitFor();
    expect(await vm003.locator('.message').textContent()).toBe(expected.ja.message);
    expect(expected.ja.message).not.toBe(expected.message);
    expect(
      await vm003.getByRole('button', { name: 'クイックフィックス' }).getAttribute('title'),
    ).toBe(expected.ja.fix);
    const interval = japanese.locator('[data-path="monitor/userw@userw/polling/interval"]');
    await interval.fill('abc');
    const problem = japanese
      .getByRole('alert')
      .filter({ hasText: '"abc" は整数で指定してください' });
    await problem.waitFor();
    // The problem sits under the value it is about.
    expect((await problem.boundingBox())?.x).toBe((await interval.boundingBox())?.x);
    await japanese.screenshot({ path: '/tmp/ui-ja.png' });
    await japanese.close();
    expect(errors).toEqual([]);
  }, 120_000);

  it('fixes every quick-fixable finding in one click, which one Undo reverts', async () => {
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await page.getByRole('tab', { name: 'Properties' }).click();
    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
    await page.getByLabel('Monitoring method').selectOption('softdog');
    await tree.getByRole('treeitem', { name: 'genw-vm', exact: true }).click();
    await page.getByLabel('Monitor type').selectOption('1');
    const problems = page.getByRole('region', { name: 'Problems' });
    const fixAll = problems.getByRole('button', { name: 'Fix all 2' });
    await fixAll.waitFor();
    await page.screenshot({ path: '/tmp/ui-fix-all-offered.png' });
    await fixAll.click();
    for (const rule of ['VM003', 'VM021']) {
      await problems.getByRole('listitem').filter({ hasText: rule }).waitFor({ state: 'detached' });
    }
    expect(await page.getByLabel('Monitor type').inputValue()).toBe('0');
    await page.screenshot({ path: '/tmp/ui-fix-all-done.png' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await fixAll.waitFor();
    expect(await page.getByLabel('Monitor type').inputValue()).toBe('1');
    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
    expect(await page.getByLabel('Monitoring method').inputValue()).toBe('softdog');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
