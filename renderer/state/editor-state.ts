/**
 * The open project's editing state and its pure reducer (STYLE.md §4).
 *
 * Every edit is a command over the whole Project, applied with the core's own operations, so
 * undo/redo is a stack of immutable projects and needs no React to test. Refused edits keep
 * the project and say why.
 */
import { withTemplateRules } from '../../templates/index.js';
import {
  type Finding,
  type Project,
  type Result,
  applyQuickFix,
  decodeClpConfText,
  ok,
  setParameter,
} from '../../schemas/index.js';

/** An edit the user makes. */
export type Command =
  | { readonly type: 'set-parameter'; readonly path: string; readonly value: string }
  | { readonly type: 'apply-quick-fix'; readonly finding: Finding }
  /** The raw clp.conf tab: the whole text, when it parses. */
  | { readonly type: 'replace-conf'; readonly text: string };

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
    case 'apply-quick-fix':
      return applyQuickFix(project, command.finding, withTemplateRules());
    case 'replace-conf': {
      const conf = decodeClpConfText(command.text);
      return conf.ok ? ok({ ...project, conf: conf.value }) : conf;
    }
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
      return { ...state, selection: action.path };
    case 'saved':
      return { ...state, saved: state.project };
    default:
      return edit(state, action);
  }
}

function edit(state: EditorState, command: Command): EditorState {
  const next = applyCommand(state.project, command);
  if (!next.ok) {
    return { ...state, refusal: next.error.message };
  }
  if (next.value === state.project) {
    return state;
  }
  const past = [...state.past, state.project].slice(-HISTORY_LIMIT);
  return { ...state, project: next.value, past, future: [], refusal: undefined };
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
