/**
 * The only door to the disk and the network (STYLE.md §3): the Electron preload's bridge
 * when there is one, else the browser host's HTTP contract with the launch token.
 */
import type { CallArgs, CallName, CallResult } from '../electron/contract.js';
import type { MenuCommand } from '../electron/menu.js';

type Call<N extends CallName> = (...args: CallArgs<N>) => Promise<CallResult<N>>;

/** The contract's calls the renderer uses, as named functions (the preload's shape). */
export interface Api {
  readonly app: { info: Call<'app:info'>; initialProject: Call<'app:initial-project'> };
  readonly project: {
    show: Call<'project:show'>;
    open: Call<'project:open'>;
    save: Call<'project:save'>;
    create: Call<'project:create'>;
    saveAs: Call<'project:save-as'>;
    export: Call<'project:export'>;
    diskState: Call<'project:disk-state'>;
  };
  readonly files: { list: Call<'files:list'>; recent: Call<'files:recent'> };
  readonly hosts: {
    plan: Call<'hosts:plan'>;
    upload: Call<'hosts:upload'>;
    rollback: Call<'hosts:rollback'>;
    progress: Call<'hosts:progress'>;
    download: Call<'hosts:download'>;
  };
  readonly secrets: { status: Call<'secrets:status'>; forget: Call<'secrets:forget'> };
  /** The desktop app's menu bar (absent in the browser host, which has no native menu). */
  readonly menu?: { onCommand(listener: (command: MenuCommand) => void): () => void };
}

declare global {
  interface Window {
    /** Set by electron/preload.ts; absent in a plain browser. */
    api?: Api;
  }
}

/** Reads the token from the address once and takes it out of the address bar and history. */
function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? undefined;
  if (token !== undefined) {
    url.searchParams.delete('token');
    // The host set a cookie with it; the visible address should not show the key.
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return token;
}

function httpApi(token: string | undefined): Api {
  const call =
    <N extends CallName>(name: N): Call<N> =>
    async (...args) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token === undefined ? {} : { 'X-Clpbuilder-Token': token }),
        },
        body: JSON.stringify(args),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const message = `the browser host refused the call (${response.status}); open the address clpbuilder serve printed`;
        return { ok: false, error: { kind: 'io', message } } as CallResult<N>;
      }
      return (await response.json()) as CallResult<N>;
    };
  return {
    app: { info: call('app:info'), initialProject: call('app:initial-project') },
    project: {
      show: call('project:show'),
      open: call('project:open'),
      save: call('project:save'),
      create: call('project:create'),
      saveAs: call('project:save-as'),
      export: call('project:export'),
      diskState: call('project:disk-state'),
    },
    files: { list: call('files:list'), recent: call('files:recent') },
    hosts: {
      plan: call('hosts:plan'),
      upload: call('hosts:upload'),
      rollback: call('hosts:rollback'),
      progress: call('hosts:progress'),
      download: call('hosts:download'),
    },
    secrets: { status: call('secrets:status'), forget: call('secrets:forget') },
  };
}

/** The transport for this page. */
export const api: Api = window.api ?? httpApi(takeToken());
