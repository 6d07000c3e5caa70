/**
 * Debian's Chromium for the end-to-end tests, driven by playwright-core (no browser download):
 * the flags this closed network needs, a fresh profile, and page errors collected so that a
 * test can assert the page logged none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { chromiumOptions } from './chromium-options.mjs';

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors and console errors of the page, in order. */
  readonly pageErrors: string[];
}

/** Starts Chromium with one page of the given size; each step waits at most `stepTimeoutMs`. */
export async function launchChromium(
  viewport: { width: number; height: number },
  stepTimeoutMs: number,
): Promise<Browser> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clpbuilder-chromium-')),
    chromiumOptions(viewport),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  // A step that does not happen fails with its own locator in the message, well before the test's limit.
  page.setDefaultTimeout(stepTimeoutMs);
  return { context, page, pageErrors: collectErrors(page) };
}

/** Uncaught errors and console errors of a page, as they come. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  return errors;
}

/** A second page of the same browser showing `url` with the UI in Japanese (`&lang=ja`). */
export async function openJapanese(
  context: BrowserContext,
  url: string,
  stepTimeoutMs: number,
): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeoutMs);
  const pageErrors = collectErrors(page);
  await page.goto(`${url}&lang=ja`);
  return { page, pageErrors };
}
