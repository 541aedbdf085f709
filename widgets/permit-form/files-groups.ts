import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { filesOf } from '../../src/form/answers.js';
import { acceptedNames, formatSize } from '../../src/form/files.js';
import type { GroupField, InputField } from '../../src/form/format.js';
import { laterMsg } from '../../src/form/later-messages.js';
import { text, type Locale } from '../../src/locale.js';
import { heading } from '../shared/parts.js';
import { idOf, itemsOf, readAnswer } from './answer-state.js';
import { fieldList } from './field-dom.js';
import { describedBy, fieldset, hint, labelText, messages, type FieldContext } from './fields.js';

// File questions and repeatable groups: fetched as soon as a document has
// one (permit-form.ts loadFilesGroups), so a form without them never
// downloads this, and the others show their remaining questions without
// waiting for it.

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

/** A file question: the native input drawn as a button in the form's language, and the files chosen. */
export function fileInput(field: Extract<InputField, { type: 'file' }>, path: string, ctx: FieldContext): TemplateResult {
  const files = filesOf(readAnswer(ctx.answers, path));
  const invalid = ctx.error(path) !== undefined;
  const types = acceptedNames(field.accept, ctx.locale);
  const size = formatSize(field.maxSize, ctx.locale);
  const max = field.maxFiles ?? 1;
  const limits = max > 1 ? laterMsg(ctx.locale, 'ui.fileLimitsCount', { types, size, count: max }) : laterMsg(ctx.locale, 'ui.fileLimits', { types, size });
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
      <label class="button secondary file-button" part="file-button" for=${idOf(path)} id=${buttonId} aria-hidden="true">${laterMsg(ctx.locale, max > 1 ? 'ui.chooseFiles' : 'ui.chooseFile')}</label>
      ${files.length ? nothing : html`<span class="muted file-none">${laterMsg(ctx.locale, 'ui.noFile')}</span>`}
    </div>
    ${files.length
      ? html`<ul class="file-list" part="file-list">
          ${files.map(
            (file, i) => html`<li class="file">
              <span class="file-name">${file.name}</span> <span class="muted">(${formatSize(file.size, ctx.locale)})</span>
              <button type="button" class="link-button" @click=${() => ctx.removeFile(path, i)}>
                ${laterMsg(ctx.locale, 'ui.removeFile', { name: '' }).trim()}<span class="visually-hidden"> ${file.name}</span>
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}`;
}

export { laterMsg };

/** An item's name: the group's `itemLabel` ("Kapal {n}"), else "<label> <n>". */
export function itemLabel(field: GroupField, n: number, locale: Locale): string {
  return field.itemLabel !== undefined ? text(field.itemLabel, locale).replace('{n}', String(n)) : laterMsg(locale, 'ui.item', { label: text(field.label, locale), n });
}

/** A repeatable group: its items, each with its questions and a remove button, and the add button. */
export function group(field: GroupField, path: string, ctx: FieldContext): TemplateResult {
  // Read only: a group that needs items got them when the answers were set up (seedGroups), never here.
  const items = itemsOf(ctx.answers, field.name);
  const atMax = field.max !== undefined && items.length >= field.max;
  const addLabel = field.addLabel !== undefined ? text(field.addLabel, ctx.locale) : `${laterMsg(ctx.locale, 'ui.addItem')} ${text(field.label, ctx.locale).toLowerCase()}`;
  return fieldset(
    field,
    path,
    ctx,
    html`${items.length === 0 ? html`<p class="muted">${laterMsg(ctx.locale, 'ui.noItems')}</p>` : nothing}
      ${items.map(
        (_, index) => html`<section class="item" part="group-item" aria-labelledby=${idOf(path, `item${index}`)}>
          ${heading(ctx.headingLevel + 1, itemLabel(field, index + 1, ctx.locale), 'item-heading', idOf(path, `item${index}`), true)}
          <div class="item-fields" ${fieldList(field.fields, ctx, { group: field.name, index })}></div>
          <button type="button" class="button secondary" part="remove-button" @click=${() => ctx.removeItem(field, index)}>
            ${laterMsg(ctx.locale, 'ui.removeItem', { item: itemLabel(field, index + 1, ctx.locale) })}
          </button>
        </section>`,
      )}
      ${atMax
        ? html`<p class="muted" id=${idOf(path, 'max')}>${laterMsg(ctx.locale, 'ui.itemsMax', { max: field.max ?? 0 })}</p>`
        : html`<button type="button" class="button secondary" part="add-button" id=${idOf(path, 'add')} @click=${() => ctx.addItem(field)}>${addLabel}</button>`}`,
  );
}

/** Styles of file questions and group items, added when this code arrives. */
export const filesGroupsStyles = css`
  .file-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    position: relative;
  }
  /* Visually hidden but focusable: the label after it is what sighted people press. */
  .file-input {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
    overflow: hidden;
  }
  .file-button {
    display: inline-flex;
    align-items: center;
    font-weight: 400;
  }
  .file-button:hover {
    border-color: var(--loket-color-text, #1f2328);
  }
  .file-list {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding-block: 0.25rem;
    border-block-end: 1px solid #d0d7de;
  }
  .file-name {
    font-weight: 700;
  }
  .item {
    border: 1px solid #d0d7de;
    border-inline-start: 5px solid var(--_border);
    padding: 0.75rem;
    margin: 0 0 1rem;
  }
  @media (forced-colors: active) {
    .item {
      border-color: CanvasText;
    }
  }
`;
