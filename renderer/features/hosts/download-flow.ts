/**
 * The Download dialog's phases: compare (download without overwriting) → show the diff →
 * overwrite only when the user asks. Pure, tested without React.
 */
import type { CallResult } from '../../../electron/contract.js';
import type { Problem } from './upload-flow.js';

type DownloadResult = CallResult<'hosts:download'>;
/** A successful download call's outcome. */
export type DownloadOutcome = Extract<DownloadResult, { ok: true }>['value'];

export interface DownloadFlow {
  readonly phase: 'edit' | 'busy' | 'done';
  readonly outcome?: DownloadOutcome | undefined;
  readonly error?: Problem | undefined;
}

export type DownloadAction =
  | { readonly type: 'edited' }
  | { readonly type: 'started' }
  | { readonly type: 'finished'; readonly result: DownloadResult };

export const initialDownload: DownloadFlow = { phase: 'edit' };

/** The next state of the Download dialog. */
export function downloadFlow(state: DownloadFlow, action: DownloadAction): DownloadFlow {
  switch (action.type) {
    case 'edited':
      return state.phase === 'busy' ? state : initialDownload;
    case 'started':
      return { ...state, phase: 'busy', error: undefined };
    case 'finished':
      return action.result.ok
        ? { phase: 'done', outcome: action.result.value }
        : { phase: 'edit', error: action.result.error };
  }
}

/** What the outcome means for the user. */
export type DownloadVerdict = 'created' | 'written' | 'identical' | 'differs';

/** `differs`: an existing project was left as it was; the diff is shown and Overwrite offered. */
export function verdictOf(outcome: DownloadOutcome): DownloadVerdict {
  if (outcome.written) {
    return outcome.created ? 'created' : 'written';
  }
  return outcome.different ? 'differs' : 'identical';
}
