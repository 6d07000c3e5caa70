/**
 * Recent projects: kept by the host in a small JSON file under the user's config folder
 * ($XDG_CONFIG_HOME/clpbuilder/recent.json), never in a project (a project folder is shared and
 * uploaded; which projects one engineer opened is theirs).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { type Result, ok } from '../../schemas/index.js';
import { writeFileAtomically } from './atomic-write.js';

const RecentProjectSchema = z.object({
  path: z.string().min(1),
  kind: z.enum(['folder', 'file', 'zip']),
  /** ISO 8601. */
  openedAt: z.string(),
});
export type RecentProject = z.infer<typeof RecentProjectSchema>;

const RecentFileSchema = z.object({ projects: z.array(RecentProjectSchema) });

/** How many projects the list keeps. */
export const RECENT_LIMIT = 10;

/** Where the list lives: $XDG_CONFIG_HOME/clpbuilder/recent.json, else ~/.config/... */
export function defaultRecentFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(config, 'clpbuilder', 'recent.json');
}

/** The list, newest first; a missing or unreadable file is an empty list (it is only a convenience). */
export async function readRecentProjects(file: string): Promise<RecentProject[]> {
  try {
    const parsed = RecentFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.projects.slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Puts a project at the top of the list (once), keeping at most RECENT_LIMIT. */
export async function rememberProject(
  file: string,
  project: Omit<RecentProject, 'openedAt'>,
  now: Date = new Date(),
): Promise<Result<RecentProject[]>> {
  const previous = await readRecentProjects(file);
  const projects = [
    { path: project.path, kind: project.kind, openedAt: now.toISOString() },
    ...previous.filter((entry) => entry.path !== project.path),
  ].slice(0, RECENT_LIMIT);
  // Temp then rename: two windows saving at once leave one whole list, never a torn one.
  const written = await writeFileAtomically(
    file,
    new TextEncoder().encode(`${JSON.stringify({ projects }, null, 2)}\n`),
    0o600,
  );
  return written.ok ? ok(projects) : written;
}
