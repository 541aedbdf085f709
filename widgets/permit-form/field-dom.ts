import { noChange, render } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { choicesOf, dateOf } from '../../src/form/answers.js';
import type { AnswerField, ContentField, Field, InputField, ItemField, Option } from '../../src/form/format.js';
import { maxLengthOf } from '../../src/form/lengths.js';
import type { FormUiKey } from '../../src/form/ui-messages.js';
import type { FieldError } from '../../src/form/validate.js';
import { text } from '../../src/locale.js';
import { idOf, pathOf, readAnswer } from './answer-state.js';
import { describedBy, isLongList, litField, t, type FieldContext, type Item } from './fields.js';

// The questions of a step, built as plain DOM and patched in place.
//
// A 1000-field form is 1000 copies of a question. As Lit templates each copy
// left ~10 comment markers in the DOM (one per `${…}` child, two per item of
// a mapped list) and ~10 part objects in the heap: 24,700 nodes and 4.8 MB
// for 1000 fields against 15,500 and 1.8 MB for hand-written DOM (issue #12).
// So the common questions (text, identifiers, dates, choices, selects,
// checkboxes, static content) are built here as plain data (VNode), created
// with createElement, no markers; a change re-builds only the questions whose
// version moved, compares the build with the box on the page and writes only the
// differences, so a focused input keeps its focus, caret and IME state, and
// an empty Continue on 1000 questions adds the messages and sets a few
// attributes instead of re-creating the form. Rare questions with their own
// behaviour (groups, files, searchable lists, regions) stay Lit templates
// (fields.ts), rendered into their own question box.

/** A text of a question. */
export interface VText {
  readonly text: string;
}

/**
 * An element of a question as plain data: cheap to build for every question
 * on each Continue, compared with the question's box on the page, and only
 * the differences written to the DOM (a message added, `aria-invalid` set).
 */
export interface VNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (VNode | VText)[];
  /** A control's value or checked state, compared with the live control (as Lit's `live()`). */
  value?: string;
  checked?: boolean;
}

type Child = VNode | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string | undefined | false> | null, ...children: Child[]): VNode {
  const own: Record<string, string> = {};
  if (attrs) for (const name in attrs) {
    const value = attrs[name];
    if (value !== undefined && value !== false) own[name] = value;
  }
  const kids: (VNode | VText)[] = [];
  for (const child of children) if (child !== null && child !== undefined && child !== false) kids.push(typeof child === 'string' ? { text: child } : child);
  return { tag, attrs: own, children: kids };
}

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

const INPUT_MODES: Partial<Record<InputField['type'], string>> = {
  number: 'decimal',
  phone: 'tel',
  nik: 'numeric',
  npwp: 'numeric',
  nib: 'numeric',
  kbli: 'numeric',
  'postal-code': 'numeric',
  email: 'email',
};
const AUTOCOMPLETE: Partial<Record<InputField['type'], string>> = { email: 'email', phone: 'tel', 'postal-code': 'postal-code' };
const WIDTHS: Partial<Record<InputField['type'], string>> = {
  nik: 'w-20',
  npwp: 'w-20',
  nib: 'w-16',
  kbli: 'w-6',
  'postal-code': 'w-6',
  phone: 'w-16',
  number: 'w-10',
};
const IDENTIFIER_TYPES = new Set(['nik', 'npwp', 'nib', 'kbli', 'postal-code', 'phone', 'email']);

/** A label's words, and "(tidak wajib)" when the question may be left empty. */
function labelNodes(field: AnswerField, ctx: FieldContext, path: string): Child[] {
  const words = text(field.label, ctx.locale);
  return ctx.conditions.isRequired(path, ctx.answers) ? [words] : [`${words} `, h('span', { class: 'optional' }, t(ctx, 'ui.optional'))];
}

const hintNode = (path: string, field: AnswerField, ctx: FieldContext) =>
  field.hint !== undefined ? h('div', { class: 'hint', part: 'hint', id: idOf(path, 'hint') }, text(field.hint, ctx.locale)) : null;

const line = (kind: 'error' | 'warning', path: string, ctx: FieldContext, found: FieldError | undefined) =>
  found
    ? h('p', { class: `${kind}-message`, part: kind, id: idOf(path, kind) }, h('span', { class: 'visually-hidden' }, t(ctx, kind === 'error' ? 'ui.errorPrefix' : 'ui.warningPrefix')), ` ${found.message}`)
    : null;

/** The inline messages: the same words as the error summary, prefixed for screen readers. */
const messageNodes = (path: string, ctx: FieldContext): Child[] => [line('error', path, ctx, ctx.error(path)), line('warning', path, ctx, ctx.warning(path))];

function valueOf(control: VNode, value: string): VNode {
  control.value = value;
  return control;
}

function textInput(field: InputField, path: string, ctx: FieldContext): Child[] {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  const maxLength = field.type === 'text' || field.type === 'email' ? maxLengthOf(field) : undefined;
  const suffix = field.type === 'number' && field.suffix !== undefined ? text(field.suffix, ctx.locale) : undefined;
  const id = idOf(path);
  const input = valueOf(
    h('input', {
      class: cls('input', WIDTHS[field.type], invalid && 'invalid'),
      part: 'input',
      id,
      name: path,
      type: field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text',
      'data-path': path,
      inputmode: INPUT_MODES[field.type],
      autocomplete: field.autocomplete ?? AUTOCOMPLETE[field.type] ?? (IDENTIFIER_TYPES.has(field.type) ? 'off' : undefined),
      spellcheck: IDENTIFIER_TYPES.has(field.type) && 'false',
      maxlength: maxLength !== undefined ? String(Math.max(maxLength, 1) * 2) : undefined,
      'aria-describedby': describedBy(path, field, ctx),
      'aria-invalid': invalid && 'true',
    }),
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '',
  );
  return [
    h('label', { class: 'label', for: id }, ...labelNodes(field, ctx, path)),
    hintNode(path, field, ctx),
    ...messageNodes(path, ctx),
    suffix ? h('span', { class: 'with-suffix' }, input, h('span', { class: 'suffix', 'aria-hidden': 'true' }, suffix)) : input,
  ];
}

function textarea(field: Extract<InputField, { type: 'textarea' }>, path: string, ctx: FieldContext): Child[] {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  const id = idOf(path);
  return [
    h('label', { class: 'label', for: id }, ...labelNodes(field, ctx, path)),
    hintNode(path, field, ctx),
    ...messageNodes(path, ctx),
    valueOf(
      h('textarea', {
        class: cls('input textarea', invalid && 'invalid'),
        part: 'input',
        id,
        name: path,
        rows: '5',
        'data-path': path,
        autocomplete: field.autocomplete,
        'aria-describedby': describedBy(path, field, ctx),
        'aria-invalid': invalid && 'true',
      }),
      typeof value === 'string' ? value : '',
    ),
  ];
}

/** A fieldset with a legend: radios, checkboxes, dates. `extraHint` goes between the hint and the messages. */
function fieldset(field: AnswerField, path: string, ctx: FieldContext, body: VNode, extraDescribed: string[] = [], extraHint: Child = null): Child[] {
  return [
    h(
      'fieldset',
      { class: 'fieldset', id: idOf(path, 'fieldset'), 'aria-describedby': describedBy(path, field, ctx, extraDescribed) },
      h('legend', { class: 'label legend' }, ...labelNodes(field, ctx, path)),
      hintNode(path, field, ctx),
      extraHint,
      ...messageNodes(path, ctx),
      body,
    ),
  ];
}

/**
 * The example under a date question: a day of 13 or more so day and month
 * cannot be confused; in the future when the question asks for a future date.
 */
function dateExample(field: Extract<InputField, { type: 'date' }>): string {
  if (field.min === 'today' || (field.min !== undefined && field.min > new Date().toISOString().slice(0, 10))) {
    const soon = new Date();
    soon.setMonth(soon.getMonth() + 2, 17);
    return `17 ${soon.getMonth() + 1} ${soon.getFullYear()}`;
  }
  return '27 3 1990';
}

/** Words with which a hint gives its own example. */
const GIVES_EXAMPLE = /\b(contoh|misal|misalnya|example|for instance|e\.g\.)/i;

function dateInput(field: Extract<InputField, { type: 'date' }>, path: string, ctx: FieldContext): Child[] {
  const value = dateOf(readAnswer(ctx.answers, path));
  const error = ctx.error(path);
  const bday = field.autocomplete === 'bday';
  const part = (name: 'day' | 'month' | 'year', key: FormUiKey, width: string) => {
    const invalid = error !== undefined && (error.part === undefined || error.part === name);
    const id = idOf(path, name);
    return h(
      'div',
      { class: 'date-part' },
      h('label', { class: 'date-label', for: id }, t(ctx, key)),
      valueOf(
        h('input', {
          class: cls('input', width, invalid && 'invalid'),
          part: 'input',
          id,
          name: `${path}.${name}`,
          type: 'text',
          inputmode: 'numeric',
          'data-path': path,
          'data-part': name,
          autocomplete: bday && `bday-${name}`,
          maxlength: name === 'year' ? '4' : '2',
          'aria-invalid': invalid && 'true',
        }),
        value[name],
      ),
    );
  };
  const example = idOf(path, 'example');
  // An author's hint that already gives an example ("Contoh: 27 3 1985") is
  // enough: two different examples under one question confuse more than help.
  const authorExample = field.hint !== undefined && GIVES_EXAMPLE.test(text(field.hint, ctx.locale));
  return fieldset(
    field,
    path,
    ctx,
    h('div', { class: 'date' }, part('day', 'ui.day', 'w-3'), part('month', 'ui.month', 'w-3'), part('year', 'ui.year', 'w-5')),
    authorExample ? [] : [example],
    !authorExample && h('div', { class: 'hint', id: example }, t(ctx, 'ui.dateExample', { example: dateExample(field) })),
  );
}

function choices(field: Extract<InputField, { type: 'radio' | 'checkboxes' }>, path: string, ctx: FieldContext): Child[] {
  const value = readAnswer(ctx.answers, path);
  const chosen = field.type === 'checkboxes' ? new Set(choicesOf(value)) : new Set(typeof value === 'string' ? [value] : []);
  const type = field.type === 'radio' ? 'radio' : 'checkbox';
  const items = (field.options ?? []).map((option: Option, i) => {
    const id = idOf(path, `o${i}`);
    const hintId = option.hint !== undefined ? idOf(path, `o${i}-hint`) : undefined;
    const input = h('input', {
      class: 'choice-input',
      id,
      name: path,
      type,
      value: option.value,
      'data-path': path,
      'data-kind': field.type,
      'aria-describedby': hintId,
    });
    input.checked = chosen.has(option.value);
    return h(
      'div',
      { class: 'choice' },
      input,
      h('label', { class: 'choice-label', for: id }, text(option.label, ctx.locale)),
      hintId && h('div', { class: 'hint option-hint', id: hintId }, text(option.hint, ctx.locale)),
    );
  });
  return fieldset(field, path, ctx, h('div', { class: `choices ${type}s` }, ...items));
}

function select(field: Extract<InputField, { type: 'select' }>, path: string, ctx: FieldContext): Child[] {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  const id = idOf(path);
  const control = h(
    'select',
    {
      class: cls('input select', invalid && 'invalid'),
      part: 'input',
      id,
      name: path,
      'data-path': path,
      autocomplete: field.autocomplete,
      'aria-describedby': describedBy(path, field, ctx),
      'aria-invalid': invalid && 'true',
    },
    h('option', { value: '', selected: !value && '' }, t(ctx, 'ui.choose')),
    ...(field.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === value && '' }, text(o.label, ctx.locale))),
  );
  control.value = typeof value === 'string' && field.options?.some((o) => o.value === value) ? value : '';
  return [h('label', { class: 'label', for: id }, ...labelNodes(field, ctx, path)), hintNode(path, field, ctx), ...messageNodes(path, ctx), control];
}

function checkbox(field: Extract<InputField, { type: 'checkbox' }>, path: string, ctx: FieldContext): Child[] {
  const invalid = ctx.error(path) !== undefined;
  const id = idOf(path);
  const input = h('input', {
    class: 'choice-input',
    id,
    name: path,
    type: 'checkbox',
    'data-path': path,
    'data-kind': 'checkbox',
    'aria-describedby': describedBy(path, field, ctx),
    'aria-invalid': invalid && 'true',
  });
  input.checked = readAnswer(ctx.answers, path) === true;
  return [
    ...messageNodes(path, ctx),
    h('div', { class: 'choice single' }, input, h('label', { class: 'choice-label', for: id }, ...labelNodes(field, ctx, path)), hintNode(path, field, ctx)),
  ];
}

/** The body of a question built here, or `undefined` for one that stays a Lit template. */
function questionNodes(field: AnswerField, path: string, ctx: FieldContext): Child[] | undefined {
  if (field.type === 'group' || field.type === 'file' || field.type === 'region') return undefined;
  if (isLongList(field)) {
    // Until the searchable list's code is here, a long list of written options stays a native control (usable at once).
    if (ctx.longLists() !== undefined || !('options' in field && field.options)) return undefined;
  }
  switch (field.type) {
    case 'textarea':
      return textarea(field, path, ctx);
    case 'date':
      return dateInput(field, path, ctx);
    case 'radio':
    case 'checkboxes':
      return choices(field, path, ctx);
    case 'select':
      return select(field, path, ctx);
    case 'checkbox':
      return checkbox(field, path, ctx);
    default:
      return textInput(field, path, ctx);
  }
}

function content(field: ContentField, ctx: FieldContext): VNode {
  const words = text(field.text, ctx.locale);
  switch (field.type) {
    case 'heading':
      return h('div', { role: 'heading', 'aria-level': String(Math.min(6, Math.max(1, ctx.headingLevel + 1))), class: 'content-heading' }, words);
    case 'paragraph':
      return h('p', { class: 'paragraph' }, words);
    case 'notice':
      return h('div', { class: 'notice', part: 'notice' }, h('strong', { class: 'visually-hidden' }, t(ctx, 'ui.notice')), ` ${words}`);
  }
}

// ---- Patching ---------------------------------------------------------------

export function create(v: VNode | VText): Node {
  if ('text' in v) return document.createTextNode(v.text);
  const node = document.createElement(v.tag);
  for (const name in v.attrs) node.setAttribute(name, v.attrs[name] as string);
  for (const child of v.children) node.appendChild(create(child));
  if (v.value !== undefined) (node as HTMLInputElement).value = v.value;
  if (v.checked !== undefined) (node as HTMLInputElement).checked = v.checked;
  return node;
}

const idOfNode = (v: VNode | VText) => ('text' in v ? undefined : v.attrs.id);

/** Whether a node on the page is what a build describes: text for text, the same tag and id (or both none). */
function sameKind(node: ChildNode, v: VNode | VText): boolean {
  if ('text' in v) return node.nodeType === 3;
  return node.nodeType === 1 && (node as Element).localName === v.tag && (node as Element).id === (v.attrs.id ?? '');
}

/**
 * Writes to the page what differs between a question's box and a new build
 * of it. Nodes match by tag and id (or both none) in order, and are only
 * inserted and removed, never moved, so the focused control stays where it
 * is; a control takes the new value or checked state only when it differs
 * from what the page holds (as Lit's `live()` did). The build is thrown away
 * after: nothing but the DOM is kept per question.
 */
function patch(node: Element, next: VNode): void {
  let count = 0;
  for (const name in next.attrs) {
    count++;
    const value = next.attrs[name] as string;
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }
  if (node.attributes.length > count) for (const name of node.getAttributeNames()) if (!(name in next.attrs)) node.removeAttribute(name);
  if (node.firstChild || next.children.length) patchChildren(node, next.children);
  const control = node as HTMLInputElement;
  if (next.value !== undefined && control.value !== next.value) control.value = next.value;
  if (next.checked !== undefined && control.checked !== next.checked) control.checked = next.checked;
}

function patchChildren(parent: Element, nexts: readonly (VNode | VText)[]): void {
  const ids = new Set<string>();
  for (const next of nexts) {
    const id = idOfNode(next);
    if (id) ids.add(id);
  }
  let cursor = parent.firstChild;
  const drop = () => {
    const gone = cursor as ChildNode;
    cursor = gone.nextSibling;
    gone.remove();
  };
  for (const next of nexts) {
    // A line with an id that the new build no longer has (a cleared error, say) goes first.
    while (cursor && cursor.nodeType === 1 && (cursor as Element).id && !ids.has((cursor as Element).id)) drop();
    let match: ChildNode | null = null;
    for (let probe = cursor; probe; probe = probe.nextSibling) {
      if (sameKind(probe, next)) {
        match = probe;
        break;
      }
      // An element with an id is looked for further on; anything else only at the cursor.
      if (!idOfNode(next)) break;
    }
    if (match) {
      while (cursor !== match) drop();
      if ('text' in next) {
        if ((match as Text).data !== next.text) (match as Text).data = next.text;
      } else patch(match as Element, next);
      cursor = match.nextSibling;
    } else parent.insertBefore(create(next), cursor);
  }
  while (cursor) drop();
}

// ---- The list of questions ---------------------------------------------------

interface Shown {
  /** What the question box was built from: the field's version and the locale. */
  readonly version: string;
  /** The version of its messages it shows. */
  readonly said: number;
  /** The question's box, `null` while the question is hidden. */
  readonly node: HTMLElement | null;
}

/** Question boxes whose content Lit renders (the others are built here). */
const litBoxes = new WeakSet<Element>();

/** The question box for a field: a new one, or the one shown before patched to match. */
function question(f: Field | ItemField, ctx: FieldContext, item: Item | undefined, version: string, said: number, before: Shown | undefined): Shown {
  if (!('name' in f)) return { version, said, node: ctx.conditions.holds(f.visibleWhen, ctx.answers, item) ? (create(content(f, ctx)) as HTMLElement) : null };
  const path = pathOf(f.name, item);
  if (!ctx.conditions.isVisible(path, ctx.answers)) return { version, said, node: null };
  const invalid = ctx.error(path) !== undefined;
  const attrs = { class: cls('field', invalid && 'field-invalid'), part: 'field', 'data-field': path };
  const body = questionNodes(f, path, ctx);
  const old = before?.node;
  if (body) {
    const built = h('div', attrs, ...body);
    if (old && !litBoxes.has(old)) {
      // Only the messages changed (a Continue): write those, compare nothing else.
      if (before?.version === version && ctx.errorDom) ctx.errorDom.showMessages(old, built);
      else patch(old, built);
      return { version, said, node: old };
    }
    return { version, said, node: create(built) as HTMLElement };
  }
  // A Lit question renders into its own box; the box keeps Lit's part between renders.
  const box = old && litBoxes.has(old) ? old : (create(h('div', attrs)) as HTMLElement);
  litBoxes.add(box);
  box.className = attrs.class;
  render(litField(f, path, ctx), box);
  return { version, said, node: box };
}

class FieldList extends Directive {
  private shown = new Map<Field | ItemField, Shown>();
  private last?: { readonly container: Element; readonly fields: readonly (Field | ItemField)[]; readonly ctx: FieldContext; readonly item?: Item };

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('fieldList() belongs on an element: <div ${fieldList(…)}>');
  }

  render(_fields: readonly (Field | ItemField)[], _ctx: FieldContext, _item?: Item): unknown {
    return noChange;
  }

  override update(part: ElementPart, [fields, ctx, item]: [readonly (Field | ItemField)[], FieldContext, Item | undefined]): unknown {
    this.last = { container: part.element, fields, ctx, item };
    ctx.lists?.add(this);
    this.place(part.element, fields, ctx, item);
    return noChange;
  }

  /**
   * Re-builds the questions whose version moved, without a render of the
   * form (a keystroke): the other questions cost a version comparison each.
   * A list no longer on the page leaves the registry.
   */
  refresh(): void {
    const last = this.last;
    if (!last) return;
    if (!last.container.isConnected) {
      last.ctx.lists?.delete(this);
      return;
    }
    this.place(last.container, last.fields, last.ctx, last.item);
  }

  private place(container: Element, fields: readonly (Field | ItemField)[], ctx: FieldContext, item: Item | undefined): void {
    const shown = new Map<Field | ItemField, Shown>();
    const wanted: HTMLElement[] = [];
    for (const f of fields) {
      const before = this.shown.get(f);
      // Content re-checks its condition on every render (cheap, and it has no version of its own).
      const version = 'name' in f ? `${ctx.version(pathOf(f.name, item))}|${ctx.locale}` : `${ctx.locale}|${ctx.conditions.holds(f.visibleWhen, ctx.answers, item)}`;
      const said = 'name' in f ? ctx.messagesVersion(pathOf(f.name, item)) : 0;
      const now = before && before.version === version && before.said === said ? before : question(f, ctx, item, version, said, before);
      shown.set(f, now);
      if (now.node) wanted.push(now.node);
    }
    this.shown = shown;
    // Remove what is hidden first, then insert what appeared: a box that stays is never moved (moving blurs a focused input).
    const keep = new Set(wanted);
    for (let node = container.firstChild; node; ) {
      const next: ChildNode | null = node.nextSibling;
      if (!keep.has(node as HTMLElement)) node.remove();
      node = next;
    }
    let cursor = container.firstChild;
    for (const node of wanted) {
      if (node === cursor) cursor = cursor.nextSibling;
      else container.insertBefore(node, cursor);
    }
  }
}

/**
 * The questions of a step, or of one item of a group, as the children of the
 * element it is bound to: `<div class="fields" ${fieldList(step.fields, ctx)}></div>`.
 * Each question is re-built only when its version (or the locale) changed.
 */
export const fieldList = directive(FieldList);
