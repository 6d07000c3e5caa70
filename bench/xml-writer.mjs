/**
 * A minimal line-based XML writer for the benchmark generator: 2-space indentation, LF,
 * `<empty/>` without a space, as the Linux WebUI (libxml2) writes (clpconf-format.md §1).
 */

/** Collects indented lines; the caller joins them once at the end. */
export class XmlWriter {
  lines = [];
  depth = 0;

  open(name, attributes = {}) {
    this.push(`<${name}${formatAttributes(attributes)}>`);
    this.depth += 1;
  }

  close(name) {
    this.depth -= 1;
    this.push(`</${name}>`);
  }

  leaf(name, value) {
    this.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }

  empty(name, attributes = {}) {
    this.push(`<${name}${formatAttributes(attributes)}/>`);
  }

  /** `<parent><name>value</name>...</parent>` over several lines, for the many two-level blocks. */
  block(parent, leaves) {
    this.open(parent);
    for (const [name, value] of Object.entries(leaves)) {
      this.leaf(name, value);
    }
    this.close(parent);
  }

  push(line) {
    this.lines.push('  '.repeat(this.depth) + line);
  }
}

function formatAttributes(attributes) {
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
