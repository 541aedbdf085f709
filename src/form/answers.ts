// The answers a permit form collects, as JSON: what the element holds, what
// a draft stores, what a backend receives and re-validates. Readers here are
// defensive: answers may come from a draft or a network and be of any shape.

/**
 * Answers by field name. Text-like fields (text, textarea, number, email,
 * phone, identifiers, select, radio) hold strings; a date holds
 * `{ day, month, year }` strings; checkboxes an array of option values; a
 * single checkbox a boolean; a file field an array of `File` objects or
 * `{ name, size, type }`; a repeatable group an array of answer objects.
 */
export type Answers = Readonly<Record<string, unknown>>;

/** A date as typed into its three inputs. */
export interface DateAnswer {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** What the validator needs of a file; a browser `File` has all three. */
export interface FileAnswer {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** One answer, or `undefined`; never reads inherited keys such as `constructor`. */
export function answerOf(answers: unknown, name: string): unknown {
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers) && Object.hasOwn(answers, name) ? (answers as Record<string, unknown>)[name] : undefined;
}

/** A text-like answer as a string; numbers are accepted, anything else reads as empty. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** A date answer's parts, trimmed; missing parts are empty. */
export function dateOf(value: unknown): DateAnswer {
  const part = (key: string) => textOf(answerOf(value, key)).trim();
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** The strings of a checkbox-group answer. */
export function choicesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The files of a file answer: anything with a string name, a number size and a string type. */
export function filesOf(value: unknown): FileAnswer[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FileAnswer =>
      item !== null && typeof item === 'object' && typeof (item as FileAnswer).name === 'string' && typeof (item as FileAnswer).size === 'number' && typeof (item as FileAnswer).type === 'string',
  );
}

/** The items of a repeatable group's answer. */
export function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
