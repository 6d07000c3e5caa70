/**
 * The rules engine's public surface.
 */
export * from './types.js';
export { RULES } from './catalogue.js';
export {
  rulesFor,
  applyQuickFix,
  checkEveryRule,
  sortFindings,
  appliesTo,
  findingKey,
  type CheckOptions,
} from './engine.js';
export { type Checker, applyAllQuickFixes, checkProject, createChecker } from './checker.js';
export { compareVersions } from './version.js';
export { type ScriptLayout, layoutOf } from './script-layout.js';
export { formatRuleCatalogue } from './docs.js';
export * from './language.js';
export * from './acknowledged.js';
