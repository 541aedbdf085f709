import * as z from 'zod/mini';
import { RULES, type RuleIssue, type RuleName } from './fast/rules/index.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// Before any check is built: see prototypes.ts.
ownKeysOnlyWhileLoading();

/**
 * A zod check that runs one of the shared rules (src/fast/rules/). The
 * rule's name is kept on the check, so the build can describe the format for
 * the fast path (scripts/shapes.mjs), which runs the very same function.
 */
export function rule<T>(name: RuleName): z.core.$ZodCheck<T> {
  const test = RULES[name] as unknown as (value: T) => readonly RuleIssue[] | undefined;
  const check = z.superRefine<T>((value, ctx) => {
    for (const found of test(value) ?? []) {
      const issue = { code: 'custom' as const, message: found.params.key, params: found.params };
      ctx.addIssue(found.path ? { ...issue, path: [...found.path] } : issue);
    }
  });
  (check._zod.def as { rule?: RuleName }).rule = name;
  return check;
}
