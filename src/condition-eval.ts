// Evaluating conditions, without zod: what the form and the checklist need at
// first render. The format of a condition (its zod definition and the author
// messages) is in condition.ts.

/** Operators that test one field's value; each needs `field`. */
export const FIELD_OPERATORS = ['equals', 'notEquals', 'oneOf', 'filled', 'empty', 'within'] as const;
/** Operators that combine other conditions. */
export const COMBINATORS = ['all', 'any', 'not'] as const;
/** Every operator, in the order the error message lists them. */
export const OPERATORS = [...FIELD_OPERATORS, ...COMBINATORS] as const;
export type Operator = (typeof OPERATORS)[number];

/** A value a condition compares with: answers are strings, a single checkbox is a boolean. */
export type Scalar = string | number | boolean;

/**
 * A condition, as `Condition` in condition.ts defines it: exactly one
 * operator. `not` is `unknown` because the type zod infers for the recursive
 * definition stops there; documents reach these functions only after parsing.
 */
export interface Condition {
  field?: string | undefined;
  equals?: Scalar | undefined;
  notEquals?: Scalar | undefined;
  oneOf?: Scalar[] | undefined;
  filled?: true | undefined;
  empty?: true | undefined;
  within?: string[] | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: unknown;
}

/** Whether an answer counts as not given: nothing, blank text, an empty list, an unticked box, a date with no parts. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((part) => typeof part !== 'string' || part.trim() === '');
  return false;
}

/** The Kemendagri code of a region answer (`{ code, names }`), else `undefined`. */
function regionCode(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer) || !Object.hasOwn(answer, 'code')) return undefined;
  const code = (answer as { code: unknown }).code;
  return typeof code === 'string' ? code.trim() : undefined;
}

function same(answer: unknown, expected: Scalar): boolean {
  // A region answer equals its code.
  const code = regionCode(answer);
  if (code !== undefined) return code !== '' && code === String(expected);
  if (typeof answer === typeof expected) return typeof answer === 'string' ? answer.trim() === expected : answer === expected;
  // "5" typed into a number field equals 5; a ticked checkbox equals true.
  if (typeof answer === 'string' || typeof answer === 'number' || typeof answer === 'boolean') return String(answer).trim() === String(expected);
  return false;
}

/** `equals` on a checkbox group (an array) means "contains"; on anything else, "is". */
function matches(answer: unknown, expected: Scalar): boolean {
  return Array.isArray(answer) ? answer.some((item) => same(item, expected)) : same(answer, expected);
}

/**
 * Evaluates a condition against answers. `valueOf` returns a field's current
 * value, `undefined` when unanswered or hidden. For a checkbox group, `equals`
 * means "contains", `notEquals` "does not contain", `oneOf` "contains any of".
 * A region answer compares by its code; `within` tests a code prefix.
 */
export function evaluateCondition(cond: Condition, valueOf: (field: string) => unknown): boolean {
  if (cond.all) return cond.all.every((c) => evaluateCondition(c, valueOf));
  if (cond.any) return cond.any.some((c) => evaluateCondition(c, valueOf));
  if (cond.not) return !evaluateCondition(cond.not as Condition, valueOf);
  if (cond.field === undefined) return false;
  const value = valueOf(cond.field);
  if (cond.filled) return !isEmptyValue(value);
  if (cond.empty) return isEmptyValue(value);
  if (cond.equals !== undefined) return matches(value, cond.equals);
  if (cond.notEquals !== undefined) return !matches(value, cond.notEquals);
  if (cond.oneOf) return cond.oneOf.some((expected) => matches(value, expected));
  if (cond.within) {
    const code = regionCode(value) ?? (typeof value === 'string' ? value.trim() : '');
    return code !== '' && cond.within.some((scope) => code === scope || code.startsWith(`${scope}.`));
  }
  return false;
}

/** The names of the fields a condition reads, each once, in order of appearance. */
export function referencedFields(cond: Condition): string[] {
  const out = new Set<string>();
  const visit = (c: Condition) => {
    if (c.field !== undefined) out.add(c.field);
    c.all?.forEach(visit);
    c.any?.forEach(visit);
    if (c.not) visit(c.not as Condition);
  };
  visit(cond);
  return [...out];
}
