import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixturesDir } from '../../../test/support/fixtures.js';
import { isTempFolder, shellQuote, withProductPath } from './product-commands.js';
import type { FolderFile } from './sftp-files.js';
import { compareConfiguration } from './verify.js';

const conf = readFileSync(join(realFixturesDir, 'mkazuyuki_hauc_cf-clpconf_iSCSI-Cluster.xml'));
const script = {
  path: 'scripts/g/r/start.sh',
  bytes: Buffer.from('#!/bin/sh\nexit 0\n'),
  mode: 0o755,
};
const sent: FolderFile[] = [{ path: 'clp.conf', bytes: conf, mode: 0o644 }, script];

function stored(confBytes: Buffer, ...others: FolderFile[]): FolderFile[] {
  return [{ path: 'clp.conf', bytes: confBytes, mode: 0o644 }, ...others];
}

describe('verify', () => {
  it('passes the very bytes, and ignores files outside clp.conf and scripts/', () => {
    const outcome = compareConfiguration(sent, [
      ...stored(conf, script),
      { path: 'clp.conf.bak', bytes: Buffer.from('x'), mode: 0o644 },
    ]);
    expect(outcome).toEqual({ matches: true, problems: [], notes: [] });
  });

  it('passes a clp.conf the product re-wrote without changing its content, with a note', () => {
    const rewritten = Buffer.from(
      conf.toString('latin1').replace('encoding="ASCII"', 'encoding="UTF-8"'),
      'latin1',
    );
    const outcome = compareConfiguration(sent, stored(rewritten, script));
    expect(outcome.matches).toBe(true);
    expect(outcome.notes[0]).toContain('same entities and parameters');
  });

  it('fails a changed parameter, a changed, missing or extra script', () => {
    const changed = Buffer.from(
      conf.toString('latin1').replace('<name>iSCSI-Cluster</name>', '<name>other</name>'),
      'latin1',
    );
    expect(changed.equals(conf)).toBe(false);
    expect(compareConfiguration(sent, stored(changed, script)).problems[0]).toMatch(
      /^clp\.conf on the host differs from what was sent: changed cluster/,
    );
    expect(
      compareConfiguration(sent, stored(conf, { ...script, bytes: Buffer.from('#!/bin/sh\n') }))
        .problems,
    ).toEqual(['scripts/g/r/start.sh differs (sent 17 bytes, the host has 10)']);
    expect(compareConfiguration(sent, stored(conf)).problems).toEqual([
      'scripts/g/r/start.sh was sent but the host does not have it',
    ]);
    const extra = { path: 'scripts/g/r/old.sh', bytes: Buffer.from(''), mode: 0o755 };
    expect(compareConfiguration(sent, stored(conf, script, extra)).problems).toEqual([
      'the host has scripts/g/r/old.sh, which was not sent',
    ]);
  });
});

describe('product commands', () => {
  it('quotes for a POSIX shell and appends the product to PATH', () => {
    expect(shellQuote('/tmp/clpbuilder.Ab3dEf9h')).toBe('/tmp/clpbuilder.Ab3dEf9h');
    expect(shellQuote("it's a group")).toBe(`'it'\\''s a group'`);
    expect(withProductPath('clpcl --suspend', '/opt/nec/clusterpro/bin')).toBe(
      'PATH="$PATH":/opt/nec/clusterpro/bin; export PATH; clpcl --suspend',
    );
  });

  it('removes only temp folders of its own naming', () => {
    expect(isTempFolder('/tmp/clpbuilder.Ab3dEf9h')).toBe(true);
    for (const path of [
      '/',
      '/tmp',
      '/tmp/clpbuilder.',
      '/tmp/clpbuilder.Ab3dEf9h/..',
      '/tmp/../etc/clpbuilder.Ab3dEf9h',
      'tmp/clpbuilder.Ab3dEf9h',
    ]) {
      expect(isTempFolder(path), path).toBe(false);
    }
  });
});
