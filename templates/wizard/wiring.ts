/**
 * Wiring generated VM scripts into a project: each script where the product expects it
 * (clpconf-format.md §8) and the configuration set to match (guide, "Setting up an inter-host
 * OS cluster" steps 8-9; "Associating with VMware HA" step 4).
 */
import {
  type Project,
  type Result,
  monitorScriptFolder,
  ok,
  pipe,
  readModel,
  resourceScriptFolder,
  setParameter,
} from '../../schemas/index.js';
import type { GeneratedScript } from '../generate.js';

/** Puts a script into the project's scripts tree, executable (the product runs it directly). */
export function putScript(project: Project, path: string, text: string): Project {
  const scripts = new Map(project.scripts);
  scripts.set(path, { bytes: new TextEncoder().encode(text), executable: true });
  return { ...project, scripts };
}

/** Drops one script from the project's scripts tree. */
export function dropScript(project: Project, path: string): Project {
  const scripts = new Map(project.scripts);
  scripts.delete(path);
  return { ...project, scripts };
}

/**
 * The exec resource's start and stop scripts become the VM power-on and power-off scripts
 * (guide step 8 C-D: "replace start.sh", "replace stop.sh"), as scripts created with the
 * product: relative paths start.sh and stop.sh (clpconf-format.md §5.1).
 */
export function wireVmExec(
  project: Project,
  exec: string,
  powerOn: GeneratedScript,
  powerOff: GeneratedScript,
): Result<Project> {
  const resource = readModel(project.conf).resources.find((candidate) => candidate.name === exec);
  const folder = resourceScriptFolder(resource?.group ?? '', exec);
  return pipe(
    project,
    (edited) => setParameter(edited, `resource/exec@${exec}/parameters/act/path`, powerOn.file),
    (edited) => setParameter(edited, `resource/exec@${exec}/parameters/deact/path`, powerOff.file),
    (edited) => ok(putScript(edited, `${folder}/${powerOn.file}`, powerOn.text)),
    (edited) => ok(putScript(edited, `${folder}/${powerOff.file}`, powerOff.text)),
  );
}

/**
 * The custom monitor runs the VM monitor script (step 9 C), asynchronously (9 D), only while
 * the exec resource is active and targeting it (9 E), recovering the group that holds it
 * (9 F). On a failure it first restarts the group, then fails it over: what the guide's
 * operation check expects ("reactivates the recovery target or performs a failover").
 */
export function wireVmMonitor(
  project: Project,
  monitor: string,
  exec: string,
  group: string,
  script: GeneratedScript,
): Result<Project> {
  const path = `monitor/genw@${monitor}`;
  return pipe(
    project,
    (edited) => setParameter(edited, `${path}/parameters/path`, script.file),
    (edited) => setParameter(edited, `${path}/parameters/sync`, '0'),
    (edited) => setParameter(edited, `${path}/polling/timing`, '1'),
    (edited) => setParameter(edited, `${path}/target`, exec),
    (edited) => setParameter(edited, `${path}/relation/type`, 'grp'),
    (edited) => setParameter(edited, `${path}/relation/name`, group),
    (edited) => setParameter(edited, `${path}/emergency/threshold/restart`, '1'),
    (edited) => setParameter(edited, `${path}/emergency/threshold/fo`, '1'),
    (edited) =>
      ok(putScript(edited, `${monitorScriptFolder(monitor)}/${script.file}`, script.text)),
  );
}

/**
 * "Execute Script before Final Action" with the pre-action script created with the product:
 * `emergency/preaction/use` 1, `default` 1, `path` preaction.sh or preaction.bat
 * (clpconf-format.md §6). A pre-action script of the other OS is dropped.
 */
export function wirePreaction(
  project: Project,
  monitorPath: string,
  script: GeneratedScript,
): Result<Project> {
  const name = monitorPath.slice(monitorPath.indexOf('@') + 1);
  const folder = monitorScriptFolder(name);
  const other = script.file === 'preaction.sh' ? 'preaction.bat' : 'preaction.sh';
  return pipe(
    project,
    (edited) => setParameter(edited, `${monitorPath}/emergency/preaction/use`, '1'),
    (edited) => setParameter(edited, `${monitorPath}/emergency/preaction/default`, '1'),
    (edited) => setParameter(edited, `${monitorPath}/emergency/preaction/path`, script.file),
    (edited) =>
      ok(
        putScript(
          dropScript(edited, `${folder}/${other}`),
          `${folder}/${script.file}`,
          script.text,
        ),
      ),
  );
}
