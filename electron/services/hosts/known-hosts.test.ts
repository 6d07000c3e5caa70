import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostFileName, hostLabel, knownHostsName, parseHostSpec } from './host-target.js';
import {
  fingerprintOf,
  hostKeyOf,
  hostsFieldMatches,
  knownHostsLine,
  lookupHostKey,
  parseKnownHosts,
  recordedKeyAlgorithms,
  recordHostKey,
} from './known-hosts.js';

const dir = mkdtempSync(join(tmpdir(), 'clpbuilder-known-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh ed25519 public key from ssh-keygen: its `type base64` line and its blob. */
function newKey(name: string): { line: string; blob: Buffer } {
  const file = join(dir, name);
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  const line = readFileSync(`${file}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return { line, blob: Buffer.from(line.split(' ')[1]!, 'base64') };
}

const alpha = newKey('alpha');
const beta = newKey('beta');

describe('known_hosts', () => {
  it('matches plain names, comma lists, wildcards and negations as sshd(8) describes', () => {
    expect(hostsFieldMatches('10.0.0.1,node1', '10.0.0.1')).toBe(true);
    expect(hostsFieldMatches('[10.0.0.1]:2222', '[10.0.0.1]:2222')).toBe(true);
    expect(hostsFieldMatches('[10.0.0.1]:2222', '10.0.0.1')).toBe(false);
    expect(hostsFieldMatches('10.0.0.*', '10.0.0.7')).toBe(true);
    expect(hostsFieldMatches('10.0.0.?', '10.0.0.17')).toBe(false);
    expect(hostsFieldMatches('10.0.0.*,!10.0.0.7', '10.0.0.7')).toBe(false);
    expect(hostsFieldMatches('NODE1', 'node1')).toBe(true);
  });

  it('matches hashed names that ssh-keygen -H writes, and its own', () => {
    const file = join(dir, 'hashed');
    writeFileSync(file, `[10.0.0.1]:2222 ${alpha.line}\n10.0.0.2 ${beta.line}\n`);
    spawnSync('ssh-keygen', ['-H', '-f', file]);
    const entries = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(entries.every((entry) => entry.hosts.startsWith('|1|'))).toBe(true);
    expect(lookupHostKey(entries, '[10.0.0.1]:2222', hostKeyOf(alpha.blob)).status).toBe('known');
    expect(lookupHostKey(entries, '10.0.0.2', hostKeyOf(beta.blob)).status).toBe('known');
    expect(lookupHostKey(entries, '10.0.0.1', hostKeyOf(alpha.blob)).status).toBe('unknown');
    const ours = parseKnownHosts(knownHostsLine('[10.0.0.3]:22', hostKeyOf(alpha.blob)));
    expect(lookupHostKey(ours, '[10.0.0.3]:22', hostKeyOf(alpha.blob)).status).toBe('known');
  });

  it('tells known, unknown, changed and revoked apart; cert-authority lines are skipped', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        `node1 ${alpha.line}`,
        `@revoked node2 ${beta.line}`,
        `@cert-authority node3 ${alpha.line}`,
        'garbage line',
      ].join('\n'),
    );
    expect(lookupHostKey(entries, 'node1', hostKeyOf(alpha.blob))).toEqual({
      status: 'known',
      line: 2,
    });
    expect(lookupHostKey(entries, 'node1', hostKeyOf(beta.blob)).status).toBe('changed');
    expect(lookupHostKey(entries, 'node2', hostKeyOf(beta.blob))).toEqual({
      status: 'revoked',
      line: 3,
    });
    expect(lookupHostKey(entries, 'node3', hostKeyOf(alpha.blob)).status).toBe('unknown');
    expect(recordedKeyAlgorithms(entries, 'node1')).toEqual(['ssh-ed25519']);
    expect(recordedKeyAlgorithms(parseKnownHosts('h ssh-rsa AAAA'), 'h')).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
  });

  it('prints fingerprints as ssh-keygen -l does', () => {
    const printed = spawnSync('ssh-keygen', ['-l', '-f', join(dir, 'alpha.pub')], {
      encoding: 'utf8',
    }).stdout;
    expect(printed.split(' ')[1]).toBe(fingerprintOf(alpha.blob));
  });

  it('records keys into a new file (0600), one line each, even when asked in parallel', async () => {
    const file = join(dir, 'sub', 'known_hosts');
    await Promise.all([
      recordHostKey(file, 'a', hostKeyOf(alpha.blob)),
      recordHostKey(file, 'b', hostKeyOf(beta.blob)),
    ]);
    const entries = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(entries).toHaveLength(2);
    expect(lookupHostKey(entries, 'b', hostKeyOf(beta.blob)).status).toBe('known');
    expect(spawnSync('stat', ['-c', '%a', file], { encoding: 'utf8' }).stdout.trim()).toBe('600');
  });
});

describe('host names', () => {
  it('parses address[:port], [v6]:port and bare v6; refuses the rest', () => {
    expect(parseHostSpec('10.0.0.1', 'root')).toEqual({
      ok: true,
      value: { address: '10.0.0.1', port: 22, user: 'root' },
    });
    expect(parseHostSpec('node1:2222', 'admin')).toEqual({
      ok: true,
      value: { address: 'node1', port: 2222, user: 'admin' },
    });
    expect(parseHostSpec('[fe80::1]:2200', 'root')).toMatchObject({
      ok: true,
      value: { address: 'fe80::1', port: 2200 },
    });
    expect(parseHostSpec('fe80::1', 'root')).toMatchObject({
      ok: true,
      value: { address: 'fe80::1', port: 22 },
    });
    expect(parseHostSpec('a b', 'root').ok).toBe(false);
    expect(parseHostSpec('node:0', 'root').ok).toBe(false);
  });

  it('names hosts as OpenSSH records them and as file names', () => {
    expect(knownHostsName({ address: 'Node1', port: 22 })).toBe('node1');
    expect(knownHostsName({ address: '10.0.0.1', port: 2222 })).toBe('[10.0.0.1]:2222');
    expect(hostLabel({ address: 'fe80::1', port: 22 })).toBe('[fe80::1]:22');
    expect(hostFileName({ address: 'fe80::1', port: 2222 })).toBe('fe80__1_2222');
  });
});
