/**
 * Rules about the generated scripts (issue 4: "the rules report a generated script that was
 * edited by hand since, or that is stale against the profile"). They live here because only
 * templates/ can render what the profile generates now; callers pass them to the engine as
 * `extraRules` (schemas/rules/engine.ts).
 */
import type { CheckOptions, Hit, Rule } from '../schemas/rules/index.js';
import type { Project } from '../schemas/project.js';
import { type Result, ok } from '../schemas/result.js';
import { generatedScriptStates } from './script-states.js';

export const VM024: Rule = {
  id: 'VM024',
  severity: 'warning',
  topologies: 'all',
  source: 'Cluster Builder: scripts generated from the VM profile (vSphere guide, Appendix A)',
  text: 'A generated VM script is as generated from the current VM profile: not edited by hand since, not stale against the profile.',
  fix: 'Run clpbuilder generate (a stale script: quick fix); keep a hand edit deliberately, or regenerate with --force.',
  ja: { text: '生成された VM スクリプトは現在の VM プロファイルから生成したとおりです: 生成後に手で編集されておらず、プロファイルに対して古くなっていません。', fix: 'clpbuilder generate を実行してください (古いスクリプトはクイックフィックスで直せます)。手での編集は意図して残すか、--force で再生成してください。' },
  inputs: ['scripts', 'meta'],
  check: ({ project }) =>
    generatedScriptStates(project).flatMap((state): Hit[] => {
      if (state.status === 'edited') {
        return [{ path: `scripts/${state.path}`, message: `scripts/${state.path} was edited by hand since it was generated from ${state.template}`, fix: 'Regenerate it with clpbuilder generate --force, or keep the edit knowingly.', ja: { message: `scripts/${state.path} は ${state.template} から生成された後に手で編集されています`, fix: 'clpbuilder generate --force で再生成するか、編集を承知のうえで残してください。' } }];
      }
      if (state.status === 'stale') {
        const current = state.current;
        return [{
          path: `scripts/${state.path}`,
          message: `scripts/${state.path} is stale: the VM profile or template ${state.template} changed since it was generated`,
          ja: { message: `scripts/${state.path} は古くなっています: 生成後に VM プロファイルまたはテンプレート ${state.template} が変更されました` },
          ...(current && current.template === state.template ? { quickFix: (edited: Project) => regenerate(edited, state.path, current.text) } : {}),
        }];
      }
      return [];
    }),
};

function regenerate(project: Project, path: string, text: string): Result<Project> {
  const scripts = new Map(project.scripts);
  scripts.set(path, { bytes: new TextEncoder().encode(text), executable: true });
  return ok({ ...project, scripts });
}

/** The rules of this layer, for the engine's `extraRules`. */
export const TEMPLATE_RULES: readonly Rule[] = [VM024];

/** Check options with every rule: the catalogue's and the templates'. */
export function withTemplateRules(options: CheckOptions = {}): CheckOptions {
  return { ...options, extraRules: TEMPLATE_RULES };
}
