#!/usr/bin/env node
/* global document, requestAnimationFrame, MutationObserver -- page.evaluate runs in Chromium */
// UI benchmark (issue 5), in Debian's Chromium against the real browser host (`clpbuilder
// serve`) on the 10,000-resource / 10,000-monitor project with all its scripts:
// - opening the project to an interactive tree (goal 1.5 s): from navigation until the tree
//   shows its rows and a click on a row selects it;
// - a form edit to an updated Problems panel (goal p95 50 ms over 100 edits): the userw
//   monitor's method switched between softdog and keepalive, which adds and removes a VM
//   rule finding, timed in the page from the change event to the frame after Problems changed.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../test/browser/chromium-options.mjs';
import { scriptKeysOf } from './project-scripts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const large = join(here, '.data/large');
const folder = join(here, '.data/ui-project');
const OPEN_RUNS = 5;
const EDITS = 100;

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)];
}

/** The generated clp.conf with every script it names, as a real project has them. */
async function prepareProject() {
  if (!existsSync(join(large, 'clp.conf'))) {
    spawnSync(process.execPath, [join(here, 'generate.mjs')], { stdio: 'inherit' });
  }
  if (existsSync(join(folder, '.clpbuilder/project.json'))) {
    return;
  }
  const core = await import('../dist/core.js');
  const bytes = readFileSync(join(large, 'clp.conf'));
  const model = core.readModel(core.decodeClpConf(new Uint8Array(bytes)).value);
  const write = (path, text, mode = 0o644) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
    chmodSync(join(folder, path), mode);
  };
  write('clp.conf', bytes);
  for (const key of scriptKeysOf(model, { withPreaction: true })) {
    write(`scripts/${key}`, '#!/bin/sh\nexit 0\n', 0o755);
  }
  const meta = { ...core.defaultProjectMeta(), topology: 'inter-host', productVersion: '4.1.0-1' };
  write('.clpbuilder/project.json', `${JSON.stringify(meta, null, 2)}\n`);
}

function serve() {
  const child = spawn(process.execPath, [join(root, 'bin/clpbuilder.js'), 'serve', folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /Cluster Builder at (\S+)/.exec(text);
      if (match) {
        resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`clpbuilder serve exited with ${code}`)));
  });
}

async function launch() {
  return chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'clpbuilder-bench-')),
    chromiumOptions({ width: 1400, height: 900 }),
  );
}

/** Navigation → rows shown → a click on a server row selects it. */
async function timeOpen(context, url) {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  const tree = page.getByRole('tree', { name: 'Cluster' });
  const row = tree.getByRole('treeitem', { name: 'node01', exact: true });
  await row.click({ timeout: 60_000 });
  await tree.locator('[role="treeitem"][aria-selected="true"]', { hasText: 'node01' }).waitFor();
  const elapsed = performance.now() - started;
  return { page, elapsed };
}

/** Selects an entity by name through the tree's filter box. */
async function selectEntity(page, name) {
  await page.getByRole('searchbox', { name: 'Filter the tree' }).fill(name);
  await page.getByRole('treeitem', { name, exact: true }).click();
}

async function timeEdits(page) {
  await selectEntity(page, 'userw');
  const select = page.locator('select[data-path="monitor/userw@userw/parameters/method"]');
  await select.waitFor();
  const problems = await page.getByRole('region', { name: 'Problems' }).elementHandle();
  return page.evaluate(
    async ({ problems, edits }) => {
      const samples = [];
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      for (let index = 0; index < edits; index += 1) {
        const element = document.querySelector(
          'select[data-path="monitor/userw@userw/parameters/method"]',
        );
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve();
          });
          observer.observe(problems, { subtree: true, childList: true, characterData: true });
        });
        const started = performance.now();
        element.value = index % 2 === 0 ? 'softdog' : 'keepalive';
        element.dispatchEvent(new Event('change', { bubbles: true }));
        await changed;
        await frame();
        samples.push(performance.now() - started);
      }
      return samples;
    },
    { problems, edits: EDITS },
  );
}

/**
 * A click on a monitor in the tree until its form is drawn: the form lists the cluster's
 * 10,000 resources as the monitor's possible target (no goal in the issue; it shows a form
 * that renders more than it shows, as one did).
 */
async function timeSelections(page) {
  await page.getByRole('searchbox', { name: 'Filter the tree' }).fill('genw-app000');
  const samples = [];
  for (let run = 0; run < 10; run += 1) {
    const name = run % 2 === 0 ? 'genw-app0001' : 'genw-app0007';
    const row = page.getByRole('treeitem', { name, exact: true });
    await row.waitFor();
    const started = performance.now();
    await row.click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    samples.push(performance.now() - started);
  }
  return samples;
}

await prepareProject();
const host = await serve();
const context = await launch();
try {
  const opens = [];
  let page;
  for (let run = 0; run < OPEN_RUNS; run += 1) {
    const opened = await timeOpen(context, host.url);
    opens.push(opened.elapsed);
    if (run < OPEN_RUNS - 1) {
      await opened.page.close();
    } else {
      page = opened.page;
    }
  }
  const edits = await timeEdits(page);
  const selections = await timeSelections(page);
  console.log(
    `UI (Chromium, browser host), project: 10,000 resources, 10,000 monitors, all scripts`,
  );
  console.log(
    `open to an interactive tree   median ${percentile(opens, 0.5).toFixed(0)} ms, worst ${Math.max(...opens).toFixed(0)} ms (goal 1500 ms)`,
  );
  console.log(
    `form edit -> Problems updated p50 ${percentile(edits, 0.5).toFixed(1)} ms, p95 ${percentile(edits, 0.95).toFixed(1)} ms over ${edits.length} edits (goal p95 50 ms)`,
  );
  console.log(
    `select a monitor -> form drawn p50 ${percentile(selections, 0.5).toFixed(0)} ms, worst ${Math.max(...selections).toFixed(0)} ms over ${selections.length} clicks (includes the click's round trip)`,
  );
} finally {
  await context.close();
  host.stop();
}
