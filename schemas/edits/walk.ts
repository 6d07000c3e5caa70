/**
 * Whole-document rewrites for references (renames follow every reference).
 */
import { type ClpDocument, rootOf, withRoot } from '../codec/document.js';
import type { XmlElement, XmlNode } from '../codec/tree.js';

/**
 * Calls `change` on every element with its ancestors (root first); where it returns a new
 * element, that branch is rebuilt. Untouched branches are shared, so they serialise as before.
 */
export function rewriteElements(
  document: ClpDocument,
  change: (element: XmlElement, ancestors: readonly XmlElement[]) => XmlElement,
): ClpDocument {
  const root = rootOf(document);
  const rewritten = rewrite(root, [], change);
  return rewritten === root ? document : withRoot(document, rewritten);
}

function rewrite(
  element: XmlElement,
  ancestors: readonly XmlElement[],
  change: (element: XmlElement, ancestors: readonly XmlElement[]) => XmlElement,
): XmlElement {
  const inner = [...ancestors, element];
  let children: XmlNode[] | undefined;
  element.children.forEach((child, index) => {
    if (child.kind !== 'element') {
      return;
    }
    const next = rewrite(child, inner, change);
    if (next !== child) {
      children ??= element.children.slice();
      children[index] = next;
    }
  });
  const rebuilt = children ? { ...element, children } : element;
  return change(rebuilt, ancestors);
}
