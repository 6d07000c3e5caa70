/**
 * Product internal versions, `major.minor.patch-build`, in the product's order.
 */

/** Compares two versions; NaN parts (malformed) compare as 0. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) {
      return Math.sign(difference);
    }
  }
  return 0;
}

/** The major version (X 2, X 3, X 4 ...). */
export function majorOf(version: string): number {
  return Number.parseInt(version, 10) || 0;
}
