import { isEmptyValue } from '../condition-eval.js';
import { text, type Locale } from '../locale.js';
import { formatDate } from '../time.js';
import { choicesOf, dateOf, filesOf, itemsOf } from './answers.js';
import type { AnswerField, FormDocument, ItemField, Option } from './format.js';
import { regionCodeOf, regionNamesOf } from './region.js';
import { formUiMsg } from './ui-messages.js';
import type { Validator } from './validate.js';

// The answers as the citizen's review page says them, without any UI: the
// permit form's "Periksa jawaban Anda", the staff inbox and the CSV export
// all read a submission through these two functions, so an office sees the
// same labels, groups and dates the citizen confirmed.

/** One answer row: its field, answer path (`nik`, `vessels[1].name`), label and raw value. */
export interface ReviewRow {
  readonly field: AnswerField | ItemField;
  readonly path: string;
  readonly label: string;
  readonly value: unknown;
}

/** The rows of one visible step, under its heading. */
export interface ReviewSection {
  readonly step: number;
  readonly heading: string;
  readonly rows: readonly ReviewRow[];
}

/**
 * An answer as the citizen would say it: option labels, "17 Agustus 1990",
 * file names, region names. `options`: the fetched list of a field with
 * `optionsFrom`; without it such an answer is shown as its value.
 */
export function describeAnswer(field: AnswerField | ItemField, value: unknown, locale: Locale, options?: readonly Option[]): string | string[] | undefined {
  switch (field.type) {
    case 'radio':
    case 'select': {
      const option = (field.options ?? options)?.find((o) => o.value === value);
      return option ? text(option.label, locale) : typeof value === 'string' && value && field.options === undefined ? value : undefined;
    }
    case 'region': {
      // Deepest first, as an address is written: "Antap, Selemadeg, Kabupaten Tabanan, Bali".
      const code = regionCodeOf(value);
      if (!code) return undefined;
      const names = regionNamesOf(value);
      return names?.length ? [...names].reverse().join(', ') : code;
    }
    case 'checkboxes': {
      const chosen = choicesOf(value);
      const labels = field.options.filter((o) => chosen.includes(o.value)).map((o) => text(o.label, locale));
      return labels.length ? labels : undefined;
    }
    case 'checkbox':
      return value === true ? formUiMsg(locale, 'ui.yes') : formUiMsg(locale, 'ui.no');
    case 'date': {
      // A submitted date is normalized to `YYYY-MM-DD` (validator.finalAnswers); the form holds its three parts.
      const iso = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return formatDate({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, locale);
      const d = dateOf(value);
      if (!d.day && !d.month && !d.year) return undefined;
      const parsed = { year: Number(d.year), month: Number(d.month), day: Number(d.day) };
      return parsed.month >= 1 && parsed.month <= 12 ? formatDate(parsed, locale) : `${d.day}-${d.month}-${d.year}`;
    }
    case 'file': {
      const names = filesOf(value).map((f) => f.name);
      return names.length ? names : undefined;
    }
    case 'group':
      return undefined;
    default:
      return isEmptyValue(value) ? undefined : String(value);
  }
}

const own = (object: unknown, key: string): unknown =>
  object !== null && typeof object === 'object' && !Array.isArray(object) && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;

/**
 * Every shown answer, step by step: what the review page lists. A repeatable
 * group with no items is one row of its own; each item's answers are labelled
 * "Kapal 2: Nama kapal" (the group's `itemLabel`, else its label and number).
 */
export function reviewSections(
  form: FormDocument,
  validator: Pick<Validator, 'visibleSteps' | 'isVisible'>,
  answers: Record<string, unknown>,
  locale: Locale,
): ReviewSection[] {
  const sections: ReviewSection[] = [];
  for (const s of validator.visibleSteps(answers)) {
    const step = form.steps[s];
    if (!step) continue;
    const rows: ReviewRow[] = [];
    for (const field of step.fields) {
      if (!('name' in field) || !validator.isVisible(field.name, answers)) continue;
      const value = own(answers, field.name);
      if (field.type !== 'group') {
        rows.push({ field, path: field.name, label: text(field.label, locale), value });
        continue;
      }
      const items = itemsOf(value);
      if (items.length === 0) rows.push({ field, path: field.name, label: text(field.label, locale), value });
      items.forEach((item, index) => {
        const prefix = field.itemLabel !== undefined ? text(field.itemLabel, locale).replace('{n}', String(index + 1)) : `${text(field.label, locale)} ${index + 1}`;
        for (const child of field.fields) {
          if (!('name' in child)) continue;
          const path = `${field.name}[${index}].${child.name}`;
          if (validator.isVisible(path, answers)) rows.push({ field: child, path, label: `${prefix}: ${text(child.label, locale)}`, value: own(item, child.name) });
        }
      });
    }
    sections.push({ step: s, heading: text(step.heading, locale), rows });
  }
  return sections;
}
