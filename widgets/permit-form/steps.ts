import { html, nothing, type TemplateResult } from 'lit';
import { LoketSubmitEvent, type LoketSubmitDetail } from '../../src/form-events.js';
import { laterMsg } from '../../src/form/later-messages.js';
import type { FieldError } from '../../src/form/validate.js';
import { heading } from '../shared/parts.js';
import { summaryLinks } from './error-dom.js';
import type { LoketPermitForm } from './permit-form.js';

// What a press of Lanjut or Kirim does once the checks have arrived: check
// the step, show the errors and the summary, move on, send; and the
// backend's field errors. Every press waits for the checks (permit-form.ts
// onSubmit), so this code comes with them (checks.ts) and the first screen
// does not download it. It is the element's own code, split off: it reaches
// the element's private state with TypeScript's bracket access, which keeps
// every name and type checked.

type Form = LoketPermitForm;

/** Lanjut: checks the step; on to the next shown step, or the review page, or back to the review page after a change. */
export function continueStep(host: Form): void {
  const validator = host['validator'];
  if (!validator) return;
  const answers = host['answers'];
  const locale = host['locale'];
  const at = host['stepIndex'];
  const result = validator.validateStep(answers, at, locale);
  showErrors(host, result.errors, result.warnings);
  if (!result.ok) {
    host['pendingFocus'] = { to: 'summary' };
    return;
  }
  const steps = host['visibleSteps']();
  const next = steps.find((s) => s > at);
  if (host['returnToReview']) {
    // A changed answer may bring new required questions on another step (a
    // new applicant type, say): ask them before going back to the summary.
    const pending = validator.validateAll(answers, locale).ok ? undefined : steps.find((s) => s !== at && validator.validateStep(answers, s, locale).errors.length > 0);
    if (pending !== undefined) host['goStep'](pending);
    else host['goReview']();
  } else if (next === undefined) host['goReview']();
  else host['goStep'](next);
}

/** Shows these errors and warnings at their questions and the errors in the summary. */
export function showErrors(host: Form, errors: readonly FieldError[], warnings: readonly FieldError[]): void {
  // Only the questions whose messages appear, go or change are touched, and
  // they update their messages without being re-built (field-dom.ts
  // showMessages): on a second Continue just the ones the citizen fixed.
  for (const [map, next] of [
    [host['errors'], errors],
    [host['warnings'], warnings],
  ] as const) {
    const before = new Map(map);
    map.clear();
    for (const e of next) if (!map.has(e.field)) map.set(e.field, e);
    for (const [path, e] of map) {
      const old = before.get(path);
      if (old?.message !== e.message || old.part !== e.part) host['touchMessages'](path);
      before.delete(path);
    }
    for (const path of before.keys()) host['touchMessages'](path);
  }
  host['summary'] = errors;
}

/** The review page's warnings (a NIK that disagrees with the birth date): shown beside the answers, never blocking. */
export function reviewWarnings(host: Form): void {
  const validator = host['validator'];
  if (!validator || host['view'] !== 'review') return;
  const warnings = host['warnings'];
  warnings.clear();
  for (const w of validator.validateAll(host['answers'], host['locale']).warnings) warnings.set(w.field, w);
  host.requestUpdate();
}

/** "Ada masalah" and a link to each error; each link focuses its question (`#id` links do not reach into a shadow root). */
export function renderSummary(host: Form): TemplateResult | typeof nothing {
  const summary = host['summary'];
  if (!summary.length) return nothing;
  const onClick = (event: Event): void => {
    const link = (event.target as Element).closest('a[data-error]');
    const error = link ? summary[Number(link.getAttribute('data-error'))] : undefined;
    if (!error) return;
    event.preventDefault();
    host['focusField'](error.field, error.part);
  };
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    ${heading(host.headingLevel, laterMsg(host['locale'], 'ui.errorSummary'), 'error-summary-title', 'error-summary-title')}
    <ul class="error-summary-list" @click=${onClick} ${summaryLinks(summary, host['locale'])}></ul>
  </div>`;
}

/** Kirim: checks every answer once more, fires `loket-submit`, and delivers unless the host page took over. */
export async function submit(host: Form): Promise<void> {
  const form = host['value'];
  const validator = host['validator'];
  if (!form || !validator || host['submitting']) return;
  // The citizen sends what they have seen: without the review page's code, the button fetches it again.
  if (!host['review']) {
    await host['loadReview']();
    return;
  }
  const answers = host['answers'];
  const locale = host['locale'];
  const all = validator.validateAll(answers, locale);
  if (!all.ok) {
    const step = all.errors.length ? validator.visibleSteps(answers).find((s) => validator.validateStep(answers, s, locale).errors.length > 0) : undefined;
    if (step !== undefined) {
      host['goStep'](step, { to: 'summary' });
      const result = validator.validateStep(answers, step, locale);
      showErrors(host, result.errors, result.warnings);
    }
    return;
  }
  const detail: LoketSubmitDetail = { form: { id: form.id, revision: form.revision }, answers: validator.finalAnswers(answers), locale };
  const event = new LoketSubmitEvent(detail);
  host.dispatchEvent(event);
  host['submitting'] = true;
  // The submit button gives way to "Mengirim permohonan…": keep focus on what replaces it.
  host['pendingFocus'] = { to: 'status' };
  try {
    const view = (host['view'] = event.defaultPrevented ? 'handed-over' : await host['deliver'](detail));
    // Whatever replaced the submit button takes focus once it is on screen.
    if (view === 'failed' || view === 'handed-over') host['pendingFocus'] = { to: 'status' };
    else if (view === 'outbox' || view === 'expired') host['pendingFocus'] = { to: 'heading' };
  } finally {
    host['submitting'] = false;
  }
}

/**
 * The backend's field errors, shown like the form's own: on the step of
 * the first one, at the fields and in the summary. Errors without a
 * field the form knows stay on the review page, in the summary.
 */
export function showServerErrors(host: Form, errors: readonly FieldError[]): void {
  const form = host['value'];
  if (!form) return;
  const shown = host['visibleSteps']();
  const top = (path: string) => path.split(/[.[]/)[0] ?? '';
  const stepOf = (path: string) => form.steps.findIndex((s, i) => shown.includes(i) && s.fields.some((f) => 'name' in f && f.name === top(path)));
  const first = errors.map((e) => stepOf(e.field)).find((s) => s >= 0);
  if (first === undefined) {
    host['resultView'] = 'review';
    host['view'] = 'review';
    showErrors(host, errors, []);
    host['pendingFocus'] = { to: 'summary' };
    return;
  }
  host['returnToReview'] = true;
  host['resultView'] = 'step';
  host['goStep'](first, { to: 'summary' });
  showErrors(host, errors.filter((e) => stepOf(e.field) === first || stepOf(e.field) < 0), []);
}
