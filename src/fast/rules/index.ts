import { CHECKLIST_RULES } from './checklist.js';
import { CONDITION_RULES } from './condition.js';
import { FORM_RULES } from './form.js';
import { LINKS_RULES } from './links.js';
import { STATUS_RULES } from './status.js';
import { TIME_ZONE_RULES } from './time-zone.js';
import { TRACKING_RULES } from './tracking.js';

// Every check of the document formats that zod's built-in checks cannot say
// (a clock time, a known time zone, one operator per condition…), written once
// and without zod. The zod definitions run them through `rule()` (src/rule.ts),
// and so does the fast path (src/fast/accept.ts) that accepts a valid document
// before zod has been downloaded: the same functions, so the two cannot differ.
//
// They live in one module per group, and a format's fast path imports only the
// groups its format names (scripts/shapes.mjs writes those imports), so each
// widget downloads its own rules and not the other formats'.

export type { Found, Rule, RuleIssue } from './issue.js';

/** Each group of rules by its module name under src/fast/rules/, for scripts/shapes.mjs. */
export const RULE_GROUPS = {
  links: LINKS_RULES,
  'time-zone': TIME_ZONE_RULES,
  condition: CONDITION_RULES,
  status: STATUS_RULES,
  checklist: CHECKLIST_RULES,
  form: FORM_RULES,
  tracking: TRACKING_RULES,
} as const;

/** Every rule, by the name the zod definitions and the fast path share. */
export const RULES = {
  ...LINKS_RULES,
  ...TIME_ZONE_RULES,
  ...CONDITION_RULES,
  ...STATUS_RULES,
  ...CHECKLIST_RULES,
  ...FORM_RULES,
  ...TRACKING_RULES,
} as const;

export type RuleName = keyof typeof RULES;
