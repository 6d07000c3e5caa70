import { describe, expect, it } from 'vitest';
import {
  type Project,
  decodeClpConf,
  defaultProjectMeta,
  encodeText,
} from '../../../schemas/index.js';
import { interHostProject } from '../../../test/support/rule-projects.js';
import { readModel } from '../../../schemas/index.js';
import {
  scriptFolderOf,
  scriptLanguageOf,
  scriptOwnerOf,
  readScript,
  scriptsIn,
  writeScript,
} from './script-text.js';

function project(declared: string, scripts: Record<string, Uint8Array>): Project {
  const conf = decodeClpConf(
    new TextEncoder().encode(`<?xml version="1.0" encoding="${declared}"?>\n<root/>\n`),
  );
  if (!conf.ok) {
    throw new Error(conf.error.message);
  }
  const files = new Map(
    Object.entries(scripts).map(([path, bytes]) => [path, { bytes, executable: true }] as const),
  );
  return { conf: conf.value, scripts: files, meta: defaultProjectMeta() };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('script text', () => {
  it('edits a UTF-8 script and keeps its executable bit; the same text changes nothing', () => {
    const before = project('ASCII', { 'g/exec1/start.sh': utf8('#!/bin/sh\necho 起動\n') });
    const read = readScript(before, 'g/exec1/start.sh');
    expect(read).toEqual({ ok: true, value: { text: '#!/bin/sh\necho 起動\n', charset: 'utf-8' } });
    expect(writeScript(before, 'g/exec1/start.sh', '#!/bin/sh\necho 起動\n')).toEqual({
      ok: true,
      value: before,
    });
    const after = writeScript(before, 'g/exec1/start.sh', '#!/bin/sh\nexit 1\n');
    expect(after.ok && after.value.scripts.get('g/exec1/start.sh')).toEqual({
      bytes: utf8('#!/bin/sh\nexit 1\n'),
      executable: true,
    });
  });

  it('keeps a Shift_JIS batch file in Shift_JIS, as the clp.conf declares, BOM and CRLF too', () => {
    const text = '@echo off\r\nrem 仮想マシンを起動\r\n';
    const sjis = encodeText(text, 'shift_jis');
    expect(sjis.ok).toBe(true);
    const bytes = (sjis as { ok: true; value: Uint8Array }).value;
    const before = project('SJIS', { 'monitor.s/genw1/preaction.bat': bytes });
    expect(readScript(before, 'monitor.s/genw1/preaction.bat')).toMatchObject({
      ok: true,
      value: { text, charset: 'shift_jis' },
    });
    const after = writeScript(before, 'monitor.s/genw1/preaction.bat', `${text}rem 追加\r\n`);
    const written = after.ok ? after.value.scripts.get('monitor.s/genw1/preaction.bat') : undefined;
    expect(written?.bytes).toEqual(
      (encodeText(`${text}rem 追加\r\n`, 'shift_jis') as { ok: true; value: Uint8Array }).value,
    );
    // A character Shift_JIS cannot hold is refused, never replaced.
    const refused = writeScript(before, 'monitor.s/genw1/preaction.bat', `${text}rem 😀\r\n`);
    expect(refused.ok).toBe(false);

    const bom = project('ASCII', { 's.sh': utf8('\uFEFF#!/bin/sh\n') });
    const kept = writeScript(bom, 's.sh', '\uFEFF#!/bin/sh\nexit 0\n');
    expect(kept.ok && Array.from(kept.value.scripts.get('s.sh')!.bytes.slice(0, 3))).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  it('shows a script in an encoding it cannot read back byte for byte as read-only', () => {
    const before = project('ASCII', { 'g/r/start.sh': new Uint8Array([0x23, 0x21, 0xff, 0xfe]) });
    const read = readScript(before, 'g/r/start.sh');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toMatch(/neither UTF-8 nor ASCII/);
    expect(writeScript(before, 'g/r/start.sh', 'x').ok).toBe(false);
  });

  it('lists an entity folder and picks the language from #! first, then the name', () => {
    const both = project('ASCII', {
      'g/exec1/stop.sh': utf8(''),
      'g/exec1/start.sh': utf8(''),
      'g/exec10/start.sh': utf8(''),
    });
    expect(scriptsIn(both.scripts, 'g/exec1')).toEqual(['g/exec1/start.sh', 'g/exec1/stop.sh']);
    expect(scriptLanguageOf('a/start.sh', '#!/usr/bin/perl\nuse strict;')).toBe('perl');
    expect(scriptLanguageOf('a/start.sh', '\uFEFF#!/usr/bin/perl\n')).toBe('perl');
    expect(scriptLanguageOf('a/x.pl', '#!/usr/bin/env bash\n')).toBe('shell');
    expect(scriptLanguageOf('a/start.sh')).toBe('shell');
    expect(scriptLanguageOf('a/pre.BAT')).toBe('bat');
    expect(scriptLanguageOf('a/notes.txt')).toBe('plaintext');
  });

  it('finds the resource or monitor whose folder holds a script, the inverse of its folder', () => {
    const model = readModel(interHostProject().conf);
    for (const script of ['failover-vm/exec-vm/start.sh', 'monitor.s/genw-vm/genw.sh']) {
      const owner = scriptOwnerOf(model, script);
      expect(owner).toBeDefined();
      expect(`${scriptFolderOf(model, owner as string)}/${script.split('/').pop()}`).toBe(script);
    }
    // A folder no entity uses (the group is another), and a monitor that is not there.
    expect(scriptOwnerOf(model, 'failover-db/exec-vm/start.sh')).toBeUndefined();
    expect(scriptOwnerOf(model, 'monitor.s/genw-gone/genw.sh')).toBeUndefined();
  });
});
