import * as z from 'zod/mini';
import { Condition } from '../condition.js';
import { Contact, Url } from '../links.js';
import { compareOrder, toProblems, type ParseResult } from '../problems.js';
import { rule } from '../rule.js';
import { Text, type Locale } from '../text.js';
import { checkChecklist } from './check.js';
import { ownKeysOnly, ownKeysOnlyWhileLoading } from '../prototypes.js';

// The format of a requirement checklist, version 1: the documents a permit
// needs, which of them apply to whom (variant questions + the shared condition
// language), and where to apply. One definition: the types are inferred from it.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { CHECKLIST_VERSIONS } from '../fast/rules/checklist.js';

/** Kinds of item groups; each has a default heading ("Identitas", "Usaha", …). */
export const GROUP_KINDS = ['identity', 'business', 'technical', 'location', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export { DEFAULT_STAMP_DUTY } from './check.js';

/**
 * An identifier: variant ids become URL query parameter names in the hand-off
 * to the form, and item ids key the ticks kept on the device, so they are
 * plain ASCII names.
 */
export const Id = z.string().check(rule('checklistId'));

/** One answer to a variant question: `{ "value": "badan-usaha", "label": "Badan usaha" }`. */
export const VariantOption = z.strictObject({
  /** Sent to the form as the query parameter's value. */
  value: z.string().check(z.minLength(1), z.maxLength(64)),
  label: Text,
  hint: z.optional(Text),
});
export type VariantOption = z.infer<typeof VariantOption>;

/** A question the citizen answers at the top, which changes the list: applicant type, new or renewal, … */
export const Variant = z.strictObject({
  /** The answer's name; also the query parameter the permit form reads (`jenisPemohon`). */
  id: Id,
  label: Text,
  hint: z.optional(Text),
  /**
   * Several options may be chosen (checkboxes instead of radio buttons), e.g.
   * SIUP and SIPI at once. The answer is then a list; in a condition `equals`
   * means "includes", as for a checkbox group in the form.
   */
  multiple: z.optional(z.boolean()),
  options: z.array(VariantOption).check(z.minLength(2)),
});
export type Variant = z.infer<typeof Variant>;

/** Who issues a document, with a link to where it is obtained (Dukcapil, OSS, BPN). */
export const Issuer = z.strictObject({
  name: Text,
  url: z.optional(Url),
});
export type Issuer = z.infer<typeof Issuer>;

/** A downloadable template (formulir) to fill in. */
export const Template = z.strictObject({
  url: Url,
  label: z.optional(Text),
});
export type Template = z.infer<typeof Template>;

/** For documents sent as files: accepted formats (`pdf`, `jpg`, `png`) and the largest size in MB. */
export const Upload = z.strictObject({
  formats: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9]{2,5}$/))).check(z.minLength(1))),
  maxSizeMb: z.optional(z.number().check(z.positive())),
});
export type Upload = z.infer<typeof Upload>;

/** One document to prepare. */
export const Item = z.strictObject({
  /** Stable across edits: the citizen's tick is remembered under it. */
  id: Id,
  label: Text,
  /** What the document is, where to get it; linked to the checkbox as its description. */
  explanation: z.optional(Text),
  /** "Bila diperlukan": needed only in some cases, explained by `whenNeeded`. Not counted in the progress. */
  optional: z.optional(z.boolean()),
  /** When an optional document is needed: "bila pengurusan dikuasakan kepada orang lain". */
  whenNeeded: z.optional(Text),
  /** The item applies only when this condition on the variant answers holds. */
  when: z.optional(Condition),
  upload: z.optional(Upload),
  /** "Tunjukkan asli": bring the original to be seen. */
  original: z.optional(z.boolean()),
  /** "Bermaterai Rp10.000": `true`, or the amount in rupiah. */
  stamped: z.optional(z.union([z.boolean(), z.int().check(z.positive())], { error: 'schema.stamped' })),
  /** Photo size as the office writes it: "4R", "3x4". */
  photoSize: z.optional(z.string().check(z.minLength(1), z.maxLength(24))),
  /** How many copies (rangkap). */
  copies: z.optional(z.int().check(z.positive(), z.maximum(20))),
  issuer: z.optional(Issuer),
  template: z.optional(Template),
});
export type Item = z.infer<typeof Item>;

/** A group of items under one heading. */
export const Group = z.strictObject({
  id: z.optional(Id),
  kind: z.enum(GROUP_KINDS),
  /** Overrides the default heading for the kind. */
  title: z.optional(Text),
  /** The whole group applies only when this condition holds. */
  when: z.optional(Condition),
  items: z.array(Item).check(z.minLength(1)),
});
export type Group = z.infer<typeof Group>;

/** The permit: its name, purpose, legal basis, service level and fee. */
export const Permit = z.strictObject({
  name: Text,
  purpose: z.optional(Text),
  legalBasis: z.optional(z.array(Text)),
  /** The service level in working days (UU 25/2009 service standard). */
  serviceDays: z.optional(z.int().check(z.minimum(0), z.maximum(365))),
  /** `0` renders as "Gratis"; another number as rupiah ("Rp150.000"); or the office's own text. */
  fee: z.optional(z.union([z.number().check(z.minimum(0)), Text], { error: 'schema.invalid' })),
});
export type Permit = z.infer<typeof Permit>;

/** The office that issues the permit. */
export const ChecklistOffice = z.strictObject({
  name: Text,
  shortName: z.optional(Text),
  address: z.optional(Text),
  url: z.optional(Url),
});
export type ChecklistOffice = z.infer<typeof ChecklistOffice>;

/** Where a citizen asks for help: TANYA PTSP on WhatsApp, a call centre, a web page. */
export const Help = z.strictObject({
  label: z.optional(Text),
  note: z.optional(Text),
  contacts: z.array(Contact).check(z.minLength(1)),
});
export type Help = z.infer<typeof Help>;

/**
 * Where to apply: the page of the loket permit form (`url`), which receives
 * the variant answers as query parameters, and/or the id of that form.
 */
export const Apply = z.strictObject({
  url: z.optional(Url),
  form: z.optional(Id),
  label: z.optional(Text),
}).check(rule('applyTarget'));
export type Apply = z.infer<typeof Apply>;

/** A requirement checklist, version 1. */
export const ChecklistDocument = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.number().check(rule('checklistVersion')),
  /** Names the checklist; ticks are remembered on the device under it (with the version). */
  id: Id,
  permit: Permit,
  office: ChecklistOffice,
  help: z.optional(Help),
  apply: z.optional(Apply),
  variants: z.optional(z.array(Variant)),
  groups: z.array(Group).check(z.minLength(1)),
});
export type ChecklistDocument = z.infer<typeof ChecklistDocument>;

export { checkChecklist } from './check.js';

/**
 * The parts of a checklist whose shape is wrong replaced by stand-ins at the
 * same places, so that the checks across the document (conditions naming
 * questions and options, duplicate ids) run in the same pass as the shape.
 * A broken question keeps its id and the option values it has; a broken item
 * keeps its condition when that parses. `undefined` without a list of groups.
 */
function salvage(json: unknown): ChecklistDocument | undefined {
  const object = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const when = (value: unknown) => {
    const parsed = Condition.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const groups = object(json)?.groups;
  if (!Array.isArray(groups)) return undefined;
  const variants = list(object(json)?.variants).map((raw, v): Variant => {
    const parsed = Variant.safeParse(raw);
    if (parsed.success) return parsed.data;
    const id = object(raw)?.id;
    const options = list(object(raw)?.options).flatMap((o) => (typeof object(o)?.value === 'string' ? [{ value: object(o)!.value as string, label: '' }] : []));
    return { id: typeof id === 'string' ? id : `#${v}`, label: '', options };
  });
  return {
    variants,
    groups: groups.map((raw, g) => {
      const group = object(raw);
      return {
        kind: 'other',
        when: when(group?.when),
        items: list(group?.items).map((item, i): Item => {
          const parsed = Item.safeParse(item);
          return parsed.success ? parsed.data : { id: `#${g}.${i}`, label: '', when: when(object(item)?.when) };
        }),
      };
    }),
  } as unknown as ChecklistDocument;
}

/** Parses a checklist document: its shape and the checks across it, in one pass. Never throws; problems name their paths. */
export function parseChecklist(json: unknown, locale: Locale = 'id'): ParseResult<ChecklistDocument> {
  const result = ownKeysOnly(() => ChecklistDocument.safeParse(json));
  if (!result.success) {
    const shape = toProblems(result.error.issues, json, locale);
    const rest = ownKeysOnly(() => salvage(json));
    // A path the shape already faults (or one inside it) is not reported twice.
    const inside = (path: string) => shape.some((s) => path === s.path || path.startsWith(`${s.path}.`) || path.startsWith(`${s.path}[`));
    const more = rest ? checkChecklist(rest, locale).filter((p) => !inside(p.path)) : [];
    return { ok: false, problems: [...shape, ...more].sort((a, b) => compareOrder(a.path, b.path)) };
  }
  const problems = checkChecklist(result.data, locale);
  return problems.length ? { ok: false, problems } : { ok: true, value: result.data };
}
