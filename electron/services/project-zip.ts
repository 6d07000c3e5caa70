/**
 * Projects as zip archives, in the layout the Cluster WebUI imports and exports.
 *
 * The WebUI's offline export is a zip of clp.conf and scripts/ (clpconf-format.md §8,
 * EXPRESSCLUSTER/UM8700 README.md); some tools put both inside one top-level folder.
 */
import { posix } from 'node:path';
import { type Zippable, unzipSync, zipSync } from 'fflate';
import {
  type Result,
  type ScriptFile,
  appError,
  checkRelativePath,
  fail,
  ok,
} from '../../schemas/index.js';
import { type ZipEntryInfo, readZipDirectory } from './zip-directory.js';

/** What a project zip holds, before decoding. Names are entry names, for messages. */
export interface ZipProjectFiles {
  readonly confEntry: string;
  readonly confBytes: Uint8Array;
  readonly scripts: Map<string, ScriptFile>;
  readonly metaEntry: string;
  readonly metaText?: string;
}

/** A zip bomb guard: real configs with scripts are a few hundred kilobytes. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

const TYPE_MASK = 0o170000;
const TYPE_LINK = 0o120000;
const TYPE_FILE = 0o100000;
/** "Made by" host 3 = UNIX (APPNOTE §4.4.2.2), so unzip tools apply the modes we store. */
const HOST_UNIX = 3;

interface Entry extends ZipEntryInfo {
  /** The name with `\` turned into `/` and no trailing `/`. */
  readonly path: string;
}

/**
 * Reads a project zip: clp.conf, every file under scripts/ (with its executable bit) and
 * .clpbuilder/project.json if present.
 *
 * Refuses (`unsafe-path`) any entry that would land outside the folder it is unpacked to,
 * and links that lead out of the project. Errors name the entry; the caller adds the file.
 */
export function readProjectZip(data: Uint8Array): Result<ZipProjectFiles> {
  const directory = readZipDirectory(data);
  if (!directory.ok) {
    return directory;
  }
  const entries = checkEntries(directory.value);
  if (!entries.ok) {
    return entries;
  }
  const prefix = findConfigFolder(entries.value);
  if (!prefix.ok) {
    return prefix;
  }
  const unpacked = unpack(data, entries.value, prefix.value);
  if (!unpacked.ok) {
    return unpacked;
  }
  const scripts = collectScripts(unpacked.value, prefix.value);
  if (!scripts.ok) {
    return scripts;
  }
  const meta = unpacked.value.get(`${prefix.value}.clpbuilder/project.json`);
  return ok({
    confEntry: `${prefix.value}clp.conf`,
    confBytes: unpacked.value.get(`${prefix.value}clp.conf`)?.bytes ?? new Uint8Array(),
    scripts: scripts.value,
    metaEntry: `${prefix.value}.clpbuilder/project.json`,
    ...(meta ? { metaText: new TextDecoder().decode(meta.bytes) } : {}),
  });
}

/** Normalises names, refuses escaping ones, drops folders and macOS Finder debris. */
function checkEntries(infos: readonly ZipEntryInfo[]): Result<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let total = 0;
  for (const info of infos) {
    // APPNOTE §4.4.17 says `/`, but PowerShell 5's Compress-Archive writes `\`; unzip
    // treats both as separators, so `..\x` must be caught as an escape too.
    const path = info.name.replace(/\\/g, '/').replace(/\/+$/, '');
    const checked = checkRelativePath(path);
    if (!checked.ok) {
      return fail({
        ...checked.error,
        message: `zip entry ${checked.error.message}`,
        ja: `zip エントリ ${checked.error.ja ?? checked.error.message}`,
      });
    }
    total += info.originalSize;
    if (total > MAX_UNPACKED_BYTES) {
      return fail(
        appError(
          'invalid-value',
          `the zip unpacks to more than ${MAX_UNPACKED_BYTES >> 20} MiB; this is not a configuration export`,
          {
            ja: `この zip は展開すると ${MAX_UNPACKED_BYTES >> 20} MiB を超えます。構成情報の書き出しではありません`,
          },
        ),
      );
    }
    const isFolder = info.name.endsWith('/') || info.name.endsWith('\\');
    if (!isFolder && path !== '__MACOSX' && !path.startsWith('__MACOSX/')) {
      entries.set(path, { ...info, path });
    }
  }
  return ok(entries);
}

/** '' when clp.conf is at the top, `folder/` when everything sits in one top-level folder. */
function findConfigFolder(entries: ReadonlyMap<string, Entry>): Result<string> {
  if (entries.has('clp.conf')) {
    return ok('');
  }
  const tops = new Set([...entries.keys()].map((path) => path.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && entries.has(`${top}/clp.conf`)) {
    return ok(`${top}/`);
  }
  return fail(
    appError(
      'not-found',
      'the zip has no clp.conf at its top or inside a single top-level folder; export the configuration from the Cluster WebUI again',
      {
        ja: 'この zip には、最上位にも 1 つだけの最上位フォルダの中にも clp.conf がありません。Cluster WebUI から構成情報をもう一度書き出してください',
      },
    ),
  );
}

interface Unpacked {
  readonly bytes: Uint8Array;
  readonly entry: Entry;
}

function unpack(
  data: Uint8Array,
  entries: ReadonlyMap<string, Entry>,
  prefix: string,
): Result<Map<string, Unpacked>> {
  const wanted = new Map(
    [...entries.values()]
      .filter((entry) => entry.path.startsWith(prefix))
      .map((entry) => [entry.name, entry]),
  );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (file) => wanted.has(file.name) });
  } catch (caught) {
    return fail(
      appError(
        'invalid-value',
        `the zip archive cannot be unpacked (${(caught as Error).message}); export it again`,
        { ja: `zip を展開できません (${(caught as Error).message})。もう一度書き出してください` },
      ),
    );
  }
  const unpacked = new Map<string, Unpacked>();
  for (const [name, bytes] of Object.entries(files)) {
    const entry = wanted.get(name);
    if (entry) {
      unpacked.set(entry.path, { bytes, entry });
    }
  }
  return ok(unpacked);
}

function collectScripts(
  unpacked: ReadonlyMap<string, Unpacked>,
  prefix: string,
): Result<Map<string, ScriptFile>> {
  const scriptsPrefix = `${prefix}scripts/`;
  const scripts = new Map<string, ScriptFile>();
  for (const [path, file] of [...unpacked].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!path.startsWith(scriptsPrefix)) {
      continue;
    }
    const resolved = isLink(file.entry) ? followLink(unpacked, file, prefix) : ok(file);
    if (!resolved.ok) {
      return resolved;
    }
    const mode = resolved.value.entry.unixMode;
    // A zip made on Windows has no unix mode: not executable; the uploader sets +x
    // (SCRIPTS_LAYOUT.md, execute permission note).
    scripts.set(path.slice(scriptsPrefix.length), {
      bytes: resolved.value.bytes,
      executable: mode !== undefined && (mode & 0o111) !== 0,
    });
  }
  return ok(scripts);
}

function isLink(entry: Entry): boolean {
  return entry.unixMode !== undefined && (entry.unixMode & TYPE_MASK) === TYPE_LINK;
}

/** A link entry's content is its target; it may name a file of the zip, inside the project. */
function followLink(
  unpacked: ReadonlyMap<string, Unpacked>,
  link: Unpacked,
  prefix: string,
): Result<Unpacked> {
  const target = new TextDecoder().decode(link.bytes);
  const inProject = posix.normalize(
    posix.join(posix.dirname(link.entry.path.slice(prefix.length)), target),
  );
  if (posix.isAbsolute(target) || inProject === '..' || inProject.startsWith('../')) {
    return fail(
      appError(
        'unsafe-path',
        `zip entry ${link.entry.path} is a link to ${target}, outside the project; refusing it`,
        {
          ja: `zip エントリ ${link.entry.path} は、プロジェクトの外にある ${target} へのリンクです。このエントリは受け付けません`,
        },
      ),
    );
  }
  const file = unpacked.get(prefix + inProject);
  if (!file || isLink(file.entry)) {
    return fail(
      appError(
        'invalid-value',
        `zip entry ${link.entry.path} is a link to ${target}, which is not a file in the zip; replace the link with the file`,
        {
          ja: `zip エントリ ${link.entry.path} は ${target} へのリンクですが、リンク先は zip 内のファイルではありません。リンクをそのファイルに置き換えてください`,
        },
      ),
    );
  }
  return ok(file);
}

/**
 * Builds a project zip: clp.conf and scripts/ at the top, unix modes kept.
 *
 * Modes are stored with host UNIX so that `unzip` restores 0755 on start.sh/stop.sh/genw.sh;
 * the caller has checked every script path.
 */
export function buildProjectZip(
  conf: Uint8Array,
  scripts: ReadonlyMap<string, ScriptFile>,
): Uint8Array {
  const files: Zippable = { 'clp.conf': [conf, unixAttributes(0o644)] };
  for (const [path, file] of scripts) {
    files[`scripts/${path}`] = [file.bytes, unixAttributes(file.executable ? 0o755 : 0o644)];
  }
  return zipSync(files, { level: 6 });
}

function unixAttributes(permissions: number): { os: number; attrs: number } {
  // st_mode sits in the high 16 bits of the external attributes; multiplying keeps it
  // unsigned where `<< 16` would go negative for the file-type bits.
  return { os: HOST_UNIX, attrs: (TYPE_FILE | permissions) * 0x10000 };
}
