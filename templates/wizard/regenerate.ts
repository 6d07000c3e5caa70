/**
 * The generated scripts of a project: where they are, whether each is as generated, edited by
 * hand or stale against the VM profile, and regenerating them (`clpbuilder generate`).
 *
 * Which scripts are generated, and how they stand, is templates/script-states.ts.
 */
import {
  type Project,
  type Result,
  type VmProfile,
  appError,
  fail,
  ok,
  readModel,
} from '../../schemas/index.js';
import { type GeneratedScript, generateScript, isTemplateId, parseVmProfile } from '../generate.js';
import { generatedScriptStates, templateNow } from '../script-states.js';
import { dropScript, putScript, wirePreaction, wireVmExec, wireVmMonitor } from './wiring.js';

/** What `regenerate` did. */
export interface Regenerated {
  readonly project: Project;
  /** Scripts written (paths under scripts/). */
  readonly written: readonly string[];
  /** Scripts already up to date. */
  readonly unchanged: readonly string[];
}

/** Where to wire VM scripts into a project that has none yet (hand-built projects). */
export interface WireOptions {
  /** Exec resource whose start/stop scripts become the power scripts. */
  readonly exec?: string;
  /** Custom monitor (genw) that runs the VM monitor script; needs the VM exec resource. */
  readonly monitor?: string;
  /** Monitors whose final action the pre-action script precedes. */
  readonly preaction?: readonly string[];
}

/**
 * Rewrites every generated script that is stale against the VM profile (and, with `force`,
 * VM scripts edited by hand, which are refused otherwise, naming them; an edited product
 * default script is the engineer's and is left alone). A pre-action script follows
 * the guest OS: preaction.sh becomes preaction.bat and the monitor's path with it.
 */
export function regenerateScripts(
  project: Project,
  options: { force?: boolean } = {},
): Result<Regenerated> {
  const profile = parseVmProfile(project.meta.vmProfile);
  if (!profile.ok) {
    return profile;
  }
  // The product's default scripts are there to be edited: an edited one is the engineer's.
  const states = generatedScriptStates(project).filter(
    (state) => !(state.status === 'edited' && state.template.startsWith('product/')),
  );
  const edited = states.filter((state) => state.status === 'edited');
  if (edited.length > 0 && options.force !== true) {
    const paths = edited.map((state) => `scripts/${state.path}`).join(', ');
    return fail(
      appError(
        'conflict',
        `${paths} changed by hand since generated; keep the changes elsewhere, then generate with --force to overwrite`,
        {
          ja: `${paths} は生成後に手で変更されています。変更内容を別の場所に残してから、--force を指定して生成し、上書きしてください`,
        },
      ),
    );
  }
  let current: Result<Project> = ok(project);
  const written: string[] = [];
  for (const state of states.filter((candidate) => candidate.status !== 'generated')) {
    if (!state.current) {
      const generated = isTemplateId(state.template)
        ? generateScript(templateNow(state.template, profile.value), profile.value)
        : undefined;
      return generated && !generated.ok
        ? generated
        : fail(
            appError(
              'invalid-value',
              `scripts/${state.path} names template ${state.template}, which this version does not have`,
              {
                ja: `scripts/${state.path} はテンプレート ${state.template} を指定していますが、このバージョンにはそのテンプレートがありません`,
              },
            ),
          );
    }
    const replacement = state.current;
    current = current.ok ? replaceScript(current.value, state.path, replacement) : current;
    written.push(`${state.path.slice(0, state.path.lastIndexOf('/'))}/${replacement.file}`);
  }
  const unchanged = states
    .filter((state) => state.status === 'generated')
    .map((state) => state.path);
  return current.ok ? ok({ project: current.value, written, unchanged }) : current;
}

/** Replaces a script; a pre-action script that changes language also changes the monitor's path. */
function replaceScript(project: Project, path: string, script: GeneratedScript): Result<Project> {
  const folder = path.slice(0, path.lastIndexOf('/'));
  const file = path.slice(folder.length + 1);
  if (file === script.file) {
    return ok(putScript(project, path, script.text));
  }
  const monitorName = folder.startsWith('monitor.s/') ? folder.slice('monitor.s/'.length) : '';
  const monitor = readModel(project.conf).monitors.find(
    (candidate) => candidate.name === monitorName,
  );
  if (!monitor) {
    return fail(
      appError(
        'not-found',
        `scripts/${path} belongs to no monitor of this clp.conf; remove it or add the monitor`,
        {
          ja: `scripts/${path} は、この clp.conf のどのモニタリソースにも属していません。削除するか、モニタリソースを追加してください`,
        },
      ),
    );
  }
  return wirePreaction(dropScript(project, path), monitor.path, script);
}

/** The group of an exec resource, or an error saying to add it. */
function groupOfExec(project: Project, name: string): Result<string> {
  const group = readModel(project.conf).resources.find(
    (resource) => resource.type === 'exec' && resource.name === name,
  )?.group;
  return group
    ? ok(group)
    : fail(
        appError(
          'not-found',
          `exec resource "${name}" is not in a group of this clp.conf; add it first (clpbuilder add resource <group> exec ${name})`,
          {
            ja: `exec リソース "${name}" は、この clp.conf のどのグループにもありません。先に追加してください (clpbuilder add resource <group> exec ${name})`,
          },
        ),
      );
}

/** A monitor's path, or an error saying to add it. */
function monitorPath(project: Project, name: string, type?: string): Result<string> {
  const monitor = readModel(project.conf).monitors.find(
    (candidate) => candidate.name === name && (type === undefined || candidate.type === type),
  );
  return monitor
    ? ok(monitor.path)
    : fail(
        appError(
          'not-found',
          `${type ?? ''} monitor "${name}" is not in this clp.conf; add it first (clpbuilder add monitor)`.replace(
            /^ /,
            '',
          ),
          {
            ja: `${type === undefined ? '' : `${type} `}モニタリソース "${name}" は、この clp.conf にありません。先に追加してください (clpbuilder add monitor)`,
          },
        ),
      );
}

/**
 * Wires VM scripts into resources and monitors the engineer names (a project built by hand):
 * the exec resource's power scripts, the custom monitor's VM monitor script, the pre-action
 * of monitors. The profile in project.json gives the values.
 */
export function wireScripts(project: Project, wire: WireOptions): Result<Project> {
  const profile = parseVmProfile(project.meta.vmProfile);
  if (!profile.ok) {
    return profile;
  }
  const vm = profile.value;
  let current: Result<Project> = ok(project);
  if (wire.exec !== undefined) {
    current = wireExec(project, wire.exec, vm);
  }
  if (wire.monitor !== undefined) {
    current = current.ok ? wireMonitor(current.value, wire.monitor, wire.exec, vm) : current;
  }
  for (const name of wire.preaction ?? []) {
    current = current.ok ? wireOnePreaction(current.value, name, vm) : current;
  }
  return current;
}

function wireExec(project: Project, exec: string, profile: VmProfile): Result<Project> {
  const group = groupOfExec(project, exec);
  const on = generateScript('vm/vmpower.start.pl', profile);
  const off = generateScript('vm/vmpower.stop.pl', profile);
  return !group.ok
    ? group
    : !on.ok
      ? on
      : !off.ok
        ? off
        : wireVmExec(project, exec, on.value, off.value);
}

function wireMonitor(
  project: Project,
  monitor: string,
  exec: string | undefined,
  profile: VmProfile,
): Result<Project> {
  const found = monitorPath(project, monitor, 'genw');
  if (!found.ok) {
    return found;
  }
  const vmExec =
    exec ??
    generatedScriptStates(project)
      .find((state) => state.template === 'vm/vmpower.start.pl')
      ?.path.split('/')[1];
  if (vmExec === undefined) {
    return fail(
      appError(
        'usage',
        `custom monitor ${monitor} watches the VM exec resource; name it (--exec <name>)`,
        {
          ja: `カスタムモニタリソース ${monitor} は VM の exec リソースを監視します。その exec リソースを指定してください (--exec <name>)`,
        },
      ),
    );
  }
  const group = groupOfExec(project, vmExec);
  const script = generateScript('vm/clpvmmon.pl', profile);
  return !group.ok
    ? group
    : !script.ok
      ? script
      : wireVmMonitor(project, monitor, vmExec, group.value, script.value);
}

function wireOnePreaction(project: Project, name: string, profile: VmProfile): Result<Project> {
  const path = monitorPath(project, name);
  const script = generateScript(
    profile.guestOs === 'windows' ? 'vm/vmpreaction.bat' : 'vm/vmpreaction.sh',
    profile,
  );
  return !path.ok ? path : !script.ok ? script : wirePreaction(project, path.value, script.value);
}
