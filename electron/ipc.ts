/**
 * Registers the contract's handlers: every argument is parsed with its schema, unknown senders
 * are refused, and handlers return Results (STYLE.md §3; desktop/desktop trusted-ipc-sender).
 */
import { type CallArgs, type CallName, type CallResult, contract } from './contract.js';

export type Handlers = { [N in CallName]: (...args: CallArgs<N>) => Promise<CallResult<N>> };

/** Validates one call; returns the handler's Result, or an error Result for bad arguments. */
export async function dispatch(name: string, args: unknown, handlers: Handlers): Promise<unknown> {
  if (!Object.hasOwn(contract, name)) {
    return { ok: false, error: { kind: 'usage', message: `unknown call ${name}` } };
  }
  const call = name as CallName;
  const parsed = contract[call].args.safeParse(args);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        kind: 'usage',
        message: `bad arguments for ${call}: ${parsed.error.issues[0]?.message ?? ''}`,
      },
    };
  }
  const handler = handlers[call] as (...values: unknown[]) => Promise<unknown>;
  return handler(...(parsed.data as unknown[]));
}
