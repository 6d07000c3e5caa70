/**
 * The pure core of Cluster Builder: the clp.conf codec, the model, edits and projects.
 *
 * Imports nothing from Node, Electron or the DOM beyond TextDecoder/TextEncoder, so the app,
 * the CLI and the browser host share it.
 */
export * from './result.js';
export * from './codec/charset.js';
export * from './codec/tree.js';
export { parseXml, lineColumn } from './codec/parse.js';
export * from './codec/document.js';
export * from './doc/path.js';
export * from './doc/edit.js';
export * from './project.js';
export * from './model/kinds.js';
export * from './model/params.js';
export * from './model/entities.js';
export { readModel, instances } from './model/read.js';
export * from './model/lookup.js';
export * from './model/known-parameters.js';
export {
  type DocumentedValue,
  type ServerOs,
  documentedCodesOf,
  documentedValueOf,
  documentedWordsOf,
  serverOsOf,
} from './model/documented-values.js';
export { type OsOnlyType, osOnlyType, otherOsType } from './model/os-types.js';
export * from './model/group-dependencies.js';
export * from './edits/derived.js';
export * from './edits/entities.js';
export * from './edits/parameters.js';
export * from './edits/dependencies.js';
export * from './edits/startup-servers.js';
export {
  renameServerReferences,
  renameResourceReferences,
  renameGroupReferences,
  resourceReferrers,
  groupReferrers,
} from './edits/references.js';
export { defaultResourceSpec, defaultMonitorSpec, defaultScripts } from './edits/defaults.js';
export * from './edits/duplicate.js';
export * from './edits/units.js';
export * from './edits/by-kind.js';
export * from './diff/diff-model.js';
export * from './diff/line-diff.js';
export * from './rules/index.js';
export * from './vm-profile.js';
