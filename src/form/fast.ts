import { shape } from 'loket:shapes/form';
import { accepts } from '../fast/accept.js';
import { twoStage } from '../fast/two-stage.js';
import type { Locale } from '../locale.js';
import type { Problem } from '../problem.js';
import type { FormDocument } from './format.js';

// A permit form is read in two steps before a citizen may use it. Its shape
// (the fast path, no zod) is checked before the first render; the checks
// that need the whole document (check.ts: names, references, cycles, limits,
// patterns) arrive a moment later with the checks of the answers
// (widgets/permit-form/checks.ts), fetched right after the first step is on
// screen, so they do not weigh on first paint. Until they have run, the form
// takes no step: Lanjut and Kirim wait for them, and a document they fault
// gives way to the error panel as if it had failed at once (permit-form.ts
// checkDocument). Once they are here every later document is checked in full
// before it renders, as before.

type WholeCheck = (form: FormDocument, locale: Locale) => Problem[];

let wholeCheck: WholeCheck | undefined;
/** Documents that passed the whole-document check. */
const passed = new WeakSet<object>();

const passes = (form: FormDocument, check: WholeCheck): boolean => {
  if (passed.has(form)) return true;
  if (check(form, 'id').length > 0) return false;
  passed.add(form);
  return true;
};

/**
 * Parses a permit form: the fast path (its shape, plus the whole-document
 * checks once they have arrived) first, zod only for a document it cannot
 * accept. Before the whole-document checks are here, a document is accepted
 * on its shape alone and {@link documentPasses} completes the verdict.
 */
export const formParser = twoStage<FormDocument>(
  (json) => accepts(shape, json) && (wholeCheck === undefined || passes(json as FormDocument, wholeCheck)),
  () => import('./format.js').then((m) => m.parseForm),
);

/** Completes the fast path with the whole-document check (src/form/check.ts), which arrives after first paint. */
export function addWholeCheck(check: WholeCheck): void {
  wholeCheck ??= check;
}

/**
 * Whether `form`, accepted before the whole-document check had arrived,
 * passes it; `undefined` while it has not arrived. `false` means zod's parse
 * rejects the document too, naming every problem (parseForm runs the same check).
 */
export function documentPasses(form: FormDocument): boolean | undefined {
  return wholeCheck && passes(form, wholeCheck);
}
