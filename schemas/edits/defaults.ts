/**
 * What a new resource or monitor starts with: the product's defaults as the WebUI writes
 * them (clpconf-format.md §5-6), and the default scripts it creates.
 */
import type { ElementSpec } from '../doc/edit.js';
import type { ServerOs } from '../model/documented-values.js';

const comment: ElementSpec = { name: 'comment' };

/** A new resource element; exec/script resources point at scripts created with the product. */
export function defaultResourceSpec(type: string, name: string): ElementSpec {
  const attributes: ReadonlyArray<readonly [string, string]> = [['name', name]];
  if (type === 'exec' || type === 'script') {
    const extension = type === 'exec' ? 'sh' : 'bat';
    const parameters: ElementSpec = {
      name: 'parameters',
      children: [
        { name: 'act', children: [{ name: 'path', text: `start.${extension}` }] },
        { name: 'deact', children: [{ name: 'path', text: `stop.${extension}` }] },
      ],
    };
    return { name: type, attributes, children: [comment, parameters] };
  }
  return { name: type, attributes, children: [comment] };
}

/** A new monitor element: polling 60 s / timeout 120 s, recovery target the local server. */
export function defaultMonitorSpec(
  type: string,
  name: string,
  os: ServerOs = 'linux',
): ElementSpec {
  const genw = os === 'windows' ? 'genw.bat' : 'genw.sh';
  const parameters: ElementSpec[] =
    type === 'genw' ? [{ name: 'parameters', children: [{ name: 'path', text: genw }] }] : [];
  return {
    name: type,
    attributes: [['name', name]],
    children: [
      comment,
      { name: 'target' },
      {
        name: 'polling',
        children: [
          { name: 'interval', text: '60' },
          { name: 'timeout', text: '120' },
          { name: 'reconfirmation', text: '1' },
        ],
      },
      ...parameters,
      {
        name: 'relation',
        children: [
          { name: 'type', text: 'cls' },
          { name: 'name', text: 'LocalServer' },
        ],
      },
      {
        name: 'emergency',
        children: [
          {
            name: 'threshold',
            children: [
              { name: 'restart', text: '0' },
              { name: 'fo', text: '0' },
            ],
          },
          { name: 'action', text: '1' },
        ],
      },
    ],
  };
}

/** The scripts the product creates for a new resource or monitor of a type, by file name. */
export function defaultScripts(type: string, os: ServerOs = 'linux'): ReadonlyMap<string, string> {
  switch (type) {
    case 'exec':
      return new Map([
        ['start.sh', shellScript('start', 'CLP_EVENT')],
        ['stop.sh', shellScript('stop', 'CLP_EVENT')],
      ]);
    case 'script':
      return new Map([
        ['start.bat', batchScript('start')],
        ['stop.bat', batchScript('stop')],
      ]);
    case 'genw':
      return os === 'windows'
        ? new Map([['genw.bat', batchGenw()]])
        : new Map([
            [
              'genw.sh',
              '#! /bin/sh\n#***********************************************\n#*                  genw.sh                    *\n#***********************************************\n\n# Return 0 while the monitored target is healthy, anything else on failure.\nexit 0\n',
            ],
          ]);
    default:
      return new Map();
  }
}

function shellScript(which: 'start' | 'stop', variable: string): string {
  return [
    '#! /bin/sh',
    '#***************************************',
    `#*              ${which}.sh                *`,
    '#***************************************',
    '',
    `echo "${which}.sh: \${${variable}}"`,
    'exit 0',
    '',
  ].join('\n');
}

function batchScript(which: 'start' | 'stop'): string {
  return [
    'rem ***************************************',
    `rem *              ${which}.bat               *`,
    'rem ***************************************',
    '',
    `echo ${which}.bat: %CLP_EVENT%`,
    'exit 0',
    '',
  ].join('\r\n');
}

function batchGenw(): string {
  return [
    'rem ***************************************',
    'rem *              genw.bat               *',
    'rem ***************************************',
    '',
    'rem Return 0 while the monitored target is healthy, anything else on failure.',
    'exit 0',
    '',
  ].join('\r\n');
}
