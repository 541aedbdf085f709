import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { choicesOf, dateOf, filesOf } from '../../src/form/answers.js';
import { acceptedNames, formatSize } from '../../src/form/files.js';
import { LONG_LIST_THRESHOLD } from '../../src/fast/rules/form.js';
import type { AnswerField, ContentField, Field, GroupField, InputField, ItemField, Option } from '../../src/form/format.js';
import { maxLengthOf } from '../../src/form/lengths.js';
import type { RegionLookup } from '../../src/form/region.js';
import { formUiMsg } from '../../src/form/ui-messages.js';
import type { FieldError, Validator } from '../../src/form/validate.js';
import { text, type Locale } from '../../src/locale.js';
import { heading } from '../shared/parts.js';
import { groupItems, idOf, pathOf, readAnswer } from './answer-state.js';

// Fields are template functions rendered into the form's one shadow root, so
// every label `for`, `aria-describedby` and error-summary link resolves in one
// tree (aria references cannot cross shadow roots: whatwg/html#3219).

/** What a field template needs from the form element. */
export interface FieldContext {
  readonly locale: Locale;
  readonly answers: Record<string, unknown>;
  readonly validator: Validator;
  readonly headingLevel: number;
  error(path: string): FieldError | undefined;
  warning(path: string): FieldError | undefined;
  /** Bumped whenever anything shown for the path may have changed; fields re-render only then. */
  version(path: string): string;
  addItem(group: GroupField): void;
  removeItem(group: GroupField, index: number): void;
  removeFile(path: string, index: number): void;
  /**
   * The code for searchable lists and region fields (long-lists.ts), fetched
   * only by forms that have such a field; `undefined` until it has arrived,
   * `'failed'` when it could not be fetched.
   */
  longLists(): LongListsPart | 'failed' | undefined;
  /** Fetches that code again after a failure. */
  retryLongLists(): void;
  /** Writes an answer from a control the form's input listener does not see (a searchable list, a region cascade), then re-checks and re-renders as for typing. */
  setAnswer(path: string, value: unknown): void;
  /** Re-renders one field (its list opened, its data arrived). */
  refresh(path: string): void;
}

/** What the lazily loaded long-lists.ts offers the field templates. */
export interface LongListsPart {
  /** A region field's cascade. */
  region(field: Extract<InputField, { type: 'region' }>, path: string, ctx: FieldContext): TemplateResult;
  /** A searchable list for a select or radio group with many options, or with `optionsFrom`. */
  longList(field: Extract<InputField, { type: 'select' | 'radio' }>, path: string, ctx: FieldContext): TemplateResult;
  /** The region data loaded so far, for the validator. */
  readonly regions: RegionLookup;
  /** The options fetched from a URL, once they are here (fetching them on first use). */
  optionsFrom(url: string): readonly Option[] | undefined;
  /** Resolves once the part's strings for the form's locale are at hand. */
  ready(): Promise<void>;
  /** Resolves when the lists and region files being fetched have arrived or failed; `undefined` when none are. */
  pending(): Promise<unknown> | undefined;
  connect(): void;
  disconnect(): void;
}

/** Whether a select or radio group is shown as a searchable list (its code is then fetched). */
export function isLongList(field: Field | ItemField): boolean {
  return (field.type === 'select' || field.type === 'radio') && (field.optionsFrom !== undefined || (field.options?.length ?? 0) > LONG_LIST_THRESHOLD);
}

type Item = { readonly group: string; readonly index: number };

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

const t = (ctx: FieldContext, key: Parameters<typeof formUiMsg>[1], params?: Parameters<typeof formUiMsg>[2]) => formUiMsg(ctx.locale, key, params);

// Render cost: a 1000-field form is 1000 copies of these templates. Every
// `${…}` child expression leaves a comment marker in the DOM and every blank
// between tags a text node, so a part that is usually empty returns `nothing`
// from one expression, and a required label is plain text.

export function labelText(field: AnswerField, ctx: FieldContext, path: string) {
  const words = text(field.label, ctx.locale);
  return ctx.validator.isRequired(path, ctx.answers) ? words : html`${words} <span class="optional">${t(ctx, 'ui.optional')}</span>`;
}

export function describedBy(path: string, field: AnswerField, ctx: FieldContext, extra: string[] = []): string | undefined {
  const ids = [...extra];
  if (field.hint !== undefined) ids.unshift(idOf(path, 'hint'));
  if (ctx.error(path)) ids.push(idOf(path, 'error'));
  if (ctx.warning(path)) ids.push(idOf(path, 'warning'));
  return ids.length ? ids.join(' ') : undefined;
}

export function hint(path: string, field: AnswerField, ctx: FieldContext) {
  return field.hint !== undefined ? html`<div class="hint" part="hint" id=${idOf(path, 'hint')}>${text(field.hint, ctx.locale)}</div>` : nothing;
}

const errorLine = (path: string, ctx: FieldContext, error: FieldError) =>
  html`<p class="error-message" part="error" id=${idOf(path, 'error')}><span class="visually-hidden">${t(ctx, 'ui.errorPrefix')}</span> ${error.message}</p>`;
const warningLine = (path: string, ctx: FieldContext, warning: FieldError) =>
  html`<p class="warning-message" part="warning" id=${idOf(path, 'warning')}><span class="visually-hidden">${t(ctx, 'ui.warningPrefix')}</span> ${warning.message}</p>`;

/** The inline message: the same words as the error summary, prefixed for screen readers. */
export function messages(path: string, ctx: FieldContext) {
  const error = ctx.error(path);
  const warning = ctx.warning(path);
  if (error && warning) return html`${errorLine(path, ctx, error)}${warningLine(path, ctx, warning)}`;
  if (error) return errorLine(path, ctx, error);
  return warning ? warningLine(path, ctx, warning) : nothing;
}

/** The hint, then the message, in one part: `nothing` for most fields of an untouched form. */
function notes(path: string, field: AnswerField, ctx: FieldContext) {
  const h = hint(path, field, ctx);
  const m = messages(path, ctx);
  if (h === nothing) return m;
  return m === nothing ? h : html`${h}${m}`;
}

function textInput(field: InputField, path: string, ctx: FieldContext): TemplateResult {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
  const maxLength = field.type === 'text' || field.type === 'textarea' || field.type === 'email' ? maxLengthOf(field) : undefined;
  const suffix = field.type === 'number' && field.suffix !== undefined ? text(field.suffix, ctx.locale) : undefined;
  const input = html`<input
    class="input ${WIDTHS[field.type] ?? ''} ${invalid ? 'invalid' : ''}"
    part="input"
    id=${idOf(path)}
    name=${path}
    type=${type}
    data-path=${path}
    inputmode=${ifDefined(INPUT_MODES[field.type])}
    autocomplete=${ifDefined(field.autocomplete ?? AUTOCOMPLETE[field.type] ?? (IDENTIFIER_TYPES.has(field.type) ? 'off' : undefined))}
    spellcheck=${IDENTIFIER_TYPES.has(field.type) ? 'false' : nothing}
    maxlength=${ifDefined(maxLength !== undefined ? Math.max(maxLength, 1) * 2 : undefined)}
    aria-describedby=${ifDefined(describedBy(path, field, ctx))}
    aria-invalid=${invalid ? 'true' : nothing}
    .value=${live(typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')}
  />`;
  return html`<label class="label" for=${idOf(path)}>${labelText(field, ctx, path)}</label>${notes(path, field, ctx)}${suffix
    ? html`<span class="with-suffix">${input}<span class="suffix" aria-hidden="true">${suffix}</span></span>`
    : input}`;
}

function textarea(field: Extract<InputField, { type: 'textarea' }>, path: string, ctx: FieldContext): TemplateResult {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  return html`<label class="label" for=${idOf(path)}>${labelText(field, ctx, path)}</label>${notes(path, field, ctx)}<textarea
      class="input textarea ${invalid ? 'invalid' : ''}"
      part="input"
      id=${idOf(path)}
      name=${path}
      rows="5"
      data-path=${path}
      autocomplete=${ifDefined(field.autocomplete)}
      aria-describedby=${ifDefined(describedBy(path, field, ctx))}
      aria-invalid=${invalid ? 'true' : nothing}
      .value=${live(typeof value === 'string' ? value : '')}
    ></textarea>`;
}

/** A fieldset with a legend: radios, checkboxes, dates, groups. */
export function fieldset(field: AnswerField, path: string, ctx: FieldContext, body: TemplateResult, extraDescribed: string[] = [], extraHint: unknown = nothing): TemplateResult {
  return html`<fieldset class="fieldset" id=${idOf(path, 'fieldset')} aria-describedby=${ifDefined(describedBy(path, field, ctx, extraDescribed))}><legend class="label legend">${labelText(field, ctx, path)}</legend>${extraHint === nothing
      ? notes(path, field, ctx)
      : html`${hint(path, field, ctx)}${extraHint}${messages(path, ctx)}`}${body}</fieldset>`;
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

function dateInput(field: Extract<InputField, { type: 'date' }>, path: string, ctx: FieldContext): TemplateResult {
  const value = dateOf(readAnswer(ctx.answers, path));
  const error = ctx.error(path);
  const bday = field.autocomplete === 'bday';
  const part = (name: 'day' | 'month' | 'year', label: string, width: string) => {
    const invalid = error !== undefined && (error.part === undefined || error.part === name);
    return html`<div class="date-part"><label class="date-label" for=${idOf(path, name)}>${label}</label><input
        class="input ${width} ${invalid ? 'invalid' : ''}"
        part="input"
        id=${idOf(path, name)}
        name=${`${path}.${name}`}
        type="text"
        inputmode="numeric"
        data-path=${path}
        data-part=${name}
        autocomplete=${ifDefined(bday ? `bday-${name}` : undefined)}
        maxlength=${name === 'year' ? 4 : 2}
        aria-invalid=${invalid ? 'true' : nothing}
        .value=${live(value[name])}
      /></div>`;
  };
  const example = idOf(path, 'example');
  // An author's hint that already gives an example ("Contoh: 27 3 1985") is
  // enough: two different examples under one question confuse more than help.
  const authorExample = field.hint !== undefined && GIVES_EXAMPLE.test(text(field.hint, ctx.locale));
  return fieldset(
    field,
    path,
    ctx,
    html`<div class="date">${part('day', t(ctx, 'ui.day'), 'w-3')}${part('month', t(ctx, 'ui.month'), 'w-3')}${part('year', t(ctx, 'ui.year'), 'w-5')}</div>`,
    authorExample ? [] : [example],
    authorExample ? nothing : html`<div class="hint" id=${example}>${t(ctx, 'ui.dateExample', { example: dateExample(field) })}</div>`,
  );
}

/** A choice's label, with its hint when it has one (one part, no marker left for the usual none). */
function optionLabel(path: string, index: number, option: Option, ctx: FieldContext) {
  const label = html`<label class="choice-label" for=${idOf(path, `o${index}`)}>${text(option.label, ctx.locale)}</label>`;
  return option.hint === undefined ? label : html`${label}<div class="hint option-hint" id=${idOf(path, `o${index}-hint`)}>${text(option.hint, ctx.locale)}</div>`;
}

function choices(field: Extract<InputField, { type: 'radio' | 'checkboxes' }>, path: string, ctx: FieldContext): TemplateResult {
  const options = field.options ?? [];
  const value = readAnswer(ctx.answers, path);
  const chosen = field.type === 'checkboxes' ? new Set(choicesOf(value)) : new Set(typeof value === 'string' ? [value] : []);
  const type = field.type === 'radio' ? 'radio' : 'checkbox';
  return fieldset(
    field,
    path,
    ctx,
    html`<div class="choices ${type}s">${options.map(
        (option, i) => html`<div class="choice"><input
            class="choice-input"
            id=${idOf(path, `o${i}`)}
            name=${path}
            type=${type}
            value=${option.value}
            data-path=${path}
            data-kind=${field.type}
            aria-describedby=${ifDefined(option.hint !== undefined ? idOf(path, `o${i}-hint`) : undefined)}
            .checked=${live(chosen.has(option.value))}
          />${optionLabel(path, i, option, ctx)}</div>`,
      )}</div>`,
  );
}

function select(field: Extract<InputField, { type: 'select' }>, path: string, ctx: FieldContext): TemplateResult {
  const value = readAnswer(ctx.answers, path);
  const invalid = ctx.error(path) !== undefined;
  return html`<label class="label" for=${idOf(path)}>${labelText(field, ctx, path)}</label>${notes(path, field, ctx)}<select
      class="input select ${invalid ? 'invalid' : ''}"
      part="input"
      id=${idOf(path)}
      name=${path}
      data-path=${path}
      autocomplete=${ifDefined(field.autocomplete)}
      aria-describedby=${ifDefined(describedBy(path, field, ctx))}
      aria-invalid=${invalid ? 'true' : nothing}
    ><option value="" ?selected=${!value}>${t(ctx, 'ui.choose')}</option>${(field.options ?? []).map(
        (o) => html`<option value=${o.value} ?selected=${o.value === value}>${text(o.label, ctx.locale)}</option>`,
      )}</select>`;
}

function checkbox(field: Extract<InputField, { type: 'checkbox' }>, path: string, ctx: FieldContext): TemplateResult {
  const invalid = ctx.error(path) !== undefined;
  return html`${messages(path, ctx)}<div class="choice single"><input
        class="choice-input"
        id=${idOf(path)}
        name=${path}
        type="checkbox"
        data-path=${path}
        data-kind="checkbox"
        aria-describedby=${ifDefined(describedBy(path, field, ctx))}
        aria-invalid=${invalid ? 'true' : nothing}
        .checked=${live(readAnswer(ctx.answers, path) === true)}
      /><label class="choice-label" for=${idOf(path)}>${labelText(field, ctx, path)}</label>${hint(path, field, ctx)}</div>`;
}

const onDragOver = (event: DragEvent) => event.preventDefault();

/** Files dropped on the picker go through the input, as if chosen in its dialog. */
function onDrop(event: DragEvent): void {
  event.preventDefault();
  const input = (event.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input[type=file]');
  const dropped = event.dataTransfer?.files;
  if (!input || !dropped?.length) return;
  input.files = dropped;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function fileInput(field: Extract<InputField, { type: 'file' }>, path: string, ctx: FieldContext): TemplateResult {
  const files = filesOf(readAnswer(ctx.answers, path));
  const invalid = ctx.error(path) !== undefined;
  const types = acceptedNames(field.accept, ctx.locale);
  const size = formatSize(field.maxSize, ctx.locale);
  const max = field.maxFiles ?? 1;
  const limits = max > 1 ? t(ctx, 'ui.fileLimitsCount', { types, size, count: max }) : t(ctx, 'ui.fileLimits', { types, size });
  const limitsId = idOf(path, 'limits');
  const labelId = idOf(path, 'label');
  const buttonId = idOf(path, 'button');
  // The native input stays the control (keyboard, screen readers, the camera
  // on phones) but is drawn as a button in the form's language: the browser
  // would write its own "Choose Files" in the browser's language.
  return html`<label class="label" for=${idOf(path)} id=${labelId}>${labelText(field, ctx, path)}</label>
    ${hint(path, field, ctx)}
    <div class="hint" id=${limitsId}>${limits}</div>
    ${messages(path, ctx)}
    <div class="file-picker" @dragover=${onDragOver} @drop=${onDrop}>
      <input
        class="file-input ${invalid ? 'invalid' : ''}"
        part="file-input"
        id=${idOf(path)}
        name=${path}
        type="file"
        data-path=${path}
        data-kind="file"
        accept=${field.accept.join(',')}
        ?multiple=${max > 1}
        aria-labelledby=${`${labelId} ${buttonId}`}
        aria-describedby=${ifDefined(describedBy(path, field, ctx, [limitsId]))}
        aria-invalid=${invalid ? 'true' : nothing}
      />
      <label class="button secondary file-button" part="file-button" for=${idOf(path)} id=${buttonId} aria-hidden="true">${t(ctx, max > 1 ? 'ui.chooseFiles' : 'ui.chooseFile')}</label>
      ${files.length ? nothing : html`<span class="muted file-none">${t(ctx, 'ui.noFile')}</span>`}
    </div>
    ${files.length
      ? html`<ul class="file-list" part="file-list">
          ${files.map(
            (file, i) => html`<li class="file">
              <span class="file-name">${file.name}</span> <span class="muted">(${formatSize(file.size, ctx.locale)})</span>
              <button type="button" class="link-button" @click=${() => ctx.removeFile(path, i)}>
                ${t(ctx, 'ui.removeFile', { name: '' }).trim()}<span class="visually-hidden"> ${file.name}</span>
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}`;
}

/**
 * A long list or a region field before its code has arrived: a long list of
 * written options stays a native select meanwhile (usable at once); the rest
 * say that the list is loading, or that it failed, with a retry.
 */
function waitForLongLists(field: InputField, path: string, ctx: FieldContext): TemplateResult {
  const failed = ctx.longLists() === 'failed';
  if (!failed && field.type === 'select' && field.options) return select(field, path, ctx);
  if (!failed && field.type === 'radio' && field.options) return choices(field, path, ctx);
  return html`<p class="label" id=${idOf(path)} tabindex="-1">${labelText(field, ctx, path)}</p>
    ${hint(path, field, ctx)} ${messages(path, ctx)}
    ${failed
      ? html`<div class="status-message problem" role="alert"><p>${t(ctx, 'ui.listCodeFailed')}</p>
          <button type="button" class="button secondary" @click=${() => ctx.retryLongLists()}>${t(ctx, 'ui.retry')}</button></div>`
      : html`<p class="muted" role="status">${t(ctx, 'ui.loadingList')}</p>`}`;
}

function inputField(field: InputField, path: string, ctx: FieldContext): TemplateResult {
  if (field.type === 'region' || isLongList(field)) {
    const part = ctx.longLists();
    if (!part || part === 'failed') return waitForLongLists(field, path, ctx);
    return field.type === 'region' ? part.region(field, path, ctx) : part.longList(field as Extract<InputField, { type: 'select' | 'radio' }>, path, ctx);
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
    case 'file':
      return fileInput(field, path, ctx);
    default:
      return textInput(field, path, ctx);
  }
}

function content(field: ContentField, ctx: FieldContext, item?: Item): TemplateResult | typeof nothing {
  if (!ctx.validator.holds(field.visibleWhen, ctx.answers, item)) return nothing;
  const words = text(field.text, ctx.locale);
  switch (field.type) {
    case 'heading':
      return heading(ctx.headingLevel + 1, words, 'content-heading');
    case 'paragraph':
      return html`<p class="paragraph">${words}</p>`;
    case 'notice':
      return html`<div class="notice" part="notice"><strong class="visually-hidden">${t(ctx, 'ui.notice')}</strong> ${words}</div>`;
  }
}

function group(field: GroupField, path: string, ctx: FieldContext): TemplateResult {
  const untouched = !Array.isArray(ctx.answers[field.name]);
  const items = groupItems(ctx.answers, field.name);
  // A group that needs items shows that many, empty, the first time it is seen
  // (GOV.UK's "add another" starts with one): its questions are there to
  // answer, not behind an "add" button. Once the citizen removes them, it stays empty.
  if (untouched) while (items.length < (field.min ?? 0) && (field.max === undefined || items.length < field.max)) items.push({});
  const itemLabel = (n: number) => (field.itemLabel !== undefined ? text(field.itemLabel, ctx.locale).replace('{n}', String(n)) : t(ctx, 'ui.item', { label: text(field.label, ctx.locale), n }));
  const atMax = field.max !== undefined && items.length >= field.max;
  const addLabel = field.addLabel !== undefined ? text(field.addLabel, ctx.locale) : `${t(ctx, 'ui.addItem')} ${text(field.label, ctx.locale).toLowerCase()}`;
  return fieldset(
    field,
    path,
    ctx,
    html`${items.length === 0 ? html`<p class="muted">${t(ctx, 'ui.noItems')}</p>` : nothing}
      ${items.map(
        (_, index) => html`<section class="item" part="group-item" aria-labelledby=${idOf(path, `item${index}`)}>
          ${heading(ctx.headingLevel + 1, itemLabel(index + 1), 'item-heading', idOf(path, `item${index}`), true)}
          ${renderFields(field.fields, ctx, { group: field.name, index })}
          <button type="button" class="button secondary" part="remove-button" @click=${() => ctx.removeItem(field, index)}>
            ${t(ctx, 'ui.removeItem', { item: itemLabel(index + 1) })}
          </button>
        </section>`,
      )}
      ${atMax
        ? html`<p class="muted" id=${idOf(path, 'max')}>${t(ctx, 'ui.itemsMax', { max: field.max ?? 0 })}</p>`
        : html`<button type="button" class="button secondary" part="add-button" id=${idOf(path, 'add')} @click=${() => ctx.addItem(field)}>${addLabel}</button>`}`,
  );
}

/**
 * One field, re-rendered only when its version changes. Keyed by its path, so
 * a question on the next step never reuses this one's input (and the text the
 * citizen typed into it); `live()` bindings compare with what the DOM holds.
 */
function field(f: Field | ItemField, ctx: FieldContext, item?: Item): unknown {
  if (!('name' in f)) return content(f, ctx, item);
  const path = pathOf(f.name, item);
  return keyed(path, guard([ctx.version(path), ctx.locale], () => {
    if (!ctx.validator.isVisible(path, ctx.answers)) return nothing;
    const body = f.type === 'group' ? group(f, path, ctx) : inputField(f, path, ctx);
    const invalid = ctx.error(path) !== undefined;
    return html`<div class="field ${invalid ? 'field-invalid' : ''}" part="field" data-field=${path}>${body}</div>`;
  }));
}

/** The fields of a step, or of one item of a group. */
export function renderFields(fields: readonly (Field | ItemField)[], ctx: FieldContext, item?: Item): unknown[] {
  return fields.map((f) => field(f, ctx, item));
}
