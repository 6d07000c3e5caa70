/**
 * The only door to the disk and the network (STYLE.md §3): the Electron preload's bridge
 * when there is one, else the browser host's HTTP contract with the launch token.
 */
import { type Call, type ContractApi, apiOf } from '../electron/api-shape.js';
import type { CallName, CallResult } from '../electron/contract.js';
import type { MenuCommand } from '../electron/menu.js';

/** The contract's calls the renderer uses, as named functions (the preload's shape). */
export type Api = ContractApi & {
  /** The desktop app's menu bar (absent in the browser host, which has no native menu). */
  readonly menu?: { onCommand(listener: (command: MenuCommand) => void): () => void };
};

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
  return apiOf(call);
}

/** The transport for this page. */
export const api: Api = window.api ?? httpApi(takeToken());
