import { describe, expect, it } from 'vitest';
import { unwrap } from '../../test/support/project.js';
import { removeElement, setValue } from '../doc/edit.js';
import { interHostProject, plainProject, vmwareHaProject, windowsProject, withScripts } from '../../test/support/rule-projects.js';
import { expectJapaneseFinding } from '../../test/support/japanese.js';
import {
  type CheckOptions,
  type Finding,
  type Project,
  RULES,
  addGroup,
  addHeartbeat,
  applyAllQuickFixes,
  readModel,
  addMonitor,
  addResource,
  checkProject,
  insertElement,
  pipe,
  setParameter,
} from '../index.js';

type Case = {
  rule: string;
  /** A project where the rule holds. */
  pass: () => Project;
  /** The same project, changed just enough to break the rule. */
  fire: (project: Project) => Project;
  options?: CheckOptions;
  /** The severity the firing finding has (unknown facts are info). */
  severity?: Finding['severity'];
};

const set = (path: string, value: string) => (project: Project) => unwrap(setParameter(project, path, value));
const meta = (change: (m: Project['meta']) => Project['meta']) => (project: Project) => ({ ...project, meta: change(project.meta) });
const vm = (facts: Project['meta']['vm']) => meta((m) => ({ ...m, vm: { ...m.vm, ...facts } }));
const topology = (t: Project['meta']['topology']) => meta((m) => ({ ...m, topology: t }));
const conf = (step: (c: Project['conf']) => ReturnType<typeof insertElement>) => (project: Project) => ({ ...project, conf: unwrap(step(project.conf)) });
const guest = (t: Project['meta']['topology'], facts: Project['meta']['vm'] = {}) => () => vm(facts)(topology(t)(plainProject()));

const CASES: Case[] = [
  { rule: 'VM001', pass: interHostProject, fire: (p) => unwrap(addResource(p, 'failover-vm', 'md', 'md1')) },
  { rule: 'VM002', pass: interHostProject, fire: meta((m) => ({ ...m, productVersion: '2.1.0-1' })) },
  { rule: 'VM002', pass: interHostProject, fire: meta((m) => ({ ...m, productVersion: undefined })), severity: 'info' },
  { rule: 'VM003', pass: interHostProject, fire: set('monitor/userw@userw/parameters/method', 'softdog') },
  { rule: 'VM003', pass: interHostProject, fire: conf((c) => insertElement(c, '', { name: 'haltp', children: [{ name: 'method', text: 'ipmi' }] })) },
  { rule: 'VM004', pass: interHostProject, fire: topology('inter-host-guest-assoc'), severity: 'info' },
  { rule: 'VM005', pass: guest('inter-guest-shared', { scsiBusSharing: 'physical' }), fire: vm({ scsiBusSharing: 'none' }) },
  { rule: 'VM005', pass: guest('inter-guest-shared', { scsiBusSharing: 'physical' }), fire: vm({ scsiBusSharing: undefined }), severity: 'info' },
  { rule: 'VM006', pass: guest('inter-guest-shared', { scsiBusSharing: 'virtual', sameEsxHost: true }), fire: vm({ sameEsxHost: false }) },
  { rule: 'VM007', pass: guest('plain'), fire: topology('inter-guest-mirror') },
  { rule: 'VM008', pass: guest('p2v-shared', { diskType: 'rdm' }), fire: vm({ diskType: 'vmdk' }) },
  { rule: 'VM009', pass: guest('p2v-mirror', { vmotion: true, vmOnSharedStorage: true }), fire: vm({ vmOnSharedStorage: false }) },
  { rule: 'VM010', pass: guest('p2v-shared', { vmotion: true, vmOnSharedStorage: true, diskType: 'rdm' }), fire: vm({ scsiBusSharing: 'physical' }) },
  { rule: 'VM010', pass: guest('inter-guest-mirror', { vmotion: true, vmOnSharedStorage: true }), fire: topology('inter-guest-shared') },
  { rule: 'VM011', pass: vmwareHaProject, fire: vm({ scsiBusSharing: 'physical' }) },
  { rule: 'VM012', pass: interHostProject, fire: topology('vmware-ha-sss'), severity: 'info' },
  { rule: 'VM013', pass: interHostProject, fire: vm({ vmkernelAddresses: { esx1: '192.168.0.11' } }), severity: 'warning' },
  { rule: 'VM014', pass: interHostProject, fire: vm({ hostPackage: 'ExpressCluster-2.1.1-1.vmware.i386.rpm' }) },
  { rule: 'VM020', pass: interHostProject, fire: (p) => withScripts(p, { 'failover-vm/exec-vm/stop.sh': '#!/bin/sh\nexit 0\n' }) },
  { rule: 'VM020', pass: interHostProject, fire: (p) => withScripts(p, { 'failover-vm/exec-vm/start.sh': '#!/bin/sh\nexit 0\n' }) },
  { rule: 'VM021', pass: interHostProject, fire: set('monitor/genw@genw-vm/parameters/sync', '1') },
  { rule: 'VM021', pass: interHostProject, fire: set('monitor/genw@genw-vm/relation/type', 'rsc') },
  { rule: 'VM022', pass: interHostProject, fire: (p) => withScripts(p, { 'failover-vm/exec-vm/start.sh': "my $vmx = '/vmfs/volumes/datastore1/vm1/vm1.vmx';\nsystem('vmware-cmd', $vmx, 'start');\n" }) },
  { rule: 'VM023', pass: guest('plain'), fire: () => interHostProject(), severity: 'info' },
  { rule: 'VM030', pass: vmwareHaProject, fire: set('monitor/diskw@diskw-datastore/emergency/preaction/use', '0') },
  { rule: 'VM030', pass: vmwareHaProject, fire: meta((m) => ({ ...m, vmProfile: { ...m.vmProfile, guestOs: 'windows' } })) },
  { rule: 'VM031', pass: vmwareHaProject, fire: meta((m) => ({ ...m, vmProfile: { ...m.vmProfile, esxAddresses: ['192.168.0.11', '192.168.0.300'] } })) },
  { rule: 'VM031', pass: vmwareHaProject, fire: (p) => withScripts(p, { 'monitor.s/diskw-datastore/preaction.sh': "clptrnreq -t GRP_FAILOVER -r 'vm2' -h '192.168.0.11'\n" }) },
  { rule: 'VM032', pass: vmwareHaProject, fire: set('monitor/diskw@diskw-datastore/emergency/action', '3') },
  { rule: 'VM032', pass: vmwareHaProject, fire: set('monitor/diskw@diskw-datastore/parameters/method', 'WRITE(FILE)') },
  { rule: 'VM040', pass: guest('plain'), fire: topology('p2v-mirror'), severity: 'info' },
  { rule: 'CF001', pass: interHostProject, fire: conf((c) => insertElement(c, '', { name: 'server', attributes: [['name', 'esx1']], children: [{ name: 'priority', text: '2' }] })) },
  { rule: 'CF002', pass: interHostProject, fire: set('monitor/genw@genw-vm/target', 'exec-gone') },
  { rule: 'CF002', pass: interHostProject, fire: (p) => unwrap(addHeartbeat(p, 'lankhb', { device: '7' })) },
  { rule: 'CF003', pass: interHostProject, fire: (p) => ({ ...p, scripts: new Map([...p.scripts].filter(([path]) => !path.endsWith('genw.sh'))) }) },
  { rule: 'CF004', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(setValueRaw(p, 'monitor/genw@genw-vm/polling/interval', '0')) }) },
  { rule: 'CF004', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(setValueRaw(p, 'cluster/heartbeat/timeout', '5')) }) },
  { rule: 'CF004', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(setValueRaw(p, 'resource/exec@exec-vm/deact/action', '2')) }) },
  { rule: 'CF005', pass: interHostProject, fire: set('group@failover-vm/policy@esx1/order', '0'), severity: 'warning' },
  { rule: 'CF006', pass: plainProject, fire: (p) => ({ ...p, conf: unwrap(removeHeartbeats(p)) }) },
  { rule: 'CF007', pass: interHostProject, fire: set('monitor/userw@userw/relation/type', 'grp') },
  { rule: 'CF007', pass: interHostProject, fire: (p) => unwrap(pipe(p, (x) => addMonitor(x, 'genw', 'genw-other'), (x) => setParameter(x, 'monitor/genw@genw-other/polling/timing', '1'))) },
  { rule: 'CF008', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(setValueRaw(p, 'webmgr/client/objectnumber', '3')) }), severity: 'warning' },
  { rule: 'CF008', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(removeElement(p.conf, 'resource/types@exec')) }), severity: 'warning' },
  { rule: 'CF009', pass: interHostProject, fire: (p) => ({ ...p, conf: unwrap(setValueRaw(p, 'resource/exec@exec-vm/parameters/timeout/start', '600')) }), severity: 'warning' },
  { rule: 'CF010', pass: interHostProject, fire: conf((c) => insertElement(c, '', { name: 'server', attributes: [['name', 'ESX3']], children: [{ name: 'priority', text: '2' }] })), severity: 'warning' },
  { rule: 'CF011', pass: interHostProject, fire: set('monitor/userw@userw/parameters/action', 'RESTE'), severity: 'warning' },
  { rule: 'CF011', pass: interHostProject, fire: set('resource/disk@sd-vm/parameters/fs', 'ext5'), severity: 'warning' },
  { rule: 'CF011', pass: plainProject, fire: conf((c) => insertElement(c, '', { name: 'haltp', children: [{ name: 'method', text: 'keepalve' }] })), severity: 'warning' },
  { rule: 'CF012', pass: interHostProject, fire: (p) => unwrap(pipe(p, (x) => addResource(x, 'failover-vm', 'disk', 'disk2'), (x) => setParameter(x, 'resource/disk@sd-vm/parameters/mount/point', '/mnt/vm'), (x) => setParameter(x, 'resource/disk@disk2/parameters/mount/point', '/mnt/vm'))) },
  { rule: 'CF013', pass: interHostProject, fire: (p) => relaid(p, 'failover-vm/exec-vm/start.sh', (text) => text.replace(/\n/g, '\r\n')) },
  { rule: 'CF013', pass: vmwareHaProject, fire: (p) => relaid(p, 'monitor.s/diskw-datastore/preaction.sh', (text) => text.replace(/\n/g, '\r\n')) },
  { rule: 'CF013', pass: interHostProject, fire: (p) => relaid(p, 'monitor.s/genw-vm/genw.sh', (text) => `\ufeff${text}`) },
  { rule: 'CF013', pass: vmwareHaProject, fire: (p) => relaid(p, 'monitor.s/diskw-datastore/preaction.sh', (text) => `\ufeff${text}`), severity: 'warning' },
  { rule: 'CF014', pass: interHostProject, fire: set('all/serveros', 'windows') },
  { rule: 'CF014', pass: windowsProject, fire: set('all/serveros', 'linux') },
  { rule: 'CF014', pass: interHostProject, fire: conf((c) => insertElement(c, 'monitor', { name: 'sdw', attributes: [['name', 'sdw1']] })) },
  { rule: 'CF015', pass: interHostProject, fire: conf((c) => setValue(c, 'resource/exec@exec-vm/depend@exec-vm', '')) },
  { rule: 'CF015', pass: () => unwrap(setParameter(interHostProject(), 'resource/exec@exec-vm/depend@sd-vm', '')), fire: conf((c) => setValue(c, 'resource/disk@sd-vm/depend@exec-vm', '')) },
  { rule: 'CF015', pass: interHostProject, fire: conf((c) => setValue(c, 'group@failover-vm/depend/act/depend@failover-vm', '')) },
];

/** The project with one script's text changed by `change` (a byte-order mark written as U+FEFF). */
function relaid(project: Project, path: string, change: (text: string) => string): Project {
  const file = project.scripts.get(path);
  if (!file) {
    throw new Error(`no script ${path}`);
  }
  // TextDecoder would drop a byte-order mark: the test's own changes must reach the bytes.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
  return withScripts(project, { [path]: change(text) });
}

/** A raw edit that bypasses setParameter's range check and derived values (to build bad input). */
function setValueRaw(project: Project, path: string, value: string) {
  return setValue(project.conf, path, value);
}

function removeHeartbeats(project: Project) {
  return removeElement(project.conf, 'heartbeat/lankhb@lankhb1');
}

function ruleFindings(project: Project, rule: string, options?: CheckOptions): Finding[] {
  return checkProject(project, options).filter((finding) => finding.rule === rule);
}

describe('every rule fires on a near-identical configuration, and not on the clean one', () => {
  it.each(CASES.map((entry, index) => [`${entry.rule} #${index}`, entry] as const))('%s', (_name, entry) => {
    const clean = entry.pass();
    expect(ruleFindings(clean, entry.rule, entry.options)).toEqual([]);
    const fired = ruleFindings(entry.fire(clean), entry.rule, entry.options);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((finding) => finding.severity === (entry.severity ?? RULES.find((rule) => rule.id === entry.rule)?.severity))).toBe(true);
    expect(fired.every((finding) => finding.message.length > 0 && finding.fix.length > 0 && finding.path.length > 0)).toBe(true);
    fired.forEach(expectJapaneseFinding);
  });

  it('covers every rule in the catalogue', () => {
    expect(new Set(CASES.map((entry) => entry.rule))).toEqual(new Set(RULES.map((rule) => rule.id)));
  });
});

describe('a clp.conf that came without its scripts', () => {
  it('says once that its scripts were not checked (CF003, info), not an error for each', () => {
    const project = { ...interHostProject(), scripts: new Map() };
    const missing = ruleFindings(project, 'CF003');
    expect(missing.length).toBeGreaterThan(1);
    expect(missing.every((finding) => finding.severity === 'error')).toBe(true);
    const notGiven = ruleFindings(project, 'CF003', { scriptsGiven: false });
    expect(notGiven).toHaveLength(1);
    expect(notGiven[0]?.severity).toBe('info');
    expect(missing.map((finding) => finding.path)).toContain(notGiven[0]?.path);
    expect(notGiven[0]?.message).toContain(`the ${missing.length} scripts it names were not checked`);
    // Its other rules still run, and a clp.conf naming no script has nothing to say here.
    expect(checkProject(project, { scriptsGiven: false }).some((finding) => finding.rule !== 'CF003')).toBe(true);
    expect(ruleFindings(plainProject(), 'CF003', { scriptsGiven: false })).toEqual([]);
  });

  it('cannot tell which exec resource starts the VM (VM020 info), instead of saying none does', () => {
    const project = { ...interHostProject(), scripts: new Map() };
    expect(ruleFindings(project, 'VM020').map((finding) => finding.severity)).toEqual(['error']);
    const notGiven = ruleFindings(project, 'VM020', { scriptsGiven: false });
    expect(notGiven.map((finding) => finding.severity)).toEqual(['info']);
    expect(notGiven[0]?.message).toContain('was not checked');
    // With its scripts, the clean project has nothing to say either way.
    expect(ruleFindings(interHostProject(), 'VM020', { scriptsGiven: false })).toEqual([]);
  });

  it('says the .vmx paths in the VM scripts were not checked (VM022 info), and still checks the profile’s', () => {
    const project = { ...interHostProject(), scripts: new Map() };
    expect(ruleFindings(project, 'VM022')).toEqual([]);
    const notGiven = ruleFindings(project, 'VM022', { scriptsGiven: false });
    expect(notGiven.map((finding) => [finding.severity, finding.path])).toEqual([['info', 'cluster']]);
    expect(notGiven[0]?.message).toMatch(/VM configuration paths in the start scripts of its (\d+ )?exec resources? were not checked/);
    const labelled = { ...project, meta: { ...project.meta, vmProfile: { ...project.meta.vmProfile, vmx: '/vmfs/volumes/datastore1/vm1/vm1.vmx' } } };
    expect(ruleFindings(labelled, 'VM022', { scriptsGiven: false }).map((finding) => finding.severity)).toEqual(['error', 'info']);
    expect(ruleFindings(interHostProject(), 'VM022', { scriptsGiven: false })).toEqual([]);
  });

  it('says the pre-action scripts were not checked (VM031 info), instead of passing them in silence', () => {
    const project = { ...vmwareHaProject(), scripts: new Map() };
    expect(ruleFindings(project, 'VM031')).toEqual([]);
    const notGiven = ruleFindings(project, 'VM031', { scriptsGiven: false });
    expect(notGiven.map((finding) => finding.severity)).toEqual(['info']);
    expect(notGiven[0]?.path).toMatch(/^monitor\/.+\/emergency\/preaction\/path$/);
    expect(notGiven[0]?.message).toContain('name the VM resource and the ESX addresses was not checked');
    // A wrong script is an error once the scripts are given.
    const wrong = withScripts(vmwareHaProject(), { 'monitor.s/diskw-datastore/preaction.sh': "clptrnreq -t GRP_FAILOVER -r 'vm2' -h '192.168.0.11'\n" });
    expect(ruleFindings(wrong, 'VM031').map((finding) => finding.severity)).toEqual(['error']);
  });
});

describe('a misspelt reference', () => {
  it('names what it most likely meant in the fix (CF002), and only when one name is that close', () => {
    const project = interHostProject();
    const member = conf((c) => insertElement(c, 'group@failover-vm', { name: 'resource', attributes: [['name', 'exec@exec-wm']] }))(project);
    const [finding] = ruleFindings(member, 'CF002');
    expect(finding?.path).toBe('group@failover-vm/resource@exec@exec-wm');
    expect(finding?.fix).toBe('Did you mean exec@exec-vm? List that one, or add resource exec@exec-wm.');
    expect(finding?.ja.fix).toContain('exec@exec-vm のことではありませんか');
    expect(finding?.hasQuickFix).toBe(false);
    // Far from every name: the rule's general fix, no guess.
    const far = conf((c) => insertElement(c, 'group@failover-vm', { name: 'resource', attributes: [['name', 'exec@database']] }))(project);
    expect(ruleFindings(far, 'CF002')[0]?.fix).toBe(RULES.find((rule) => rule.id === 'CF002')?.fix);
  });

  it('offers to point a monitor at the resource it most likely meant (CF002 quick fix)', () => {
    const typo = set('monitor/genw@genw-vm/target', 'exce-vm');
    const finding = ruleFindings(typo(interHostProject()), 'CF002').find((found) => found.path.endsWith('/target'));
    expect(finding?.fix).toBe('Did you mean exec-vm? Target it (quick fix), or add resource exce-vm.');
    expect(finding?.hasQuickFix).toBe(true);
  });
});

describe('a clp.conf that is a template', () => {
  it('says a ranged value is a placeholder to substitute (CF004), naming the parameter once', () => {
    const project = interHostProject();
    const templated = { ...project, conf: unwrap(setValueRaw(project, 'monitor/genw@genw-vm/polling/interval', '__SSS_MONITOR_PERIOD_SEC__')) };
    const [finding, ...others] = ruleFindings(templated, 'CF004');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', path: 'monitor/genw@genw-vm/polling/interval' });
    expect(finding?.message).toBe('polling/interval: "__SSS_MONITOR_PERIOD_SEC__" is a template placeholder; the value must be a whole number');
    expect(finding?.fix).toContain('this clp.conf is a template');
    // A value out of range names its sub-path once, not the entity's whole path again.
    const zero = { ...project, conf: unwrap(setValueRaw(project, 'monitor/genw@genw-vm/polling/interval', '0')) };
    expect(ruleFindings(zero, 'CF004').map((found) => found.message)).toEqual(['polling/interval: "0" must be between 1 and 999999']);
  });

  it('says a placeholder name is one (CF010), instead of asking for lower case', () => {
    const templated = conf((c) => insertElement(c, '', { name: 'server', attributes: [['name', '%%VMA3%%']], children: [{ name: 'priority', text: '2' }] }))(interHostProject());
    const findings = ruleFindings(templated, 'CF010');
    expect(findings.map((finding) => [finding.path, finding.severity])).toEqual([['server@%%VMA3%%', 'warning']]);
    expect(findings[0]?.message).toBe('name "%%VMA3%%" is a template placeholder; the name that replaces it must follow the naming rules');
    const upper = conf((c) => insertElement(c, '', { name: 'server', attributes: [['name', 'VMA3']], children: [{ name: 'priority', text: '2' }] }))(interHostProject());
    expect(ruleFindings(upper, 'CF010')[0]?.message).toContain('must be lower-case');
  });
});

describe('topology and version matter', () => {
  it('a mirror disk is an error inter-host (VM001) and fine inter-guest-mirror', () => {
    const withMirror = unwrap(addResource(interHostProject(), 'failover-vm', 'md', 'md1'));
    expect(ruleFindings(withMirror, 'VM001')).toHaveLength(1);
    expect(ruleFindings(withMirror, 'VM001', { topology: 'inter-guest-mirror' })).toHaveLength(0);
  });

  it('lankhb is an error with 2.1.0-1 and fine with 2.1.1-1 (VM002)', () => {
    const project = interHostProject();
    expect(ruleFindings(project, 'VM002', { productVersion: '2.1.0-1' }).map((f) => f.path)).toContain('heartbeat/lankhb@lankhb1');
    expect(ruleFindings(project, 'VM002', { productVersion: '2.1.1-1' })).toHaveLength(0);
  });

  it('an absent userw method is softdog before X 4 and keepalive from X 4 (VM003)', () => {
    const project = unwrap(pipe(plainProject('inter-host'), (p) => addMonitor(p, 'userw', 'userw')));
    expect(ruleFindings(project, 'VM003', { productVersion: '3.3.1-1' })).toMatchObject([{ severity: 'error' }]);
    expect(ruleFindings(project, 'VM003', { productVersion: '4.0.0-1' })).toHaveLength(0);
  });

  it('in a guest-to-host association each side is checked by its own rules', () => {
    const host = meta((m) => ({ ...m, topology: 'inter-host-guest-assoc', vmProfile: { side: 'host' } }))(interHostProject());
    const rulesOf = (project: Project) => new Set(checkProject(project).map((finding) => finding.rule));
    expect(rulesOf(host).has('VM030')).toBe(false);
    expect(rulesOf(host).has('VM023')).toBe(true);
    const guest = meta((m) => ({ ...m, vmProfile: { side: 'guest' } }))(host);
    expect(rulesOf(guest).has('VM023')).toBe(false);
    expect(rulesOf(guest).has('VM030')).toBe(true);
  });

  it('VMware rules do not run on a plain cluster', () => {
    const project = unwrap(addResource(interHostProject(), 'failover-vm', 'md', 'md1'));
    expect(checkProject(project, { topology: 'plain' }).filter((finding) => finding.rule.startsWith('VM'))).toEqual([]);
  });
});

describe('values the sources document', () => {
  it('checks the cluster’s own settings (CF004), as set does: a 5 ms heartbeat timeout', () => {
    const project = interHostProject();
    const five = { ...project, conf: unwrap(setValueRaw(project, 'cluster/heartbeat/timeout', '5')) };
    expect(ruleFindings(five, 'CF004')).toMatchObject([
      { path: 'cluster/heartbeat/timeout', message: 'heartbeat/timeout: "5" must be between 1000 and 9999000' },
    ]);
    expect(setParameter(project, 'cluster/heartbeat/timeout', '5').ok).toBe(false);
    expect(ruleFindings(unwrap(setParameter(project, 'cluster/heartbeat/timeout', '50000')), 'CF004')).toEqual([]);
  });

  it('refuses to stop the group or the cluster on a failed deactivation (CF004), in both languages', () => {
    const project = interHostProject();
    const refused = setParameter(project, 'resource/exec@exec-vm/deact/action', '3');
    expect(refused.ok ? '' : refused.error.message).toBe('resource/exec@exec-vm/deact/action: "3" must be a final action code (0, 1, 4-6, 8-15)');
    expect(refused.ok ? '' : refused.error.ja).toContain('は最終動作のコード (0、1、4-6、8-15) で指定してください');
    // The same code is fine on activation.
    expect(setParameter(project, 'resource/exec@exec-vm/act/action', '3').ok).toBe(true);
    const [finding] = ruleFindings({ ...project, conf: unwrap(setValueRaw(project, 'group@failover-vm/exclusive', '3')) }, 'CF004');
    expect(finding?.message).toBe('exclusive: "3" must be 0, 1 or 2');
    expect(finding?.ja.message).toBe('exclusive: "3" は 0、1、2 のいずれかで指定してください');
  });

  it('names the documented word a value most likely meant, with a quick fix (CF011)', () => {
    const project = interHostProject();
    const cased = ruleFindings(set('monitor/userw@userw/parameters/action', 'reset')(project), 'CF011');
    expect(cased).toMatchObject([{ severity: 'warning', path: 'monitor/userw@userw/parameters/action', hasQuickFix: true }]);
    expect(cased[0]?.message).toBe('parameters/action: "reset" is not among the documented values (RESET, PANIC)');
    expect(cased[0]?.fix).toMatch(/^Did you mean RESET\?/);
    const typo = ruleFindings(set('resource/disk@sd-vm/parameters/fs', 'ext44')(project), 'CF011');
    expect(typo[0]?.fix).toMatch(/^Did you mean ext4\?/);
    // Far from every word: no guess, and a placeholder is said to be one.
    const far = ruleFindings(set('resource/disk@sd-vm/parameters/fs', 'btrfs')(project), 'CF011');
    expect(far).toMatchObject([{ hasQuickFix: false, fix: RULES.find((rule) => rule.id === 'CF011')?.fix }]);
    const templated = ruleFindings(set('resource/disk@sd-vm/parameters/fs', '%%FS%%')(project), 'CF011');
    expect(templated[0]?.message).toBe('parameters/fs: "%%FS%%" is a template placeholder; the value must be one of ext3, ext4, xfs, reiserfs, vxfs, zfs, none');
    [...cased, ...typo, ...far, ...templated].forEach(expectJapaneseFinding);
  });

  it('checks shutdown stall monitoring’s method and action (CF011)', () => {
    const haltp = (method: string) => conf((c) => insertElement(c, '', { name: 'haltp', children: [{ name: 'method', text: method }, { name: 'action', text: 'PANIC' }] }))(plainProject());
    expect(ruleFindings(haltp('ipmi(High-End Server Option)'), 'CF011')).toEqual([]);
    expect(ruleFindings(haltp('softdogg'), 'CF011')).toMatchObject([{ path: 'haltp/method', hasQuickFix: true }]);
  });
});

describe('codes that depend on the server OS', () => {
  const onOs = (os: string | undefined) => (project: Project) =>
    ({ ...project, conf: unwrap(os === undefined ? removeElement(project.conf, 'all/serveros') : setValueRaw(project, 'all/serveros', os)) });
  const action = (code: string) => (project: Project) => ({ ...project, conf: unwrap(setValueRaw(project, 'monitor/genw@genw-vm/emergency/action', code)) });
  const messages = (project: Project) => ruleFindings(project, 'CF004').map((finding) => finding.message);

  it('a monitor’s final action is one of its OS’s (CF004): 6 is Windows only, 9 (keepalive reset) Linux only', () => {
    const linux = interHostProject();
    expect(messages(action('6')(linux))).toEqual(['emergency/action: "6" must be a final action code (1-5, 8-16)']);
    expect(messages(action('9')(linux))).toEqual([]);
    const windows = onOs('windows')(linux);
    expect(messages(action('9')(windows))).toEqual(['emergency/action: "9" must be a final action code (1-6)']);
    expect(messages(action('6')(windows))).toEqual([]);
    // A file that names no OS may hold either OS's codes, never one of neither.
    const unknown = onOs(undefined)(linux);
    expect(messages(action('6')(unknown))).toEqual([]);
    expect(messages(action('9')(unknown))).toEqual([]);
    expect(messages(action('7')(unknown))).toEqual(['emergency/action: "7" must be a final action code (1-6, 8-16)']);
  });

  it('a Windows user-space monitor knows keepalive only (CF011), and the cluster’s network partition action is its OS’s (CF004)', () => {
    const windows = onOs('windows')(interHostProject());
    expect(ruleFindings(set('monitor/userw@userw/parameters/method', 'softdog')(windows), 'CF011')).toMatchObject([
      { path: 'monitor/userw@userw/parameters/method', message: 'parameters/method: "softdog" is not among the documented values (keepalive)' },
    ]);
    const npaction = (project: Project) => ({ ...project, conf: unwrap(setValueRaw(project, 'cluster/networkpartition/npaction', '9')) });
    expect(messages(npaction(windows))).toEqual(['networkpartition/npaction: "9" must be between 1 and 6']);
    expect(messages(npaction(interHostProject()))).toEqual([]);
  });
});

describe('what each resource must have alone (CF012)', () => {
  const grouped = () => unwrap(addGroup(plainProject(), 'failover'));
  const twoFips = (first: string, second: string) =>
    unwrap(pipe(grouped(), (p) => addResource(p, 'failover', 'fip', 'fip1'), (p) => addResource(p, 'failover', 'fip', 'fip2'), (p) => setParameter(p, 'resource/fip@fip1/parameters/ip', first), (p) => setParameter(p, 'resource/fip@fip2/parameters/ip', second)));

  it('names the resource that holds the value first, on the one that holds it again', () => {
    const findings = ruleFindings(twoFips('10.0.0.100', '10.0.0.100'), 'CF012');
    expect(findings).toMatchObject([{ path: 'resource/fip@fip2/parameters/ip', severity: 'error', message: "resource fip2's floating IP address 10.0.0.100 is resource fip1's too" }]);
    findings.forEach(expectJapaneseFinding);
    expect(ruleFindings(twoFips('10.0.0.100', '10.0.0.101'), 'CF012')).toEqual([]);
  });

  it('compares drive letters in any case, and leaves placeholders and empty values alone', () => {
    const drives = (first: string, second: string) =>
      unwrap(pipe(windowsProject(), (p) => addResource(p, 'failover1', 'md', 'md1'), (p) => setParameter(p, 'resource/sd@sd1/parameters/volumemountpoint', first), (p) => setParameter(p, 'resource/md@md1/parameters/volumemountpoint', second)));
    expect(ruleFindings(drives('S:', 's:'), 'CF012').map((finding) => finding.path)).toEqual(['resource/md@md1/parameters/volumemountpoint']);
    expect(ruleFindings(drives('%%DRIVE%%', '%%DRIVE%%'), 'CF012')).toEqual([]);
    expect(ruleFindings(twoFips('', ''), 'CF012')).toEqual([]);
  });

  it('a copied mirror disk keeps its original’s device, partition and ports: each is said once', () => {
    const mirror = unwrap(pipe(grouped(), (p) => addResource(p, 'failover', 'md', 'md1'), (p) => setParameter(p, 'resource/md@md1/parameters/nmppath', '/dev/NMP1'), (p) => setParameter(p, 'resource/md@md1/parameters/diskdev/dppath', '/dev/sdb2'), (p) => setParameter(p, 'resource/md@md1/parameters/mddriver/port', '29051')));
    const copied = unwrap(pipe(mirror, (p) => addResource(p, 'failover', 'md', 'md2'), (p) => setParameter(p, 'resource/md@md2/parameters/nmppath', '/dev/NMP1'), (p) => setParameter(p, 'resource/md@md2/parameters/diskdev/dppath', '/dev/sdb2'), (p) => setParameter(p, 'resource/md@md2/parameters/mddriver/port', '29051')));
    expect(ruleFindings(copied, 'CF012').map((finding) => finding.path).sort()).toEqual([
      'resource/md@md2/parameters/diskdev/dppath',
      'resource/md@md2/parameters/mddriver/port',
      'resource/md@md2/parameters/nmppath',
    ]);
    // Given its own values, the copy is fine.
    const adjusted = unwrap(pipe(copied, (p) => setParameter(p, 'resource/md@md2/parameters/nmppath', '/dev/NMP2'), (p) => setParameter(p, 'resource/md@md2/parameters/diskdev/dppath', '/dev/sdc2'), (p) => setParameter(p, 'resource/md@md2/parameters/mddriver/port', '29052')));
    expect(ruleFindings(adjusted, 'CF012')).toEqual([]);
  });

  it('gives a copied mirror disk the next free NMP device and ports (quick fix); its partition is the engineer’s to choose', () => {
    const copy = (p: Project, name: string) => unwrap(pipe(p, (x) => addResource(x, 'failover', 'md', name), (x) => setParameter(x, `resource/md@${name}/parameters/nmppath`, '/dev/NMP1'), (x) => setParameter(x, `resource/md@${name}/parameters/mddriver/port`, '29051'), (x) => setParameter(x, `resource/md@${name}/parameters/diskdev/dppath`, '/dev/sdb2')));
    const twoCopies = copy(copy(copy(grouped(), 'md1'), 'md2'), 'md3');
    const fixed = unwrap(applyAllQuickFixes(twoCopies, { rule: 'CF012' }));
    const values = (name: string) => ['nmppath', 'mddriver/port'].map((sub) => readModel(fixed.project.conf).resources.find((r) => r.name === name)?.parameters[`parameters/${sub}`]);
    expect([values('md1'), values('md2'), values('md3')]).toEqual([
      ['/dev/NMP1', '29051'],
      ['/dev/NMP2', '29052'],
      ['/dev/NMP3', '29053'],
    ]);
    const left = ruleFindings(fixed.project, 'CF012');
    expect(left.map((finding) => [finding.path, finding.hasQuickFix])).toEqual([
      ['resource/md@md2/parameters/diskdev/dppath', false],
      ['resource/md@md3/parameters/diskdev/dppath', false],
    ]);
    left.forEach(expectJapaneseFinding);
  });
});

describe('a mirror disk without its monitors (CF007)', () => {
  it('gets them by quick fix, named as the product names them, watching it', () => {
    const project = unwrap(pipe(plainProject(), (p) => addGroup(p, 'failover'), (p) => addResource(p, 'failover', 'md', 'md1')));
    const missing = ruleFindings(project, 'CF007');
    expect(missing.map((finding) => [finding.message, finding.hasQuickFix])).toEqual([
      ['mirror disk md1 has no mdnw monitor', true],
      ['mirror disk md1 has no mdw monitor', true],
    ]);
    expect(missing[1]?.fix).toBe('Add mdw monitor mdw1 with parameters/object md1 (quick fix).');
    missing.forEach(expectJapaneseFinding);
    const fixed = unwrap(applyAllQuickFixes(project, { rule: 'CF007' }));
    const monitors = readModel(fixed.project.conf).monitors.map((monitor) => [monitor.path, monitor.parameters['parameters/object']]);
    expect(monitors).toEqual(expect.arrayContaining([['monitor/mdw@mdw1', 'md1'], ['monitor/mdnw@mdnw1', 'md1']]));
    expect(ruleFindings(fixed.project, 'CF007')).toEqual([]);
    const errors = (p: Project) => checkProject(p).filter((finding) => finding.severity === 'error').map((finding) => finding.rule);
    expect(errors(fixed.project).every((rule) => errors(project).includes(rule))).toBe(true);
  });
});
