/**
 * The Upload dialog's effects (STYLE.md §4: one named hook): plan, upload and rollback
 * through the api; the reducer in upload-flow.ts decides what the dialog shows.
 */
import { useCallback, useReducer } from 'react';
import type { HostConnection } from '../../../electron/contract.js';
import { api } from '../../api.js';
import { type FlowAction, type UploadFlow, initialFlow, uploadFlow } from './upload-flow.js';
import type { HostTarget } from './upload-model.js';

/** What a call needs besides the phase: the project folder, the hosts, the connection. */
export interface UploadInput {
  readonly project: string;
  readonly hosts: readonly HostTarget[];
  readonly connection: HostConnection;
}

/** The dialog's state and its three calls. */
export function useUpload(): {
  flow: UploadFlow;
  edited(): void;
  setAllowErrors(value: boolean): void;
  plan(input: UploadInput): Promise<void>;
  upload(input: UploadInput): Promise<void>;
  rollback(input: UploadInput, snapshot: string): Promise<void>;
} {
  const [flow, dispatch] = useReducer(uploadFlow, initialFlow);
  const edited = useCallback(() => dispatch({ type: 'edited' }), []);
  const setAllowErrors = useCallback(
    (value: boolean) => dispatch({ type: 'allow-errors', value }),
    [],
  );
  const plan = useCallback(async (input: UploadInput) => {
    dispatch({ type: 'started', phase: 'planning' });
    const result = await withProgress(dispatch, (progressId) =>
      api.hosts.plan({ ...requestOf(input, false), progressId }),
    );
    dispatch({ type: 'finished', result });
  }, []);
  const upload = useCallback(
    async (input: UploadInput) => {
      dispatch({ type: 'started', phase: 'uploading' });
      const result = await withProgress(dispatch, (progressId) =>
        api.hosts.upload({ ...requestOf(input, flow.allowErrors), progressId }),
      );
      dispatch({ type: 'finished', result });
    },
    [flow.allowErrors],
  );
  const rollback = useCallback(async (input: UploadInput, snapshot: string) => {
    dispatch({ type: 'started', phase: 'rolling-back' });
    const result = await withProgress(dispatch, (progressId) =>
      api.hosts.rollback({ ...requestOf(input, true), snapshot, progressId }),
    );
    dispatch({ type: 'finished', result });
  }, []);
  return { flow, edited, setAllowErrors, plan, upload, rollback };
}

// Often enough that a step of a second or two shows; cheap: one small call on loopback.
const POLL_MS = 250;

/**
 * Runs a call under a fresh progress id and reads its steps while it runs, so each host's
 * step shows live (the same reads work over Electron IPC and the browser host).
 */
async function withProgress<T>(
  dispatch: (action: FlowAction) => void,
  call: (progressId: string) => Promise<T>,
): Promise<T> {
  const id = crypto.randomUUID();
  let since = 0;
  let running = true;
  const poll = async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const page = await api.hosts.progress({ id, since });
      if (page.ok && page.value.events.length > 0 && running) {
        since = page.value.next;
        dispatch({ type: 'progress', events: page.value.events });
      }
    }
  };
  const polling = poll();
  try {
    return await call(id);
  } finally {
    running = false;
    await polling.catch(() => undefined);
  }
}

function requestOf(input: UploadInput, allowErrors: boolean) {
  return {
    ...input.connection,
    project: input.project,
    hosts: input.hosts.map((host) => ({ ...host })),
    allowErrors,
  };
}
