import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../../src/define.js';
import { LoketReadyEvent } from '../../src/events.js';
import { localeReady, type Params } from '../../src/i18n.js';
import { DEFAULT_TIMEOUT_MS, delaySeconds } from '../../src/load.js';
import type { StagedResult } from '../../src/fast/two-stage.js';
import { text, type Locale } from '../../src/locale.js';
import { trackingParser } from '../../src/tracking/fast.js';
import type { ApplicationStatus } from '../../src/tracking/format.js';
import { instantMs } from '../../src/tracking/instant.js';
import { readTrackingLink } from '../../src/tracking/link.js';
import { lookupStatus, type LookupFailure, type LookupResult } from '../../src/tracking/lookup.js';
import { trackingMsg, type TrackingMessageKey } from '../../src/tracking/messages.js';
import { APPLICATION_STATES, TRACKING_MAX_LENGTH } from '../../src/tracking/states.js';
import { LoketElement } from '../shared/loket-element.js';
import { heading } from '../shared/parts.js';
import { applicationStatusStyles } from './application-status.styles.js';
import { contacts, nextSteps, stateLabel, timeline, when, type ViewContext } from './status-parts.js';

type FieldName = 'number' | 'secret';

/** A lookup that gave no status, as the citizen reads it. */
interface LookupProblem {
  readonly message: string;
  /** Whether "Coba lagi" can help right away (network, timeout, a server error). */
  readonly retry: boolean;
}

/**
 * Where a citizen follows an application after sending it: they type the
 * reference number and access code from the receipt, or arrive from the
 * receipt's "Lacak permohonan" link, and see the state in plain words, a dated
 * timeline in the office's zone, the office's message, what to do next and how
 * to reach the office. It shows status, never personal data.
 *
 * With `endpoint`, the element shows the lookup form and asks that URL
 * (`POST { trackingNumber, secret }`); a status document can also be given
 * through `data`, `src` or inline JSON, e.g. for previews.
 *
 * @summary The status of one permit application, looked up by its reference number and access code.
 *
 * @event loket-ready - The lookup form is shown, and again each time a status is shown.
 * @event loket-error - A status answer (or `src`) could not be used: not JSON, or not the contract; `detail` has the kind, message and problems.
 *
 * @slot - Fallback content shown until the element renders, and beside an error panel.
 *
 * @csspart lookup - The lookup form.
 * @csspart error-summary - The list of problems with the typed number or code.
 * @csspart field - One question of the lookup form.
 * @csspart label - A question's label.
 * @csspart hint - A question's hint.
 * @csspart error - A question's error message.
 * @csspart input - The number and code inputs.
 * @csspart button - The "Lihat status" button.
 * @csspart loading - "Mencari status permohonan…" while the lookup runs.
 * @csspart lookup-error - Why a lookup gave no status (not found, too many tries, no connection).
 * @csspart retry-button - "Coba lagi" after a network error or a timeout.
 * @csspart status - The status of the application.
 * @csspart state - The current state's name.
 * @csspart overview - Number, permit, office and the date sent.
 * @csspart message - The office's message to the citizen.
 * @csspart next - What to do next.
 * @csspart fix-link - The link back to the form, in "Perlu perbaikan".
 * @csspart timeline - The dated history.
 * @csspart timeline-entry - One change in the history.
 * @csspart contacts - The office's contact lines.
 * @csspart contact - One contact line.
 * @csspart error-panel - The panel shown when a status answer cannot be used.
 *
 * @cssprop [--loket-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of the widget.
 * @cssprop [--loket-font-size=max(1rem, 16px)] - Base font size (never below 16 px).
 * @cssprop [--loket-line-height=1.5] - Line height.
 * @cssprop [--loket-color-text=#1f2328] - Text colour.
 * @cssprop [--loket-color-muted=#4b5563] - Secondary text colour.
 * @cssprop [--loket-color-link=#0b57a4] - Link colour, button background and the colour of states in progress.
 * @cssprop [--loket-color-focus=#b35c00] - Focus ring colour.
 * @cssprop [--loket-color-surface=#fff] - Background of inputs and panels.
 * @cssprop [--loket-color-border=#6b7280] - Border of inputs.
 * @cssprop [--loket-color-open=#1a7f37] - Colour of "Disetujui" and "Selesai".
 * @cssprop [--loket-color-limited=#8a5300] - Colour of "Perlu perbaikan".
 * @cssprop [--loket-color-danger=#b3261e] - Colour of errors and "Ditolak".
 * @cssprop [--loket-color-code=#f3f4f6] - Background of document paths in the error panel.
 * @cssprop [--loket-radius=6px] - Corner radius.
 * @cssprop [--loket-tracking-background=#f4f8fc] - Background of the status panel.
 * @cssprop [--loket-tracking-border-color=#0b57a4] - Border of the status panel (the state's colour overrides it).
 * @cssprop [--loket-tracking-gap=1rem] - Space between the form, the status and their blocks.
 *
 * @cssstate loading - A lookup is running.
 * @cssstate received - The application's state (one of received, in-review, needs-fix, approved, rejected, ready).
 * @cssstate in-review - See `received`.
 * @cssstate needs-fix - See `received`.
 * @cssstate approved - See `received`.
 * @cssstate rejected - See `received`.
 * @cssstate ready - See `received`.
 * @cssstate not-found - The last lookup found no application.
 * @cssstate error - No status can be shown; the error panel is visible.
 */
export class LoketApplicationStatus extends LoketElement<ApplicationStatus> {
  static override styles = [...LoketElement.styles, applicationStatusStyles];

  /** The lookup URL (`POST { trackingNumber, secret }`, answered with the status contract). Shows the lookup form. */
  @property() endpoint?: string;

  /** The level of the widget's headings, so they fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private number = '';
  @state() private secret = '';
  @state() private errors: Partial<Record<FieldName, string>> = {};
  @state() private problem?: LookupProblem & { readonly kind: LookupFailure };
  @state() private busy = false;
  /** The text announced politely: a state found after arriving from a link, "Mencari…". */
  @state() private announcement = '';

  private lookups?: AbortController;
  /** Where focus goes after the next render. */
  private focusNext?: 'summary' | 'status' | 'problem';
  /** Whether the page address carried a complete lookup to run once the form is shown. */
  private fromLink = false;

  protected override parse(json: unknown, locale: Locale): StagedResult<ApplicationStatus> {
    return trackingParser.parse(json, locale);
  }

  protected override loadParser(): Promise<void> {
    return trackingParser.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readLink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lookups?.abort();
  }

  /** Takes the number and secret from the receipt's link, then removes them from the address bar and history entry. */
  private readLink(): void {
    const view = this.ownerDocument.defaultView;
    if (!view || this.number || this.secret) return;
    const read = readTrackingLink(view.location.href);
    if (read.trackingNumber === undefined && read.secret === undefined) return;
    this.number = read.trackingNumber ?? '';
    this.secret = read.secret ?? '';
    this.fromLink = this.number !== '' && this.secret !== '';
    if (read.cleaned) {
      try {
        view.history.replaceState(view.history.state, '', read.cleaned);
      } catch {
        // A sandboxed frame may refuse; the lookup still works.
      }
    }
  }

  /** With an endpoint there is nothing to read inline: the form is the content. */
  protected override readInline(): void {
    if (this.endpoint && !this.querySelector(':scope > script[type="application/json"]')) return;
    super.readInline();
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    if (!this.endpoint) return;
    // After this update settles: state set inside an update hook schedules another.
    if (this.fromLink) void this.updateComplete.then(() => this.lookup(false));
    else this.dispatchEvent(new LoketReadyEvent());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const current = this.value?.state;
    this.setStates({
      loading: this.busy,
      'not-found': this.problem?.kind === 'not-found',
      ...Object.fromEntries(APPLICATION_STATES.map((s) => [s, current === s])),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const to = this.focusNext;
    this.focusNext = undefined;
    const target = to === 'summary' ? '.error-summary' : to === 'status' ? '#status-heading' : to === 'problem' ? '.lookup-error' : undefined;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private t(key: TrackingMessageKey, params?: Params): string {
    return trackingMsg(this.locale, key, params);
  }

  private validate(): Partial<Record<FieldName, string>> {
    const errors: Partial<Record<FieldName, string>> = {};
    const number = this.number.trim();
    const secret = this.secret.trim();
    if (!number) errors.number = this.t('tracking.numberRequired');
    else if (number.length > TRACKING_MAX_LENGTH) errors.number = this.t('tracking.numberTooLong', { max: TRACKING_MAX_LENGTH });
    if (!secret) errors.secret = this.t('tracking.secretRequired');
    else if (secret.length > TRACKING_MAX_LENGTH) errors.secret = this.t('tracking.secretTooLong', { max: TRACKING_MAX_LENGTH });
    return errors;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      this.problem = undefined;
      this.focusNext = 'summary';
      return;
    }
    void this.lookup(true);
  }

  private onInput(name: FieldName, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (name === 'number') this.number = value;
    else this.secret = value;
    // Re-check a field only while it shows an error (GOV.UK timing).
    if (this.errors[name]) this.errors = { ...this.errors, [name]: this.validate()[name] };
  }

  /**
   * Asks the endpoint. `byCitizen`: focus moves to the answer; after arriving
   * from a link it is announced instead, so the page load does not move focus.
   */
  private async lookup(byCitizen: boolean): Promise<void> {
    if (!this.endpoint) return;
    this.lookups?.abort();
    const lookups = (this.lookups = new AbortController());
    const trackingNumber = this.number.trim();
    const secret = this.secret.trim();
    let url: string;
    try {
      url = new URL(this.endpoint, this.ownerDocument.baseURI).href;
    } catch {
      this.showProblem({ ok: false, kind: 'bad-url' }, trackingNumber, byCitizen);
      return;
    }
    this.busy = true;
    this.problem = undefined;
    this.announcement = this.t('tracking.loading');
    const seconds = delaySeconds(this.timeout, DEFAULT_TIMEOUT_MS / 1000);
    const result = await lookupStatus(url, { trackingNumber, secret }, { timeoutMs: seconds * 1000, signal: lookups.signal });
    if (lookups.signal.aborted) return;
    this.busy = false;
    if (!result.ok) {
      this.showProblem(result, trackingNumber, byCitizen);
      return;
    }
    this.focusNext = byCitizen ? 'status' : undefined;
    this.announceFound = !byCitizen;
    this.accept({ ok: true, json: result.json }, false);
  }

  /** Set for a lookup from the link: the state found is announced rather than focused. */
  private announceFound = false;

  protected override documentChanged(): void {
    const doc = this.value;
    if (doc && this.announceFound) this.announcement = this.t('tracking.announce', { number: doc.trackingNumber, state: stateLabel(doc.state, this.locale) });
    else this.announcement = '';
    this.announceFound = false;
  }

  private showProblem(result: Extract<LookupResult, { ok: false }>, trackingNumber: string, byCitizen: boolean): void {
    // Another application's status must not stay on screen beside "not found".
    if (this.value && (this.value.trackingNumber !== trackingNumber || result.kind === 'not-found' || result.kind === 'rate-limited')) this.clearDocument();
    const seconds = delaySeconds(this.timeout, DEFAULT_TIMEOUT_MS / 1000);
    let message: string;
    let retry = false;
    switch (result.kind) {
      case 'not-found':
        message = this.t('tracking.notFound');
        break;
      case 'rate-limited':
        message =
          result.retryAfterSeconds !== undefined
            ? this.t('tracking.rateLimited', { count: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) })
            : this.t('tracking.rateLimitedLater');
        break;
      case 'timeout':
        message = this.t('tracking.timeout', { seconds });
        retry = true;
        break;
      case 'http':
        message = this.t('tracking.http', { status: result.status ?? 0 });
        retry = true;
        break;
      case 'bad-url':
        message = this.t('tracking.badUrl', { url: this.endpoint ?? '' });
        break;
      case 'invalid':
        // Not JSON: the same error panel as an answer that breaks the contract.
        this.accept({ ok: false, error: { kind: 'json', url: this.endpoint, detail: result.detail } }, false);
        return;
      default:
        message = this.t('tracking.network');
        retry = true;
    }
    this.problem = { kind: result.kind, message, retry };
    this.announcement = '';
    this.focusNext = byCitizen ? 'problem' : undefined;
  }

  /** The status as last rendered: typing in the lookup fields re-renders the form, not the dated history. */
  private shown?: { readonly doc: ApplicationStatus; readonly key: string; readonly view: TemplateResult };

  private documentView(doc: ApplicationStatus): TemplateResult {
    // The English strings may arrive after the first English render.
    const key = `${this.locale} ${localeReady(this.locale)} ${this.headingLevel} ${this.ownerDocument.baseURI}`;
    if (this.shown?.doc === doc && this.shown.key === key) return this.shown.view;
    const view = this.renderDocument(doc);
    this.shown = { doc, key, view };
    return view;
  }

  protected override render(): TemplateResult {
    const doc = this.value;
    const body = doc !== undefined ? this.documentView(doc) : this.failure ? this.renderFailure(this.failure) : this.endpoint ? nothing : html`<slot></slot>`;
    return html`<div class="root" lang=${this.locale}>
      ${this.endpoint ? this.renderLookup() : nothing} ${body}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  private renderLookup(): TemplateResult {
    const fields: Array<{ name: FieldName; label: TrackingMessageKey; hint: TrackingMessageKey; value: string; autocomplete: string }> = [
      { name: 'number', label: 'tracking.number', hint: 'tracking.numberHint', value: this.number, autocomplete: 'off' },
      { name: 'secret', label: 'tracking.secret', hint: 'tracking.secretHint', value: this.secret, autocomplete: 'off' },
    ];
    const summary = fields.filter((f) => this.errors[f.name]);
    return html`<form part="lookup" class="lookup" novalidate aria-labelledby="lookup-title" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onSubmit}>
      ${heading(this.headingLevel, this.t('tracking.title'), 'title', 'lookup-title')}
      <p class="intro">${this.t('tracking.intro')}</p>
      ${summary.length
        ? html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            ${heading(this.headingLevel + 1, this.t('tracking.summary'), 'error-summary-title', 'error-summary-title')}
            <ul>
              ${summary.map((f) => html`<li><a href=${`#${f.name}`} @click=${(e: Event) => this.focusField(e, f.name)}>${this.errors[f.name]}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${fields.map((f) => {
        const error = this.errors[f.name];
        return html`<div part="field" class="field ${error ? 'has-error' : ''}">
          <label part="label" for=${f.name}>${this.t(f.label)}</label>
          <div part="hint" class="hint" id=${`${f.name}-hint`}>${this.t(f.hint)}</div>
          ${error ? html`<p part="error" class="error-message" id=${`${f.name}-error`}>${error}</p>` : nothing}
          <input
            part="input"
            id=${f.name}
            name=${f.name === 'number' ? 'trackingNumber' : 'secret'}
            type="text"
            .value=${f.value}
            maxlength=${TRACKING_MAX_LENGTH + 20}
            autocomplete=${f.autocomplete}
            autocapitalize=${f.name === 'number' ? 'characters' : 'off'}
            spellcheck="false"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(error ? `${f.name}-hint ${f.name}-error` : `${f.name}-hint`)}
            @input=${(e: Event) => this.onInput(f.name, e)}
          />
        </div>`;
      })}
      <button part="button" class="button" type="submit">${this.t('tracking.submit')}</button>
      ${this.busy ? html`<p part="loading" class="loading">${this.t('tracking.loading')}</p>` : nothing}
      ${this.problem
        ? html`<div part="lookup-error" class="lookup-error" role="alert" tabindex="-1">
            <p>${this.problem.message}</p>
            ${this.problem.retry ? html`<button part="retry-button" class="button secondary" type="button" @click=${() => void this.lookup(true)}>${this.t('tracking.retry')}</button>` : nothing}
          </div>`
        : nothing}
    </form>`;
  }

  private focusField(event: Event, name: FieldName): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${name}`);
    // Scroll the label into view first, so the question is seen with its input.
    this.renderRoot.querySelector(`label[for="${name}"]`)?.scrollIntoView({ block: 'center' });
    input?.focus();
  }

  protected override renderDocument(doc: ApplicationStatus): TemplateResult {
    const ctx: ViewContext = { locale: this.locale, timeZone: doc.office.timeZone, base: this.ownerDocument.baseURI, headingLevel: this.headingLevel };
    const latest = doc.timeline.reduce((a, b) => ((instantMs(b.at) ?? 0) >= (instantMs(a.at) ?? 0) ? b : a));
    const office = text(doc.office.name, this.locale);
    return html`<section part="status" class="status state-${doc.state}" aria-labelledby="status-heading">
      ${heading(
        this.headingLevel,
        html`${this.t('tracking.current')}: <span part="state" class="state">${stateLabel(doc.state, this.locale)}</span>`,
        'status-heading',
        'status-heading',
        true,
      )}
      <p class="since muted">${this.t('tracking.since', { date: when(latest.at, ctx) })}</p>
      <dl part="overview" class="facts">
        <div><dt>${this.t('tracking.number')}</dt><dd class="number">${doc.trackingNumber}</dd></div>
        <div><dt>${this.t('tracking.permit')}</dt><dd>${text(doc.permit.title, this.locale)}</dd></div>
        <div><dt>${this.t('tracking.office')}</dt><dd>${doc.office.unit !== undefined ? `${office} — ${text(doc.office.unit, this.locale)}` : office}</dd></div>
        <div><dt>${this.t('tracking.submittedAt')}</dt><dd>${when(doc.submittedAt, ctx)}</dd></div>
      </dl>
      ${doc.message !== undefined
        ? html`<div part="message" class="block message">
            ${heading(this.headingLevel + 1, this.t('tracking.message'), 'block-title')}
            <p class="office-text">${text(doc.message, this.locale)}</p>
          </div>`
        : nothing}
      ${nextSteps(doc, ctx)} ${timeline(doc.timeline, ctx)} ${contacts(doc, ctx)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loket-application-status': LoketApplicationStatus;
  }
}

defineElement('loket-application-status', LoketApplicationStatus);
