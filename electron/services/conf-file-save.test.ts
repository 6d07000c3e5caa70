import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeClpConf, setParameter } from '../../schemas/index.js';
import { realFixtures } from '../../test/support/fixtures.js';
import { projectFrom, unwrap } from '../../test/support/project.js';
import { saveConfFile } from './conf-file-save.js';
import { sha256Hex } from './fingerprint.js';

const [name, bytes] = realFixtures()[0] as [string, Uint8Array];
let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'conf-file-save-'));
  file = join(folder, name);
  writeFileSync(file, bytes);
  chmodSync(file, 0o600);
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const edited = () => unwrap(setParameter(projectFrom(bytes), 'cluster/comment', 'edited')).conf;
const expected = { mtimeMs: 0, size: bytes.length, sha256: sha256Hex(bytes) };

describe('saveConfFile', () => {
  it('replaces the file in place, keeps its mode and the previous bytes as .bak', async () => {
    const saved = unwrap(await saveConfFile(file, edited(), { expected }));
    const written = readFileSync(file);
    expect(saved.sha256).toBe(sha256Hex(written));
    expect(unwrap(decodeClpConf(new Uint8Array(written))).source?.text).toContain('edited');
    expect(new Uint8Array(readFileSync(`${file}.bak`))).toEqual(bytes);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses when the file changed since it was read, writing nothing', async () => {
    writeFileSync(file, Buffer.concat([Buffer.from(bytes), Buffer.from('\n')]));
    const saved = await saveConfFile(file, edited(), { expected });
    expect(saved.ok ? undefined : saved.error.kind).toBe('changed-on-disk');
    expect(readFileSync(file).length).toBe(bytes.length + 1);
    expect(() => statSync(`${file}.bak`)).toThrow();
  });

  it('writes anyway with force', async () => {
    writeFileSync(file, 'something else');
    unwrap(await saveConfFile(file, edited(), { expected, force: true }));
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('something else');
  });
});
