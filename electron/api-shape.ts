/**
 * The contract's calls as the named functions the renderer uses (`api.project.open(...)`),
 * built once for both transports: Electron's preload bridge and the browser host's HTTP.
 * A call added to contract.ts gets its name here, and both sides have it.
 */
import type { CallArgs, CallName, CallResult } from './contract.js';

/** One call of the contract as a function. */
export type Call<N extends CallName> = (...args: CallArgs<N>) => Promise<CallResult<N>>;

/** How a transport makes the function for one call. */
export type MakeCall = <N extends CallName>(name: N) => Call<N>;

/** The named functions, over the transport `call`. */
export function apiOf(call: MakeCall) {
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

/** The calls of the contract, by area. */
export type ContractApi = ReturnType<typeof apiOf>;
