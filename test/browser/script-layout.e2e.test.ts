/**
 * A script saved with Windows line endings, in Chromium: CF013 shows it, its quick fix mends
 * it while the script is open in Monaco, and the editor does not write the old line endings
 * back (Monaco inserts text with its model's line ending); Save puts the LF bytes on disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interHostProject, withScripts } from '../support/rule-projects.js';
import { launchChromium } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

const START = 'failover-vm/exec-vm/start.sh';
const clean = interHostProject();
const lf = new TextDecoder().decode(clean.scripts.get(START)!.bytes);

let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  host = await serveProject(withScripts(clean, { [START]: lf.replace(/\n/g, '\r\n') }));
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 860 }, 8000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
});

describe('a CRLF script in the Builder', () => {
  it('is fixed with the script open in Monaco, stays fixed, and is saved with LF', async () => {
    await page.goto(host.url);
    const tree = page.getByRole('tree', { name: 'Cluster' });
    // Open stop.sh first: the finding must bring start.sh, not the script last looked at.
    await tree.getByRole('treeitem', { name: 'exec-vm', exact: true }).click();
    await page.getByRole('tab', { name: /^Scripts/ }).click();
    const scripts = page.getByRole('region', { name: 'Scripts' });
    await scripts.getByRole('tab', { name: 'stop.sh' }).click();
    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();

    const problems = page.getByRole('region', { name: 'Problems' });
    const cf013 = problems.getByRole('listitem').filter({ hasText: 'CF013' });
    await cf013.filter({ hasText: 'Windows line endings (CRLF)' }).waitFor();
    // The finding is about the script's content: it opens the script, in its resource's tab.
    await cf013.locator('.problem-main').click();
    await scripts.getByRole('tab', { name: 'start.sh', selected: true }).waitFor();
    expect(await page.getByRole('tab', { name: /^Scripts/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(
      await tree
        .getByRole('treeitem', { name: 'exec-vm', exact: true })
        .getAttribute('aria-selected'),
    ).toBe('true');
    await scripts.locator('.monaco-editor .view-lines').filter({ hasText: "'start'" }).waitFor();
    await page.screenshot({ path: '/tmp/ui-crlf.png' });
    // The panel says how the file is saved, which Monaco does not show.
    const format = scripts.getByLabel('How the file is saved');
    expect(await format.textContent()).toBe('UTF-8 · CRLF line endings');
    await cf013.getByRole('button', { name: 'Quick fix' }).click();
    await cf013.waitFor({ state: 'detached' });
    expect(await format.textContent()).toBe('UTF-8 · LF line endings');
    // Past the editor's typing pause: a write-back of the CRLF text would have come by now.
    await page.waitForTimeout(1000);
    expect(await cf013.count()).toBe(0);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('unsaved changes').waitFor({ state: 'detached' });
    expect(readFileSync(join(host.folder, 'scripts', START), 'utf8')).toBe(lf);
    // Undo brings the CRLF script back, as one step, and the finding with it.
    await page.getByRole('button', { name: 'Undo' }).click();
    await cf013.waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
