/**
 * The rules engine's public surface.
 */
export * from './types.js';
export { RULES } from './catalogue.js';
export { checkProject, rulesFor, applyQuickFix, applyAllQuickFixes, createChecker, sortFindings, appliesTo, type CheckOptions } from './engine.js';
export { compareVersions } from './version.js';
export { formatRuleCatalogue } from './docs.js';
