/**
 * Recent projects, as the host keeps them (`files:recent`); read again whenever the open
 * project changes, since opening and Save As are what the host records.
 */
import { useEffect, useState } from 'react';
import type { CallResult } from '../../../electron/contract.js';
import { api } from '../../api.js';

/** One recent project. */
export type RecentProject = Extract<
  CallResult<'files:recent'>,
  { ok: true }
>['value']['projects'][number];

/** The list, newest first; `key` changes when it should be read again. */
export function useRecentProjects(key: string | undefined): readonly RecentProject[] {
  const [projects, setProjects] = useState<readonly RecentProject[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void api.files.recent().then((recent) => {
      if (isCurrent && recent.ok) {
        setProjects(recent.value.projects);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return projects;
}
