/**
 * What a resource must have alone (CF012): two resources that mount on one point, fail one
 * floating address over, or drive one mirror device, data partition or mirror port break
 * each other on the first failover that brings them together. A copied resource keeps its
 * original's values, so this is what a duplicate left to adjust looks like.
 */
import type { Resource } from '../model/entities.js';
import { setParameter } from '../edits/parameters.js';
import { isPlaceholder } from './helpers.js';
import { partsRule } from './parts.js';
import type { Dependency, Hit, Rule } from './types.js';

/** A setting whose value only one resource may hold, and what it is called. */
interface Claim {
  /** Resource types that hold it. */
  readonly types: readonly string[];
  readonly sub: string;
  readonly what: string;
  readonly whatJa: string;
  /** Compared as the product compares it (a Windows drive letter in any case). */
  readonly fold?: (value: string) => string;
  /**
   * A free value to give the copy, where one can be told without the engineer: numbered
   * names and ports follow every value the resources hold, as the Builder numbers them.
   */
  readonly next?: (held: readonly string[]) => string | undefined;
}

const upper = (value: string) => value.toUpperCase();

/** The value after the highest numbered one held (`/dev/NMP2` after `/dev/NMP1`, 29053 after 29052). */
function nextNumbered(prefix: string): (held: readonly string[]) => string | undefined {
  const numbered = new RegExp(`^${prefix}(\\d+)$`);
  return (held) => {
    const numbers = held.flatMap((value) => {
      const match = numbered.exec(value);
      return match ? [Number(match[1])] : [];
    });
    return numbers.length === 0 ? undefined : `${prefix}${Math.max(...numbers) + 1}`;
  };
}

/** clpconf-format.md §5.2-§5.4; the mirror ports are the ones each md writes (§5.3). */
const CLAIMS: readonly Claim[] = [
  {
    types: ['fip'],
    sub: 'parameters/ip',
    what: 'floating IP address',
    whatJa: 'フローティング IP アドレス',
  },
  {
    types: ['disk', 'md'],
    sub: 'parameters/mount/point',
    what: 'mount point',
    whatJa: 'マウントポイント',
  },
  { types: ['disk'], sub: 'parameters/device', what: 'device', whatJa: 'デバイス' },
  {
    types: ['md'],
    sub: 'parameters/nmppath',
    what: 'mirror device (NMP)',
    whatJa: 'ミラーデバイス (NMP)',
    next: nextNumbered('/dev/NMP'),
  },
  {
    types: ['md'],
    sub: 'parameters/diskdev/dppath',
    what: 'data partition',
    whatJa: 'データパーティション',
  },
  ...['port', 'hbport', 'ack2port'].map((port) => ({
    types: ['md'],
    sub: `parameters/mddriver/${port}`,
    what: `mirror driver ${port}`,
    whatJa: `ミラードライバの ${port}`,
    next: nextNumbered(''),
  })),
  {
    types: ['sd', 'md'],
    sub: 'parameters/volumemountpoint',
    what: 'drive letter',
    whatJa: 'ドライブ文字',
    fold: upper,
  },
];

/** What a resource claims, as one string: an edit that changes none of it keeps the findings. */
function claimsKey(resource: Resource): string {
  let key = '';
  for (const claim of CLAIMS) {
    if (claim.types.includes(resource.type)) {
      key += `${resource.parameters[claim.sub] ?? ''}\u0000`;
    }
  }
  return key;
}

export const CF012: Rule = partsRule({
  id: 'CF012',
  severity: 'error',
  topologies: 'all',
  source: 'clpconf-format.md §5.2-§5.4',
  text: 'No two resources share what each must have alone: a floating IP address, a mount point, a disk device, a mirror disk’s NMP device, data partition and mirror driver ports, a drive letter (sd and md on Windows).',
  fix: 'Give the resource its own value (a copied resource keeps its original’s).',
  ja: {
    text: 'それぞれのリソースだけが持つべきものを、2 つのリソースが共有していません: フローティング IP アドレス、マウントポイント、ディスクのデバイス、ミラーディスクの NMP デバイス、データパーティション、ミラードライバのポート、ドライブ文字 (Windows の sd と md)。',
    fix: 'リソースに固有の値を設定してください (複製したリソースは複製元の値のままです)。',
  },
  inputs: ['resources'],
  whole: {
    dependsOn: [{ list: 'resources', key: claimsKey } as Dependency],
    check: ({ model }) => CLAIMS.flatMap((claim) => sharedClaims(model.resources, claim)),
  },
  parts: [],
});

/** A hit for each resource that holds a value an earlier one holds already, naming that one. */
function sharedClaims(resources: readonly Resource[], claim: Claim): Hit[] {
  const holders = new Map<string, Resource>();
  const shared: Array<{ resource: Resource; value: string; first: Resource }> = [];
  for (const resource of resources) {
    const raw = claim.types.includes(resource.type) ? resource.parameters[claim.sub] : undefined;
    const value = raw?.trim();
    if (!value || isPlaceholder(value)) {
      continue;
    }
    const folded = claim.fold ? claim.fold(value) : value;
    const first = holders.get(folded);
    if (first) {
      shared.push({ resource, value, first });
    } else {
      holders.set(folded, resource);
    }
  }
  const next = shared.length > 0 ? claim.next?.([...holders.keys()]) : undefined;
  return shared.map(({ resource, value, first }) => sharedHit(claim, resource, value, first, next));
}

function sharedHit(
  claim: Claim,
  resource: Resource,
  value: string,
  first: Resource,
  next: string | undefined,
): Hit {
  const path = `${resource.path}/${claim.sub}`;
  const hit: Hit = {
    path,
    message: `resource ${resource.name}'s ${claim.what} ${value} is resource ${first.name}'s too`,
    ja: {
      message: `グループリソース ${resource.name} の${claim.whatJa} ${value} は、グループリソース ${first.name} と同じです`,
    },
  };
  if (next === undefined) {
    return hit;
  }
  return {
    ...hit,
    fix: `Give it ${next}, the next free one (quick fix).`,
    quickFix: (project) => setParameter(project, path, next),
    ja: { ...hit.ja, fix: `空いている次の値 ${next} を設定してください (クイックフィックス)。` },
  };
}
