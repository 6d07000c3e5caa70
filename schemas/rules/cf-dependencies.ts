/**
 * CF015, ours (proposed for reference/guide-rules.md): no dependency leads back to where it
 * started. A resource is activated after the resources it depends on (`<depend name>`), a
 * group is started after the groups of its start dependency (`depend/act/depend@g`): around a
 * circle, none can go first, so the group (or every group of the circle) never starts.
 */
import type { Group, Resource } from '../model/entities.js';
import { removeDependency } from '../edits/dependencies.js';
import {
  DEPENDENCY_SIDES,
  type DependencySide,
  groupDependenciesOf,
  groupDependencyPath,
} from '../model/group-dependencies.js';
import { type NameIndex, byName } from './helpers.js';
import { NO_HITS, partsRule } from './parts.js';
import type { Dependency, Hit, Rule } from './types.js';

const RESOURCE_DEPENDS: Dependency = {
  list: 'resources',
  key: (resource) =>
    `${resource.name}\n${resource.group ?? ''}\n${resource.depends?.join('\n') ?? ''}`,
};
const GROUP_DEPENDS: Dependency = {
  list: 'groups',
  key: (group) =>
    `${group.name}\n${group.dependsOn.join('\n')}\n\n${group.stopDependsOn.join('\n')}`,
};

export const CF015: Rule = partsRule({
  id: 'CF015',
  severity: 'error',
  topologies: 'all',
  source:
    'Cluster Builder: the order dependencies make; clpconf-format.md §4 (group depend/act), §5 (resource depend)',
  text: 'No dependency leads back to where it started: a resource that depends on itself, or resources that depend on each other in a circle (<depend name>), are never activated, and groups whose start or stop dependencies (depend/act/depend@group, depend/deact/depend@group) make a circle each wait for the others until the dependency timeout.',
  fix: 'Remove one dependency of the circle (clpbuilder unset <project> <its path>).',
  ja: {
    text: '依存関係が元に戻る循環がありません: 自分自身に依存するグループリソースや、循環して依存し合うグループリソース (<depend name>) は活性されず、起動依存または停止依存 (depend/act/depend@group、depend/deact/depend@group) が循環するグループは互いを待ち合わせのタイムアウトまで待ちます。',
    fix: '循環している依存関係を 1 つ取り除いてください (clpbuilder unset <project> <その依存関係のパス>)。',
  },
  inputs: ['resources', 'groups'],
  whole: [
    { dependsOn: [RESOURCE_DEPENDS], check: ({ model }) => resourceCircles(model.resources) },
    { dependsOn: [GROUP_DEPENDS], check: ({ model }) => groupCircles(model.groups, 'start') },
    { dependsOn: [GROUP_DEPENDS], check: ({ model }) => groupCircles(model.groups, 'stop') },
  ],
  parts: [],
});

/** `a and b`, `a, b, and c` (Intl.ListFormat would cost every check 9 ms of ICU start-up). */
function andList(names: readonly string[]): string {
  return names.length < 3
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** `exec1 → exec2 → exec1`: the circle, back to where it started. */
function around(circle: readonly string[]): string {
  return [...circle, circle[0]].join(' → ');
}

function resourceCircles(resources: readonly Resource[]): readonly Hit[] {
  const explicit = resources.filter(
    (resource) => resource.depends !== undefined && resource.depends.length > 0,
  );
  if (explicit.length === 0) {
    return NO_HITS;
  }
  const named = byName(resources);
  const next = new Map(
    explicit.map((resource) => [resource.name, resource.depends ?? []] as const),
  );
  return circlesOf({ nodes: explicit.map((resource) => resource.name), next }).map((circle) =>
    resourceCircleHit(circle, named),
  );
}

function resourceCircleHit(circle: readonly string[], named: NameIndex<Resource>): Hit {
  const first = circle[0] as string;
  const last = named.get(circle[circle.length - 1] as string) as Resource;
  const closing = `${last.path}/depend@${first}`;
  if (circle.length === 1) {
    return {
      path: closing,
      message: `resource ${first} depends on itself: it waits for its own activation, so it is never activated and its group never starts`,
      fix: `Remove its dependency on itself (quick fix: clpbuilder unset <project> ${closing}).`,
      quickFix: (project) => removeDependency(project, closing),
      ja: {
        message: `グループリソース ${first} が自分自身に依存しています。自分の活性を待つため活性されず、そのグループは起動しません`,
        fix: `自分自身への依存関係を取り除いてください (クイックフィックス: clpbuilder unset <project> ${closing})。`,
      },
    };
  }
  const groups = new Set(circle.map((name) => named.get(name)?.group));
  const whose = groups.size === 1 ? 'their group never starts' : 'their groups never start';
  const whoseJa =
    groups.size === 1 ? 'そのグループは起動しません' : 'それらのグループは起動しません';
  return {
    path: closing,
    message: `resources ${andList(circle)} depend on each other in a circle (${around(circle)}): none of them can be activated first, so ${whose}`,
    fix: `Remove one dependency of the circle, such as the one that closes it: clpbuilder unset <project> ${closing}.`,
    ja: {
      message: `グループリソース ${circle.join('、')} が循環して依存しています (${around(circle)})。どれも最初に活性できないため、${whoseJa}`,
      fix: `循環している依存関係を 1 つ取り除いてください。たとえば循環を閉じている依存関係は clpbuilder unset <project> ${closing} で取り除けます。`,
    },
  };
}

function groupCircles(groups: readonly Group[], side: DependencySide): readonly Hit[] {
  const dependent = groups.filter((group) => groupDependenciesOf(group, side).length > 0);
  if (dependent.length === 0) {
    return NO_HITS;
  }
  const next = new Map(
    dependent.map((group) => [group.name, groupDependenciesOf(group, side)] as const),
  );
  return circlesOf({ nodes: dependent.map((group) => group.name), next }).map((circle) =>
    groupCircleHit(circle, side),
  );
}

function groupCircleHit(circle: readonly string[], side: DependencySide): Hit {
  const first = circle[0] as string;
  const closing = groupDependencyPath(circle[circle.length - 1] as string, side, first);
  const { act, verb, noun, verbJa, nounJa } = DEPENDENCY_SIDES[side];
  // The sources give the wait a timeout (clpconf-format.md §4), and say nothing of what follows.
  const timeout = `the ${noun} timeout (depend/${act}/timeout, 1800 s by default)`;
  const timeoutJa = `${verbJa}待ち合わせのタイムアウト (depend/${act}/timeout、既定 1800 秒)`;
  if (circle.length === 1) {
    return {
      path: closing,
      message: `group ${first} depends on itself to ${verb}: it waits for its own ${verb}, which cannot come, until ${timeout}`,
      fix: `Remove its ${noun} on itself (quick fix: clpbuilder unset <project> ${closing}).`,
      quickFix: (project) => removeDependency(project, closing),
      ja: {
        message: `グループ ${first} の${nounJa}先が自分自身です。来ることのない自分の${verbJa}を、${timeoutJa}まで待ちます`,
        fix: `自分自身への${nounJa}を取り除いてください (クイックフィックス: clpbuilder unset <project> ${closing})。`,
      },
    };
  }
  return {
    path: closing,
    message: `groups ${andList(circle)} wait for each other to ${verb} (${around(circle)}): none of them can ${verb} first, so each waits until ${timeout}`,
    fix: `Remove one ${noun} of the circle, such as the one that closes it: clpbuilder unset <project> ${closing}.`,
    ja: {
      message: `グループ ${circle.join('、')} が循環して互いの${verbJa}を待っています (${around(circle)})。どれも最初に${verbJa}できないため、${timeoutJa}まで待ちます`,
      fix: `循環している${nounJa}を 1 つ取り除いてください。たとえば循環を閉じている${nounJa}は clpbuilder unset <project> ${closing} で取り除けます。`,
    },
  };
}

/** A dependency graph: its nodes in document order, and each node's direct dependencies. */
interface Graph {
  readonly nodes: readonly string[];
  readonly next: ReadonlyMap<string, readonly string[]>;
}

/**
 * The circles of a graph, in document order of their first node: each node that depends on
 * itself, as `[a]`; and one per set of several nodes that all lead to each other (a strongly
 * connected component, by Tarjan's method without recursion: a chain of 10,000 dependencies
 * must not overflow the stack), as the shortest way from its first node back to it
 * (`[a, b, c]` for a → b → c → a).
 */
export function circlesOf(graph: Graph): string[][] {
  const order = new Map(graph.nodes.map((node, index) => [node, index]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const selves = graph.nodes
    .filter((node) => graph.next.get(node)?.includes(node))
    .map((node) => [node]);
  const circles = stronglyConnected(graph)
    .filter((component) => component.length > 1)
    .map((component) => {
      const first = [...component].sort(byOrder)[0] as string;
      return shortestWayBack(graph, first, new Set(component));
    });
  return [...selves, ...circles].sort((a, b) => byOrder(a[0] as string, b[0] as string));
}

function stronglyConnected(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.nodes) {
    if (index.has(root)) {
      continue;
    }
    // Each frame: a node and how many of its successors it has visited.
    const frames: Array<[string, number]> = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [string, number];
      const [node, visited] = frame;
      const successors = (graph.next.get(node) ?? []).filter((next) => graph.next.has(next));
      if (visited < successors.length) {
        frame[1] += 1;
        const next = successors[visited] as string;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter);
          counter += 1;
          stack.push(next);
          onStack.add(next);
          frames.push([next, 0]);
        } else if (onStack.has(next)) {
          low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) {
        low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(node) as number));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest way from `first` back to itself through other `members` (breadth first). */
function shortestWayBack(graph: Graph, first: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [first];
  for (let at = 0; at < queue.length; at += 1) {
    const node = queue[at] as string;
    for (const next of graph.next.get(node) ?? []) {
      // A node's dependency on itself is a circle of its own.
      if (next === first && node !== first) {
        const way = [node];
        for (let back = cameFrom.get(node); back !== undefined; back = cameFrom.get(back)) {
          way.unshift(back);
        }
        return way;
      }
      if (members.has(next) && next !== first && !cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [first];
}
