import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { applicableGroups, handOffHref, isAnswered, progressOf, validAnswers, withAnswer, type Answer, type Answers, type ApplicableGroup, type Progress } from '../../src/checklist/evaluate.js';
import { LoketApplyEvent, LoketChecklistChangeEvent } from '../../src/checklist/events.js';
import { checklistParser } from '../../src/checklist/fast.js';
import type { ChecklistDocument, Item, Variant } from '../../src/checklist/format.js';
import { checklistMsg, type ChecklistMessageKey } from '../../src/checklist/messages.js';
import { readSaved, storageAvailable, storageKey, writeSaved } from '../../src/checklist/storage.js';
import { defineElement } from '../../src/define.js';
import type { StagedResult } from '../../src/fast/two-stage.js';
import type { Params } from '../../src/i18n.js';
import { text, type Locale } from '../../src/locale.js';
import { LoketElement } from '../shared/loket-element.js';
import { heading } from '../shared/parts.js';
import { factsList, helpSection, itemDescription, itemLinks, printedAnswers, type RenderContext } from './checklist-parts.js';
import { requirementChecklistStyles } from './requirement-checklist.styles.js';

/** `remember-answers="false"` turns remembering off; the bare attribute or any other value keeps it on. */
const rememberConverter = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * The documents a permit needs, per applicant: the citizen answers the
 * variant questions at the top (applicant type, new or renewal, …), sees only
 * the items that apply, ticks them off as they are gathered, prints the list,
 * and goes on to the permit form with the answers carried in the link.
 *
 * @summary A requirement checklist for a permit, rendered from a JSON document.
 *
 * @event loket-ready - The document was parsed and rendered.
 * @event loket-error - The document could not be loaded or does not match the format; `detail` has the kind, message and problems.
 * @event loket-change - The citizen ticked or unticked an item, answered a question, or cleared the ticks; `detail` has `answers`, `ticked`, `ready`, `total`.
 * @event loket-apply - The citizen activated "Ajukan permohonan"; `detail` has `form`, `url`, `answers`. Cancelable: `preventDefault()` keeps the page from following the link.
 *
 * @slot - Fallback content shown until the checklist renders, and beside an error panel (e.g. a link to the office's requirements page).
 *
 * @csspart checklist - The whole checklist (an `article` labelled by the permit name).
 * @csspart header - The permit name, office, purpose and facts.
 * @csspart facts - Service time, fee and legal basis.
 * @csspart questions - The variant questions.
 * @csspart variant - One variant question (a `fieldset`).
 * @csspart progress - "3 dari 7 dokumen siap" and the progress bar.
 * @csspart group - One group of items under its heading.
 * @csspart item - One document, with its checkbox.
 * @csspart actions - The apply link and the print and clear buttons.
 * @csspart apply - The "Ajukan permohonan" link (or button).
 * @csspart print - The "Cetak daftar" button.
 * @csspart clear - The "Hapus centang" button.
 * @csspart help - The help channel.
 * @csspart contact - One contact line.
 * @csspart link - A link to an issuer or a template.
 * @csspart error-panel - The panel shown when the document cannot be used.
 *
 * @cssprop [--loket-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif] - Font of the widget.
 * @cssprop [--loket-font-size=max(1rem, 16px)] - Base font size (never below 16 px, even on sites that shrink the root font).
 * @cssprop [--loket-line-height=1.5] - Line height.
 * @cssprop [--loket-color-text=#1f2328] - Text colour.
 * @cssprop [--loket-color-muted=#4b5563] - Secondary text colour.
 * @cssprop [--loket-color-link=#0b57a4] - Link colour, and the apply button's background.
 * @cssprop [--loket-color-focus=#b35c00] - Focus ring colour.
 * @cssprop [--loket-color-surface=#fff] - Background of the checklist.
 * @cssprop [--loket-color-danger=#b3261e] - Colour of the error panel.
 * @cssprop [--loket-radius=6px] - Corner radius.
 * @cssprop [--loket-checklist-border-color=#c9d3de] - Borders between items and around sections.
 * @cssprop [--loket-checklist-accent=#0b57a4] - Checkbox, radio and progress bar colour.
 * @cssprop [--loket-checklist-ready-color=#1a7f37] - The "Siap" mark on a ticked item (always with text).
 * @cssprop [--loket-scroll-margin=5rem] - Space kept clear of a sticky site header when a control is focused.
 * @cssprop [--loket-color-primary-text=#fff] - Text on the apply button (its background is the link colour).
 * @cssprop [--loket-checklist-questions-background=#f4f8fc] - Background of the questions at the top.
 * @cssprop [--loket-color-code=#f3f4f6] - Background of document paths in the error panel.
 *
 * @cssstate complete - Every required document that applies is ticked.
 * @cssstate answered - Every variant question is answered.
 * @cssstate error - No checklist can be shown; the error panel is visible.
 */
export class LoketRequirementChecklist extends LoketElement<ChecklistDocument> {
  static override styles = [...LoketElement.styles, requirementChecklistStyles];

  /** How long changes settle before the progress is announced. Lowered only by tests. */
  static announceDelayMs = 800;

  /** The level of the checklist's title (default 2), so it fits the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Keep ticks and answers on the device (localStorage), per checklist id and version. `remember-answers="false"` turns it off. */
  @property({ attribute: 'remember-answers', converter: rememberConverter }) rememberAnswers = true;

  /** Answers to the variant questions. */
  @state() private answers: Answers = {};
  /** Ticked item ids; ticks of items that do not apply now are kept for when they apply again. */
  @state() private ticked: ReadonlySet<string> = new Set();
  /** The text of the polite live region. */
  @state() private announcement = '';
  /** Whether ticks can be kept on this device. */
  @state() private canRemember = true;

  private loadedKey?: string;
  /** The items that apply and the progress, worked out once per update (willUpdate) for the states and the render. */
  private shown: { readonly groups: readonly ApplicableGroup[]; readonly progress: Progress } = { groups: [], progress: { ready: 0, total: 0, optional: 0 } };
  private announceTimer?: ReturnType<typeof setTimeout>;
  protected override parse(json: unknown, locale: Locale): StagedResult<ChecklistDocument> {
    return checklistParser.parse(json, locale);
  }

  protected override loadParser(): Promise<void> {
    return checklistParser.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  /** The answers to the variant questions (a copy): variant id → option value, or values for a `multiple` question. */
  get variantAnswers(): Readonly<Record<string, Answer>> {
    return { ...this.answers };
  }

  /** Ids of the ticked items (a copy). */
  get tickedItems(): readonly string[] {
    return [...this.ticked];
  }

  protected override documentChanged(_replaced: boolean): void {
    const doc = this.value;
    if (!doc) return;
    const key = storageKey(doc);
    if (key === this.loadedKey) {
      // The same checklist again (a new object with the same id): keep what the citizen did, dropping stale answers.
      this.answers = validAnswers(doc, this.answers);
      return;
    }
    this.loadedKey = key;
    const saved = this.rememberAnswers ? readSaved(key) : undefined;
    this.canRemember = this.rememberAnswers ? storageAvailable() : true;
    this.answers = validAnswers(doc, saved?.answers);
    const ids = new Set(doc.groups.flatMap((g) => g.items.map((i) => i.id)));
    this.ticked = new Set((saved?.ticked ?? []).filter((id) => ids.has(id)));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const doc = this.value;
    const groups = doc ? applicableGroups(doc, this.answers) : [];
    const progress = progressOf(groups, this.ticked);
    this.shown = { groups, progress };
    const answered = doc ? (doc.variants ?? []).every((v) => isAnswered(this.answers, v.id)) : false;
    this.setStates({
      complete: !!doc && progress.total > 0 && progress.ready === progress.total && answered,
      answered: !!doc && answered,
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    // If the focused control is removed by this render (its item no longer
    // applies), move focus to the progress line rather than losing it to <body>.
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    super.update(changed);
    if (active && !active.isConnected) this.renderRoot.querySelector<HTMLElement>('#progress')?.focus();
  }

  private t(key: ChecklistMessageKey, params?: Params): string {
    return checklistMsg(this.locale, key, params);
  }

  private progressText(progress: Progress): string {
    return this.t('checklist.progress', { ready: progress.ready, count: progress.total });
  }

  private save(): void {
    const doc = this.value;
    if (!doc || !this.rememberAnswers) return;
    this.canRemember = writeSaved(storageKey(doc), { answers: this.answers, ticked: [...this.ticked] });
  }

  /** Announces after changes settle, once, rather than on every click or render. */
  private announce(compose: () => string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const message = compose();
      // The same words twice would not be read again; a trailing no-break space makes it a change.
      this.announcement = message === this.announcement.trimEnd() ? `${message}\u00a0` : message;
    }, LoketRequirementChecklist.announceDelayMs);
  }

  private changed(doc: ChecklistDocument): Progress {
    this.save();
    const progress = progressOf(applicableGroups(doc, this.answers), this.ticked);
    this.dispatchEvent(new LoketChecklistChangeEvent({ answers: { ...this.answers }, ticked: [...this.ticked], ready: progress.ready, total: progress.total }));
    return progress;
  }

  private onAnswer(doc: ChecklistDocument, variant: Variant, value: string, event: Event): void {
    this.answers = withAnswer(this.answers, variant, value, (event.target as HTMLInputElement).checked);
    this.changed(doc);
    this.announce(() => {
      const groups = applicableGroups(doc, this.answers);
      const count = groups.reduce((n, g) => n + g.items.length, 0);
      return this.t('checklist.listChanged', { count, progress: this.progressText(progressOf(groups, this.ticked)) });
    });
  }

  private onTick(doc: ChecklistDocument, item: Item, event: Event): void {
    const next = new Set(this.ticked);
    if ((event.target as HTMLInputElement).checked) next.add(item.id);
    else next.delete(item.id);
    this.ticked = next;
    this.changed(doc);
    this.announce(() => {
      const progress = progressOf(applicableGroups(doc, this.answers), this.ticked);
      const text = this.progressText(progress);
      return progress.total > 0 && progress.ready === progress.total ? `${text}. ${this.t('checklist.allReady')}` : text;
    });
  }

  private onClear(doc: ChecklistDocument): void {
    if (this.ticked.size === 0) {
      this.announce(() => this.t('checklist.nothingToClear'));
      return;
    }
    this.ticked = new Set();
    this.changed(doc);
    this.announce(() => `${this.t('checklist.cleared')} ${this.progressText(progressOf(applicableGroups(doc, this.answers), this.ticked))}.`);
  }

  private onPrint(): void {
    try {
      this.ownerDocument.defaultView?.print();
    } catch {
      // Some embedded browsers have no print dialog; the button then does nothing.
    }
  }

  private onApply(doc: ChecklistDocument, href: string | undefined, event: Event): void {
    const apply = new LoketApplyEvent({ form: doc.apply?.form, url: href, answers: { ...this.answers } });
    this.dispatchEvent(apply);
    if (apply.defaultPrevented) event.preventDefault();
  }

  protected override renderDocument(doc: ChecklistDocument): TemplateResult {
    const ctx: RenderContext = { locale: this.locale, base: this.ownerDocument.baseURI, headingLevel: Math.min(6, Math.max(1, this.headingLevel)) };
    const { groups, progress } = this.shown;
    const variants = doc.variants ?? [];
    const unanswered = variants.some((v) => !isAnswered(this.answers, v.id));
    const permit = text(doc.permit.name, this.locale);
    const complete = progress.total > 0 && progress.ready === progress.total;

    // Each region is named by its heading and the permit ("Dokumen yang perlu
    // disiapkan Persetujuan Bangunan Gedung"): two checklists on one page keep
    // their landmarks apart (axe landmark-unique).
    return html`<article part="checklist" class="checklist" aria-labelledby="title">
      <header part="header" class="header">
        <p class="kicker">${this.t('checklist.kicker')}</p>
        ${heading(ctx.headingLevel, permit, 'title', 'title')}
        <p class="office">${text(doc.office.name, this.locale)}${doc.office.address !== undefined ? html`<span class="muted">, ${text(doc.office.address, this.locale)}</span>` : nothing}</p>
        ${doc.permit.purpose !== undefined ? html`<p class="purpose">${text(doc.permit.purpose, this.locale)}</p>` : nothing}
        ${factsList(doc.permit, ctx)}
      </header>

      ${variants.length ? this.renderQuestions(doc, variants, ctx) : nothing}
      ${printedAnswers(doc, this.answers, ctx)}

      <section class="documents" aria-labelledby="documents-title title">
        ${heading(ctx.headingLevel + 1, this.t('checklist.documents'), 'section-title', 'documents-title')}
        <div part="progress" class="progress" id="progress" tabindex="-1">
          <p class="progress-text" id="progress-text">${this.progressText(progress)}</p>
          <progress max=${Math.max(progress.total, 1)} .value=${progress.ready} aria-labelledby="progress-text"></progress>
          ${complete ? html`<p class="all-ready">${this.t('checklist.allReady')}</p>` : nothing}
          ${progress.optional ? html`<p class="muted">${this.t('checklist.optionalNotCounted')}</p>` : nothing}
        </div>
        ${unanswered ? html`<p class="unanswered">${this.t('checklist.unanswered')}</p>` : nothing}
        ${groups.length
          ? groups.map((g) => this.renderGroup(doc, g, ctx))
          : html`<p class="empty">${this.t('checklist.empty')}</p>`}
      </section>

      ${this.renderActions(doc, ctx)}
      ${helpSection(doc.help, ctx)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </article>`;
  }

  private renderQuestions(doc: ChecklistDocument, variants: readonly Variant[], ctx: RenderContext): TemplateResult {
    return html`<section part="questions" class="questions" aria-labelledby="questions-title title">
      ${heading(ctx.headingLevel + 1, this.t('checklist.questions'), 'section-title', 'questions-title')}
      <p class="muted">${this.t('checklist.questionsHint')}</p>
      ${variants.map(
        (variant) => html`<fieldset part="variant" class="variant" aria-describedby=${variant.hint !== undefined ? `v-${variant.id}-hint` : nothing}>
          <legend class="legend">${text(variant.label, this.locale)}</legend>
          ${variant.hint !== undefined ? html`<p class="hint" id=${`v-${variant.id}-hint`}>${text(variant.hint, this.locale)}</p>` : nothing}
          <div class="options">
            ${variant.options.map((option, i) => {
              const id = `v-${variant.id}-${i}`;
              const answer = this.answers[variant.id];
              const chosen = typeof answer === 'string' ? answer === option.value : (answer ?? []).includes(option.value);
              return html`<div class="option">
                <input
                  type=${variant.multiple ? 'checkbox' : 'radio'}
                  class="radio"
                  id=${id}
                  name=${variant.id}
                  value=${option.value}
                  .checked=${chosen}
                  aria-describedby=${option.hint !== undefined ? `${id}-hint` : nothing}
                  @change=${(e: Event) => this.onAnswer(doc, variant, option.value, e)}
                />
                <label for=${id} class="option-label">${text(option.label, this.locale)}</label>
                ${option.hint !== undefined ? html`<p class="option-hint" id=${`${id}-hint`}>${text(option.hint, this.locale)}</p>` : nothing}
              </div>`;
            })}
          </div>
        </fieldset>`,
      )}
    </section>`;
  }

  private renderGroup(doc: ChecklistDocument, g: ApplicableGroup, ctx: RenderContext): TemplateResult {
    const title = g.group.title !== undefined ? text(g.group.title, this.locale) : this.t(`group.${g.group.kind}`);
    const headingId = `group-${g.index}-title`;
    return html`<section part="group" class="group" aria-labelledby=${`${headingId} title`}>
      ${heading(ctx.headingLevel + 2, title, 'group-title', headingId)}
      <ul class="items" role="list">
        ${g.items.map((item) => this.renderItem(doc, item, ctx))}
      </ul>
    </section>`;
  }

  private renderItem(doc: ChecklistDocument, item: Item, ctx: RenderContext): TemplateResult {
    const id = `item-${item.id}`;
    const descId = `${id}-desc`;
    const ticked = this.ticked.has(item.id);
    const description = itemDescription(item, ctx, descId);
    return html`<li part="item" class=${ticked ? 'item ticked' : 'item'}>
      <div class="item-row">
        <input
          type="checkbox"
          class="tick"
          id=${id}
          .checked=${ticked}
          aria-describedby=${description === nothing ? nothing : descId}
          @change=${(e: Event) => this.onTick(doc, item, e)}
        />
        <span class="print-box" aria-hidden="true"></span>
        <label for=${id} class="item-label"
          ><span class="item-name">${text(item.label, this.locale)}</span>${item.optional
            ? html` <span class="optional">(${this.t('checklist.optional')})</span>`
            : nothing}${ticked ? html` <span class="ready-mark" aria-hidden="true">${this.t('checklist.ready')}</span>` : nothing}</label
        >
      </div>
      ${description} ${itemLinks(item, ctx)}
    </li>`;
  }

  private renderActions(doc: ChecklistDocument, ctx: RenderContext): TemplateResult {
    const href = handOffHref(doc, this.answers, ctx.base);
    const label = doc.apply?.label !== undefined ? text(doc.apply.label, this.locale) : this.t('checklist.apply');
    const apply = href
      ? html`<a part="apply" class="button primary" href=${href} @click=${(e: Event) => this.onApply(doc, href, e)}>${label}</a>`
      : doc.apply?.form !== undefined
        ? html`<button part="apply" type="button" class="button primary" @click=${(e: Event) => this.onApply(doc, undefined, e)}>${label}</button>`
        : nothing;
    return html`<div part="actions" class="actions">
        ${apply}
        <button part="print" type="button" class="button" @click=${this.onPrint}>${this.t('checklist.print')}</button>
        <button part="clear" type="button" class="button" @click=${() => this.onClear(doc)}>${this.t('checklist.clear')}</button>
      </div>
      ${href ? html`<p class="print-only print-apply">${this.t('checklist.printApply', { url: href })}</p>` : nothing}
      ${this.rememberAnswers
        ? html`<p class="muted saved-note">${this.canRemember ? this.t('checklist.remembered') : this.t('checklist.notRemembered')}</p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loket-requirement-checklist': LoketRequirementChecklist;
  }
}

defineElement('loket-requirement-checklist', LoketRequirementChecklist);
