import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormDocument } from '../../src/form/format.js';
import type { FieldError } from '../../src/form/validate.js';
import type { Params } from '../../src/i18n.js';
import { LoketErrorEvent } from '../../src/events.js';
import { LoketSubmittedEvent } from '../../src/submit/events.js';
import { resendDelay } from '../../src/submit/backoff.js';
import { createSubmitter, forgetDevice, type Outcome, type Receipt, type SubmitHook, type Submitter, type UploadProgress } from '../../src/submit/index.js';
import { submitMsg, type SubmitMessageKey } from '../../src/submit/messages.js';
import { onSignal, type OutboxSignal } from '../../src/submit/signal.js';
import { deleteDraft, draftsEnabled, loadDraft, saveDraft, type Draft } from '../../src/submit/store.js';
import { text, type Locale } from '../../src/locale.js';
import { trackingHref } from '../../src/tracking/link.js';
import { formatDate, formatInstant, zonedParts } from '../../src/time.js';

// Its styles come with it: no first screen needs them.
export { submissionStyles } from './submission.styles.js';

// Everything of sending that the permit form shows: progress, the outbox,
// honest failures with "Coba lagi", server field errors, the receipt, and
// drafts. The element keeps its answers; this controller moves them.

/** What the element lends the controller. */
export interface SubmissionAccess {
  locale(): Locale;
  /** The element's `action` attribute. */
  action(): string | undefined;
  /** The element's `submitHook` property. */
  submitHook(): SubmitHook | undefined;
  /** The answers as the element holds them (for drafts). */
  currentAnswers(): Readonly<Record<string, unknown>>;
  /** The index of the step on screen (saved with a draft). */
  currentStep(): number;
  /** Replaces the answers (a restored draft) and shows the step the citizen was on. */
  restoreAnswers(answers: Record<string, unknown>, step?: number): void;
  /** Shows the backend's field errors at the fields and in the error summary. */
  showServerErrors(errors: readonly FieldError[]): void;
  /**
   * Shows the receipt, the waiting screen (`outbox`, also for a failure of an
   * application this page did not fill in), the expired screen, or a failure
   * on the review page.
   */
  showResult(view: 'receipt' | 'outbox' | 'failed' | 'expired'): void;
  /** Back to the first step, with no answers when `clear` (after "Hapus data dari perangkat ini"). */
  startOver(clear: boolean): void;
  /** Announces a message politely. */
  announce(message: string): void;
  /** Moves focus to the step heading (after the control that had it went away). */
  focusHeading(): void;
}

type Phase = 'idle' | 'sending' | 'queued' | 'failed' | 'delivered' | 'expired';
type Queued = Extract<Outcome, { kind: 'queued' }>;
type Expired = Extract<Outcome, { kind: 'expired' }>;
type Failed = Extract<Outcome, { kind: 'failed' }>;

/** The idempotency key an outcome is about. */
const keyOf = (o: Outcome): string | undefined => (o.kind === 'delivered' ? o.receipt.idempotencyKey : 'key' in o ? o.key : undefined);

/** The message for a failure: what happened and what the citizen can do about it. */
export function failureKey(f: Pick<Failed, 'reason' | 'status' | 'retryable'>): SubmitMessageKey {
  if (f.reason !== 'http') return `submit.failed.${f.reason}`;
  if (f.status === 413) return 'submit.failed.tooLarge';
  return f.retryable ? 'submit.failed.http' : 'submit.failed.refused';
}

const DRAFT_DELAY_MS = 800;

/** The controller of sending for one `<loket-permit-form>`. */
export class SubmissionController implements ReactiveController {
  phase: Phase = 'idle';
  progress?: UploadProgress;
  failure?: Failed;
  receipt?: Receipt;
  /** The application on the waiting screen. */
  waiting?: Queued;
  /** The application that expired unsent, on the expired screen. */
  expired?: Expired;
  /** Whether this page filled in and submitted the application shown (it holds the answers). */
  private submittedHere = false;
  /** "Hapus data dari perangkat ini" was pressed on the waiting screen: ask to confirm. */
  private confirmingDelete = false;
  /** A message above the first step after the waiting application was deleted. */
  private notice?: SubmitMessageKey;
  private resendTimer?: ReturnType<typeof setTimeout>;
  private resendRound = 0;
  private stopListening?: () => void;
  private connected = false;
  draftOffer?: Draft;
  draftSavedUntil?: number;
  private form?: FormDocument;
  private submitter?: Submitter;
  private submitterFor?: { readonly action?: string; readonly hook?: SubmitHook };
  private retryIn?: number;
  private lastAnnounced = -1;
  private draftTimer?: ReturnType<typeof setTimeout>;
  /** Drafts are not written until the citizen has answered the offer of an earlier one. */
  private draftsOpen = false;
  private changedEarly = false;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly access: SubmissionAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    this.stopListening ??= onSignal(this.onSignal);
    if (this.phase === 'queued' || (this.phase === 'failed' && this.failure?.retryable)) this.scheduleResend();
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.stopListening?.();
    this.stopListening = undefined;
    clearTimeout(this.draftTimer);
    clearTimeout(this.resendTimer);
  }

  private t(key: SubmitMessageKey, params?: Params): string {
    return submitMsg(this.access.locale(), key, params);
  }

  private readonly onOnline = () => void this.resend();
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.resend();
  };

  /** Another tab (or form) changed this form's outbox, or reached the server. */
  private readonly onSignal = (signal: OutboxSignal) => {
    if (signal.kind === 'reachable') {
      // Any request to the same server got an answer: the outage is over, send now.
      if (signal.origin === this.submitter?.origin) void this.resend();
    } else if (signal.formId === this.form?.id) void this.refresh();
  };

  /** Reads again what became of the application on screen (sent by another tab, deleted, expired). */
  private async refresh(): Promise<void> {
    const key = this.waiting?.key;
    if (!this.submitter || !key || this.phase !== 'queued') return;
    const outcome = await this.submitter.lookup(key);
    if (this.waiting?.key !== key || this.phase !== 'queued') return;
    if (outcome.kind !== 'queued') await this.apply(outcome, false);
  }

  /**
   * While an application waits, try again now and then (capped backoff with
   * jitter): a server that was down comes back without anyone noticing.
   */
  private scheduleResend(): void {
    clearTimeout(this.resendTimer);
    if (!this.connected) return;
    this.resendTimer = setTimeout(() => void this.resend(), resendDelay(this.resendRound++));
  }

  /** Sends what waits, if anything does: the outbox, or a retryable failure this page holds in memory. */
  private async resend(): Promise<void> {
    if (this.phase === 'queued') await this.flush();
    else if (this.phase === 'failed' && this.failure?.retryable) await this.retry();
  }

  /** A new document: a new submitter, the draft offer, and the outbox of the last visit. */
  async setForm(form: FormDocument): Promise<void> {
    this.form = form;
    this.phase = 'idle';
    this.receipt = undefined;
    this.failure = undefined;
    this.waiting = undefined;
    this.expired = undefined;
    this.notice = undefined;
    this.submittedHere = false;
    this.confirmingDelete = false;
    this.resendRound = 0;
    clearTimeout(this.resendTimer);
    this.draftOffer = undefined;
    this.draftsOpen = false;
    this.changedEarly = false;
    const submitter = (this.submitter = this.createSubmitter(form));
    const [draft, pending, expired] = await Promise.all([loadDraft(form), submitter.pending(), submitter.expired()]);
    if (this.form !== form) return;
    const shown = pending.filter((e) => e.state === 'waiting').at(-1);
    if (shown) {
      // An application waits on this device (from another tab, or an earlier visit): show it, not an empty form.
      await this.apply(await submitter.lookup(shown.key), false);
      void this.flush();
    } else if (expired.length > 0) {
      const last = expired[expired.length - 1] as (typeof expired)[number];
      await this.apply({ kind: 'expired', key: last.key, submittedAt: last.submittedAt, expiredAt: last.expiredAt }, false);
    } else if (draft && Object.keys(draft.answers).length > 0) {
      this.draftOffer = draft;
    } else {
      this.draftsOpen = true;
      // Typed before the device answered: save that too.
      if (this.changedEarly) this.answersChanged();
    }
    this.host.requestUpdate();
  }

  /** Call when the citizen moves to another step: the draft remembers where they were. */
  stepChanged(): void {
    if (this.draftSavedUntil !== undefined) this.answersChanged();
  }

  /** Call after every change of an answer: saves a draft a moment after typing stops. */
  answersChanged(): void {
    const form = this.form;
    if (!this.draftsOpen) this.changedEarly = true;
    if (this.notice) {
      this.notice = undefined;
      this.host.requestUpdate();
    }
    if (!form || !this.draftsOpen || !draftsEnabled(form) || this.phase === 'delivered') return;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => {
      void saveDraft(form, this.access.currentAnswers(), { step: this.access.currentStep() }).then((saved) => {
        if (saved) this.draftSavedUntil = Date.now() + (form.draft?.keepDays ?? 7) * 86_400_000;
        this.host.requestUpdate();
      });
    }, DRAFT_DELAY_MS);
  }

  private resume(): void {
    const draft = this.draftOffer;
    this.draftOffer = undefined;
    this.draftsOpen = true;
    if (draft) {
      this.draftSavedUntil = draft.expiresAt;
      // A step index from another revision of the document may point anywhere: start at the beginning then.
      this.access.restoreAnswers(draft.answers, draft.revision === this.form?.revision ? draft.step : undefined);
      this.access.announce(this.t('draft.restored'));
    }
    this.host.requestUpdate();
  }

  private async forget(): Promise<void> {
    clearTimeout(this.draftTimer);
    this.draftOffer = undefined;
    this.draftSavedUntil = undefined;
    this.draftsOpen = true;
    const wasWaiting = this.phase === 'queued' || this.phase === 'failed';
    // The draft and any submission waiting in the outbox: everything this form keeps on the device.
    if (this.form) await forgetDevice(this.form);
    if (wasWaiting) {
      await this.apply({ kind: 'deleted', key: this.waiting?.key ?? '' }, false);
      return;
    }
    this.access.announce(this.t('draft.deleted'));
    // The button just pressed is gone with the offer.
    this.access.focusHeading();
    this.host.requestUpdate();
  }

  private onProgress(p: UploadProgress): void {
    this.progress = p;
    const percent = p.total > 0 ? Math.floor((p.loaded / p.total) * 100) : 0;
    // Announce in quarters: every percent would drown a screen reader.
    const quarter = Math.floor(percent / 25);
    if (quarter !== this.lastAnnounced) {
      this.lastAnnounced = quarter;
      this.access.announce(this.t('submit.progress', { percent }));
    }
    this.host.requestUpdate();
  }

  /** Sends the final answers; resolves when the element should show the outcome. */
  /** A submitter for the element's current `action` and `submitHook` (remembered, so a later change is noticed). */
  private createSubmitter(form: FormDocument): Submitter {
    const action = this.access.action();
    const hook = this.access.submitHook();
    this.submitterFor = { action, hook };
    return createSubmitter({
      form,
      ...(action ? { action } : {}),
      ...(hook ? { hook } : {}),
      onProgress: (p) => this.onProgress(p),
      onStatus: (s) => {
        if (s.state === 'waiting') {
          this.retryIn = Math.ceil(s.delayMs / 1000);
          this.access.announce(this.t('submit.retrying', { seconds: this.retryIn }));
        } else if (s.state === 'sending') this.retryIn = undefined;
        this.host.requestUpdate();
      },
    });
  }

  async submit(answers: Readonly<Record<string, unknown>>, locale: Locale): Promise<void> {
    if (!this.submitter || this.phase === 'sending') return;
    this.submittedHere = true;
    this.resendRound = 0;
    // The page may set action or submitHook after the form has loaded.
    if (this.form && (this.submitterFor?.action !== this.access.action() || this.submitterFor?.hook !== this.access.submitHook())) {
      this.submitter = this.createSubmitter(this.form);
    }
    clearTimeout(this.draftTimer);
    await this.handle(() => (this.submitter as Submitter).submit(answers, locale));
  }

  /** No backend, no hook: the honest failure, without trying anything. */
  notConnected(): 'failed' {
    this.phase = 'failed';
    this.failure = { kind: 'failed', reason: 'missing-endpoint', retryable: false, kept: false };
    this.reportFailure(this.failure);
    this.host.requestUpdate();
    return 'failed';
  }

  private async retry(): Promise<void> {
    if (!this.submitter || this.phase === 'sending') return;
    await this.handle(async () => (await (this.submitter as Submitter).retry()) ?? (await this.pendingOutcome()));
  }

  private async pendingOutcome(): Promise<Outcome> {
    return { kind: 'failed', reason: 'network', retryable: true, kept: false };
  }

  private async flush(): Promise<void> {
    const submitter = this.submitter;
    if (!submitter || this.phase === 'sending' || this.phase === 'delivered') return;
    const results = await submitter.flush();
    const key = this.waiting?.key;
    if (this.phase === 'queued' && key) {
      // This page's own request decided it, or another tab did (or it expired, or was deleted).
      const own = results.find((r) => keyOf(r) === key);
      const outcome = own ?? (await submitter.lookup(key));
      if (this.phase === 'queued' && this.waiting?.key === key) await this.apply(outcome, own !== undefined);
    } else {
      const delivered = results.find((r) => r.kind === 'delivered');
      if (delivered) await this.apply(delivered);
    }
    this.host.requestUpdate();
  }

  private async handle(run: () => Promise<Outcome>): Promise<void> {
    this.phase = 'sending';
    this.failure = undefined;
    this.progress = undefined;
    this.lastAnnounced = -1;
    this.access.announce(this.t('submit.sending'));
    this.host.requestUpdate();
    await this.apply(await run());
  }

  /**
   * Shows an outcome. `here`: this page's own request ended it (only then is
   * `loket-submitted` fired: once per application, in the tab that sent it).
   */
  private async apply(outcome: Outcome, here = true): Promise<void> {
    this.retryIn = undefined;
    // A resend in the background must not close the question "Hapus permohonan ini?" under the citizen's finger.
    if (outcome.kind !== 'queued' && outcome.kind !== 'failed') this.confirmingDelete = false;
    clearTimeout(this.resendTimer);
    if (outcome.kind !== 'queued' && outcome.kind !== 'failed') this.resendRound = 0;
    switch (outcome.kind) {
      case 'delivered':
        this.phase = 'delivered';
        this.receipt = outcome.receipt;
        this.waiting = undefined;
        this.draftsOpen = false;
        clearTimeout(this.draftTimer);
        if (this.form) await deleteDraft(this.form.id);
        this.draftSavedUntil = undefined;
        this.access.showResult('receipt');
        // Replace "Mengirim permohonan…" in the live region; focus also moves to the receipt heading.
        this.access.announce(this.t('receipt.title'));
        if (here && !outcome.elsewhere) this.host.dispatchEvent(new LoketSubmittedEvent(outcome.receipt));
        break;
      case 'invalid':
        this.phase = 'idle';
        this.waiting = undefined;
        this.access.showServerErrors(outcome.errors);
        break;
      case 'queued': {
        const before = this.phase;
        this.phase = 'queued';
        this.waiting = outcome;
        this.access.showResult('outbox');
        if (before !== 'queued') this.access.announce(outcome.reason === 'http' ? this.t('outbox.server', { status: outcome.status ?? '' }) : this.t('submit.queued'));
        this.scheduleResend();
        break;
      }
      case 'failed':
        this.phase = 'failed';
        this.failure = outcome;
        // Without the answers on this page, the waiting screen says it; with them, the review page does.
        this.access.showResult(this.submittedHere ? 'failed' : 'outbox');
        this.reportFailure(outcome);
        if (outcome.retryable) this.scheduleResend();
        break;
      case 'expired':
        this.phase = 'expired';
        this.expired = outcome;
        this.waiting = undefined;
        this.access.showResult('expired');
        this.access.announce(this.t('expired.title'));
        break;
      case 'deleted':
        this.phase = 'idle';
        this.waiting = undefined;
        this.failure = undefined;
        this.submittedHere = false;
        this.notice = 'outbox.deleted';
        this.access.startOver(true);
        this.access.announce(this.t('outbox.deleted'));
        break;
    }
    this.host.requestUpdate();
  }

  /** "Isi formulir lagi" on the expired screen: the citizen has read it; the device forgets it. */
  private async startAgain(): Promise<void> {
    await this.submitter?.dismissExpired();
    this.phase = 'idle';
    this.expired = undefined;
    this.draftsOpen = true;
    // This page may still hold the answers it sent: keep them, the citizen only has to send again.
    this.access.startOver(!this.submittedHere);
    this.host.requestUpdate();
  }

  /** Tells the host page's scripts what went wrong, in the same event a broken document fires. */
  private reportFailure(outcome: Extract<Outcome, { kind: 'failed' }>): void {
    const message = this.t(failureKey(outcome), { status: outcome.status ?? '' });
    console.error(`[loket] <loket-permit-form>: ${message}${outcome.detail ? `\n  ${outcome.detail}` : ''}`);
    this.host.dispatchEvent(
      new LoketErrorEvent({ kind: 'submit', reason: outcome.reason, message, problems: [], status: outcome.status, stale: false }),
    );
  }

  // ---- Rendering -----------------------------------------------------------

  /**
   * A moment as the citizen reads it: in the office's zone with WIB, WITA or
   * WIT when the form names the zone ("23 November 2026, pukul 16.04 WITA"),
   * else on the device's clock.
   */
  private when(instant: number, withTime: boolean): string {
    const locale = this.access.locale();
    const zone = this.form?.office.timeZone;
    if (zone) return withTime ? formatInstant(instant, zone, locale) : formatDate(zonedParts(instant, zone), locale);
    return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en', withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(instant);
  }

  /** The offer of an earlier draft, above the first step (or what became of the waiting application). */
  renderDraftOffer(headingLevel: number): TemplateResult | typeof nothing {
    if (this.notice) return html`<p class="submit-status outbox" part="submit-status">${this.t(this.notice)}</p>`;
    const draft = this.draftOffer;
    if (!draft) return nothing;
    const date = this.when(draft.savedAt, true);
    const level = Math.min(6, Math.max(1, headingLevel + 1));
    return html`<section class="draft-offer" part="draft-offer" aria-labelledby="draft-offer-title">
      <div role="heading" aria-level=${level} id="draft-offer-title" class="draft-offer-title">${this.t('draft.offer')}</div>
      <p>${this.t('draft.offerDetail', { date })}</p>
      <div class="draft-actions">
        <button type="button" class="button primary" part="button" @click=${() => this.resume()}>${this.t('draft.resume')}</button>
        <button type="button" class="button" part="button" @click=${() => void this.forget()}>${this.t('draft.delete')}</button>
      </div>
    </section>`;
  }

  /** The line saying a draft is kept, with the delete control. */
  renderDraftNote(): TemplateResult | typeof nothing {
    if (this.draftSavedUntil === undefined || this.draftOffer || !this.form) return nothing;
    const date = this.when(this.draftSavedUntil, false);
    const hasSensitive = !this.form.draft?.storeSensitive && this.form.steps.some((s) => s.fields.some((f) => 'sensitive' in f && f.sensitive));
    return html`<p class="draft-note muted" part="draft-note">
      ${this.t('draft.saved', { date, sensitive: hasSensitive ? this.t('draft.savedSensitive') : '' })}
      <button type="button" class="link-button" @click=${() => void this.forget()}>${this.t('draft.delete')}</button>
    </p>`;
  }

  /** Sending, retrying, progress per file, the outbox and failures: on the review page. */
  renderStatus(): TemplateResult | typeof nothing {
    const files = this.progress?.files ?? [];
    if (this.phase === 'sending') {
      return html`<div class="submit-status" part="submit-status" tabindex="-1">
        <p class="status-message">${this.retryIn !== undefined ? this.t('submit.retrying', { seconds: this.retryIn }) : this.t('submit.sending')}</p>
        ${files.length
          ? html`<ul class="upload-list" part="upload-list">
              ${files.map((f) => {
                const percent = f.total > 0 ? Math.floor((f.loaded / f.total) * 100) : 0;
                return html`<li>
                  <span class="upload-name">${this.t('submit.fileProgress', { name: f.name, percent })}</span>
                  <progress max="100" .value=${percent} aria-label=${f.name}></progress>
                </li>`;
              })}
            </ul>`
          : nothing}
      </div>`;
    }
    if (this.phase === 'failed' && this.failure) return this.renderFailure(this.failure);
    return nothing;
  }

  private renderFailure(f: Failed): TemplateResult {
    // A 413 will fail again as it is: the way forward is "Ubah" on the files, not "Coba lagi".
    const canRetry = f.reason !== 'missing-endpoint' && f.status !== 413;
    return html`<div class="submit-status status-message problem" part="submit-status" role="alert" tabindex="-1">
      <p class="status-title"><strong>${this.t('submit.failedTitle')}</strong></p>
      <p>${this.t(failureKey(f), { status: f.status ?? '' })}</p>
      ${f.retryable && !f.kept && f.reason === 'network' ? html`<p>${this.t('submit.filesCannotWait')}</p>` : nothing}
      <p>${this.t('submit.help')}</p>
      ${canRetry ? html`<div class="actions"><button type="button" class="button primary" part="button retry-button" @click=${() => void this.retry()}>${this.t('submit.retry')}</button></div>` : nothing}
    </div>`;
  }

  /**
   * The screen of an application that is out of the citizen's hands: waiting
   * on the device (or failed, in a tab that does not hold its answers), or
   * expired unsent. The same in every tab; never an empty review page.
   */
  renderScreen(headingLevel: number): TemplateResult {
    const h = Math.min(6, Math.max(1, headingLevel));
    if (this.phase === 'expired' && this.expired) {
      const e = this.expired;
      return html`<section class="outbox-screen" part="outbox-screen" aria-labelledby="outbox-title">
        <div role="heading" aria-level=${h} id="outbox-title" class="step-heading" tabindex="-1">${this.t('expired.title')}</div>
        <div class="submit-status outbox problem" part="submit-status">
          <p>${this.t('expired.detail', { date: this.when(Date.parse(e.submittedAt), true), expired: this.when(e.expiredAt, true) })}</p>
          <p>${this.t('expired.next')}</p>
        </div>
        <div class="actions"><button type="button" class="button primary" part="button" @click=${() => void this.startAgain()}>${this.t('expired.again')}</button></div>
      </section>`;
    }
    const w = this.waiting;
    const failed = this.phase === 'failed' ? this.failure : undefined;
    const sending = this.phase === 'sending';
    return html`<section class="outbox-screen" part="outbox-screen" aria-labelledby="outbox-title">
      <div role="heading" aria-level=${h} id="outbox-title" class="step-heading" tabindex="-1">${failed ? this.t('submit.failedTitle') : this.t('outbox.title')}</div>
      ${w ? html`<p class="muted">${this.t('outbox.submittedAt', { date: this.when(Date.parse(w.submittedAt), true) })}</p>` : nothing}
      ${failed
        ? this.renderFailure(failed)
        : html`<div class="submit-status outbox" part="submit-status" tabindex="-1">
            <p class="status-message"><strong>${sending ? this.t('submit.sending') : w?.reason === 'http' ? this.t('outbox.server', { status: w.status ?? '' }) : this.t('submit.queued')}</strong></p>
            <p>${this.t('outbox.detail')}</p>
            ${w ? html`<p>${this.t('outbox.until', { date: this.when(w.expiresAt, true) })}</p>` : nothing}
          </div>`}
      ${this.confirmingDelete
        ? html`<div class="confirm-delete" role="group" aria-labelledby="confirm-delete-text">
            <p id="confirm-delete-text"><strong>${this.t('outbox.confirmDelete')}</strong></p>
            <div class="actions">
              <button type="button" class="button danger" part="button delete-button" @click=${() => void this.forget()}>${this.t('outbox.confirmYes')}</button>
              <button type="button" class="button secondary" part="button" @click=${() => this.askDelete(false)}>${this.t('outbox.cancel')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            ${failed || sending ? nothing : html`<button type="button" class="button primary" part="button retry-button" @click=${() => void this.retry()}>${this.t('outbox.sendNow')}</button>`}
            <button type="button" class="button secondary" part="button delete-button" @click=${() => this.askDelete(true)}>${this.t('draft.delete')}</button>
          </div>`}
    </section>`;
  }

  private askDelete(asking: boolean): void {
    this.confirmingDelete = asking;
    this.host.requestUpdate();
    // The pressed button is gone: focus its replacement ("Ya, hapus" or "Hapus data…" again).
    void this.host.updateComplete.then(() => {
      const root = (this.host as unknown as HTMLElement).shadowRoot;
      root?.querySelector<HTMLElement>(asking ? '.confirm-delete [part~="delete-button"]' : '.outbox-screen [part~="delete-button"]')?.focus();
    });
  }

  /** "Lacak permohonan": the tracking page with the number and the secret in the fragment (never sent to a server). */
  private renderTrackingLink(form: FormDocument, receipt: Receipt): TemplateResult | typeof nothing {
    const page = form.receipt?.trackingPage;
    if (page === undefined || receipt.trackingSecret === undefined) return nothing;
    const href = trackingHref(page, { trackingNumber: receipt.trackingNumber, secret: receipt.trackingSecret }, document.baseURI);
    if (!href) return nothing;
    return html`<p class="receipt-track no-print"><a part="tracking-link" href=${href}>${this.t('receipt.track')}</a></p>
      <p class="muted no-print">${this.t('receipt.trackHint')}</p>`;
  }

  /** The confirmation page: number, next steps, service level; printable. */
  renderReceipt(form: FormDocument, headingLevel: number): TemplateResult {
    const receipt = this.receipt as Receipt;
    const locale = this.access.locale();
    const level = form.serviceLevel;
    const date = this.when(Date.parse(receipt.submittedAt), true);
    const h = Math.min(6, Math.max(1, headingLevel));
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
      <div class="receipt-panel" part="receipt-panel">
        <div role="heading" aria-level=${h} id="receipt-title" class="step-heading receipt-title" tabindex="-1">${this.t('receipt.title')}</div>
        <p class="receipt-label">${this.t('receipt.number')}</p>
        <p class="receipt-number" part="receipt-number"><strong>${receipt.trackingNumber}</strong></p>
      </div>
      <p>${this.t('receipt.keep')}</p>
      ${this.renderTrackingLink(form, receipt)}
      <p class="muted">${text(form.title, locale)} · ${this.t('receipt.submittedAt', { date })}</p>
      ${form.receipt?.nextSteps !== undefined || level?.duration !== undefined || level?.fee !== undefined
        ? html`<div role="heading" aria-level=${Math.min(6, h + 1)} class="receipt-subtitle">${this.t('receipt.nextSteps')}</div>
            ${form.receipt?.nextSteps !== undefined ? html`<p>${text(form.receipt.nextSteps, locale)}</p>` : nothing}
            <ul>
              ${level?.duration !== undefined ? html`<li>${this.t('receipt.duration', { duration: text(level.duration, locale) })}</li>` : nothing}
              ${level?.fee !== undefined ? html`<li>${this.t('receipt.fee', { fee: text(level.fee, locale) })}</li>` : nothing}
            </ul>`
        : nothing}
      <div class="actions no-print"><button type="button" class="button" part="button print-button" @click=${() => print()}>${this.t('receipt.print')}</button></div>
    </section>`;
  }
}
