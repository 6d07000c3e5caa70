/**
 * Every generated script passes its language's own checks: `perl -c` (with warnings), `sh -n`
 * and shellcheck, for the guide's profile and for a hostile one (issue 4, "Tests").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VMX, type VmProfileInput } from '../schemas/vm-profile.js';
import { TEMPLATE_IDS, generateScripts } from './generate.js';

const folder = mkdtempSync(join(tmpdir(), 'clpbuilder-script-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PROFILES: Record<string, VmProfileInput> = {
  guide: { vmx: EXAMPLE_VMX, vmResource: 'vmpower', esxAddresses: ['10.0.0.1', '10.0.0.2'] },
  hostile: {
    vmx: "/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/it's $(reboot) `reboot` @ARGV %PATH% \\/x'\\.vmx",
    vmwareCmd: "/opt/it's $(reboot)/`x`/@y \\ %z%/vmware-cmd",
    vmResource: "r'$(reboot)`id`$HOME@%P%&!",
    esxAddresses: ['10.0.0.1'],
    clptrnreq: "/opt/c'q $(reboot)/clptrnreq",
  },
};

function scriptsOf(profile: VmProfileInput, extension: string) {
  const ids = TEMPLATE_IDS.filter((id) => id.endsWith(extension));
  const generated = generateScripts(profile, ids);
  if (!generated.ok) {
    throw new Error(generated.error.message);
  }
  return generated.value;
}

function check(command: string, args: string[], text: string, name: string) {
  const file = join(folder, name.replace(/\//g, '_'));
  writeFileSync(file, text);
  const result = spawnSync(command, [...args, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(Object.entries(PROFILES))('scripts from the %s profile', (label, profile) => {
  it.each(scriptsOf(profile, '.pl').map((script) => [script.template, script.text]))(
    '%s passes perl -cw',
    (id, text) => {
      const result = check('perl', ['-cw'], text, `${label}-${id}`);
      expect(result.output.trim(), result.output).toMatch(/syntax OK$/);
      expect(result.output.trim().split('\n'), 'no warning').toHaveLength(1);
    },
  );

  it.each(scriptsOf(profile, '.sh').map((script) => [script.template, script.text]))(
    '%s passes sh -n and shellcheck',
    (id, text) => {
      expect(check('sh', ['-n'], text, `${label}-${id}`).status).toBe(0);
      const linted = check(
        'shellcheck',
        ['--shell=sh', '--severity=style'],
        text,
        `${label}-${id}`,
      );
      expect(linted.status, linted.output).toBe(0);
    },
  );
});

describe('the Perl stays within 5.8, the ESX 4 Service Console’s Perl', () => {
  it.each(
    scriptsOf(PROFILES['guide'] as VmProfileInput, '.pl').map((script) => [
      script.template,
      script.text,
    ]),
  )('%s', (_id, text) => {
    const code = text
      .split('\n')
      .filter((line) => !/^\s*#/.test(line) && !/^my \$\w+\s*= '/.test(line))
      .join('\n');
    expect(code).not.toMatch(
      /\/\/=?\s|\bsay\b|\bgiven\b|\bwhen\b|\bstate\s+\$|\/r\b|\buse feature\b|\bsignatures\b/,
    );
  });
});
