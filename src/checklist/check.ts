import type { Condition } from '../condition-eval.js';
import { translate, type Params } from '../i18n.js';
import type { Locale } from '../locale.js';
import { formatPath, type Problem } from '../problem.js';
import type { ChecklistDocumentMessageKey } from './document-messages.js';
import type { ChecklistDocument, Variant } from './format.js';

// The checks of a requirement checklist that need the whole document, without
// zod: the fast path runs them before first render, and so does parseChecklist.
// Their messages (document-messages.ts) are fetched only when a document
// fails: until then a problem is only counted, never shown.

/** Rp10.000, the duty stamp (materai) since UU 10/2020; `"stamped": true` means this amount. */
export const DEFAULT_STAMP_DUTY = 10_000;

type Path = readonly (string | number)[];
type Report = (at: Path, key: ChecklistDocumentMessageKey | 'schema.duplicate', params?: Params) => void;

const quote = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * The checks that need the whole document: every condition names an existing
 * variant and only that variant's option values; ids are unique. A wrong
 * option value is an error, not a warning: variants are a closed set written in
 * the same document, so a typo ("badan_usaha") is always a mistake, and would
 * otherwise hide or show a document silently.
 */
export function checkChecklist(doc: ChecklistDocument, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (at, key, params = {}) => problems.push({ path: formatPath(at), message: translate(locale, key, params) });
  const variants = new Map<string, Variant>();
  const unique = (seen: Map<string, Path>, value: string, at: Path) => {
    const first = seen.get(value);
    if (first) report(at, 'schema.duplicate', { value, other: formatPath(first) });
    else seen.set(value, at);
  };

  const variantIds = new Map<string, Path>();
  (doc.variants ?? []).forEach((variant, v) => {
    unique(variantIds, variant.id, ['variants', v, 'id']);
    if (!variants.has(variant.id)) variants.set(variant.id, variant);
    const values = new Map<string, Path>();
    variant.options.forEach((option, o) => unique(values, option.value, ['variants', v, 'options', o, 'value']));
  });

  const groupIds = new Map<string, Path>();
  const itemIds = new Map<string, Path>();
  doc.groups.forEach((group, g) => {
    if (group.id !== undefined) unique(groupIds, group.id, ['groups', g, 'id']);
    if (group.when) checkCondition(group.when, ['groups', g, 'when'], variants, report);
    group.items.forEach((item, i) => {
      const at = ['groups', g, 'items', i];
      unique(itemIds, item.id, [...at, 'id']);
      if (item.when) checkCondition(item.when, [...at, 'when'], variants, report);
      if (item.whenNeeded !== undefined && item.optional !== true) report([...at, 'whenNeeded'], 'checklist.whenNeeded');
    });
  });
  return problems;
}

/** Checks that a condition reads only variant ids, and compares them only with their options. */
function checkCondition(cond: Condition, at: Path, variants: ReadonlyMap<string, Variant>, report: Report): void {
  cond.all?.forEach((c, i) => checkCondition(c, [...at, 'all', i], variants, report));
  cond.any?.forEach((c, i) => checkCondition(c, [...at, 'any', i], variants, report));
  if (cond.not) checkCondition(cond.not, [...at, 'not'], variants, report);
  if (cond.field === undefined) return;
  const variant = variants.get(cond.field);
  if (!variant) {
    if (variants.size === 0) report([...at, 'field'], 'checklist.noVariants', { name: cond.field });
    else report([...at, 'field'], 'checklist.unknownVariant', { name: cond.field, known: quote([...variants.keys()]) });
    return;
  }
  const known = variant.options.map((o) => o.value);
  const value = (expected: unknown, path: Path) => {
    if (typeof expected !== 'string' || !known.includes(expected)) report(path, 'checklist.unknownOption', { value: String(expected), name: variant.id, known: quote(known) });
  };
  if (cond.equals !== undefined) value(cond.equals, [...at, 'equals']);
  if (cond.notEquals !== undefined) value(cond.notEquals, [...at, 'notEquals']);
  cond.oneOf?.forEach((expected, i) => value(expected, [...at, 'oneOf', i]));
}

