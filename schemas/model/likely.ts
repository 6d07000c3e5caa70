/**
 * What a misspelt name most likely meant: for references to entities (the rules' "did you
 * mean") and for parameter paths (an edit that would create a misspelt parameter).
 */
import { distance } from 'fastest-levenshtein';

/**
 * The name a misspelt reference most likely meant: the only name it begins or that begins it
 * (fip for fip1), else the only one an edit away (two for names longer than four). Undefined
 * when none is that close, or several are: a guess between two is no help.
 */
export function likelyMeant(name: string, names: Iterable<string>): string | undefined {
  if (name === '') {
    return undefined;
  }
  const limit = name.length <= 4 ? 1 : 2;
  const prefixed: string[] = [];
  let closest: string[] = [];
  let closestDistance = limit + 1;
  for (const candidate of names) {
    if (candidate === name || candidate === '') {
      continue;
    }
    if (candidate.startsWith(name) || name.startsWith(candidate)) {
      prefixed.push(candidate);
    } else if (Math.abs(candidate.length - name.length) <= limit) {
      const apart = distance(name, candidate);
      if (apart > limit) {
        continue;
      }
      if (apart < closestDistance) {
        closest = [candidate];
        closestDistance = apart;
      } else if (apart === closestDistance) {
        closest.push(candidate);
      }
    }
  }
  const [only, ...more] = prefixed.length > 0 ? prefixed : closest;
  return more.length === 0 ? only : undefined;
}
