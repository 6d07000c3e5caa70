/**
 * The browser host over real HTTP: the token, the Host check, the contract's calls and their
 * argument checks, and a save that refuses an outside change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interHostProject } from '../support/rule-projects.js';
import { type ServeProcess, serveProject } from './serve-process.js';

let host: ServeProcess;

beforeAll(async () => {
  host = await serveProject(interHostProject());
});
afterAll(async () => {
  await host.stop();
});

function call(name: string, args: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Clpbuilder-Token': host.token, ...headers },
    body: JSON.stringify(args),
  });
}

describe('clpbuilder serve', () => {
  it('prints one line with a long random token and serves the page only with it', async () => {
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    const without = await fetch(`${host.origin}/`);
    expect(without.status).toBe(403);
    expect(await without.text()).not.toContain('esxcluster');
    const withToken = await fetch(host.url);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(withToken.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await fetch(`${host.origin}/api/project:open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([host.folder]),
    });
    expect(none.status).toBe(403);
    const wrong = await call('project:open', [host.folder], {
      'X-Clpbuilder-Token': 'x'.repeat(43),
    });
    expect(wrong.status).toBe(403);
  });

  it('refuses another Host header (DNS rebinding) and a foreign Origin', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const port = Number(new URL(host.origin).port);
      request(
        {
          host: '127.0.0.1',
          port,
          path: `/?token=${host.token}`,
          headers: { Host: `evil.example:${port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      ).end();
    });
    expect(status).toBe(403);
    const foreign = await call('app:info', [], { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers the contract: the initial project, open, and typed errors for bad arguments', async () => {
    expect(await (await call('app:initial-project', [])).json()).toEqual({
      ok: true,
      value: { path: host.folder },
    });
    const opened = await (await call('project:open', [host.folder])).json();
    expect(opened).toMatchObject({
      ok: true,
      value: { location: { kind: 'folder', path: host.folder } },
    });
    expect(Buffer.from(opened.value.files.conf, 'base64')).toEqual(
      readFileSync(join(host.folder, 'clp.conf')),
    );
    expect(await (await call('project:open', [42])).json()).toMatchObject({
      ok: false,
      error: { kind: 'usage' },
    });
    expect(await (await call('shell:exec', [])).json()).toMatchObject({
      ok: false,
      error: { kind: 'usage' },
    });
    const notArray = await fetch(`${host.origin}/api/app:info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Clpbuilder-Token': host.token },
      body: '{"a":1}',
    });
    expect(await notArray.json()).toMatchObject({ ok: false, error: { kind: 'usage' } });
  });

  it('refuses a script path that leads outside the project folder', async () => {
    const opened = await (await call('project:open', [host.folder])).json();
    const { location, files, fingerprint } = opened.value;
    const evil = { ...files, scripts: [{ path: '../../escape.sh', base64: '', executable: true }] };
    const saved = await (
      await call('project:save', [{ location, files: evil, expected: fingerprint }])
    ).json();
    expect(saved).toMatchObject({ ok: false, error: { kind: 'unsafe-path' } });
  });

  it('saves, and refuses to overwrite a clp.conf changed on disk unless forced', async () => {
    const opened = await (await call('project:open', [host.folder])).json();
    const { location, files, fingerprint } = opened.value;
    const saved = await (
      await call('project:save', [{ location, files, expected: fingerprint }])
    ).json();
    expect(saved).toMatchObject({ ok: true });
    const confFile = join(host.folder, 'clp.conf');
    writeFileSync(confFile, `${readFileSync(confFile, 'utf8')}<!-- edited elsewhere -->\n`);
    const refused = await (
      await call('project:save', [{ location, files, expected: fingerprint }])
    ).json();
    expect(refused).toMatchObject({ ok: false, error: { kind: 'changed-on-disk' } });
    const forced = await (
      await call('project:save', [{ location, files, expected: fingerprint, force: true }])
    ).json();
    expect(forced).toMatchObject({ ok: true });
    expect(readFileSync(confFile)).toEqual(Buffer.from(files.conf, 'base64'));
  });
});
