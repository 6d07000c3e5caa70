/**
 * Watching a project for `clpbuilder check --watch`: what to watch for each kind of location,
 * which names an editor's save touches that are not the project's, and waiting for a save to
 * settle before checking again.
 */
import { type FSWatcher, existsSync, watch } from 'node:fs';
import { basename, join } from 'node:path';
import { type ProjectLocation, folderOf } from '../services/project-folder.js';

/** How long the files must stay still after a change before the project is read again. */
export const SETTLE_MS = 150;

/** One place to watch, and which of the names it reports are the project's. */
interface WatchedPlace {
  readonly path: string;
  readonly recursive: boolean;
  /** Whether a change to `name` (relative to `path`) is one of the project's files. */
  readonly relevant: (name: string) => boolean;
}

// What editors write beside a file while saving it (vim's swap and 4913 probe, emacs' lock
// and backup files, a .bak or .tmp): none of them is the project's, and each save makes some.
const EDITOR_LITTER = /(^|\/)(\.#[^/]*|4913|[^/]*(~|\.sw[a-p]|\.bak|\.tmp))$/;

const isProjectFile = (name: string) => !EDITOR_LITTER.test(name);

/**
 * The places a project's files live in: a folder's clp.conf, scripts/ and
 * .clpbuilder/project.json; a bare file and the scripts/ and .clpbuilder/ beside it; a zip.
 * Only the places that exist now: `watchProject` looks again after every change, so a scripts/
 * folder made later is watched from then on.
 */
export function watchedPlacesOf(location: ProjectLocation): WatchedPlace[] {
  if (location.kind === 'zip') {
    const name = basename(location.path);
    return [{ path: folderOf(location), recursive: false, relevant: (n) => n === name }];
  }
  const folder = folderOf(location);
  const conf = location.kind === 'folder' ? 'clp.conf' : basename(location.path);
  const places: WatchedPlace[] = [
    {
      path: folder,
      recursive: false,
      relevant: (name) => name === conf || name === 'scripts' || name === '.clpbuilder',
    },
  ];
  const scripts = join(folder, 'scripts');
  if (existsSync(scripts)) {
    places.push({ path: scripts, recursive: true, relevant: isProjectFile });
  }
  const meta = join(folder, '.clpbuilder');
  if (existsSync(meta)) {
    places.push({ path: meta, recursive: false, relevant: (name) => name === 'project.json' });
  }
  return places;
}

/** A running watch; `close` stops it. */
export interface ProjectWatch {
  close(): void;
}

/**
 * Calls `onChange` once the project's files have changed and then stayed still for
 * `SETTLE_MS` (a save is several writes and a rename), with the names that changed. The
 * watchers are set up again before each call, so places made or removed since are followed.
 */
export function watchProject(
  location: ProjectLocation,
  onChange: (names: readonly string[]) => void,
): ProjectWatch {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const arm = () => {
    watchers.forEach((watcher) => watcher.close());
    watchers = watchedPlacesOf(location).map((place) =>
      watch(place.path, { recursive: place.recursive }, (_event, name) => {
        const relative = name === null ? '' : String(name);
        if (place.relevant(relative)) {
          changed.add(join(place.path, relative));
          soon();
        }
      }).on('error', () => {
        // The place went (a folder removed or renamed): read again, which says what is missing.
        changed.add(place.path);
        soon();
      }),
    );
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };
  const settle = () => {
    const names = [...changed];
    changed = new Set();
    arm();
    onChange(names);
  };
  arm();
  return {
    close: () => {
      clearTimeout(timer);
      watchers.forEach((watcher) => watcher.close());
    },
  };
}
