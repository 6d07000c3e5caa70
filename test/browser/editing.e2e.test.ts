/**
 * End to end, entity editing: Debian's Chromium against the real `clpbuilder serve`. Add a
 * resource through the tree's context menu, rename it, undo, have a referenced entity's
 * removal refused with the reason, save, and find the edit (and its scripts) on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGroup, addResource } from '../../schemas/index.js';
import { setValue } from '../../schemas/doc/edit.js';
import { unwrap } from '../support/project.js';
import { interHostProject, plainProject } from '../support/rule-projects.js';
import { launchChromium, openJapanese } from './chromium.js';
import { type ServeProcess, serveProject } from './serve-process.js';

let host: ServeProcess;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  host = await serveProject(interHostProject());
  ({ context, page, pageErrors } = await launchChromium({ width: 1400, height: 860 }, 15_000));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await host?.stop();
});

describe('editing entities in Chromium', () => {
  it('adds through the context menu, renames, undoes, and is refused removing a referenced resource', async () => {
    await page.goto(host.url);
    const tree = page.getByRole('tree', { name: 'Cluster' });
    const row = (name: string) => tree.getByRole('treeitem', { name, exact: true });
    await row('failover-vm').waitFor();

    await row('failover-vm').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for failover-vm' });
    await menu.waitFor();
    await shoot(page, 'tree-menu');
    await menu.getByRole('menuitem', { name: /Add Group resource/ }).click();
    const add = page.getByRole('dialog', { name: 'Add Group resource' });
    expect(await add.getByLabel('Group').inputValue()).toBe('failover-vm');
    await add.getByLabel('Type').selectOption('exec');
    const name = add.getByLabel('Name');
    await name.fill('sd-vm');
    // The core's own check, at the field, before anything is applied.
    await add
      .getByRole('alert')
      .filter({ hasText: 'a resource named "sd-vm" already exists' })
      .waitFor();
    expect(await add.getByRole('button', { name: 'Add', exact: true }).isDisabled()).toBe(true);
    await shoot(page, 'add-dialog');
    await name.fill('exec-app');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await row('exec-app').waitFor();
    expect(await row('exec-app').getAttribute('aria-selected')).toBe('true');

    // F2 on the tree: focus came back to it when the dialog closed.
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: /Rename Group resource exec-app/ });
    await rename.getByLabel('Name').fill('exec-web');
    await rename.getByLabel('Name').press('Enter');
    await row('exec-web').waitFor();
    expect(await row('exec-app').count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await row('exec-app').waitFor();
    expect(await row('exec-web').count()).toBe(0);

    // genw-vm monitors exec-vm: the core refuses the removal and names the referrer.
    await row('exec-vm').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Delete/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /resource "exec-vm" is still referred to by .*genw-vm/ })
      .waitFor();
    expect(await row('exec-vm').count()).toBe(1);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
    expect(saved).toContain('<exec name="exec-app">');
    expect(saved).toContain('<resource name="exec@exec-app"/>');
    expect(saved).not.toContain('exec-web');
    expect(existsSync(join(host.folder, 'scripts/failover-vm/exec-app/start.sh'))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('shows the tree and its context menu in the dark theme too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'genw-vm', exact: true }).click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for genw-vm' }).waitFor();
    await shoot(page, 'tree-menu-dark');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await tree.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
  }, 60_000);

  it('says the core’s refusals in Japanese when the UI is in Japanese', async () => {
    const { page: japanese, pageErrors: errors } = await openJapanese(context, host.url, 15_000);
    const tree = japanese.getByRole('tree', { name: 'クラスタ' });
    await tree
      .getByRole('treeitem', { name: 'failover-vm', exact: true })
      .click({ button: 'right' });
    await japanese
      .getByRole('menu', { name: 'failover-vm の操作' })
      .getByRole('menuitem', { name: /グループリソースの追加/ })
      .click();
    const add = japanese.getByRole('dialog', { name: 'グループリソースの追加' });
    await add.getByLabel('名前').fill('sd-vm');
    const taken = addResource(interHostProject(), 'failover-vm', 'exec', 'sd-vm');
    const refusal = taken.ok ? undefined : taken.error.ja;
    expect(refusal).toMatch(/[ぁ-ん]/);
    await add.getByRole('alert').filter({ hasText: refusal }).waitFor();
    await add.getByRole('button', { name: 'キャンセル' }).click();
    await japanese.close();
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('adding a parameter in Chromium', () => {
  it('refuses a misspelt one with the one meant, adds it, and saves it into the monitor', async () => {
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
    const properties = page.getByRole('form', { name: 'Properties' });
    const sub = properties.getByLabel('New parameter');
    await sub.fill('firstmonwiat');
    await properties.getByRole('alert').filter({ hasText: 'did you mean firstmonwait?' }).waitFor();
    const add = properties.getByRole('button', { name: 'Add', exact: true });
    expect(await add.isDisabled()).toBe(true);

    await sub.fill('firstmonwait');
    await properties.getByLabel('Value', { exact: true }).fill('90');
    await add.click();
    expect(await properties.getByLabel('firstmonwait', { exact: true }).inputValue()).toBe('90');
    await page.getByRole('button', { name: 'Save' }).click();
    // The first test's "Saved" may still show: wait for the file itself.
    const userw = () => savedElement('userw', 'userw');
    await expect.poll(userw, { timeout: 10_000 }).toContain('<firstmonwait>90</firstmonwait>');
    const saved = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
    expect(saved).not.toContain('firstmonwiat');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe("a group's startup servers in Chromium", () => {
  it('one startup server draws CF005, a second clears it; saved as policy entries in order', async () => {
    const tree = page.getByRole('tree', { name: 'Cluster' });
    await tree.getByRole('treeitem', { name: 'failover-vm', exact: true }).click();
    const properties = page.getByRole('form', { name: 'Properties' });
    const problems = page.getByRole('region', { name: 'Problems' });
    await properties.getByText(/None chosen: every server can start the group/).waitFor();

    await properties.getByLabel('Server to add').selectOption('esx2');
    await properties.getByRole('button', { name: 'Add server' }).click();
    await problems.getByRole('listitem').filter({ hasText: 'CF005' }).waitFor();
    await properties.getByRole('button', { name: 'Add server' }).click();
    await problems
      .getByRole('listitem')
      .filter({ hasText: 'CF005' })
      .waitFor({ state: 'detached' });
    const list = properties.getByRole('list', { name: 'Startup servers' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['1.esx2↑↓×', '2.esx1↑↓×']);
    await properties.getByLabel('Failback').selectOption('1');

    await page.getByRole('button', { name: 'Save' }).click();
    const group = () => savedElement('group', 'failover-vm');
    await expect.poll(group, { timeout: 10_000 }).toContain('<failback>1</failback>');
    expect(group()).toMatch(
      /<policy name="esx2">\s*<order>0<\/order>\s*<\/policy>\s*<policy name="esx1">\s*<order>1<\/order>/,
    );
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe("a resource's dependencies in Chromium", () => {
  it('two resources made to depend on each other draw CF015 at the dependency; removing one clears it', async () => {
    await page.goto(host.url);
    const tree = page.getByRole('tree', { name: 'Cluster' });
    const properties = page.getByRole('form', { name: 'Properties' });
    const problems = page.getByRole('region', { name: 'Problems' });
    const dependOn = async (resource: string, other: string) => {
      await tree.getByRole('treeitem', { name: resource, exact: true }).click();
      const follow = properties.getByLabel('Follow the default dependency');
      expect(await follow.isChecked()).toBe(true);
      await follow.uncheck();
      await properties.getByText(/None: activated without waiting/).waitFor();
      await properties.getByLabel('Resource to depend on').selectOption(other);
      await properties.getByRole('button', { name: 'Add dependency' }).click();
    };
    await dependOn('exec-vm', 'sd-vm');
    await dependOn('sd-vm', 'exec-vm');
    await problems.getByRole('listitem').filter({ hasText: 'CF015' }).waitFor();
    // Told once, at the dependency that closes the circle: exec-vm's on sd-vm (sd-vm comes first).
    await tree.getByRole('treeitem', { name: 'exec-vm', exact: true }).click();
    const dependencies = properties.getByRole('list', { name: 'Dependencies' });
    await dependencies
      .getByText(/CF015: resources sd-vm and exec-vm depend on each other in a circle/)
      .waitFor();
    await shoot(page, 'dependencies-circle');

    await properties.getByRole('button', { name: 'Remove the dependency on sd-vm' }).click();
    await problems
      .getByRole('listitem')
      .filter({ hasText: 'CF015' })
      .waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save' }).click();
    // exec-vm keeps "none" (its box stays unticked); sd-vm depends on exec-vm.
    await expect
      .poll(() => savedElement('exec', 'exec-vm'), { timeout: 10_000 })
      .toContain('<depend name=""/>');
    expect(savedElement('disk', 'sd-vm')).toContain('<depend name="exec-vm"/>');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe("groups' start and stop dependencies in Chromium", () => {
  it('two groups started after each other draw CF015; removing one clears it, saved under depend/act', async () => {
    const twoGroups = await serveProject(unwrap(addGroup(interHostProject(), 'failover-db')));
    try {
      await page.goto(twoGroups.url);
      const tree = page.getByRole('tree', { name: 'Cluster' });
      const properties = page.getByRole('form', { name: 'Properties' });
      const problems = page.getByRole('region', { name: 'Problems' });
      const start = properties.getByRole('group', { name: 'Start dependencies' });
      const startAfter = async (group: string) => {
        await tree.getByRole('treeitem', { name: group, exact: true }).click();
        await start.getByText(/None: the group starts without waiting/).waitFor();
        await start.getByRole('button', { name: 'Add dependency' }).click();
      };
      await startAfter('failover-vm');
      await startAfter('failover-db');
      // Told at the dependency that closes the circle: failover-db's, selected now.
      await start
        .getByText(/CF015: groups failover-vm and failover-db wait for each other to start/)
        .waitFor();
      await problems.getByRole('listitem').filter({ hasText: 'CF015' }).waitFor();
      await start.getByRole('button', { name: 'Remove the dependency on failover-vm' }).click();
      await problems
        .getByRole('listitem')
        .filter({ hasText: 'CF015' })
        .waitFor({ state: 'detached' });
      const stop = properties.getByRole('group', { name: 'Stop dependencies' });
      await stop.getByRole('button', { name: 'Add dependency' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      const saved = () => {
        const text = readFileSync(join(twoGroups.folder, 'clp.conf'), 'utf8');
        return /<group name="failover-db">[\s\S]*?<\/group>/.exec(text)?.[0] ?? '';
      };
      await expect
        .poll(saved, { timeout: 10_000 })
        .toMatch(/<deact>\s*<depend name="failover-vm"\/>/);
      expect(saved()).not.toContain('<act>');
      expect(readFileSync(join(twoGroups.folder, 'clp.conf'), 'utf8')).toMatch(
        /<group name="failover-vm">[\s\S]*?<act>\s*<depend name="failover-db"\/>/,
      );
      expect(pageErrors).toEqual([]);
    } finally {
      await twoGroups.stop();
    }
  }, 60_000);
});

describe('choices by the cluster’s OS in Chromium', () => {
  it('a Windows cluster’s monitors offer Windows final actions and userw keepalive only', async () => {
    const linux = interHostProject();
    const windows = { ...linux, conf: unwrap(setValue(linux.conf, 'all/serveros', 'windows')) };
    const windowsHost = await serveProject(windows);
    try {
      await page.goto(windowsHost.url);
      const tree = page.getByRole('tree', { name: 'Cluster' });
      const properties = page.getByRole('form', { name: 'Properties' });
      const optionsOf = (label: string) =>
        properties
          .getByLabel(label, { exact: true })
          .evaluate((select: HTMLSelectElement) => Array.from(select.options, (o) => o.value));
      await tree.getByRole('treeitem', { name: 'genw-vm', exact: true }).click();
      expect(await optionsOf('Final action')).toEqual(['', '1', '2', '3', '4', '5', '6']);
      await tree.getByRole('treeitem', { name: 'userw', exact: true }).click();
      expect(await optionsOf('Monitoring method')).toEqual(['', 'keepalive']);
      expect(pageErrors).toEqual([]);
    } finally {
      await windowsHost.stop();
    }
  }, 60_000);
});

describe('accepting a finding in Chromium', () => {
  it('accepts the VM007 checklist warning with a reason, saves it to project.json, and withdraws it', async () => {
    const guest = await serveProject(plainProject('inter-guest-shared'));
    try {
      await page.goto(guest.url);
      const problems = page.getByRole('region', { name: 'Problems' });
      const suspend = problems.getByRole('listitem').filter({ hasText: 'VM007' });
      await suspend.waitFor();
      const conf = readFileSync(join(guest.folder, 'clp.conf'), 'utf8');

      await suspend.getByRole('button', { name: 'Accept…' }).click();
      await suspend.getByLabel('Why is it accepted?').fill('runbook RB-12 forbids Suspend');
      await shoot(page, 'accept-form');
      await suspend.getByRole('button', { name: 'Accept', exact: true }).click();
      const accepted = problems.getByRole('region', { name: '1 accepted' });
      await accepted.getByText('Reason: runbook RB-12 forbids Suspend').waitFor();
      expect(await problems.getByRole('region', { name: /warning/ }).count()).toBe(0);
      await shoot(page, 'accepted');

      await page.getByRole('button', { name: 'Save' }).click();
      const recorded = () => metaOf(guest.folder).acknowledged;
      await expect.poll(recorded, { timeout: 10_000 }).toEqual([
        {
          rule: 'VM007',
          path: 'cluster',
          message: expect.stringMatching(/^never Suspend a clustered virtual machine/),
          reason: 'runbook RB-12 forbids Suspend',
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
      ]);
      // Only project.json: clp.conf is what it was.
      expect(readFileSync(join(guest.folder, 'clp.conf'), 'utf8')).toBe(conf);

      await accepted.getByRole('button', { name: 'Withdraw' }).click();
      await problems.getByRole('region', { name: '1 warning' }).waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(recorded, { timeout: 10_000 }).toBeUndefined();
      expect(pageErrors).toEqual([]);
    } finally {
      await guest.stop();
    }
  }, 60_000);
});

/** A served project's saved project.json. */
function metaOf(folder: string): { acknowledged?: unknown } {
  return JSON.parse(readFileSync(join(folder, '.clpbuilder', 'project.json'), 'utf8')) as {
    acknowledged?: unknown;
  };
}

/** The saved clp.conf's text of the element `<tag name="name">`, '' while it is not there. */
function savedElement(tag: string, name: string): string {
  const saved = readFileSync(join(host.folder, 'clp.conf'), 'utf8');
  return new RegExp(`<${tag} name="${name}">[\\s\\S]*?</${tag}>`).exec(saved)?.[0] ?? '';
}

/** Screenshots for review, outside the repository (the e2e suite commits its own under docs/). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(tmpdir(), 'shots', `${name}.png`) });
}
