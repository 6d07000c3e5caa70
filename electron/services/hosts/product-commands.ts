/**
 * The product's commands as the uploader sends them (clpconf-format.md §9), and the shell
 * around them. Hosts are Linux servers: commands go through the login user's POSIX shell.
 */
import { type ClpDocument, readModel } from '../../../schemas/index.js';

/** Where the product installs its commands on Linux (clpconf-format.md §8). */
export const DEFAULT_PRODUCT_BIN = '/opt/nec/clusterpro/bin';

/** A temp folder made by `makeRemoteTemp` (remote-config.ts). */
const TEMP_FOLDER = /^\/[A-Za-z0-9._/-]*\/clpbuilder\.[A-Za-z0-9]{8}$/;

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `command` with the product's bin folder at the end of PATH: the commands are called by
 * name, so a server where the product is on PATH (or a test host) finds them first, and a
 * non-interactive SSH session, whose PATH lacks the product (no login profile), still finds them.
 */
export function withProductPath(command: string, productBin: string): string {
  return `PATH="$PATH":${shellQuote(productBin)}; export PATH; ${command}`;
}

/** `-w` for a configuration made by the WebUI on Windows (`<all><encode>` SJIS), else `-l` (§2.2, §9). */
export function encodingFlag(conf: ClpDocument): '-l' | '-w' {
  return readModel(conf).all.encode?.trim().toUpperCase() === 'SJIS' ? '-w' : '-l';
}

/** The product commands of an upload, as strings shown in the plan and sent to the host. */
export const productCommand = {
  /** Always `-l`: the host is Linux, and we read any charset (§9: `--pull -l -x .`). */
  pull: (dir: string) => `clpcfctrl --pull -l -x ${shellQuote(dir)}`,
  /** `--force` for a first configuration: the product applies it with no cluster running yet. */
  push: (dir: string, flag: '-l' | '-w', isFirst: boolean) =>
    `clpcfctrl --push ${flag} -x ${shellQuote(dir)}${isFirst ? ' --force' : ''}`,
  suspend: () => 'clpcl --suspend',
  resume: () => 'clpcl --resume',
  stopGroup: (group: string) => `clpgrp -t ${shellQuote(group)}`,
  startGroup: (group: string) => `clpgrp -s ${shellQuote(group)}`,
} as const;

/**
 * Whether a path is a temp folder of ours (`<temp area>/clpbuilder.<8 letters or digits>`):
 * nothing else is ever removed, so a bug cannot become the removal of a real folder.
 */
export function isTempFolder(dir: string): boolean {
  return TEMP_FOLDER.test(dir) && !dir.split('/').includes('..');
}
