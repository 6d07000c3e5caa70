/**
 * The open project's editing state and its pure reducer (STYLE.md §4).
 *
 * Every edit is a command over the whole Project, applied with the core's own operations, so
 * undo/redo is a stack of immutable projects and needs no React to test. Refused edits keep
 * the project and say why.
 */
import { withTemplateRules } from '../../templates/index.js';
import {
  type AcknowledgementTarget,
  type DependencySide,
  type Finding,
  type Project,
  type ProjectMeta,
  type Result,
  acknowledge,
  applyAllQuickFixes,
  applyQuickFix,
  decodeClpConfText,
  ok,
  readModel,
  removeParameter,
  setGroupDependencies,
  setParameter,
  setResourceDependencies,
  setStartupServers,
  withdrawAcknowledgement,
} from '../../schemas/index.js';
import {
  type NewEntity,
  addEntity,
  copyEntity,
  entityRefAt,
  folderOf,
  pathOf,
  removeEntity,
  renameEntity,
} from '../features/entities/entity-commands.js';
import { writeScript } from '../features/scripts/script-text.js';
import { applyVmProfile } from './vm-profile-edit.js';
import { errorText } from '../error-text.js';

type ProjectHost = ProjectMeta['hosts'][number];

/** An edit the user makes. */
export type Command =
  | { readonly type: 'set-parameter'; readonly path: string; readonly value: string }
  /** Several parameters as one edit (a monitor's recovery target: type and name). */
  | {
      readonly type: 'set-parameters';
      readonly changes: ReadonlyArray<readonly [string, string]>;
    }
  /** Back to the product's default: the parameter's element goes. */
  | { readonly type: 'remove-parameter'; readonly path: string }
  /** A group's startup servers, in order ([] for every server in priority order). */
  | {
      readonly type: 'set-startup-servers';
      readonly group: string;
      readonly servers: readonly string[];
    }
  /** A resource's dependencies: undefined follows the default dependency, [] none. */
  | {
      readonly type: 'set-dependencies';
      readonly resource: string;
      readonly depends: readonly string[] | undefined;
    }
  /** The groups a group starts (or stops) after. */
  | {
      readonly type: 'set-group-dependencies';
      readonly group: string;
      readonly groups: readonly string[];
      readonly side: DependencySide;
    }
  | {
      readonly type: 'apply-quick-fix';
      readonly finding: Finding;
      /** Whether the project came with its scripts, as the checks that found it were told. */
      readonly scriptsGiven?: boolean;
    }
  /** Every open finding's quick fix, as one edit (one undo reverts them all). */
  | { readonly type: 'apply-all-quick-fixes'; readonly scriptsGiven: boolean }
  /** Accepts a warning or info on purpose (project.json); `date` is today's, YYYY-MM-DD. */
  | {
      readonly type: 'acknowledge';
      readonly finding: Finding;
      readonly reason: string;
      readonly date: string;
      /** Every finding of the finding's rule, not this one alone. */
      readonly everyFinding?: boolean;
      /** The last day it accepts the finding (YYYY-MM-DD). */
      readonly until?: string;
    }
  | { readonly type: 'withdraw-acknowledgement'; readonly target: AcknowledgementTarget }
  /** The raw clp.conf tab: the whole text, when it parses. */
  | { readonly type: 'replace-conf'; readonly text: string }
  | { readonly type: 'add-entity'; readonly entity: NewEntity }
  /** Refused by the core while something refers to the entity, naming the referrers. */
  | { readonly type: 'remove-entity'; readonly path: string }
  | { readonly type: 'rename-entity'; readonly path: string; readonly to: string }
  /** A copy named `to`; for a group, `renames` gives its resources' new names. */
  | {
      readonly type: 'duplicate-entity';
      readonly path: string;
      readonly to: string;
      readonly renames?: ReadonlyArray<readonly [string, string]>;
    }
  /** A script's text, from its editor (encoded as the file was). */
  | { readonly type: 'set-script'; readonly path: string; readonly text: string }
  /** The hosts to upload to, as edited in the Upload dialog (project.json `hosts`). */
  | { readonly type: 'set-hosts'; readonly hosts: readonly ProjectHost[] }
  /** The VM scripts wizard: a new profile and the scripts regenerated from it, in one step. */
  | {
      readonly type: 'apply-vm-profile';
      readonly vmProfile: Readonly<Record<string, unknown>>;
      readonly force: boolean;
    };

/** Everything the reducer handles: edits, history, selection and file events. */
export type Action =
  | Command
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'select'; readonly path: string }
  | { readonly type: 'saved' };

export interface EditorState {
  readonly project: Project;
  readonly past: readonly Project[];
  readonly future: readonly Project[];
  /** The project as last opened or saved; the window is dirty while `project` differs. */
  readonly saved: Project;
  /** clpcfadm path of the selected entity; `cluster` for the cluster itself. */
  readonly selection: string;
  /** Why the last edit was refused, for the status bar. */
  readonly refusal?: string;
}

// Enough to undo a working session; each entry shares all unchanged nodes with its neighbours.
const HISTORY_LIMIT = 500;

/** The state of a freshly opened project. */
export function initialEditorState(project: Project): EditorState {
  return { project, past: [], future: [], saved: project, selection: 'cluster' };
}

/** Whether there are unsaved edits. */
export function isDirty(state: EditorState): boolean {
  return state.project !== state.saved;
}

/** Applies one command to a project with the core's operations. */
export function applyCommand(project: Project, command: Command): Result<Project> {
  switch (command.type) {
    case 'set-parameter':
      return setParameter(project, command.path, command.value);
    case 'set-parameters':
      return command.changes.reduce<Result<Project>>(
        (result, [path, value]) => (result.ok ? setParameter(result.value, path, value) : result),
        ok(project),
      );
    case 'remove-parameter':
      return removeParameter(project, command.path);
    case 'set-startup-servers':
      return setStartupServers(project, command.group, command.servers);
    case 'set-dependencies':
      return setResourceDependencies(project, command.resource, command.depends);
    case 'set-group-dependencies':
      return setGroupDependencies(project, command.group, command.groups, command.side);
    case 'apply-quick-fix':
      return applyQuickFix(
        project,
        command.finding,
        withTemplateRules({ scriptsGiven: command.scriptsGiven ?? true }),
      );
    case 'apply-all-quick-fixes': {
      const fixed = applyAllQuickFixes(
        project,
        withTemplateRules({ scriptsGiven: command.scriptsGiven }),
      );
      return fixed.ok ? ok(fixed.value.project) : fixed;
    }
    case 'acknowledge': {
      const { finding, reason, date } = command;
      const path = command.everyFinding === true ? {} : { path: finding.path };
      const until = command.until === undefined ? {} : { until: command.until };
      return acknowledge(
        project,
        [finding],
        {
          rule: finding.rule,
          ...path,
          reason,
          date,
          ...until,
        },
        date,
      );
    }
    case 'withdraw-acknowledgement':
      return withdrawAcknowledgement(project, command.target);
    case 'replace-conf': {
      const conf = decodeClpConfText(command.text);
      return conf.ok ? ok({ ...project, conf: conf.value }) : conf;
    }
    case 'add-entity':
      return addEntity(project, command.entity);
    case 'remove-entity':
      return removeEntity(project, command.path);
    case 'rename-entity':
      return renameEntity(project, command.path, command.to);
    case 'duplicate-entity':
      return copyEntity(project, command.path, command.to, command.renames);
    case 'apply-vm-profile':
      return applyVmProfile(project, command.vmProfile, command.force);
    case 'set-hosts':
      return setHosts(project, command.hosts);
    case 'set-script':
      return writeScript(project, command.path, command.text);
  }
}

/** Project hosts with the known server names kept; the same hosts again change nothing. */
function setHosts(project: Project, hosts: readonly ProjectHost[]): Result<Project> {
  const next = hosts.map((host) => {
    const before = project.meta.hosts.find(
      (old) => old.address === host.address && old.port === host.port,
    );
    const server = host.server ?? before?.server;
    return {
      address: host.address,
      port: host.port,
      user: host.user,
      ...(server ? { server } : {}),
    };
  });
  if (JSON.stringify(next) === JSON.stringify(project.meta.hosts)) {
    return ok(project);
  }
  return ok({ ...project, meta: { ...project.meta, hosts: next } });
}

/** Where the selection goes after an edit: onto what it created, or off what it removed. */
function selectionAfter(state: EditorState, command: Command): string {
  switch (command.type) {
    case 'add-entity': {
      const { kind, type, name } = command.entity;
      return pathOf(kind, type, name);
    }
    case 'rename-entity':
    case 'duplicate-entity': {
      const entity = entityRefAt(readModel(state.project.conf), command.path);
      return entity ? pathOf(entity.kind, entity.type, command.to) : state.selection;
    }
    case 'remove-entity': {
      const entity = entityRefAt(readModel(state.project.conf), command.path);
      return entity && state.selection === command.path ? folderOf(entity.kind) : state.selection;
    }
    default:
      return state.selection;
  }
}

/** The reducer: pure, `(state, action) => state`. */
export function editorReducer(state: EditorState, action: Action): EditorState {
  switch (action.type) {
    case 'undo':
      return step(state, state.past, state.future, (past, future) => ({ past, future }));
    case 'redo':
      return step(state, state.future, state.past, (future, past) => ({ past, future }));
    case 'select':
      // Moving on dismisses the last refusal: it was about the previous selection.
      return { ...state, selection: action.path, refusal: undefined };
    case 'saved':
      return { ...state, saved: state.project };
    default:
      return edit(state, action);
  }
}

function edit(state: EditorState, command: Command): EditorState {
  const next = applyCommand(state.project, command);
  if (!next.ok) {
    return { ...state, refusal: errorText(next.error) };
  }
  if (next.value === state.project) {
    return state;
  }
  const past = [...state.past, state.project].slice(-HISTORY_LIMIT);
  const selection = selectionAfter(state, command);
  return { ...state, project: next.value, past, future: [], selection, refusal: undefined };
}

/** Moves one project from `from` to the other stack (undo and redo are mirror images). */
function step(
  state: EditorState,
  from: readonly Project[],
  to: readonly Project[],
  stacks: (from: Project[], to: Project[]) => { past: Project[]; future: Project[] },
): EditorState {
  const target = from[from.length - 1];
  if (target === undefined) {
    return state;
  }
  const { past, future } = stacks(from.slice(0, -1), [...to, state.project]);
  return { ...state, project: target, past, future, refusal: undefined };
}
