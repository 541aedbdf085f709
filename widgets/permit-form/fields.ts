import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { filesOf } from '../../src/form/answers.js';
import { acceptedNames, formatSize } from '../../src/form/files.js';
import { LONG_LIST_THRESHOLD } from '../../src/fast/rules/form.js';
import type { AnswerField, Field, GroupField, InputField, ItemField, Option } from '../../src/form/format.js';
import type { RegionLookup } from '../../src/form/region.js';
import { formUiMsg } from '../../src/form/ui-messages.js';
import type { Conditions } from '../../src/form/conditions.js';
import type { FieldError } from '../../src/form/validate.js';
import { text, type Locale } from '../../src/locale.js';
import { heading } from '../shared/parts.js';
import { idOf, itemsOf, readAnswer } from './answer-state.js';
import { fieldList } from './field-dom.js';

// Fields are rendered into the form's one shadow root, so every label `for`,
// `aria-describedby` and error-summary link resolves in one tree (aria
// references cannot cross shadow roots: whatwg/html#3219). The common
// questions are plain DOM (field-dom.ts); the ones with behaviour of their own
// (groups, files, searchable lists, regions) are the Lit templates here.

/** What a field template needs from the form element. */
export interface FieldContext {
  readonly locale: Locale;
  readonly answers: Record<string, unknown>;
  readonly conditions: Conditions;
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
  /** The lists of questions on screen register here, so a keystroke can re-build its question without rendering the form. */
  readonly lists?: Set<{ refresh(): void }>;
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

/** The item of a repeatable group a field is rendered in. */
export type Item = { readonly group: string; readonly index: number };

const t = (ctx: FieldContext, key: Parameters<typeof formUiMsg>[1], params?: Parameters<typeof formUiMsg>[2]) => formUiMsg(ctx.locale, key, params);

export function labelText(field: AnswerField, ctx: FieldContext, path: string) {
  const words = text(field.label, ctx.locale);
  return ctx.conditions.isRequired(path, ctx.answers) ? words : html`${words} <span class="optional">${t(ctx, 'ui.optional')}</span>`;
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

/** A fieldset with a legend: groups, regions. */
export function fieldset(field: AnswerField, path: string, ctx: FieldContext, body: TemplateResult): TemplateResult {
  return html`<fieldset class="fieldset" id=${idOf(path, 'fieldset')} aria-describedby=${ifDefined(describedBy(path, field, ctx))}><legend class="label legend">${labelText(field, ctx, path)}</legend>${hint(path, field, ctx)}${messages(path, ctx)}${body}</fieldset>`;
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
 * A list that is not here yet: "loading", or why it failed with "Coba lagi"
 * (never a blank box). One markup for the searchable list's code, a fetched
 * list and a region file.
 */
export function listStatus(failed: boolean, words: { readonly failed: string; readonly loading: string; readonly retry: string }, retry: () => void): TemplateResult {
  return failed
    ? html`<div class="status-message problem" role="alert"><p>${words.failed}</p><button type="button" class="button secondary" @click=${retry}>${words.retry}</button></div>`
    : html`<p class="muted" role="status">${words.loading}</p>`;
}

/** A question whose list is not here yet: its label as a focus target, its notes, and the list's status. */
export function listPending(field: AnswerField, path: string, ctx: FieldContext, status: TemplateResult): TemplateResult {
  return html`<p class="label" id=${idOf(path)} tabindex="-1">${labelText(field, ctx, path)}</p>${hint(path, field, ctx)}${messages(path, ctx)}${status}`;
}

/**
 * A group, a file, a searchable list or a region: the questions kept as Lit
 * templates (field-dom.ts builds the others). A searchable list or region
 * whose code is still on its way, or failed to arrive, says so.
 */
export function litField(field: AnswerField, path: string, ctx: FieldContext): TemplateResult {
  if (field.type === 'group') return group(field, path, ctx);
  if (field.type === 'file') return fileInput(field, path, ctx);
  const part = ctx.longLists();
  if (part && part !== 'failed') return field.type === 'region' ? part.region(field, path, ctx) : part.longList(field as Extract<InputField, { type: 'select' | 'radio' }>, path, ctx);
  const words = { failed: t(ctx, 'ui.listCodeFailed'), loading: t(ctx, 'ui.loadingList'), retry: t(ctx, 'ui.retry') };
  return listPending(field, path, ctx, listStatus(part === 'failed', words, () => ctx.retryLongLists()));
}

function group(field: GroupField, path: string, ctx: FieldContext): TemplateResult {
  // Read only: a group that needs items got them when the answers were set up (seedGroups), never here.
  const items = itemsOf(ctx.answers, field.name);
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
          <div class="item-fields" ${fieldList(field.fields, ctx, { group: field.name, index })}></div>
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
