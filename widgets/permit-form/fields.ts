import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LONG_LIST_THRESHOLD } from '../../src/fast/rules/form.js';
import type { AnswerField, Field, GroupField, InputField, ItemField, Option } from '../../src/form/format.js';
import type { RegionLookup } from '../../src/form/region.js';
import { formUiMsg, type FormUiKey } from '../../src/form/ui-messages.js';
import type { Params } from '../../src/i18n.js';
import type { Conditions } from '../../src/form/conditions.js';
import type { FieldError } from '../../src/form/validate.js';
import { text, type Locale } from '../../src/locale.js';
import { idOf } from './answer-state.js';

// Fields are rendered into the form's one shadow root, so every label `for`,
// `aria-describedby` and error-summary link resolves in one tree (aria
// references cannot cross shadow roots: whatwg/html#3219). The common
// questions are plain DOM (field-dom.ts); the ones with behaviour of their own
// (groups, files, searchable lists, regions) are Lit templates, fetched
// when a document has them (files-groups.ts, long-lists.ts).

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
  /** Bumped when only the path's messages changed (a Continue): its question then updates its messages, nothing else. */
  messagesVersion(path: string): number;
  /** The code that writes messages in place (error-dom.ts), once it has arrived with the checks. */
  readonly errorDom?: Pick<typeof import('./error-dom.js'), 'showMessages'>;
  addItem(group: GroupField): void;
  removeItem(group: GroupField, index: number): void;
  removeFile(path: string, index: number): void;
  /**
   * The code for file questions and repeatable groups (files-groups.ts),
   * fetched as soon as the document has one; `undefined` until it has
   * arrived, `'failed'` when it could not be fetched.
   */
  filesGroups(): FilesGroupsPart | 'failed' | undefined;
  /** Fetches that code again after a failure. */
  retryFilesGroups(): void;
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

/** What the lazily loaded files-groups.ts offers the field templates. */
export interface FilesGroupsPart {
  fileInput(field: Extract<InputField, { type: 'file' }>, path: string, ctx: FieldContext): TemplateResult;
  group(field: GroupField, path: string, ctx: FieldContext): TemplateResult;
  /** An item's name: the group's `itemLabel` ("Kapal {n}"), else "<label> <n>". */
  itemLabel(field: GroupField, n: number, locale: Locale): string;
  /** The form's words for files and groups (and its other later words), which come with this part. */
  readonly laterMsg: typeof import('../../src/form/later-messages.js').laterMsg;
}

/** Whether a select or radio group is shown as a searchable list (its code is then fetched). */
export function isLongList(field: Field | ItemField): boolean {
  return (field.type === 'select' || field.type === 'radio') && (field.optionsFrom !== undefined || (field.options?.length ?? 0) > LONG_LIST_THRESHOLD);
}

/** The item of a repeatable group a field is rendered in. */
export type Item = { readonly group: string; readonly index: number };

/** A text of the form's own, in the citizen's language. */
export const t = (ctx: FieldContext, key: FormUiKey, params?: Params) => formUiMsg(ctx.locale, key, params);

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
  if (field.type === 'group' || field.type === 'file') {
    const part = ctx.filesGroups();
    if (part && part !== 'failed') return field.type === 'group' ? part.group(field, path, ctx) : part.fileInput(field, path, ctx);
    const words = { failed: t(ctx, 'ui.questionCodeFailed'), loading: t(ctx, 'ui.loadingQuestion'), retry: t(ctx, 'ui.retry') };
    return listPending(field, path, ctx, listStatus(part === 'failed', words, () => ctx.retryFilesGroups()));
  }
  const part = ctx.longLists();
  if (part && part !== 'failed') return field.type === 'region' ? part.region(field, path, ctx) : part.longList(field as Extract<InputField, { type: 'select' | 'radio' }>, path, ctx);
  const words = { failed: t(ctx, 'ui.listCodeFailed'), loading: t(ctx, 'ui.loadingList'), retry: t(ctx, 'ui.retry') };
  return listPending(field, path, ctx, listStatus(part === 'failed', words, () => ctx.retryLongLists()));
}
