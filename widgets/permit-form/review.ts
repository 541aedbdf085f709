import { html, nothing, type TemplateResult } from 'lit';
import { describeAnswer, reviewSections, type ReviewRow } from '../../src/form/describe.js';
import type { FormDocument, Option } from '../../src/form/format.js';
import { laterMsg } from '../../src/form/later-messages.js';
import { formUiMsg } from '../../src/form/ui-messages.js';
import type { FieldError, Validator } from '../../src/form/validate.js';
import type { Locale } from '../../src/locale.js';
import { idOf } from './answer-state.js';
import { heading } from '../shared/parts.js';

// "Periksa jawaban Anda": every shown answer, step by step, each with an
// "Ubah" button that returns here after the change (GOV.UK check answers).
// The staff inbox renders the same lists without the buttons.

export { describeAnswer, laterMsg };
export { reviewStyles } from './review.styles.js';

/** What the review page needs from the form element. */
export interface ReviewContext {
  readonly locale: Locale;
  readonly form: FormDocument;
  readonly answers: Record<string, unknown>;
  readonly validator: Pick<Validator, 'visibleSteps' | 'isVisible'>;
  readonly headingLevel: number;
  readonly warnings: ReadonlyMap<string, FieldError>;
  /** Returns to a step to change an answer; without it the lists are read-only (the staff inbox). */
  change?(step: number, path: string): void;
  /** The fetched options of a field with `optionsFrom`, once loaded. */
  optionsFrom?(url: string): readonly Option[] | undefined;
}

function answerValue(described: string | string[] | undefined, ctx: ReviewContext): TemplateResult {
  if (described === undefined) return html`<span class="muted">${laterMsg(ctx.locale, 'ui.notAnswered')}</span>`;
  if (Array.isArray(described)) return described.length === 1 ? html`${described[0]}` : html`<ul class="plain-list">${described.map((d) => html`<li>${d}</li>`)}</ul>`;
  return html`${described}`;
}

function row(ctx: ReviewContext, step: number, { field, path, label, value }: ReviewRow): TemplateResult {
  const warning = ctx.warnings.get(path);
  const change = ctx.change;
  return html`<div class="review-row" part="review-row">
    <dt class="review-key">${label}</dt>
    <dd class="review-value">
      ${answerValue(describeAnswer(field, value, ctx.locale, 'optionsFrom' in field && field.optionsFrom !== undefined ? ctx.optionsFrom?.(field.optionsFrom) : undefined), ctx)}
      ${warning ? html`<p class="warning-message"><span class="visually-hidden">${formUiMsg(ctx.locale, 'ui.warningPrefix')}</span> ${warning.message}</p>` : nothing}
    </dd>
    ${change
      ? html`<dd class="review-action">
          <button type="button" class="link-button" part="change-button" @click=${() => change(step, path)}>
            ${laterMsg(ctx.locale, 'ui.change')}<span class="visually-hidden"> ${label}</span>
          </button>
        </dd>`
      : nothing}
  </div>`;
}

/** The review page's answer lists. */
export function renderReview(ctx: ReviewContext): TemplateResult[] {
  return reviewSections(ctx.form, ctx.validator, ctx.answers, ctx.locale).map(
    (section) => html`<section class="review-step" aria-labelledby=${idOf(`review${section.step}`)}>
      ${heading(ctx.headingLevel + 1, section.heading, 'review-heading', idOf(`review${section.step}`))}
      <dl class="review-list">${section.rows.map((r) => row(ctx, section.step, r))}</dl>
    </section>`,
  );
}
