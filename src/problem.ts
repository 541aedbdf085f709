import { translate } from './i18n.js';
import type { Locale } from './locale.js';

// A problem in a document and its path, without zod: the widgets and the
// whole-document checks need these at first render. Turning zod's issues into
// problems (problems.ts) is fetched only when a document fails.

/** One thing wrong with a document, located by a readable path such as `channels[2].state`. */
export interface Problem {
  /** Where in the document, e.g. `channels[2].state`; empty for the whole document. */
  readonly path: string;
  /** What is wrong and what was expected, in the requested locale. */
  readonly message: string;
}

/** The outcome of parsing a document at the boundary: never throws. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parameters a refinement attaches to a custom issue so that its message can be
 * translated later: `{ key: 'schema.timeZone', value: 'Mars/Olympus' }`.
 */
export interface CustomIssueParams {
  /** A key of any message catalogue. */
  readonly key: string;
  readonly [param: string]: string | number;
}

/** Formats `['channels', 2, 'state']` as `channels[2].state`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** `channels[2].state: must be one of …`, or the message alone for the root. */
export function problemLine(problem: Problem, locale: Locale): string {
  return `${problem.path || translate(locale, 'schema.root')}: ${problem.message}`;
}

/** Document order of two paths: `steps[2].fields[10]` after `steps[2].fields[9]`. */
export function compareOrder(a: string, b: string): number {
  const parts = (path: string) => path.split(/(\d+)/).map((part, i) => (i % 2 ? Number(part) : part));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string | number;
    const y = pb[i] as string | number;
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return pa.length - pb.length;
}
