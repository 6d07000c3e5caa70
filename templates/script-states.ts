/**
 * The generated scripts of a project and how each stands against the VM profile: as
 * generated, edited by hand since, or stale (for the rules and for `clpbuilder generate`).
 *
 * A generated script is found by its header (templates/header.ts), not by name, so it is
 * still found after its resource or monitor was renamed (the scripts folder follows). Imports
 * no runtime value of schemas/index.ts, so the rules engine may use it without an import cycle.
 */
import type { Project } from '../schemas/project.js';
import type { VmProfile } from '../schemas/vm-profile.js';
import {
  type GeneratedScript,
  type TemplateId,
  generateScript,
  isTemplateId,
  parseVmProfile,
} from './generate.js';
import {
  type ExpectedScript,
  type ScriptStatus,
  readScriptHeader,
  scriptStatus,
} from './header.js';

/** A generated script in a project and how it stands. */
export interface GeneratedScriptState {
  /** Path under scripts/. */
  readonly path: string;
  /** The template its header names. */
  readonly template: string;
  readonly status: Exclude<ScriptStatus, 'foreign'>;
  /** What the profile generates in its place now; undefined when the profile cannot. */
  readonly current?: GeneratedScript;
}

/** The template the profile puts where `template` was: the pre-action follows the guest OS. */
export function templateNow(template: TemplateId, profile: VmProfile): TemplateId {
  if (template.startsWith('vm/vmpreaction.') && profile.guestOs !== undefined) {
    return profile.guestOs === 'windows' ? 'vm/vmpreaction.bat' : 'vm/vmpreaction.sh';
  }
  return template;
}

const NOTHING_EXPECTED: ExpectedScript = { template: '', version: 0, params: '' };

/**
 * Every script of the project that carries a template header, with its status against what
 * the project's VM profile generates now (an invalid or incomplete profile makes every
 * untouched VM script stale). For the rules: VM scripts edited by hand or stale.
 */
export function generatedScriptStates(project: Project): GeneratedScriptState[] {
  const profile = parseVmProfile(project.meta.vmProfile);
  const states: GeneratedScriptState[] = [];
  for (const [path, file] of [...project.scripts].sort(([a], [b]) => a.localeCompare(b))) {
    const text = new TextDecoder().decode(file.bytes);
    const header = readScriptHeader(text);
    if (!header) {
      continue;
    }
    const current =
      profile.ok && isTemplateId(header.template)
        ? generateScript(templateNow(header.template, profile.value), profile.value)
        : undefined;
    const expected = current?.ok ? current.value.expected : NOTHING_EXPECTED;
    const status = scriptStatus(text, expected) as GeneratedScriptState['status'];
    states.push({
      path,
      template: header.template,
      status,
      ...(current?.ok ? { current: current.value } : {}),
    });
  }
  return states;
}
