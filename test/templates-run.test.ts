/**
 * The generated VM scripts, run: the Perl scripts against the vmware-cmd simulator, the
 * pre-action script against a clptrnreq that records its arguments (issue 4, "Tests").
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type TemplateId, generateScript, parseVmProfile } from '../templates/index.js';
import { EXAMPLE_VMX, type VmProfileInput } from '../schemas/vm-profile.js';
import {
  type Scenario,
  clptrnreqSimulator,
  readJsonLines,
  removeScenarios,
  runScript,
  scenario,
  vmwareCmdSimulator,
} from './sim/harness.js';

afterAll(removeScenarios);

function script(id: TemplateId, profile: VmProfileInput): string {
  const parsed = parseVmProfile(profile);
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  const generated = generateScript(id, parsed.value);
  if (!generated.ok) {
    throw new Error(generated.error.message);
  }
  return generated.value.text;
}

const FAST = { checkInterval: 1, stopCheckInterval: 1, maxChecks: 3, startTimeout: 1 };

async function runVm(id: TemplateId, sim: Scenario, profile: VmProfileInput = {}) {
  const vmx = sim.state()['vmx'] as string;
  const text = script(id, { vmx, vmwareCmd: vmwareCmdSimulator, ...FAST, ...profile });
  return runScript(sim.dir, id.split('/')[1] as string, text, { VMWARE_CMD_SIM: sim.dir });
}

const operations = (sim: Scenario) =>
  sim.calls().map((call) => call.filter((part) => part !== sim.state()['vmx']).join(' '));

describe('vmpower.start.pl against the simulator', () => {
  it('registers an unregistered VM that is off and powers it on', async () => {
    const sim = scenario(EXAMPLE_VMX);
    const run = await runVm('vm/vmpower.start.pl', sim);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(sim.state()).toMatchObject({ registered: '1', power: 'on' });
    expect(operations(sim)).toEqual(['-l', '-s register', '-l', 'getstate', 'start', 'getstate']);
    expect(sim.calls()[1]).toEqual(['-s', 'register', EXAMPLE_VMX]);
    expect(run.stdout).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[I\] \[vm1\] registered$/m);
  });

  it('issues no start when the VM is already on', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on' });
    const run = await runVm('vm/vmpower.start.pl', sim);
    expect(run.status).toBe(0);
    expect(operations(sim)).not.toContain('start');
    expect(run.stdout).toContain('already powered on');
  });

  it('exits 1 without starting when registration fails', async () => {
    const sim = scenario(EXAMPLE_VMX, { register_fails: 1 });
    const run = await runVm('vm/vmpower.start.pl', sim);
    expect(run.status).toBe(1);
    expect(operations(sim)).toEqual(['-l', '-s register', '-l']);
    expect(run.stdout).toContain('could not register the VM: vmware-cmd: VMControl error');
  });

  it('answers the question a moved VM is stuck on (choice 1) and waits until it is on', async () => {
    const sim = scenario(EXAMPLE_VMX, { question_on_start: 1 });
    const run = await runVm('vm/vmpower.start.pl', sim);
    expect(run.status, run.stdout).toBe(0);
    expect(sim.state()['power']).toBe('on');
    expect(operations(sim)).toEqual([
      '-l',
      '-s register',
      '-l',
      'getstate',
      'start',
      'getstate',
      'answer',
      'answer:1',
      'getstate',
      'getstate',
    ]);
    expect(run.stdout).toContain('did not answer within 1 s');
    expect(run.stdout).toContain('question answered');
  });
});

describe('vmpower.stop.pl against the simulator', () => {
  it('stops soft, waits until off, then unregisters', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on' });
    const run = await runVm('vm/vmpower.stop.pl', sim);
    expect(run.status, run.stdout).toBe(0);
    expect(sim.state()).toMatchObject({ registered: '0', power: 'off' });
    expect(operations(sim)).toEqual([
      '-l',
      'getstate',
      'stop soft',
      'getstate',
      '-l',
      '-s unregister',
      '-l',
    ]);
  });

  it('stops hard when the soft stop is refused', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on', soft_stop: 'refuse' });
    const run = await runVm('vm/vmpower.stop.pl', sim);
    expect(run.status, run.stdout).toBe(0);
    expect(operations(sim)).toEqual([
      '-l',
      'getstate',
      'stop soft',
      'stop hard',
      'getstate',
      '-l',
      '-s unregister',
      '-l',
    ]);
    expect(sim.state()['registered']).toBe('0');
  });

  it('stops hard when the soft stop leaves the VM on through every check', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on', soft_stop: 'ignore' });
    const run = await runVm('vm/vmpower.stop.pl', sim, { maxChecks: 2 });
    expect(run.status, run.stdout).toBe(0);
    expect(operations(sim)).toEqual([
      '-l',
      'getstate',
      'stop soft',
      'getstate',
      'getstate',
      'stop hard',
      'getstate',
      '-l',
      '-s unregister',
      '-l',
    ]);
  });

  it('does nothing for a VM not registered on this host', async () => {
    const sim = scenario(EXAMPLE_VMX);
    const run = await runVm('vm/vmpower.stop.pl', sim);
    expect(run.status).toBe(0);
    expect(operations(sim)).toEqual(['-l']);
  });
});

describe('clpvmmon.pl against the simulator', () => {
  it('keeps running while the heartbeat rises and ends when it stalls', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on', heartbeat_rises: 3 });
    const run = await runVm('vm/clpvmmon.pl', sim);
    expect(run.status).toBe(1);
    expect(operations(sim).filter((call) => call === 'getheartbeat')).toHaveLength(4);
    expect(run.stdout).toContain('the heartbeat stalled at 103; monitoring ends');
  });

  it('ends when the VM powers off', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on', off_after_heartbeats: 3 });
    const run = await runVm('vm/clpvmmon.pl', sim);
    expect(run.status).toBe(1);
    expect(operations(sim).filter((call) => call === 'getheartbeat')).toHaveLength(3);
    expect(run.stdout).toContain('the VM is off; monitoring ends');
  });

  it('gives a booting guest max-checks checks for its heartbeat to start rising', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on', heartbeat_rises: 0 });
    const run = await runVm('vm/clpvmmon.pl', sim, { maxChecks: 2 });
    expect(run.status).toBe(1);
    expect(operations(sim).filter((call) => call === 'getheartbeat')).toHaveLength(3);
    expect(run.stdout).toContain('the heartbeat did not rise in 2 checks');
  });
});

describe('vmpreaction.sh with a clptrnreq that records its arguments', () => {
  async function runPreaction(profile: VmProfileInput, exit = '0') {
    const sim = scenario(EXAMPLE_VMX);
    const log = join(sim.dir, 'clptrnreq.jsonl');
    const text = script('vm/vmpreaction.sh', { clptrnreq: clptrnreqSimulator, ...profile });
    const run = await runScript(sim.dir, 'preaction.sh', text, {
      CLPTRNREQ_LOG: log,
      CLPTRNREQ_EXIT: exit,
    });
    return { sim, run, argv: readJsonLines(log).map((record) => record['argv']) };
  }

  it('asks for GRP_FAILOVER of the resource on every ESX host, exactly', async () => {
    const { run, argv } = await runPreaction({
      vmResource: 'exec-vm',
      esxAddresses: ['10.0.0.1', '10.0.0.2'],
    });
    expect(run.status).toBe(0);
    expect(argv).toEqual([['-t', 'GRP_FAILOVER', '-r', 'exec-vm', '-h', '10.0.0.1,10.0.0.2']]);
  });

  it('lets the final action go on when the request fails', async () => {
    const { run, argv } = await runPreaction(
      { vmResource: 'exec-vm', esxAddresses: ['10.0.0.1'] },
      '3',
    );
    expect(run.status).toBe(0);
    expect(argv).toHaveLength(1);
    expect(run.stderr).toContain('clptrnreq failed');
  });
});

describe('hostile profile values are inert', () => {
  const MARKER = 'pwned';
  const assertNothingRan = (dir: string) => expect(readdirSync(dir)).not.toContain(MARKER);

  it('passes a .vmx path full of shell and Perl syntax through as one argument', async () => {
    const vmx = `/vmfs/volumes/4a276815-6acb55cc-e2a8-0019dbc0afcc/it's $(touch ${MARKER}) \`touch ${MARKER}\`; @ARGV "q" %PATH% \\ $HOME/v$(touch ${MARKER})'x\\'.vmx`;
    const sim = scenario(vmx);
    const run = await runVm('vm/vmpower.start.pl', sim);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(sim.calls()[1]).toEqual(['-s', 'register', vmx]);
    expect(sim.calls().filter((call) => call.includes('start'))).toEqual([[vmx, 'start']]);
    assertNothingRan(sim.dir);
  });

  it('runs a vmware-cmd whose path holds quotes, $( ) and backticks as that very file', async () => {
    const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on' });
    const folder = join(sim.dir, `bin 'q' $(touch ${MARKER}) \`touch ${MARKER}\` ; "x" @a %PATH%`);
    mkdirSync(folder);
    copyFileSync(vmwareCmdSimulator, join(folder, 'vmware-cmd'));
    const run = await runVm('vm/vmpower.stop.pl', sim, { vmwareCmd: join(folder, 'vmware-cmd') });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(sim.state()['registered']).toBe('0');
    assertNothingRan(sim.dir);
  });

  it('hands a hostile resource name and clptrnreq path to clptrnreq literally', async () => {
    const sim = scenario(EXAMPLE_VMX);
    const resource = `r'$(touch ${MARKER})\`id\`$HOME@%P%&!`;
    const folder = join(sim.dir, `c 'q' $(touch ${MARKER}) \`x\``);
    mkdirSync(folder);
    copyFileSync(clptrnreqSimulator, join(folder, 'clptrnreq'));
    const log = join(sim.dir, 'clptrnreq.jsonl');
    const text = script('vm/vmpreaction.sh', {
      vmResource: resource,
      esxAddresses: ['10.0.0.1'],
      clptrnreq: join(folder, 'clptrnreq'),
    });
    const run = await runScript(sim.dir, 'preaction.sh', text, { CLPTRNREQ_LOG: log });
    expect(run.status, run.stderr).toBe(0);
    expect(readJsonLines(log).map((record) => record['argv'])).toEqual([
      ['-t', 'GRP_FAILOVER', '-r', resource, '-h', '10.0.0.1'],
    ]);
    assertNothingRan(sim.dir);
  });
});

describe('the vmware-cmd simulator is strict', () => {
  const sim = scenario(EXAMPLE_VMX, { registered: 1, power: 'on' });
  const call = (...argv: string[]) =>
    spawnSync(vmwareCmdSimulator, argv, {
      env: { ...process.env, VMWARE_CMD_SIM: sim.dir },
      encoding: 'utf8',
    });

  it.each([
    [['-x'], 'unknown option -x'],
    [['getstate', EXAMPLE_VMX], 'expected the VM config path before the operation'],
    [[EXAMPLE_VMX, 'getstate', 'now'], 'getstate takes no arguments'],
    [[EXAMPLE_VMX, 'stop', 'gently'], 'unknown power mode gently'],
    [[EXAMPLE_VMX, 'reboot'], 'unknown VM operation reboot'],
    [['-s', 'register'], '-s needs register or unregister'],
    [['-s', EXAMPLE_VMX, 'register'], '-s needs register or unregister'],
    [['-l', EXAMPLE_VMX], '-l takes no arguments'],
    [[], 'no operation given'],
  ])('refuses %j', (argv, message) => {
    const result = call(...argv);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('answers as ESX does', () => {
    expect(call(EXAMPLE_VMX, 'getstate').stdout).toBe('getstate() = on\n');
    expect(call('-l').stdout).toBe(`${EXAMPLE_VMX}\n`);
    expect(call('/vmfs/volumes/x/y/z.vmx', 'getstate').stderr).toContain('No such virtual machine');
    expect(existsSync(join(sim.dir, 'calls.jsonl'))).toBe(true);
  });
});
