import { describeAnswer } from '../../src/form/describe.js';
import type { AnswerField, FormDocument, ItemField } from '../../src/form/format.js';
import { itemsOf } from '../../src/form/answers.js';
import { text, type Locale } from '../../src/text.js';
import { csvCell } from '../csv.js';

// The office's export: one row per application, one column per question,
// answers said the way the review page says them. Safe to open in a
// spreadsheet: cells go through the receiver's `csvCell` (server/csv.ts),
// which quotes every cell and prefixes one that would start a formula with an
// apostrophe (OWASP "CSV injection"), so "=HYPERLINK(…)" stays text.

/** Separators offices use: Excel set to Indonesian expects `;` (the comma is the decimal mark there). */
export const CSV_DELIMITERS = [',', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One line of cells, each quoted and defused by the receiver's own export's `csvCell`, ending in CRLF (RFC 4180). */
export function csvLine(cells: readonly string[], delimiter: CsvDelimiter = ','): string {
  return `${cells.map(csvCell).join(delimiter)}\r\n`;
}

/** An answer column: the question's label, and how to read it from a submission of its form. */
export interface AnswerColumn {
  /** `nik`, or `vessels.name` for a question inside a repeatable group. */
  readonly key: string;
  readonly header: string;
}

type Leaf = { readonly field: AnswerField | ItemField; readonly group?: string };

function leaves(form: FormDocument): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (!('name' in field)) continue;
      if (field.type !== 'group') {
        found.set(field.name, { field });
        continue;
      }
      for (const child of field.fields) if ('name' in child) found.set(`${field.name}.${child.name}`, { field: child, group: field.name });
    }
  }
  return found;
}

/** The answer columns of some forms, in document order; a name two forms share is one column. */
export function answerColumns(forms: readonly FormDocument[], locale: Locale): AnswerColumn[] {
  const columns = new Map<string, AnswerColumn>();
  for (const form of forms) {
    const groups = new Map<string, string>();
    for (const step of form.steps) for (const f of step.fields) if (f.type === 'group') groups.set(f.name, text(f.label, locale));
    for (const [key, { field, group }] of leaves(form)) {
      if (columns.has(key)) continue;
      const label = 'label' in field ? text(field.label, locale) : key;
      columns.set(key, { key, header: group ? `${groups.get(group) ?? group}: ${label}` : label });
    }
  }
  return [...columns.values()];
}

const said = (described: string | string[] | undefined): string => (described === undefined ? '' : Array.isArray(described) ? described.join(', ') : described);

/** The cells of one submission under `columns`; a group's items are numbered: "1) KM Bahari; 2) KM Lestari". */
export function answerCells(form: FormDocument, answers: Record<string, unknown>, columns: readonly AnswerColumn[], locale: Locale): string[] {
  const found = leaves(form);
  return columns.map(({ key }) => {
    const leaf = found.get(key);
    if (!leaf) return '';
    const own = (o: unknown, k: string) => (o !== null && typeof o === 'object' && !Array.isArray(o) && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);
    if (!leaf.group) return said(describeAnswer(leaf.field, own(answers, key), locale));
    const child = key.slice(leaf.group.length + 1);
    return itemsOf(own(answers, leaf.group))
      .map((item, i) => `${i + 1}) ${said(describeAnswer(leaf.field, own(item, child), locale))}`)
      .join('; ');
  });
}
