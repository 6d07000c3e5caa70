/**
 * The Upload dialog's effects (STYLE.md §4: one named hook): plan, upload and rollback
 * through the api; the reducer in upload-flow.ts decides what the dialog shows.
 */
import { useCallback, useReducer } from 'react';
import type { HostConnection } from '../../../electron/contract.js';
import { api } from '../../api.js';
import { type UploadFlow, initialFlow, uploadFlow } from './upload-flow.js';
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
    dispatch({ type: 'finished', result: await api.hosts.plan(requestOf(input, false)) });
  }, []);
  const upload = useCallback(
    async (input: UploadInput) => {
      dispatch({ type: 'started', phase: 'uploading' });
      const request = requestOf(input, flow.allowErrors);
      dispatch({ type: 'finished', result: await api.hosts.upload(request) });
    },
    [flow.allowErrors],
  );
  const rollback = useCallback(async (input: UploadInput, snapshot: string) => {
    dispatch({ type: 'started', phase: 'rolling-back' });
    const request = { ...requestOf(input, true), snapshot };
    dispatch({ type: 'finished', result: await api.hosts.rollback(request) });
  }, []);
  return { flow, edited, setAllowErrors, plan, upload, rollback };
}

function requestOf(input: UploadInput, allowErrors: boolean) {
  return {
    ...input.connection,
    project: input.project,
    hosts: input.hosts.map((host) => ({ ...host })),
    allowErrors,
  };
}
