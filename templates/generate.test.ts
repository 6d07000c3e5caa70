/**
 * The generator: golden files from a fixed profile, the header that tells generated, edited
 * and stale scripts apart, and values refused with the field named (issue 4).
 *
 * `UPDATE_GOLDEN=1 npx vitest run templates/generate.test.ts` rewrites the golden files after
 * an intended change (raise the template's version then).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_VMX, type VmProfileInput } from '../schemas/vm-profile.js';
import { TEMPLATE_IDS, type TemplateId, generateScripts } from './generate.js';
import { readScriptHeader, scriptStatus } from './header.js';
import { sha256Hex } from './hash.js';
import { batchArgument } from './escape.js';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** The guide's own values (Appendix A). */
const GUIDE_PROFILE: VmProfileInput = {
  vmx: EXAMPLE_VMX,
  vmResource: 'vmpower',
  esxAddresses: ['10.0.0.1', '10.0.0.2'],
};

function generated(id: TemplateId, profile: VmProfileInput = GUIDE_PROFILE) {
  const result = generateScripts(profile, [id]);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value[0]!;
}

function problem(profile: VmProfileInput, id: TemplateId = 'vm/vmpower.start.pl'): string {
  const result = generateScripts(profile, [id]);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

describe('golden files', () => {
  it.each(TEMPLATE_IDS)('%s', (id) => {
    const text = generated(id).text;
    const file = join(goldenDir, id.replace('/', '__'));
    if (process.env['UPDATE_GOLDEN'] === '1') {
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  it('writes .bat files with CRLF and everything else with LF', () => {
    for (const id of TEMPLATE_IDS) {
      const text = generated(id).text;
      expect(
        text
          .split('\n')
          .slice(0, -1)
          .every((line) => line.endsWith('\r')),
        id,
      ).toBe(id.endsWith('.bat'));
    }
  });
});

describe('the header', () => {
  const script = generated('vm/vmpower.start.pl');

  it('names the template and the hash of its parameters', () => {
    expect(script.text.split('\n')[1]).toMatch(
      /^# clpbuilder-template: vm\/vmpower\.start\.pl v1 params=[0-9a-f]{16} body=[0-9a-f]{16}$/,
    );
    expect(readScriptHeader(script.text)).toMatchObject({
      template: 'vm/vmpower.start.pl',
      version: 1,
      params: script.expected.params,
    });
  });

  it('tells generated, edited, stale and foreign scripts apart', () => {
    expect(scriptStatus(script.text, script.expected)).toBe('generated');
    expect(
      scriptStatus(
        script.text.replace('my $max_checks     = 100;', 'my $max_checks     = 5;'),
        script.expected,
      ),
    ).toBe('edited');
    const other = generated('vm/vmpower.start.pl', { ...GUIDE_PROFILE, startTimeout: 30 });
    expect(scriptStatus(script.text, other.expected)).toBe('stale');
    expect(scriptStatus('#!/bin/sh\nexit 0\n', script.expected)).toBe('foreign');
  });

  it('changes the parameters hash only for values the template uses', () => {
    const stop = generated('vm/vmpower.stop.pl');
    expect(
      generated('vm/vmpower.stop.pl', { ...GUIDE_PROFILE, startTimeout: 30 }).expected,
    ).toEqual(stop.expected);
    expect(
      generated('vm/vmpower.stop.pl', { ...GUIDE_PROFILE, stopCheckInterval: 9 }).expected,
    ).not.toEqual(stop.expected);
  });

  it('takes no notice of line endings converted on the way', () => {
    const batch = generated('vm/vmpreaction.bat');
    expect(scriptStatus(batch.text.replace(/\r\n/g, '\n'), batch.expected)).toBe('generated');
    expect(scriptStatus(script.text.replace(/\n/g, '\r\n'), script.expected)).toBe('generated');
  });
});

describe('sha256Hex', () => {
  it.each(['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'é'.repeat(1000)])(
    'agrees with node:crypto for %j',
    (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    },
  );
});

describe('values refused at the schema, the field named', () => {
  it.each([
    [{ vmx: 'vm1/vm1.vmx' }, 'vmProfile.vmx: must be absolute and UUID-based'],
    [
      { vmx: '/vmfs/volumes/datastore1/vm1/vm1.vmx' },
      'vmProfile.vmx: names the datastore "datastore1"; use its UUID',
    ],
    [{ vmx: '/vmfs/volumes/4A276815-6ACB55CC-E2A8-0019DBC0AFCC/vm1/vm1.vmx' }, 'use its UUID'],
    [{ vmx: `${EXAMPLE_VMX}\n$(reboot)` }, 'vmProfile.vmx: must not contain control characters'],
    [
      { vmx: '/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/vm1/vm1.cfg' },
      'must end with the VM configuration file',
    ],
    [
      { vmx: EXAMPLE_VMX, vmwareCmd: 'vmware-cmd' },
      'vmProfile.vmwareCmd: must be an absolute path',
    ],
    [{ vmx: EXAMPLE_VMX, vmwareCmd: '/usr/bin/vmware-cmd\n' }, 'vmProfile.vmwareCmd'],
    [{ vmx: EXAMPLE_VMX, maxChecks: 0 }, 'vmProfile.maxChecks'],
    [{ vmx: EXAMPLE_VMX, startTimeout: 1.5 }, 'vmProfile.startTimeout'],
  ] as Array<[VmProfileInput, string]>)('%j', (profile, message) => {
    expect(problem(profile)).toContain(message);
  });

  it.each([
    [{ vmResource: 'vm;reboot' }, 'vmProfile.vmResource: must not contain'],
    [{ vmResource: 'vm"x' }, 'vmProfile.vmResource: must not contain'],
    [{ vmResource: '-h' }, 'vmProfile.vmResource: must not start with "-"'],
    [{ vmResource: 'vm\nreboot' }, 'vmProfile.vmResource'],
    [{ vmResource: 'x'.repeat(32) }, 'vmProfile.vmResource: must be at most 31 bytes'],
    [{ esxAddresses: ['10.0.0.1;reboot'] }, 'vmProfile.esxAddresses.0: must be an IPv4 address'],
    [{ esxAddresses: ['10.0.0.1', '010.0.0.2'] }, 'vmProfile.esxAddresses.1'],
    [{ esxAddresses: ['$(reboot)'] }, 'vmProfile.esxAddresses.0'],
    [{ esxAddresses: [] }, 'vmProfile.esxAddresses: must list at least one'],
    [{ esxAddresses: ['10.0.0.1', '10.0.0.1'] }, 'must not list an address twice'],
    [{ clptrnreq: 'clptrnreq' }, 'vmProfile.clptrnreq: must be an absolute path'],
    [
      { guestOs: 'windows', clptrnreq: '/opt/clptrnreq' },
      'vmProfile.clptrnreq: must be clptrnreq.exe',
    ],
  ] as Array<[VmProfileInput, string]>)('pre-action %j', (change, message) => {
    expect(problem({ ...GUIDE_PROFILE, ...change }, 'vm/vmpreaction.sh')).toContain(message);
  });

  it('says which value is missing and which option gives it', () => {
    expect(problem({})).toContain('vmProfile.vmx is needed to generate vmpower.start.pl');
    expect(problem({ esxAddresses: ['10.0.0.1'] }, 'vm/vmpreaction.sh')).toContain(
      'vmProfile.vmResource is needed',
    );
    expect(problem({ vmResource: 'vm' }, 'vm/vmpreaction.bat')).toContain('--esx-ip');
  });
});

describe('vmpreaction.bat: what cmd.exe needs', () => {
  // | < > are already refused by the product's naming rules; % ^ & and non-ASCII by the batch writer.
  it.each(['vm%PATH%', 'vm^x', 'vm&calc', 'vm|x', 'vm<x', 'vm>x', 'vmé'])(
    'refuses the resource name %j, naming the field',
    (name) => {
      expect(
        problem({ ...GUIDE_PROFILE, vmResource: name, guestOs: 'windows' }, 'vm/vmpreaction.bat'),
      ).toMatch(/^vmProfile\.vmResource: /);
      expect(problem({ ...GUIDE_PROFILE, vmResource: name }, 'vm/vmpreaction.bat')).toMatch(
        /^vmProfile\.vmResource: /,
      );
    },
  );

  it.each(['%x%', 'a^b', 'a&b', 'a|b', 'a<b', 'a>b', 'a"b', 'a\nb', 'a\rb', 'a\tb', 'é'])(
    'the batch writer refuses %j',
    (value) => {
      const result = batchArgument(value, 'vmProfile.x');
      expect(result.ok ? '' : result.error.message).toMatch(
        /^vmProfile\.x: .* cannot pass on safely/,
      );
    },
  );

  it('refuses a clptrnreq path cmd.exe would act on', () => {
    const profile = {
      ...GUIDE_PROFILE,
      guestOs: 'windows' as const,
      clptrnreq: 'C:\\a&b\\clptrnreq.exe',
    };
    expect(problem(profile, 'vm/vmpreaction.bat')).toMatch(/^vmProfile\.clptrnreq: /);
  });

  it('quotes every value and leaves nothing for cmd.exe to expand or run', () => {
    const profile = {
      ...GUIDE_PROFILE,
      vmResource: "vm 'q' $(x) `y` @z!",
      guestOs: 'windows' as const,
      clptrnreq: 'C:\\Program Files\\EXPRESSCLUSTER SSS\\bin\\clptrnreq.exe',
    };
    const lines = generated('vm/vmpreaction.bat', profile).text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('@echo off');
    expect(lines).toContain('setlocal DisableDelayedExpansion');
    expect(lines).toContain(
      `"C:\\Program Files\\EXPRESSCLUSTER SSS\\bin\\clptrnreq.exe" -t GRP_FAILOVER -r "vm 'q' $(x) \`y\` @z!" -h "10.0.0.1,10.0.0.2"`,
    );
    for (const line of lines.filter(
      (candidate) =>
        candidate !== '' && !/^(rem|@echo off$|setlocal |exit \/b 0$|echo EXIT$)/.test(candidate),
    )) {
      // Outside double quotes: no % (but the product's own %CLP_MONITORNAME%), ^ & | < > at all.
      const unquoted = line.replace(/"[^"]*"/g, '""');
      expect(unquoted, line).not.toMatch(/[%^&|<>]/);
      expect(
        line
          .replace('"%CLP_MONITORNAME%"', '')
          .match(/"[^"]*"/g)
          ?.join('') ?? '',
        line,
      ).not.toMatch(/%/);
    }
  });
});
