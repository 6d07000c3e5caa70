/**
 * The scripts a real project of a generated model holds: start.sh and stop.sh for each exec
 * resource in a group, genw.sh (and, for the UI run, preaction.sh) for each custom monitor.
 * Shared by the rules and UI benchmarks so that both measure the same project.
 */

/** Scripts-tree keys (`group/exec1/start.sh`, `monitor.s/genw1/genw.sh`) of `model`. */
export function scriptKeysOf(model, { withPreaction = false } = {}) {
  const keys = [];
  for (const resource of model.resources.filter((r) => r.type === 'exec' && r.group)) {
    keys.push(
      `${resource.group}/${resource.name}/start.sh`,
      `${resource.group}/${resource.name}/stop.sh`,
    );
  }
  for (const monitor of model.monitors.filter((m) => m.type === 'genw')) {
    keys.push(`monitor.s/${monitor.name}/genw.sh`);
    if (withPreaction) {
      keys.push(`monitor.s/${monitor.name}/preaction.sh`);
    }
  }
  return keys;
}
