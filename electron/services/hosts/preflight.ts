/**
 * Pre-flight on one host: the product's commands are there, its version, whether the host has
 * a configuration yet (a first deployment needs `--force`), free space in the temp area.
 *
 * One probe command prints `key=value` lines and always exits 0, so that one round trip tells
 * everything; the decisions are made here, on our side.
 */
import { fail, ok } from '../../../schemas/index.js';
import { type HostResult, hostError } from './host-error.js';
import { type RemoteSettings, runProduct } from './remote-config.js';
import type { Session } from './ssh-session.js';

/** What pre-flight learned about a host. */
export interface HostFacts {
  /** `uname -n`. */
  readonly hostname: string;
  /** Product version from the package database (`4.1.1-1`), when it says. */
  readonly productVersion?: string;
  /** Whether the product has a configuration (`<bin>/../etc/clp.conf`, clpconf-format.md §8). */
  readonly hasConfiguration: boolean;
  readonly tempFolder: string;
  readonly tempFreeKiB?: number;
}

const COMMANDS = ['clpcfctrl', 'clpcl', 'clpgrp'] as const;

/**
 * The probe. The package names are the product's: `expresscls` (EXPRESSCLUSTER) and `clusterpro`
 * (CLUSTERPRO), rpm or deb. The configuration is found beside the commands, as the product
 * installs them (bin/ and etc/ under one root), so a relocated install is followed too.
 */
export const PROBE = [
  `for c in ${COMMANDS.join(' ')}; do printf 'command.%s=%s\\n' "$c" "$(command -v "$c")"; done`,
  `b=$(command -v clpcfctrl); if [ -n "$b" ] && [ -f "$(dirname "$b")/../etc/clp.conf" ]; then echo config=yes; else echo config=no; fi`,
  `printf 'version=%s\\n' "$( (rpm -q --qf '%{VERSION}-%{RELEASE}\\n' expresscls clusterpro; dpkg-query -W -f '\${Version}\\n' expresscls clusterpro) 2>/dev/null | grep -E '^[0-9]+[.][0-9]' | head -n 1)"`,
  `t="\${TMPDIR:-/tmp}"; printf 'tmp=%s\\ntmpfree=%s\\n' "$t" "$(df -Pk "$t" 2>/dev/null | awk 'NR==2 {print $4}')"`,
  `printf 'hostname=%s\\n' "$(uname -n)"`,
  'true',
].join('; ');

/**
 * Probes a host and refuses it when a product command is missing or the temp area has less
 * than `neededKiB` free.
 */
export async function probeHost(
  session: Session,
  settings: RemoteSettings,
  neededKiB: number,
): Promise<HostResult<HostFacts>> {
  const probed = await runProduct(session, PROBE, settings);
  if (!probed.ok) {
    return probed;
  }
  const values = parseProbe(probed.value);
  const host = session.label;
  const missing = COMMANDS.filter((command) => !values.get(`command.${command}`));
  if (missing.length > 0) {
    const message = `${host}: the product's commands ${missing.join(', ')} are not found (looked on PATH and in ${settings.productBin}); is EXPRESSCLUSTER installed there?`;
    const ja = `${host}: 製品のコマンド ${missing.join('、')} が見つかりません (PATH と ${settings.productBin} を探しました)。EXPRESSCLUSTER がそこにインストールされているか確認してください`;
    const command = `command -v ${COMMANDS.join(' ')}`;
    return fail(
      hostError('preflight', message, { host, command, output: probed.value.trim(), ja }),
    );
  }
  const facts = factsOf(values);
  if (facts.tempFreeKiB !== undefined && facts.tempFreeKiB < neededKiB) {
    const message = `${host}: ${facts.tempFolder} has ${facts.tempFreeKiB} KiB free; the upload needs ${neededKiB} KiB there`;
    const ja = `${host}: ${facts.tempFolder} の空き容量は ${facts.tempFreeKiB} KiB です。アップロードにはそこに ${neededKiB} KiB 必要です`;
    return fail(hostError('preflight', message, { host, ja }));
  }
  return ok(facts);
}

/** `key=value` lines; a value may itself contain `=`. */
function parseProbe(output: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of output.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) {
      values.set(line.slice(0, at), line.slice(at + 1).trim());
    }
  }
  return values;
}

function factsOf(values: ReadonlyMap<string, string>): HostFacts {
  const version = values.get('version');
  const free = Number(values.get('tmpfree'));
  return {
    hostname: values.get('hostname') ?? '',
    ...(version ? { productVersion: version } : {}),
    hasConfiguration: values.get('config') === 'yes',
    // Only a plain absolute path is used to build temp folder names; anything odd means /tmp.
    tempFolder: /^\/[A-Za-z0-9._/-]*$/.test(values.get('tmp') ?? '') ? values.get('tmp')! : '/tmp',
    ...(values.get('tmpfree') && Number.isFinite(free) ? { tempFreeKiB: free } : {}),
  };
}
