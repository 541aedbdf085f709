import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../src/define.js';
import type { StagedResult } from '../../src/fast/two-stage.js';
import { statusMsg, type StatusMessageKey } from '../../src/status/messages.js';
import type { Params } from '../../src/i18n.js';
import { docInstant, evaluateStatus, type StatusNow } from '../../src/status/evaluate.js';
import { statusParser } from '../../src/status/fast.js';
import type { StatusDocument } from '../../src/status/format.js';
import { text, type Locale } from '../../src/locale.js';
import { delaySeconds } from '../../src/load.js';
import { formatInstant } from '../../src/time.js';
import { addStyles } from '../shared/add-styles.js';
import { LoketElement } from '../shared/loket-element.js';
import { loadLocale } from '../../src/i18n.js';
import { serviceStatusStyles } from './service-status.styles.js';
import { channelName, channelState, counterLine, type RenderContext } from './status-parts.js';

/** Re-evaluate at least this often even when no boundary is due (clock drift, sleep). */
const MAX_TICK_MS = 60 * 60 * 1000;

/**
 * What is open right now at a permit office: per channel (in person, online,
 * drop box, consultation, home visit), the office hours and holidays read in
 * the office's own time zone, valid notices, contact lines and portal links.
 *
 * @summary A service-status banner for a permit office, rendered from a JSON document.
 *
 * @event loket-ready - The document was parsed and rendered (again after each refresh that changed it).
 * @event loket-error - The document could not be loaded or does not match the format; `detail` has the kind, message and problems.
 *
 * @slot - Fallback content shown until the banner renders, and beside an error panel (e.g. a link to the office's page).
 *
 * @csspart banner - The labelled region around the whole banner.
 * @csspart headline - The most important notice in the compact view.
 * @csspart counter - "Buka sekarang" / "Tutup sekarang" and the next opening.
 * @csspart channels - The compact list of channel states.
 * @csspart channel - One channel in the compact list or the details.
 * @csspart toggle - The "Lihat detail" button.
 * @csspart details - The expandable details.
 * @csspart notice - One notice in the details.
 * @csspart hours - The opening-hours table.
 * @csspart contact - One contact line.
 * @csspart link - A link to a portal or page.
 * @csspart updated - The "Diperbarui …" line, and the notice after a failed refresh.
 * @csspart error-panel - The panel shown when the document cannot be used.
 *
 * @cssprop [--loket-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of the widget.
 * @cssprop [--loket-font-size=max(1rem, 16px)] - Base font size (never below 16 px, even on sites that shrink the root font).
 * @cssprop [--loket-line-height=1.5] - Line height.
 * @cssprop [--loket-color-text=#1f2328] - Text colour.
 * @cssprop [--loket-color-muted=#4b5563] - Secondary text colour.
 * @cssprop [--loket-color-link=#0b57a4] - Link and button colour.
 * @cssprop [--loket-color-focus=#b35c00] - Focus ring colour.
 * @cssprop [--loket-color-surface=#fff] - Background of notices inside the banner.
 * @cssprop [--loket-color-open=#1a7f37] - Colour of "open" states.
 * @cssprop [--loket-color-closed=#57606a] - Colour of "closed" states.
 * @cssprop [--loket-color-limited=#8a5300] - Colour of "limited" states.
 * @cssprop [--loket-color-danger=#b3261e] - Colour of the error panel.
 * @cssprop [--loket-radius=6px] - Corner radius.
 * @cssprop [--loket-status-background=#f4f8fc] - Banner background for information.
 * @cssprop [--loket-status-border-color=#0b57a4] - Banner border for information.
 * @cssprop [--loket-status-warning-background=#fff6e5] - Banner background when a warning is shown.
 * @cssprop [--loket-status-warning-border-color=#8a5300] - Banner border when a warning is shown.
 * @cssprop [--loket-status-disruption-background=#fdeee6] - Banner background during a service disruption.
 * @cssprop [--loket-status-disruption-border-color=#9b3a12] - Banner border during a service disruption.
 * @cssprop [--loket-scroll-margin=5rem] - Space kept clear of a sticky site header when the banner is scrolled to.
 * @cssprop [--loket-status-gap=1rem] - Space below the banner.
 * @cssprop [--loket-color-code=#f3f4f6] - Background of document paths in the error panel.
 *
 * @cssstate open - The office counter is open now.
 * @cssstate closed - The office counter is closed now.
 * @cssstate stale - The last refresh failed; an earlier status is shown.
 * @cssstate error - No status can be shown; the error panel is visible.
 */
export class LoketServiceStatus extends LoketElement<StatusDocument> {
  static override styles = [...LoketElement.styles, serviceStatusStyles];

  /** The shortest refresh interval honoured, so a typo cannot hammer the office's server. Lowered only by tests. */
  static minRefreshSeconds = 15;

  /** Re-fetch `src` every this many seconds (at least 15); 0 or absent turns refreshing off. */
  @property({ type: Number }) refresh = 0;

  /** Whether the details are shown. The citizen toggles it; the page may set it. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** Freezes the clock at a local date-time in the office's zone (`2020-09-16T09:00`), for previews and tests. */
  @property() now?: string;

  /** The level of the banner's headings, so they fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The text announced politely after a change. */
  @state() private announcement = '';

  /** When the shown document was last fetched or set. */
  private receivedAt?: number;
  private lastJson?: string;
  private clockTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private lastOpen?: boolean;
  /** The document evaluated at the time of this update. */
  private status?: StatusNow;
  private evaluatedAt = 0;

  /**
   * The details (status-details.ts: their templates, styles and strings).
   * No first paint shows them, so their code is fetched right after the
   * first paint, not before it; a tap on "Lihat detail" normally finds it
   * here. Until then the details say they are loading; if it cannot be
   * fetched they say so, with "Coba lagi".
   */
  private details?: typeof import('./status-details.js');
  private detailsLoad?: Promise<void>;
  /** The last fetch of the details' code failed. */
  private detailsFailed = false;

  private loadDetails(): Promise<void> {
    this.detailsFailed = false;
    this.detailsLoad ??= import('./status-details.js').then(
      async (module) => {
        addStyles(this.renderRoot as ShadowRoot, module.statusDetailsStyles);
        await loadLocale(this.locale);
        this.details = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        // A dropped request on 3G: the details say so, and "Coba lagi" (or the next "Lihat detail") fetches again.
        console.error('[loket] <loket-service-status>: the details could not be loaded:', error);
        this.detailsLoad = undefined;
        this.detailsFailed = true;
        if (this.expanded) this.announcement = statusMsg(this.locale, 'status.detailsFailed');
        this.requestUpdate();
      },
    );
    return this.detailsLoad;
  }

  /** `updateComplete` waits for the details while their code is on its way. */
  protected override pendingParts(): readonly (Promise<unknown> | undefined)[] {
    return [this.details ? undefined : this.detailsLoad];
  }

  protected override parse(json: unknown, locale: Locale): StagedResult<StatusDocument> {
    return statusParser.parse(json, locale);
  }

  protected override loadParser(): Promise<void> {
    return statusParser.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.clockTimer);
    clearTimeout(this.refreshTimer);
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState !== 'visible') return;
    this.requestUpdate();
    const overdue = this.receivedAt !== undefined && Date.now() - this.receivedAt > this.refreshMs();
    if (this.refreshMs() > 0 && overdue) void this.refreshNow();
  };

  private refreshMs(): number {
    const seconds = delaySeconds(this.refresh, 0);
    return seconds > 0 ? Math.max(LoketServiceStatus.minRefreshSeconds, seconds) * 1000 : 0;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const ms = this.refreshMs();
    if (!ms || !this.src || !this.isConnected) return;
    this.refreshTimer = setTimeout(() => {
      // A hidden tab waits: the visibility handler refreshes when it is seen again.
      if (document.visibilityState === 'hidden') return;
      void this.refreshNow();
    }, ms);
  }

  private async refreshNow(): Promise<void> {
    await this.reload();
    this.scheduleRefresh();
  }

  protected override documentChanged(replaced: boolean): void {
    this.receivedAt = Date.now();
    const json = JSON.stringify(this.value);
    if (replaced && json !== this.lastJson) this.announcement = statusMsg(this.locale, 'status.changed');
    this.lastJson = json;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('refresh') || changed.has('src')) this.scheduleRefresh();
    // Work out what to announce here, not in render: state set during render
    // would schedule a second update.
    const doc = this.value;
    this.status = undefined;
    if (doc) {
      const now = (this.evaluatedAt = this.instant(doc));
      this.status = evaluateStatus(doc, now);
      this.scheduleClock(this.status, now);
      const open = this.status.counter.open;
      if (this.lastOpen !== undefined && this.lastOpen !== open) this.announcement = statusMsg(this.locale, 'status.changed');
      this.lastOpen = open;
    }
    if (this.failure?.stale && (changed as Map<PropertyKey, unknown>).has('failure')) {
      this.announcement = this.staleText();
      this.scheduleRefresh();
    }
    const open = this.status?.counter.open;
    this.setStates({ open: open === true, closed: open === false, stale: this.failure?.stale === true });
  }

  private instant(doc: StatusDocument): number {
    return (this.now ? docInstant(this.now, doc.office.timeZone, 'start') : undefined) ?? Date.now();
  }

  /** Re-render at the next boundary (an opening, a closing, a notice starting or ending, midnight). */
  private scheduleClock(status: StatusNow, now: number): void {
    clearTimeout(this.clockTimer);
    if (this.now || !this.isConnected) return;
    const wait = Math.min(Math.max(status.nextChange - now, 0) + 250, MAX_TICK_MS);
    this.clockTimer = setTimeout(() => this.requestUpdate(), wait);
  }

  private staleText(): string {
    const doc = this.value;
    if (!doc || this.receivedAt === undefined) return statusMsg(this.locale, 'status.refreshFailed', { date: '' });
    return statusMsg(this.locale, 'status.refreshFailed', { date: formatInstant(this.receivedAt, doc.office.timeZone, this.locale) });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Right after the first paint with a document (or at once, when the page opens the details).
    if (this.value && !this.details && !this.detailsLoad && !this.detailsFailed) void this.loadDetails();
  }

  private toggle(): void {
    this.expanded = !this.expanded;
    if (!this.expanded || this.details) return;
    // Expanded before the details' code is here: say so, and fetch it again if the last try failed.
    this.announcement = statusMsg(this.locale, 'status.detailsLoading');
    if (!this.detailsLoad) void this.loadDetails();
  }

  private retryDetails(): void {
    // The button goes away while the code is fetched: keep the focus on the toggle just above.
    this.renderRoot.querySelector<HTMLElement>('[part="toggle"]')?.focus();
    this.announcement = statusMsg(this.locale, 'status.detailsLoading');
    void this.loadDetails();
  }

  /** What the details say until their code has arrived, or when it could not be fetched. */
  private renderDetailsPending(): TemplateResult {
    const t = (key: StatusMessageKey) => statusMsg(this.locale, key);
    if (!this.detailsFailed) return html`<p>${t('status.detailsLoading')}</p>`;
    return html`<p>${t('status.detailsFailed')}</p>
      <button class="retry" type="button" @click=${this.retryDetails}>${t('status.retry')}</button>`;
  }

  protected override renderDocument(doc: StatusDocument): TemplateResult {
    const now = this.status ? this.evaluatedAt : this.instant(doc);
    const status = this.status ?? evaluateStatus(doc, now);

    const ctx: RenderContext = { locale: this.locale, timeZone: doc.office.timeZone, now, base: this.ownerDocument.baseURI, headingLevel: this.headingLevel };
    const t = (key: StatusMessageKey, params?: Params) => statusMsg(this.locale, key, params);
    const office = text(doc.office.name, this.locale);
    const top = status.notices[0];
    const level = status.notices.reduce<string>((worst, n) => (n.level === 'disruption' || (n.level === 'warning' && worst === 'info') ? n.level : worst), 'info');

    return html`<section part="banner" class="banner level-${level}" aria-label=${t('status.region', { office })}>
      ${top ? html`<p part="headline" class="headline"><span class="badge">${t(`level.${top.level}`)}</span>${text(top.title, this.locale)}</p>` : nothing}
      <p class="office-line"><span class="office">${doc.office.shortName !== undefined ? text(doc.office.shortName, this.locale) : office}</span> ${counterLine(status.counter, ctx)}</p>
      <ul part="channels" class="chips">
        ${status.channels.map((c) => {
          const s = channelState(c, this.locale);
          return html`<li part="channel" class="chip"><span class="chip-name">${channelName(c.channel, this.locale)}:</span> <span class="state ${s.cls}">${s.label}</span></li>`;
        })}
      </ul>
      <button part="toggle" class="toggle" type="button" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="details" @click=${this.toggle}>
        ${this.expanded ? t('status.hideDetails') : t('status.showDetails')}
      </button>
      <div part="details" id="details" class="details" ?hidden=${!this.expanded}>
        ${this.details ? this.details.renderDetails(doc, status, ctx) : this.renderDetailsPending()}
      </div>
      ${this.renderUpdated(doc)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }

  private renderUpdated(doc: StatusDocument): TemplateResult | typeof nothing {
    if (this.failure?.stale) return html`<p part="updated" class="updated stale">${this.staleText()}</p>`;
    const updated = doc.updated !== undefined ? docInstant(doc.updated, doc.office.timeZone, 'start') : undefined;
    if (updated === undefined) return nothing;
    return html`<p part="updated" class="updated">${statusMsg(this.locale, 'status.updated', { date: formatInstant(updated, doc.office.timeZone, this.locale) })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loket-service-status': LoketServiceStatus;
  }
}

defineElement('loket-service-status', LoketServiceStatus);
