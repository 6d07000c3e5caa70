import { describe, expect, it } from 'vitest';
import { type Project, applyQuickFix, checkProject } from '../schemas/index.js';
import { EXAMPLE_VMX } from '../schemas/vm-profile.js';
import { type WizardProject, buildTopology, withTemplateRules } from '../templates/index.js';
import { expectJapaneseFinding } from './support/japanese.js';
import { unwrap } from './support/project.js';

function interHost(): Project {
  const [first] = unwrap(
    buildTopology({
      topology: 'inter-host',
      servers: [
        { name: 'esx1', addresses: ['10.0.0.1'] },
        { name: 'esx2', addresses: ['10.0.0.2'] },
      ],
      profile: { vmx: EXAMPLE_VMX },
    }),
  );
  return (first as WizardProject).project;
}

const vm024 = (project: Project) => checkProject(project, withTemplateRules()).filter((finding) => finding.rule === 'VM024');
const START = 'failover-vm/exec-vm/start.sh';

describe('VM024: generated scripts as generated', () => {
  it('is quiet on a fresh project', () => {
    expect(vm024(interHost())).toEqual([]);
  });

  it('reports a script edited by hand, without offering to overwrite it', () => {
    const project = interHost();
    const text = new TextDecoder().decode(project.scripts.get(START)?.bytes) + '# a local tweak\n';
    const edited = { ...project, scripts: new Map([...project.scripts, [START, { bytes: new TextEncoder().encode(text), executable: true }]]) };
    expect(vm024(edited)).toMatchObject([{ severity: 'warning', path: `scripts/${START}`, script: START, hasQuickFix: false }]);
    expect(vm024(edited)[0]?.message).toContain('edited by hand');
  });

  it('reports scripts stale against a changed profile, and the quick fix regenerates them', () => {
    const project = interHost();
    const changed: Project = { ...project, meta: { ...project.meta, vmProfile: { ...project.meta.vmProfile, maxChecks: 250 } } };
    const stale = vm024(changed);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((finding) => finding.message.includes('stale') && finding.hasQuickFix)).toBe(true);
    let fixed = changed;
    for (const finding of stale) {
      fixed = unwrap(applyQuickFix(fixed, finding, withTemplateRules()));
    }
    expect(vm024(fixed)).toEqual([]);
    expect(new TextDecoder().decode(fixed.scripts.get(START)?.bytes)).toContain('250');
  });

  it('with no VM profile recorded (a WebUI export): one info instead of calling every script stale; a hand edit still warns', () => {
    const fresh = interHost();
    const project: Project = { ...fresh, meta: { ...fresh.meta, vmProfile: undefined } };
    const [info, ...rest] = vm024(project);
    expect(rest).toEqual([]);
    expect(info).toMatchObject({ severity: 'info', path: 'scripts', hasQuickFix: false });
    expect(info?.message).toMatch(/records no VM profile, so its 3 generated VM script\(s\) were checked for hand edits only/);
    expectJapaneseFinding(info!);

    const text = new TextDecoder().decode(project.scripts.get(START)?.bytes) + '# a local tweak\n';
    const edited = { ...project, scripts: new Map([...project.scripts, [START, { bytes: new TextEncoder().encode(text), executable: true }]]) };
    expect(vm024(edited).map((finding) => [finding.severity, finding.path])).toEqual([
      ['warning', `scripts/${START}`],
      ['info', 'scripts'],
    ]);
    expect(vm024(edited)[1]?.message).toContain('its 2 generated VM script(s)');
  });

  it('only runs when asked for: the core catalogue alone does not know it', () => {
    const project = interHost();
    expect(checkProject(project).some((finding) => finding.rule === 'VM024')).toBe(false);
  });
});
