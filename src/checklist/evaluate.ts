import { evaluateCondition } from '../condition-eval.js';
import { safeHref } from '../url.js';
import type { ChecklistDocument, Group, Item, Variant } from './format.js';

// The checklist's logic with no UI: which items apply to the citizen's
// answers, how far along they are, and the link that hands the answers to the
// permit form. Tested without a browser element.

/** One answer: an option value, or the chosen values of a `multiple` question (in the document's order). */
export type Answer = string | readonly string[];

/** The citizen's answers to the variant questions: variant id → option value(s). */
export type Answers = Readonly<Record<string, Answer>>;

/** A group with only the items that apply to the answers. */
export interface ApplicableGroup {
  readonly group: Group;
  /** The group's position in the document, for stable ids. */
  readonly index: number;
  readonly items: readonly Item[];
}

/** How many of the documents that count are ticked. */
export interface Progress {
  /** Required items that apply and are ticked. */
  readonly ready: number;
  /** Required items that apply. Optional ("bila diperlukan") items are not counted. */
  readonly total: number;
  /** Optional items that apply, ticked or not. */
  readonly optional: number;
}

const valueOf = (answers: Answers) => (field: string) => (Object.hasOwn(answers, field) ? answers[field] : undefined);

/**
 * The groups and items that apply to the answers. A condition on a question
 * not answered yet reads `undefined`, so `equals` is false and `empty` is true:
 * until the citizen answers, only the items every applicant needs are shown.
 */
export function applicableGroups(doc: ChecklistDocument, answers: Answers): ApplicableGroup[] {
  const read = valueOf(answers);
  const out: ApplicableGroup[] = [];
  doc.groups.forEach((group, index) => {
    if (group.when && !evaluateCondition(group.when, read)) return;
    const items = group.items.filter((item) => !item.when || evaluateCondition(item.when, read));
    if (items.length) out.push({ group, index, items });
  });
  return out;
}

/** Progress over the applicable items; a ticked item that does not apply now is kept but not counted. */
export function progressOf(groups: readonly ApplicableGroup[], ticked: ReadonlySet<string>): Progress {
  let ready = 0;
  let total = 0;
  let optional = 0;
  for (const { items } of groups) {
    for (const item of items) {
      if (item.optional) {
        optional++;
      } else {
        total++;
        if (ticked.has(item.id)) ready++;
      }
    }
  }
  return { ready, total, optional };
}

/**
 * Keeps only answers naming a variant of the document and its options
 * (stored or passed-in data may be stale): one value for a single-choice
 * question, a list in the document's order for a `multiple` one.
 */
export function validAnswers(doc: ChecklistDocument, raw: unknown): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const variant of doc.variants ?? []) {
    const value = Object.hasOwn(raw, variant.id) ? (raw as Record<string, unknown>)[variant.id] : undefined;
    const given = Array.isArray(value) ? value : [value];
    const chosen = variant.options.map((o) => o.value).filter((v) => given.includes(v));
    if (variant.multiple) {
      if (chosen.length) out[variant.id] = chosen;
    } else if (typeof value === 'string' && chosen.length === 1) {
      out[variant.id] = value;
    }
  }
  return out;
}

/** Whether a question has an answer (for a `multiple` one: at least one option chosen). */
export function isAnswered(answers: Answers, id: string): boolean {
  const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0);
}

/** The answers with one option chosen or (for a `multiple` question) toggled. */
export function withAnswer(answers: Answers, variant: Variant, value: string, chosen = true): Record<string, Answer> {
  const next: Record<string, Answer> = { ...answers };
  if (!variant.multiple) {
    next[variant.id] = value;
    return next;
  }
  const current = answers[variant.id];
  const set = new Set(Array.isArray(current) ? current : typeof current === 'string' ? [current] : []);
  if (chosen) set.add(value);
  else set.delete(value);
  const ordered = variant.options.map((o) => o.value).filter((v) => set.has(v));
  if (ordered.length) next[variant.id] = ordered;
  else delete next[variant.id];
  return next;
}

/**
 * The hand-off link to the permit form: `apply.url` (through the scheme
 * allow-list, resolved against `base`) with each answered variant as a query
 * parameter named by the variant id, encoded by URLSearchParams:
 * `/demo/forms/reklame.html?applicantType=badan-usaha&requestType=baru`.
 * A `multiple` question repeats its parameter (`?permits=siup&permits=sipi`).
 * Parameters already in `apply.url` are kept; a variant answer replaces those
 * of the same name. `undefined` when there is no URL or it is not allowed.
 */
export function handOffHref(doc: ChecklistDocument, answers: Answers, base: string): string | undefined {
  const href = safeHref(doc.apply?.url, base);
  if (href === undefined) return undefined;
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return href;
  for (const variant of doc.variants ?? []) {
    const value = Object.hasOwn(answers, variant.id) ? answers[variant.id] : undefined;
    if (value === undefined) continue;
    url.searchParams.delete(variant.id);
    for (const v of typeof value === 'string' ? [value] : value) url.searchParams.append(variant.id, v);
  }
  return url.href;
}

/** "Rp10.000": rupiah with a period for thousands and no space (PUEBI). */
export function formatRupiah(amount: number): string {
  const [whole, fraction] = amount.toFixed(2).replace(/\.00$/, '').split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `Rp${grouped}${fraction ? `,${fraction}` : ''}`;
}
