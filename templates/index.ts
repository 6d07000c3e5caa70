/**
 * Script templates and the typed, escaping generator; the topology wizards that build
 * projects with them. Pure: imports only zod and the core (schemas/), so the desktop app, the
 * command line and the browser host share it.
 */
export * from './generate.js';
export * from './header.js';
export * from './script-states.js';
export { perlString, shellWord, batchArgument } from './escape.js';
export { sha256Hex } from './hash.js';
export * from './wizard/options.js';
export * from './wizard/topologies.js';
export * from './wizard/regenerate.js';
export * from './wizard/sides.js';
export { wirePreaction, wireVmExec, wireVmMonitor } from './wizard/wiring.js';
export * from './rules.js';
