/**
 * Reading sections again after an edit: which views of the previous read still hold.
 *
 * An edit replaces only the section it touches, so the views of every other section are the
 * very same list as before; in the edited section only the replaced children are read again
 * (compared by identity, child by child, with the section as it was last read). Resource views
 * also name their group, so they hold while group membership is the same.
 */
import { type XmlElement, attributeValue, elementChildren } from '../codec/tree.js';
import type { Group } from './entities.js';

/**
 * Resource name → group holding it. The same map while the groups and their members are the
 * same: an edit of a group's other settings keeps it, so no resource view is read again.
 */
export function membership(groups: readonly Group[]): ReadonlyMap<string, string> {
  let memberOf = memberships.get(groups);
  if (!memberOf) {
    memberOf =
      lastMembership && sameMembers(lastMembership.groups, groups)
        ? lastMembership.memberOf
        : membersOf(groups);
    memberships.set(groups, memberOf);
  }
  lastMembership = { groups, memberOf };
  return memberOf;
}

const memberships = new WeakMap<readonly Group[], ReadonlyMap<string, string>>();
let lastMembership:
  { readonly groups: readonly Group[]; readonly memberOf: ReadonlyMap<string, string> } | undefined;

function membersOf(groups: readonly Group[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    for (const member of group.members) {
      map.set(member.name, group.name);
    }
  }
  return map;
}

function sameMembers(before: readonly Group[], after: readonly Group[]): boolean {
  return (
    before.length === after.length &&
    before.every((group, index) => {
      const other = after[index] as Group;
      return (
        group === other ||
        (group.name === other.name &&
          group.members.length === other.members.length &&
          group.members.every((member, position) => member.name === other.members[position]?.name))
      );
    })
  );
}

/** The views of one or more sections (hand-edited files may split a section). */
export function joinSections<T>(
  sections: readonly XmlElement[],
  read: (section: XmlElement) => T[],
): T[] {
  return sections.length === 1 ? read(sections[0] as XmlElement) : sections.flatMap(read);
}

interface SectionViews {
  readonly section: XmlElement;
  readonly memberOf: ReadonlyMap<string, string> | undefined;
  /** The view of each child, by index; undefined for white space, `<types>` and the like. */
  readonly byChild: readonly unknown[];
  readonly views: unknown[];
}

const sectionLists = new WeakMap<XmlElement, SectionViews>();
const lastSections = new Map<string, SectionViews>();

/**
 * The views of a section's instances, reusing those of unchanged children that `isCurrent`
 * accepts; `memberOf` is what resource views also depend on.
 */
export function sectionViews<T>(
  section: XmlElement,
  read: (element: XmlElement) => T,
  isCurrent: (view: T) => boolean,
  memberOf?: ReadonlyMap<string, string>,
): T[] {
  const known = sectionLists.get(section);
  if (known && known.memberOf === memberOf) {
    return known.views as T[];
  }
  const last = known ?? lastSections.get(section.name);
  const reusable =
    last && last.section.children.length === section.children.length ? last : undefined;
  const byChild: unknown[] = [];
  const views: T[] = [];
  section.children.forEach((child, index) => {
    const previous =
      reusable && reusable.section.children[index] === child
        ? (reusable.byChild[index] as T | undefined)
        : undefined;
    const view =
      previous !== undefined && isCurrent(previous)
        ? previous
        : child.kind === 'element' && isInstance(child)
          ? read(child)
          : undefined;
    byChild.push(view);
    if (view !== undefined) {
      views.push(view);
    }
  });
  const entry = { section, memberOf, byChild, views };
  sectionLists.set(section, entry);
  lastSections.set(section.name, entry);
  return views;
}

/** Instances in a section: every keyed child that is not a `<types>` entry. */
export function instances(
  sections: readonly XmlElement[],
  kinds?: readonly string[],
): XmlElement[] {
  return sections.flatMap((section) =>
    elementChildren(section).filter(
      (child) => isInstance(child) && (!kinds || kinds.includes(child.name)),
    ),
  );
}

export function isInstance(child: XmlElement): boolean {
  return child.name !== 'types' && attributeValue(child, 'name') !== undefined;
}
