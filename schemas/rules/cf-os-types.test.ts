/**
 * CF014: the types one OS has and the other does not, in the rules, in `add`, and on the
 * real files (each of which names its OS and uses only that OS's types).
 */
import { describe, expect, it } from 'vitest';
import { expectJapaneseFinding } from '../../test/support/japanese.js';
import { projectFrom, unwrap } from '../../test/support/project.js';
import { realFixtures } from '../../test/support/fixtures.js';
import { interHostProject, windowsProject } from '../../test/support/rule-projects.js';
import { removeElement, setValue } from '../doc/edit.js';
import {
  type Finding,
  type Project,
  addMonitor,
  addResource,
  checkProject,
  osOfConf,
  readModel,
} from '../index.js';

const cf014 = (project: Project): Finding[] =>
  checkProject(project).filter((finding) => finding.rule === 'CF014');

/** The project with `<all><serveros>` set to `os` as written by hand, or removed. */
function onOs(project: Project, os: string | undefined): Project {
  const conf = os === undefined ? removeElement(project.conf, 'all/serveros') : setValue(project.conf, 'all/serveros', os);
  return { ...project, conf: unwrap(conf) };
}

describe('a type only the other OS has (CF014)', () => {
  it('names each Linux type on a Windows cluster, with what Windows has for the same job', () => {
    const findings = cf014(onOs(interHostProject(), 'windows'));
    expect(findings.map(({ path, severity, message }) => ({ path, severity, message }))).toEqual([
      {
        path: 'resource/disk@sd-vm',
        severity: 'error',
        message: 'resource sd-vm is of type disk, which only Linux has; this clp.conf is for Windows (all/serveros), where the shared disk resource is sd, which mounts on a drive letter',
      },
      {
        path: 'resource/exec@exec-vm',
        severity: 'error',
        message: 'resource exec-vm is of type exec, which only Linux has; this clp.conf is for Windows (all/serveros), where the script resource is script, which runs start.bat and stop.bat',
      },
    ]);
    expect(findings[1]?.fix).toBe(
      'Put a resource of type script in its place (clpbuilder add resource failover-vm script <name>), set it up as exec-vm was, and remove exec-vm; or, if the servers run Linux, set all/serveros to linux.',
    );
    expect(findings.every((finding) => !finding.hasQuickFix)).toBe(true);
    findings.forEach(expectJapaneseFinding);
  });

  it('is the one finding for an exec resource on Windows: its shell scripts are not CF013’s too', () => {
    const windows = onOs(interHostProject(), 'windows');
    const cf013 = checkProject(windows).filter((finding) => finding.rule === 'CF013');
    // The custom monitor is on both OSes: its genw.sh is still a Unix script on Windows.
    expect(cf013.map((finding) => finding.path)).toEqual(['monitor/genw@genw-vm/parameters/path']);
  });

  it('names each Windows type on a Linux cluster, monitors included', () => {
    const findings = cf014(onOs(windowsProject(), 'linux'));
    expect(findings.map((finding) => finding.path)).toEqual(['monitor/sdw@sdw1', 'resource/script@script1', 'resource/sd@sd1']);
    expect(findings[0]?.message).toBe(
      'monitor sdw1 is of type sdw, which only Windows has; this clp.conf is for Linux (all/serveros), where the disk monitor is diskw',
    );
    expect(findings[0]?.fix).toContain('(clpbuilder add monitor diskw <name>)');
    findings.forEach(expectJapaneseFinding);
  });

  it('takes either OS’s types where the clp.conf names no OS, and types both OSes have anywhere', () => {
    expect(cf014(onOs(interHostProject(), undefined))).toEqual([]);
    expect(cf014(onOs(windowsProject(), undefined))).toEqual([]);
    // fip, md, genw and userw are on both: a Windows cluster with them is clean.
    const both = unwrap(addMonitor(unwrap(addResource(windowsProject(), 'failover1', 'fip', 'fip1')), 'genw', 'genw1'));
    expect(cf014(both)).toEqual([]);
  });

  it('finds nothing on the real files: each uses only its own OS’s types', () => {
    const checked = realFixtures().map(([name, bytes]) => {
      const project = projectFrom(bytes);
      const types = readModel(project.conf).resources.map((resource) => resource.type);
      return { name, os: osOfConf(project.conf), types, findings: cf014(project).map((finding) => finding.path) };
    });
    expect(checked.filter((file) => file.findings.length > 0)).toEqual([]);
    // The files hold both OSes, and Linux ones with exec and disk: the rule had something to judge.
    expect(new Set(checked.map((file) => file.os))).toEqual(new Set(['linux', 'windows']));
    const linuxTypes = checked.filter((file) => file.os === 'linux').flatMap((file) => file.types);
    expect(linuxTypes).toEqual(expect.arrayContaining(['exec', 'disk']));
  });
});

describe('add refuses a type the cluster’s OS does not have', () => {
  it('refuses exec on Windows and sdw on Linux, saying what to add instead', () => {
    const exec = addResource(windowsProject(), 'failover1', 'exec', 'exec1');
    expect(exec).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-value',
        message: 'exec is a Linux resource type, and this clp.conf is for Windows (all/serveros): on Windows the script resource is script, which runs start.bat and stop.bat; add a script resource instead',
      },
    });
    expect(!exec.ok && exec.error.ja).toContain('script');
    const sdw = addMonitor(interHostProject(), 'sdw', 'sdw1');
    expect(sdw).toMatchObject({ ok: false, error: { kind: 'invalid-value' } });
    expect(!sdw.ok && sdw.error.message).toContain('on Linux the disk monitor is diskw');
  });

  it('adds either OS’s types where the clp.conf names no OS', () => {
    const unnamed = onOs(windowsProject(), undefined);
    const added = unwrap(addResource(unnamed, 'failover1', 'exec', 'exec1'));
    expect(readModel(added.conf).resources.map((resource) => resource.type)).toContain('exec');
  });
});
