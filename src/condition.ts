import * as z from 'zod/mini';
import { defineMessages } from './i18n.js';
import type { CustomIssueParams } from './problems.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// The declarative condition language shared by the permit form and the
// requirement checklist. Plain JSON, never expressions in strings, never eval:
//   { "field": "applicantType", "equals": "company" }
//   { "all": [ { "field": "renewal", "filled": true }, { "not": { "field": "size", "oneOf": ["S", "M"] } } ] }

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

/** Operators that test one field's value; each needs `field`. */
export const FIELD_OPERATORS = ['equals', 'notEquals', 'oneOf', 'filled', 'empty', 'within'] as const;
/** Operators that combine other conditions. */
export const COMBINATORS = ['all', 'any', 'not'] as const;
/** Every operator, in the order the error message lists them. */
export const OPERATORS = [...FIELD_OPERATORS, ...COMBINATORS] as const;
export type Operator = (typeof OPERATORS)[number];

/** A value a condition compares with: answers are strings, a single checkbox is a boolean. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'condition.scalar' });
export type Scalar = z.infer<typeof Scalar>;

/** The condition language's problem messages, read by document authors. */
export const conditionMsg = defineMessages(
  {
    'condition.scalar': 'harus berupa teks, angka, atau true/false',
    'condition.operator': 'kondisi harus memuat tepat satu operator: {operators}',
    'condition.field': 'operator "{operator}" memerlukan "field": nama isian yang diperiksa',
    'condition.noField': '"field" tidak berlaku untuk operator "{operator}"; letakkan di kondisi di dalamnya',
  },
  {
    'condition.scalar': 'must be a text, a number, or true/false',
    'condition.operator': 'a condition must have exactly one operator: {operators}',
    'condition.field': 'operator "{operator}" needs "field": the name of the field it tests',
    'condition.noField': '"field" does not apply to operator "{operator}"; put it in the conditions inside',
  },
);

const issue = (params: CustomIssueParams) => ({ code: 'custom' as const, message: params.key, params });

/**
 * A condition: exactly one operator per object. One flat strict object rather
 * than a union of shapes, so that a typo (`"equal"`) is reported at its own
 * key instead of as "matches none of eight alternatives".
 */
export const Condition = z.strictObject({
  field: z.optional(z.string()),
  equals: z.optional(Scalar),
  notEquals: z.optional(Scalar),
  oneOf: z.optional(z.array(Scalar).check(z.minLength(1))),
  filled: z.optional(z.literal(true)),
  empty: z.optional(z.literal(true)),
  /** For a region answer: its Kemendagri code is one of these regions or lies inside one (`"51.02.01"`: a village of that kecamatan). */
  within: z.optional(z.array(z.string()).check(z.minLength(1))),
  // Getters returning lazy schemas: `.check()` below clones the object and
  // reads its shape before `Condition` is assigned.
  get all(): z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniLazy<typeof Condition>>> {
    return z.optional(z.array(z.lazy(() => Condition)).check(z.minLength(1)));
  },
  get any(): z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniLazy<typeof Condition>>> {
    return z.optional(z.array(z.lazy(() => Condition)).check(z.minLength(1)));
  },
  get not(): z.ZodMiniOptional<z.ZodMiniLazy<typeof Condition>> {
    return z.optional(z.lazy(() => Condition));
  },
}).check(
  z.superRefine((cond, ctx) => {
    const used = OPERATORS.filter((op) => cond[op] !== undefined);
    if (used.length !== 1) {
      ctx.addIssue(issue({ key: 'condition.operator', operators: OPERATORS.join(', ') }));
      return;
    }
    const fieldOp = (FIELD_OPERATORS as readonly string[]).includes(used[0] as string);
    if (fieldOp && cond.field === undefined) ctx.addIssue({ ...issue({ key: 'condition.field', operator: used[0] as string }), path: ['field'] });
    if (!fieldOp && cond.field !== undefined) ctx.addIssue({ ...issue({ key: 'condition.noField', operator: used[0] as string }), path: ['field'] });
  }),
);
export type Condition = z.infer<typeof Condition>;

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
  if (cond.not) return !evaluateCondition(cond.not, valueOf);
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
    if (c.not) visit(c.not);
  };
  visit(cond);
  return [...out];
}
