/**
 * English UI strings (the reference language; ja.ts follows its keys).
 */
export const en = {
  app: { title: 'Cluster Builder', dirty: 'unsaved changes' },
  toolbar: {
    undo: 'Undo',
    redo: 'Redo',
    save: 'Save',
    saveAnyway: 'Overwrite anyway',
    open: 'Open',
    openPlaceholder: 'Project folder, clp.conf or .zip export',
  },
  tabs: { properties: 'Properties', conf: 'clp.conf' },
  tree: {
    label: 'Cluster',
    servers: 'Servers',
    heartbeats: 'Heartbeats',
    networkPartitions: 'Network partitions',
    groups: 'Groups',
    monitors: 'Monitors',
  },
  kind: {
    cluster: 'Cluster',
    server: 'Server',
    heartbeat: 'Heartbeat',
    networkpartition: 'Network partition',
    group: 'Group',
    resource: 'Group resource',
    monitor: 'Monitor resource',
  },
  properties: {
    title: 'Properties',
    none: 'Select a cluster, server, group, resource or monitor in the tree.',
    settings: 'Settings',
    parameters: 'All parameters',
  },
  field: {
    finalAction: 'Final action',
    userwMethod: 'Monitoring method',
    genwSync: 'Monitor type',
  },
  option: { default: 'Product default', synchronous: 'Synchronous', asynchronous: 'Asynchronous' },
  problems: {
    title: 'Problems',
    none: 'No problems: every rule passes.',
    quickFix: 'Quick fix',
    errors_one: '{{count}} error',
    errors_other: '{{count}} errors',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    infos_one: '{{count}} note',
    infos_other: '{{count}} notes',
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Information' },
  status: { ready: 'Ready', noProject: 'No project open' },
  conf: { note: 'Edits here update the tree and forms when the XML parses.' },
};
