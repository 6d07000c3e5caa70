/**
 * What a rule is and what it reports (reference/guide-rules.md; STYLE.md §5: findings are
 * data, never thrown).
 */
import type { ClusterModel, Group, Monitor, Resource, Server } from '../model/entities.js';
import type { Project, Topology } from '../project.js';
import type { Result } from '../result.js';

export type Severity = 'error' | 'warning' | 'info';

/** One problem, in the engineer's words, pointing at the entity (a clpcfadm path). */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** clpcfadm-style path the UI navigates to (`monitor/userw@userw/parameters/method`). */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** Guide or product documentation section the rule comes from. */
  readonly source: string;
  /** Whether `applyQuickFix` can repair it mechanically. */
  readonly hasQuickFix: boolean;
  /** The script (path under scripts/) the finding is about, where it is about one's content. */
  readonly script?: string;
  /** The message and fix in Japanese, for the UI in Japanese. */
  readonly ja: { readonly message: string; readonly fix: string };
}

/** A hit's wording in Japanese; `fix` where the hit has its own fix. */
export interface JapaneseHit {
  readonly message: string;
  readonly fix?: string;
}

/** What a rule's check reports; the engine adds the rule's id, source and defaults. */
export interface Hit {
  readonly path: string;
  readonly message: string;
  /** Overrides the rule's fix text for this hit. */
  readonly fix?: string;
  /** Overrides the rule's severity (an unknown fact is an `info` asking for it). */
  readonly severity?: Severity;
  /** The script (path under scripts/) whose content the hit is about: the app opens it. */
  readonly script?: string;
  /** Repairs this hit; an ordinary model edit, so it is minimal and undoable. */
  readonly quickFix?: (project: Project) => Result<Project>;
  /** The same in Japanese (the product's own terms, as its Japanese Builder uses them). */
  readonly ja: JapaneseHit;
}

/** Everything a rule may read. */
export interface RuleContext {
  readonly project: Project;
  readonly model: ClusterModel;
  readonly topology: Topology;
  /** Product internal version (`2.1.0-1`), when known. */
  readonly productVersion: string | undefined;
  readonly os: 'linux' | 'windows';
  /** The OS `<all><serveros>` names, undefined where it names neither (values of either OS). */
  readonly serverOs: 'linux' | 'windows' | undefined;
  /** Which side of a guest-to-host association this project is, when recorded. */
  readonly side: 'host' | 'guest' | undefined;
  /** False when the project came without its scripts (see `CheckOptions.scriptsGiven`). */
  readonly scriptsGiven: boolean;
}

/** Which parts of the project a rule reads (what an edit must touch to change its result). */
export type RuleInput =
  | 'cluster'
  | 'servers'
  | 'heartbeats'
  | 'groups'
  | 'resources'
  | 'monitors'
  | 'scripts'
  | 'meta'
  /** The OS `<all><serveros>` names (part of `cluster` too, but it changes far less often). */
  | 'os';

/** The entity lists a rule can check one entity at a time. */
export type EntityList = 'servers' | 'groups' | 'resources' | 'monitors';

/** The view type of each entity list. */
export interface EntityOf {
  readonly servers: Server;
  readonly groups: Group;
  readonly resources: Resource;
  readonly monitors: Monitor;
}

/**
 * What a part of a rule reads besides its own entity: a whole input, or one key of every
 * entity of a list (it changes when entities are added or removed, or when an edited
 * entity's key changed; keys compare with ===).
 */
export type Dependency =
  | RuleInput
  | {
      [L in EntityList]: { readonly list: L; readonly key: (entity: EntityOf[L]) => unknown };
    }[EntityList];

/**
 * Hits of one entity of a list. After an edit the incremental checker runs it only for the
 * entities the edit changed, unless something in `dependsOn` changed too.
 */
export type EntityPart = {
  [L in EntityList]: {
    readonly list: L;
    readonly dependsOn: readonly Dependency[];
    check(entity: EntityOf[L], context: RuleContext): readonly Hit[];
  };
}[EntityList];

/** Hits that are not one entity's (duplicates, counts); re-run only when `dependsOn` changed. */
export interface WholePart {
  readonly dependsOn: readonly Dependency[];
  check(context: RuleContext): readonly Hit[];
}

/** A rule: data plus a check function. */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** Topologies the rule applies to; 'all' includes `plain`. */
  readonly topologies: readonly Topology[] | 'all';
  readonly source: string;
  /** The rule in one line, for the catalogue. */
  readonly text: string;
  /** What to do, in general; a hit may say more precisely. */
  readonly fix: string;
  /** `text` and `fix` in Japanese. */
  readonly ja: { readonly text: string; readonly fix: string };
  readonly inputs: readonly RuleInput[];
  /**
   * In a guest-to-host association two projects share the topology: the ESX hosts' cluster
   * and the guest's SingleServerSafe. A rule about one side skips a project that records
   * (project.json `vmProfile.side`) that it is the other.
   */
  readonly side?: 'host' | 'guest';
  check(context: RuleContext): readonly Hit[];
  /**
   * The same check split for incremental re-checking (`partsRule` builds `check` from them):
   * `whole` first (each of them, in order, when several read different inputs), then each
   * part over its list in order.
   */
  readonly parts?: readonly EntityPart[];
  readonly whole?: WholePart | readonly WholePart[];
}
