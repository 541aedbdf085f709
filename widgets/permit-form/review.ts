import { html, nothing, type TemplateResult } from 'lit';
import { isEmptyValue } from '../../src/condition.js';
import { choicesOf, dateOf, filesOf, itemsOf } from '../../src/form/answers.js';
import type { AnswerField, FormDocument, ItemField } from '../../src/form/format.js';
import { formUiMsg } from '../../src/form/ui-messages.js';
import type { FieldError, Validator } from '../../src/form/validate.js';
import { text, type Locale } from '../../src/text.js';
import { formatDate } from '../../src/time.js';
import { idOf, pathOf, readAnswer } from './answer-state.js';
import { heading } from '../shared/parts.js';

// "Periksa jawaban Anda": every shown answer, step by step, each with an
// "Ubah" button that returns here after the change (GOV.UK check answers).

/** What the review page needs from the form element. */
export interface ReviewContext {
  readonly locale: Locale;
  readonly form: FormDocument;
  readonly answers: Record<string, unknown>;
  readonly validator: Validator;
  readonly headingLevel: number;
  readonly warnings: ReadonlyMap<string, FieldError>;
  change(step: number, path: string): void;
}

/** An answer as the citizen would say it: option labels, "17 Agustus 1990", file names. */
export function describeAnswer(field: AnswerField | ItemField, value: unknown, locale: Locale): string | string[] | undefined {
  const yes = formUiMsg(locale, 'ui.yes');
  const no = formUiMsg(locale, 'ui.no');
  switch (field.type) {
    case 'radio':
    case 'select': {
      const option = field.options.find((o) => o.value === value);
      return option ? text(option.label, locale) : undefined;
    }
    case 'checkboxes': {
      const chosen = choicesOf(value);
      const labels = field.options.filter((o) => chosen.includes(o.value)).map((o) => text(o.label, locale));
      return labels.length ? labels : undefined;
    }
    case 'checkbox':
      return value === true ? yes : no;
    case 'date': {
      const d = dateOf(value);
      if (!d.day && !d.month && !d.year) return undefined;
      const parsed = { year: Number(d.year), month: Number(d.month), day: Number(d.day) };
      return parsed.month >= 1 && parsed.month <= 12 ? formatDate(parsed, locale) : `${d.day}-${d.month}-${d.year}`;
    }
    case 'file': {
      const names = filesOf(value).map((f) => f.name);
      return names.length ? names : undefined;
    }
    case 'group':
      return undefined;
    default:
      return isEmptyValue(value) ? undefined : String(value);
  }
}

function answerValue(described: string | string[] | undefined, ctx: ReviewContext): TemplateResult {
  if (described === undefined) return html`<span class="muted">${formUiMsg(ctx.locale, 'ui.notAnswered')}</span>`;
  if (Array.isArray(described)) return described.length === 1 ? html`${described[0]}` : html`<ul class="plain-list">${described.map((d) => html`<li>${d}</li>`)}</ul>`;
  return html`${described}`;
}

function row(ctx: ReviewContext, step: number, field: AnswerField | ItemField, path: string, label: string): TemplateResult {
  const warning = ctx.warnings.get(path);
  return html`<div class="review-row" part="review-row">
    <dt class="review-key">${label}</dt>
    <dd class="review-value">
      ${answerValue(describeAnswer(field, readAnswer(ctx.answers, path), ctx.locale), ctx)}
      ${warning ? html`<p class="warning-message"><span class="visually-hidden">${formUiMsg(ctx.locale, 'ui.warningPrefix')}</span> ${warning.message}</p>` : nothing}
    </dd>
    <dd class="review-action">
      <button type="button" class="link-button" part="change-button" @click=${() => ctx.change(step, path)}>
        ${formUiMsg(ctx.locale, 'ui.change')}<span class="visually-hidden"> ${label}</span>
      </button>
    </dd>
  </div>`;
}

/** The review page's answer lists. */
export function renderReview(ctx: ReviewContext): TemplateResult[] {
  return ctx.validator.visibleSteps(ctx.answers).map((s) => {
    const step = ctx.form.steps[s];
    if (!step) return html``;
    const rows: TemplateResult[] = [];
    for (const field of step.fields) {
      if (!('name' in field) || !ctx.validator.isVisible(field.name, ctx.answers)) continue;
      if (field.type !== 'group') {
        rows.push(row(ctx, s, field, field.name, text(field.label, ctx.locale)));
        continue;
      }
      const items = itemsOf(readAnswer(ctx.answers, field.name));
      if (items.length === 0) rows.push(row(ctx, s, field, field.name, text(field.label, ctx.locale)));
      items.forEach((_, index) => {
        const prefix = field.itemLabel !== undefined ? text(field.itemLabel, ctx.locale).replace('{n}', String(index + 1)) : `${text(field.label, ctx.locale)} ${index + 1}`;
        for (const child of field.fields) {
          if (!('name' in child)) continue;
          const path = pathOf(child.name, { group: field.name, index });
          if (ctx.validator.isVisible(path, ctx.answers)) rows.push(row(ctx, s, child, path, `${prefix}: ${text(child.label, ctx.locale)}`));
        }
      });
    }
    return html`<section class="review-step" aria-labelledby=${idOf(`review${s}`)}>
      ${heading(ctx.headingLevel + 1, text(step.heading, ctx.locale), 'review-heading', idOf(`review${s}`))}
      <dl class="review-list">${rows}</dl>
    </section>`;
  });
}
