import type { AnswerField, FormDocument, GroupField } from './format.js';

/** A field that collects an answer, with where it sits in the document. */
export interface FieldEntry {
  /** `applicantName` for a top-level field, `vessels.name` for a field inside a group. */
  readonly key: string;
  readonly field: AnswerField;
  /** The index of its step in `form.steps`. */
  readonly step: number;
  /** The group it is inside, if any. */
  readonly group?: FieldEntry & { readonly field: GroupField };
  /** Its location in the document, for problems: `['steps', 0, 'fields', 3]`. */
  readonly at: readonly (string | number)[];
}

/** Every answer field of a form by key, and the names used twice. */
export interface FieldIndex {
  readonly entries: ReadonlyMap<string, FieldEntry>;
  /** Fields whose name was already taken in the same scope, with the first holder. */
  readonly duplicates: readonly { readonly entry: FieldEntry; readonly first: FieldEntry }[];
  /**
   * What a name in a condition means: inside a group, a sibling first, then a
   * top-level field; a group's inner fields are invisible from outside it.
   */
  resolve(name: string, group?: FieldEntry): FieldEntry | undefined;
}

/** Indexes a form's answer fields. Static content has no name and is not indexed. */
export function indexFields(form: FormDocument): FieldIndex {
  const entries = new Map<string, FieldEntry>();
  const duplicates: { entry: FieldEntry; first: FieldEntry }[] = [];
  const add = (entry: FieldEntry) => {
    const first = entries.get(entry.key);
    if (first) duplicates.push({ entry, first });
    else entries.set(entry.key, entry);
    return !first;
  };
  form.steps.forEach((step, s) => {
    step.fields.forEach((field, f) => {
      if (!('name' in field)) return;
      const entry: FieldEntry = { key: field.name, field, step: s, at: ['steps', s, 'fields', f] };
      if (!add(entry) || field.type !== 'group') return;
      const group = entry as FieldEntry & { field: GroupField };
      field.fields.forEach((child, c) => {
        if ('name' in child) add({ key: `${field.name}.${child.name}`, field: child, step: s, group, at: [...entry.at, 'fields', c] });
      });
    });
  });
  return {
    entries,
    duplicates,
    // A dotted name would reach into a group from outside: never a field name.
    resolve: (name, group) => (name.includes('.') ? undefined : ((group ? entries.get(`${group.key}.${name}`) : undefined) ?? entries.get(name))),
  };
}
