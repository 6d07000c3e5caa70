/**
 * Every call between the renderer and the main process: name, argument schema, result schema.
 *
 * Main, preload, the CLI and the browser host import this; the renderer imports its types.
 * Calls are named `area:verb` (STYLE.md §3). The desktop issue grows this list; each call is
 * validated in main with its schema before anything acts on it.
 */
import { z } from 'zod';

const ErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  path: z.string().optional(),
});

/** A Result as it crosses IPC (thrown errors lose their fields there; electron#24427). */
export function resultOf<T extends z.ZodType>(value: T) {
  return z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorSchema }),
  ]);
}

export const contract = {
  'app:info': {
    args: z.tuple([]),
    result: resultOf(z.object({ name: z.string(), version: z.string() })),
  },
  'project:show': {
    args: z.tuple([z.string().min(1)]),
    result: resultOf(
      z.object({
        clusterName: z.string(),
        servers: z.array(z.string()),
        groups: z.array(z.string()),
        resources: z.number(),
        monitors: z.number(),
      }),
    ),
  },
} as const;

export type CallName = keyof typeof contract;
export type CallArgs<N extends CallName> = z.infer<(typeof contract)[N]['args']>;
export type CallResult<N extends CallName> = z.infer<(typeof contract)[N]['result']>;
