import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { laterMsg } from '../../src/form/later-messages.js';
import type { FieldError } from '../../src/form/validate.js';
import type { Locale } from '../../src/locale.js';
import { idOf } from './answer-state.js';
import { create, h, type VNode, type VText } from './field-dom.js';

// How a failed Continue shows its errors: the messages at the questions,
// written in place, and the error summary's links. Errors exist only once
// the checks of the answers have arrived, so this comes with them
// (checks.ts), not with the first screen.

/** What a question's messages change on its elements: besides its message lines, nothing else differs. */
const MARKS = ['class', 'aria-invalid', 'aria-describedby'] as const;
const LINES = new Set(['error-message', 'warning-message']);
const isLine = (v: VNode | VText): boolean => !('text' in v) && LINES.has(v.attrs.class ?? '');

/**
 * Brings a question's box in line with a new build of it when only its
 * messages changed, as after a Continue: the message lines are replaced and
 * the marks (`class`, `aria-invalid`, `aria-describedby`) set, walking the
 * box's elements beside the build's; labels, hints, options and values are
 * not compared. On an empty Continue of 1000 questions this is what the
 * page spends per question, close to what hand-written DOM does (issue #12).
 */
export function showMessages(node: Element, v: VNode): void {
  for (const name of MARKS) {
    const value = v.attrs[name];
    if (value === undefined) node.removeAttribute(name);
    else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }
  // A select's options carry no marks.
  if (v.tag === 'select') return;
  let cursor = node.firstElementChild;
  const dropLines = () => {
    while (cursor && LINES.has(cursor.className)) {
      const gone: Element = cursor;
      cursor = cursor.nextElementSibling;
      gone.remove();
    }
  };
  for (const child of v.children) {
    if ('text' in child) continue;
    dropLines();
    if (isLine(child)) node.insertBefore(create(child), cursor);
    else if (cursor) {
      showMessages(cursor, child);
      cursor = cursor.nextElementSibling;
    }
  }
  dropLines();
}

/**
 * How many problems the error summary lists by name. GOV.UK's summary lists
 * every error, and on a form of ordinary length so does this one. An empty
 * Continue on a step of hundreds of questions would list hundreds of links
 * that no one reads, a screen reader announces the whole summary (it is an
 * alert), and the page spends more on drawing the list than on the messages
 * at the questions. So the first ten are listed, in the order of the step,
 * and one more link says how many others there are and goes to the next of
 * them; each of those questions shows its own message.
 */
export const SUMMARY_LINKS = 10;

class SummaryLinks extends Directive {
  private shown?: readonly FieldError[];
  private locale?: Locale;

  render(_errors: readonly FieldError[], _locale: Locale): unknown {
    return noChange;
  }

  override update(part: ElementPart, [errors, locale]: [readonly FieldError[], Locale]): unknown {
    if (errors === this.shown && locale === this.locale) return noChange;
    this.shown = errors;
    this.locale = locale;
    const link = (error: FieldError, i: number, words: string, more?: boolean) =>
      create(h('li', more ? { class: 'error-summary-more' } : null, h('a', { href: `#${idOf(error.field, error.part)}`, 'data-error': String(i) }, words)));
    const listed = errors.slice(0, SUMMARY_LINKS).map((error, i) => link(error, i, error.message));
    const next = errors[SUMMARY_LINKS];
    if (next) listed.push(link(next, SUMMARY_LINKS, laterMsg(locale, 'ui.errorSummaryMore', { count: errors.length - SUMMARY_LINKS }), true));
    part.element.replaceChildren(...listed);
    return noChange;
  }
}

/**
 * The error summary's links as plain DOM: the first SUMMARY_LINKS problems,
 * then a link to the next one saying how many more there are. Clicks are
 * handled by the list (`data-error` is the error's index).
 */
export const summaryLinks = directive(SummaryLinks);
