import * as z from 'zod/mini';
import { defineMessages } from './i18n.js';
import { rule } from './rule.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// The declarative condition language shared by the permit form and the
// requirement checklist. Plain JSON, never expressions in strings, never eval:
//   { "field": "applicantType", "equals": "company" }
//   { "all": [ { "field": "renewal", "filled": true }, { "not": { "field": "size", "oneOf": ["S", "M"] } } ] }

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { COMBINATORS, FIELD_OPERATORS, OPERATORS, evaluateCondition, isEmptyValue, referencedFields, type Operator } from './condition-eval.js';

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
}).check(rule('condition'));
export type Condition = z.infer<typeof Condition>;
