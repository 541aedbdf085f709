import type * as z from 'zod/mini';
import { isMessageKey, translate, type Params } from './i18n.js';
import type { SchemaMessageKey } from './messages/schema.js';
import type { Locale } from './locale.js';

export { compareOrder, formatPath, problemLine, type CustomIssueParams, type ParseResult, type Problem } from './problem.js';
import { formatPath, type CustomIssueParams, type Problem } from './problem.js';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  id: { string: 'teks', number: 'angka', int: 'bilangan bulat', boolean: 'true/false', array: 'daftar [ … ]', object: 'objek { … }', null: 'null', undefined: 'kosong' },
  en: { string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true/false', array: 'a list [ … ]', object: 'an object { … }', null: 'null', undefined: 'nothing' },
};

function typeName(locale: Locale, value: unknown): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return TYPE_NAMES[locale][kind] ?? kind;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/**
 * A union failed. If the input had the shape of one branch (an object where an
 * object was allowed), report that branch's inner problems, which name a deeper
 * path; otherwise say what kinds of value were allowed.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  // A branch that rejected the value as a whole (another type, or not its one
  // literal: "office" for a weekly object) says nothing about what is inside it.
  const otherKind = (i: z.core.$ZodIssue) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
  const branches = issue.errors.filter((issues) => issues.length > 0 && !issues.every(otherKind));
  if (branches.length === 0) return undefined;
  const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
  return best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}

function describe(issue: z.core.$ZodIssue, root: unknown, locale: Locale): string {
  const t = (key: SchemaMessageKey, params?: Params) => translate(locale, key, params);
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(root, issue.path);
      if (found === undefined) return t('schema.required');
      return t('schema.type', { expected: TYPE_NAMES[locale][issue.expected] ?? issue.expected, received: typeName(locale, found) });
    }
    case 'invalid_value':
      return t('schema.oneOf', { values: quoteList(issue.values) });
    case 'unrecognized_keys':
      return t('schema.unknownKeys', { keys: quoteList(issue.keys) });
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return t('schema.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('schema.tooFew', { min });
      return issue.inclusive === false ? t('schema.above', { min }) : t('schema.tooSmall', { min });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return t('schema.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('schema.tooMany', { max });
      return t('schema.tooBig', { max });
    }
    case 'invalid_format':
      return t('schema.format', { format: issue.format });
    case 'custom': {
      const params = issue.params as CustomIssueParams | undefined;
      if (params?.key) return translate(locale, params.key, params);
      return isMessageKey(issue.message) ? translate(locale, issue.message) : t('schema.invalid');
    }
    default:
      return t('schema.invalid');
  }
}

/**
 * Turns zod issues into located, translated problems. Unions are unfolded so
 * that a typo inside `{ "id": …, "en": … }` names the inner key, not the union.
 */
export function toProblems(issues: readonly z.core.$ZodIssue[], root: unknown, locale: Locale): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const visit = (issue: z.core.$ZodIssue) => {
    if (issue.code === 'invalid_union') {
      const inner = unionIssues(issue);
      if (inner) {
        inner.forEach(visit);
        return;
      }
      const found = valueAt(root, issue.path);
      const message = found === undefined ? translate(locale, 'schema.required') : isMessageKey(issue.message) ? translate(locale, issue.message) : translate(locale, 'schema.invalid');
      push(issue.path, message);
      return;
    }
    if (issue.code === 'unrecognized_keys') {
      // Point at the misspelt key itself: `hours.fry`, not `hours`.
      for (const key of issue.keys) push([...issue.path, key], translate(locale, 'schema.unknownKey'));
      return;
    }
    push(issue.path, describe(issue, root, locale));
  };
  const push = (path: readonly PropertyKey[], message: string) => {
    const problem = { path: formatPath(path), message };
    const key = `${problem.path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  };
  issues.forEach(visit);
  return out;
}
