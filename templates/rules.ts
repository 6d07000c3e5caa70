/**
 * Rules about the generated scripts (issue 4: "the rules report a generated script that was
 * edited by hand since, or that is stale against the profile"). They live here because only
 * templates/ can render what the profile generates now; callers pass them to the engine as
 * `extraRules` (schemas/rules/engine.ts).
 */
import type { CheckOptions, Hit, Rule } from '../schemas/rules/index.js';
import type { Project } from '../schemas/project.js';
import { type Result, ok } from '../schemas/result.js';
import { type GeneratedScriptState, generatedScriptStates } from './script-states.js';

export const VM024: Rule = {
  id: 'VM024',
  severity: 'warning',
  topologies: 'all',
  source: 'Cluster Builder: scripts generated from the VM profile (vSphere guide, Appendix A)',
  text: 'A generated VM script is as generated from the current VM profile: not edited by hand since, not stale against the profile (a project that records no profile gets one info saying its scripts were checked for hand edits only).',
  fix: 'Run clpbuilder generate (a stale script: quick fix); keep a hand edit deliberately, or regenerate with --force.',
  ja: { text: '生成された VM スクリプトは現在の VM プロファイルから生成したとおりです: 生成後に手で編集されておらず、プロファイルに対して古くなっていません (プロファイルを記録していないプロジェクトには、スクリプトは手での編集の有無だけを確認したという情報を 1 件示します)。', fix: 'clpbuilder generate を実行してください (古いスクリプトはクイックフィックスで直せます)。手での編集は意図して残すか、--force で再生成してください。' },
  inputs: ['scripts', 'meta'],
  check: ({ project }) => {
    const states = generatedScriptStates(project);
    // No profile recorded (a bare clp.conf, a Cluster WebUI export): nothing to be stale against.
    if (project.meta.vmProfile === undefined) {
      const unknown = states.filter((state) => state.status === 'stale');
      const hits = states.filter((state) => state.status === 'edited').map(editedHit);
      return unknown.length === 0 ? hits : [...hits, noProfileHit(unknown.length)];
    }
    return states.flatMap((state): Hit[] => {
      if (state.status === 'edited') {
        return [editedHit(state)];
      }
      if (state.status === 'stale') {
        const current = state.current;
        return [{
          path: `scripts/${state.path}`,
          script: state.path,
          message: `scripts/${state.path} is stale: the VM profile or template ${state.template} changed since it was generated`,
          ja: { message: `scripts/${state.path} は古くなっています: 生成後に VM プロファイルまたはテンプレート ${state.template} が変更されました` },
          ...(current && current.template === state.template ? { quickFix: (edited: Project) => regenerate(edited, state.path, current.text) } : {}),
        }];
      }
      return [];
    });
  },
};

function editedHit(state: GeneratedScriptState): Hit {
  return { path: `scripts/${state.path}`, script: state.path, message: `scripts/${state.path} was edited by hand since it was generated from ${state.template}`, fix: 'Regenerate it with clpbuilder generate --force, or keep the edit knowingly.', ja: { message: `scripts/${state.path} は ${state.template} から生成された後に手で編集されています`, fix: 'clpbuilder generate --force で再生成するか、編集を承知のうえで残してください。' } };
}

/** The generated scripts could be checked for hand edits only: the fact missing is the profile. */
function noProfileHit(count: number): Hit {
  return {
    severity: 'info',
    path: 'scripts',
    message: `the project records no VM profile, so its ${count} generated VM script(s) were checked for hand edits only, not against the profile (a bare clp.conf or a Cluster WebUI export carries none)`,
    fix: 'Check the project folder, whose .clpbuilder/project.json holds the VM profile, or record the profile there (clpbuilder generate).',
    ja: {
      message: `プロジェクトに VM プロファイルが記録されていないため、生成された ${count} 個の VM スクリプトは手での編集の有無だけを確認し、プロファイルとは比較していません (clp.conf 単体や Cluster WebUI の書き出しにはプロファイルが含まれません)`,
      fix: 'VM プロファイルを記録している .clpbuilder/project.json のあるプロジェクトフォルダを確認するか、そこにプロファイルを記録してください (clpbuilder generate)。',
    },
  };
}

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
