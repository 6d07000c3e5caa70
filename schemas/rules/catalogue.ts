/**
 * Every rule, in id order. The list is open: a new rule gets a new id; ids are never reused.
 */
import { CF015 } from './cf-dependencies.js';
import { CF014 } from './cf-os-types.js';
import { CF013 } from './cf-script-format.js';
import { CF003 } from './cf-scripts.js';
import { CF007, CF008, CF009, CF010 } from './cf-settings.js';
import { CF004, CF011 } from './cf-values.js';
import { CF012 } from './cf-claims.js';
import { CF001, CF002, CF005, CF006 } from './cf-structure.js';
import type { Rule } from './types.js';
import { VM004, VM005, VM006, VM007, VM008, VM009, VM010, VM011, VM012 } from './vm-facts.js';
import { VM020, VM021, VM022, VM023 } from './vm-failover.js';
import { VM001, VM002, VM003, VM013, VM014 } from './vm-host.js';
import { VM030, VM031, VM032, VM040 } from './vm-preaction.js';

export const RULES: readonly Rule[] = [
  VM001, VM002, VM003, VM004, VM005, VM006, VM007, VM008, VM009, VM010, VM011, VM012, VM013, VM014,
  VM020, VM021, VM022, VM023, VM030, VM031, VM032, VM040,
  CF001, CF002, CF003, CF004, CF005, CF006, CF007, CF008, CF009, CF010,
  CF011, CF012, CF013, CF014, CF015,
];
