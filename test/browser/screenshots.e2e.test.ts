/**
 * The main screens in light and dark, English and Japanese, as a user sees them in Chromium:
 * the Builder with a rule finding selected, the script editor, the clp.conf tab and the New
 * cluster wizard. `npm run screenshots` writes them to docs/screenshots/ (shown in the
 * README); a plain test run writes them to a temp folder and checks that each variant really
 * is the theme and the language it claims to be.
 */
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Project, setParameter } from '../../schemas/index.js';
import { unwrap } from '../support/project.js';
import { interHostProject } from '../support/rule-projects.js';
import { launchChromium } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

const outDir = process.env['CLPBUILDER_SCREENSHOTS']
  ? resolve(process.env['CLPBUILDER_SCREENSHOTS'])
  : mkdtempSync(join(tmpdir(), 'clpbuilder-screenshots-'));

let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

/** The guide's inter-host cluster with its VM monitor made synchronous: one VM021 error. */
function projectWithFinding(): Project {
  return unwrap(setParameter(interHostProject(), 'monitor/genw@genw-vm/parameters/sync', '1'));
}

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  host = await serveProject(projectWithFinding());
  ({ context, page, pageErrors } = await launchChromium({ width: 1280, height: 760 }, 15_000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
});

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number) as [
    number,
    number,
    number,
  ];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function shoot(name: string): Promise<void> {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

describe('screenshots of the main screens', () => {
  for (const language of ['en', 'ja'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`the Builder, ${language}, ${theme}`, async () => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(`${host.url}&lang=${language}`);
        const tree = page.getByRole('tree');
        await tree.getByRole('treeitem', { name: 'genw-vm', exact: true }).click();
        const problems = page.locator('.problems');
        await problems.getByText('VM021').first().waitFor();

        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        if (theme === 'dark') {
          expect(luminance(background)).toBeLessThan(0.3);
        } else {
          expect(luminance(background)).toBeGreaterThan(0.7);
        }
        const toolbar = (await page.locator('.toolbar').textContent()) ?? '';
        expect(JAPANESE.test(toolbar)).toBe(language === 'ja');
        await shoot(`builder-${language}-${theme}`);
      }, 60_000);
    }
  }

  it('the script editor and the clp.conf tab, en, dark', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${host.url}&lang=en`);
    await page.getByRole('treeitem', { name: 'exec-vm', exact: true }).click();
    await page.getByRole('tab', { name: /^Scripts/ }).click();
    await page.locator('.monaco-editor .view-lines').filter({ hasText: 'vmware-cmd' }).waitFor();
    await shoot('scripts-en-dark');
    await page.getByRole('tab', { name: 'clp.conf' }).click();
    await page.locator('.monaco-editor .view-lines').filter({ hasText: '<root>' }).waitFor();
    await shoot('conf-en-dark');
  }, 60_000);

  it('the New cluster wizard, en light and ja dark', async () => {
    for (const [language, theme] of [
      ['en', 'light'],
      ['ja', 'dark'],
    ] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${host.url}&lang=${language}`);
      await page.locator('.file-menu > button').click();
      await page.getByRole('menuitem').first().click();
      const wizard = page.getByRole('dialog');
      await wizard.waitFor();
      expect(JAPANESE.test((await wizard.textContent()) ?? '')).toBe(language === 'ja');
      await shoot(`new-cluster-${language}-${theme}`);
      await page.keyboard.press('Escape');
      await wizard.waitFor({ state: 'detached' });
    }
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
