/**
 * Resource and monitor types that one OS has and the other does not. The product names them
 * by OS, not by version (clpconf-format.md §5.1-§5.2): a Linux cluster runs its scripts in an
 * exec resource and mounts a shared disk with disk; a Windows cluster has script and sd for
 * the same jobs, and watches sd with sdw.
 */
import type { ServerOs } from './documented-values.js';

/** A type of one OS, and what the other OS has for the same job. */
export interface OsOnlyType {
  readonly os: ServerOs;
  /** The other OS's type for the same job. */
  readonly counterpart: string;
  /** The job, as the counterpart's OS names it (`the shared disk resource is disk`). */
  readonly counterpartIs: string;
  readonly counterpartIsJa: string;
}

type OsTypedKind = 'resource' | 'monitor';

const OS_ONLY: Readonly<Record<OsTypedKind, Readonly<Record<string, OsOnlyType>>>> = {
  resource: {
    exec: {
      os: 'linux',
      counterpart: 'script',
      counterpartIs: 'the script resource is script, which runs start.bat and stop.bat',
      counterpartIsJa: 'スクリプトリソースは script で、start.bat と stop.bat を実行します',
    },
    script: {
      os: 'windows',
      counterpart: 'exec',
      counterpartIs: 'the script resource is exec, which runs start.sh and stop.sh',
      counterpartIsJa:
        'スクリプトリソースは exec (EXEC リソース) で、start.sh と stop.sh を実行します',
    },
    disk: {
      os: 'linux',
      counterpart: 'sd',
      counterpartIs: 'the shared disk resource is sd, which mounts on a drive letter',
      counterpartIsJa:
        '共有ディスクのリソースは sd (ディスクリソース) で、ドライブ文字にマウントします',
    },
    sd: {
      os: 'windows',
      counterpart: 'disk',
      counterpartIs: 'the shared disk resource is disk, which mounts on a directory',
      counterpartIsJa:
        '共有ディスクのリソースは disk (ディスクリソース) で、ディレクトリにマウントします',
    },
  },
  monitor: {
    sdw: {
      os: 'windows',
      counterpart: 'diskw',
      counterpartIs: 'the disk monitor is diskw',
      counterpartIsJa: 'ディスクモニタは diskw です',
    },
  },
};

/** The OS a type belongs to, where only one OS has it. */
export function osOnlyType(kind: OsTypedKind, type: string): OsOnlyType | undefined {
  return Object.hasOwn(OS_ONLY[kind], type) ? OS_ONLY[kind][type] : undefined;
}

/** The type when it is the other OS's: what a cluster of `os` cannot run. */
export function otherOsType(
  kind: OsTypedKind,
  type: string,
  os: ServerOs | undefined,
): OsOnlyType | undefined {
  const only = osOnlyType(kind, type);
  return only !== undefined && os !== undefined && only.os !== os ? only : undefined;
}

/** The OS's name as the product's documents write it. */
export function osName(os: ServerOs): 'Linux' | 'Windows' {
  return os === 'linux' ? 'Linux' : 'Windows';
}
