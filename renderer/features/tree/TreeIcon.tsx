/**
 * Small inline SVG icons for the tree, per entity kind and type: drawn here, so nothing is
 * fetched (the window's CSP allows no remote content) and they follow the theme's colours.
 */
import type { ReactElement } from 'react';
import type { NodeKind } from './tree-model.js';

type Glyph = ReactElement;

// 16×16 strokes; colour comes from the kind's CSS class through currentColor.
const GLYPHS: Readonly<Record<string, Glyph>> = {
  cluster: (
    <>
      <rect x="1.5" y="2" width="5" height="5" rx="1" />
      <rect x="9.5" y="2" width="5" height="5" rx="1" />
      <rect x="5.5" y="9.5" width="5" height="5" rx="1" />
      <path d="M4 7v1.5h8V7M8 8.5v1" />
    </>
  ),
  folder: <path d="M1.5 4.5v8h13v-7H7.5L6 3.5H1.5z" />,
  server: (
    <>
      <rect x="2.5" y="1.5" width="11" height="5.5" rx="1" />
      <rect x="2.5" y="9" width="11" height="5.5" rx="1" />
      <path d="M5 4.25h3M5 11.75h3" />
      <circle cx="11" cy="4.25" r=".6" />
      <circle cx="11" cy="11.75" r=".6" />
    </>
  ),
  heartbeat: <path d="M1 8.5h3l1.5-4 3 8 1.5-4H15" />,
  disk: (
    <>
      <ellipse cx="8" cy="4" rx="5.5" ry="2" />
      <path d="M2.5 4v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4" />
    </>
  ),
  mirror: (
    <>
      <ellipse cx="5" cy="4" rx="3.5" ry="1.5" />
      <path d="M1.5 4v7c0 .8 1.6 1.5 3.5 1.5" />
      <ellipse cx="11" cy="6" rx="3.5" ry="1.5" />
      <path d="M7.5 6v6.5c0 .8 1.6 1.5 3.5 1.5s3.5-.7 3.5-1.5V6" />
    </>
  ),
  exec: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="M4 6l2.5 2L4 10M8 10.5h4" />
    </>
  ),
  network: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12" />
    </>
  ),
  vm: (
    <>
      <rect x="1.5" y="2.5" width="13" height="9" rx="1" />
      <path d="M5.5 14h5M8 11.5V14M4.5 5l1.5 4 1.5-4M9 9V5l1.5 2L12 5v4" />
    </>
  ),
  volume: <path d="M8 1.5l6.5 3-6.5 3-6.5-3zM1.5 8l6.5 3 6.5-3M1.5 11.5l6.5 3 6.5-3" />,
  group: (
    <>
      <rect x="1.5" y="1.5" width="13" height="13" rx="2" strokeDasharray="2.5 1.5" />
      <rect x="4.5" y="4.5" width="7" height="7" rx="1" />
    </>
  ),
  partition: <path d="M8 1.5v13M3 5l-2 3 2 3M13 5l2 3-2 3M4 8h2M10 8h2" />,
  user: (
    <>
      <circle cx="8" cy="5" r="3" />
      <path d="M2.5 14.5c.5-3 2.8-4.5 5.5-4.5s5 1.5 5.5 4.5" />
    </>
  ),
  process: (
    <>
      <circle cx="8" cy="8" r="2.5" />
      <path d="M8 1.5v2.5M8 12v2.5M1.5 8H4M12 8h2.5M3.4 3.4l1.8 1.8M10.8 10.8l1.8 1.8M3.4 12.6l1.8-1.8M10.8 5.2l1.8-1.8" />
    </>
  ),
  generic: <rect x="3" y="3" width="10" height="10" rx="2" />,
};

const RESOURCE_GLYPHS: Readonly<Record<string, string>> = {
  exec: 'exec',
  script: 'exec',
  disk: 'disk',
  sd: 'disk',
  raw: 'disk',
  md: 'mirror',
  hd: 'mirror',
  fip: 'network',
  vip: 'network',
  ddns: 'network',
  vm: 'vm',
  volmgr: 'volume',
  service: 'process',
};

const MONITOR_GLYPHS: Readonly<Record<string, string>> = {
  genw: 'exec',
  diskw: 'disk',
  sdw: 'disk',
  mdw: 'mirror',
  mdnw: 'mirror',
  userw: 'user',
  miiw: 'network',
  ipw: 'network',
  fipw: 'network',
  arpw: 'network',
  pidw: 'process',
  psw: 'process',
  servicew: 'process',
  vmw: 'vm',
  volmgrw: 'volume',
};

/** The glyph name of a node: by kind, and by type for resources and monitors. */
export function glyphOf(kind: NodeKind, type: string | undefined): string {
  switch (kind) {
    case 'resource':
      return RESOURCE_GLYPHS[type ?? ''] ?? 'generic';
    case 'monitor':
      return MONITOR_GLYPHS[type ?? ''] ?? 'generic';
    case 'networkpartition':
      return 'partition';
    default:
      return kind;
  }
}

/** The icon of a tree row; decorative (the row's name and type are its accessible text). */
export function TreeIcon({ kind, type }: { kind: NodeKind; type: string | undefined }) {
  const glyph = glyphOf(kind, type);
  return (
    <svg
      className={`icon icon-${kind}`}
      data-glyph={glyph}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {GLYPHS[glyph] ?? GLYPHS.generic}
      {kind === 'monitor' ? <circle className="monitor-badge" cx="13" cy="13" r="2.5" /> : null}
    </svg>
  );
}
