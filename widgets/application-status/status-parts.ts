import { html, nothing, type TemplateResult } from 'lit';
import { contactHref } from '../../src/contact.js';
import type { Contact } from '../../src/links.js';
import { formatInstant } from '../../src/time.js';
import { text, type Locale } from '../../src/locale.js';
import type { ApplicationStatus, ApplicationState, NextSteps, TimelineEntry } from '../../src/tracking/format.js';
import { instantMs } from '../../src/tracking/instant.js';
import { trackingMsg } from '../../src/tracking/messages.js';
import { safeHref } from '../../src/url.js';
import { heading } from '../shared/parts.js';

// The status view's pieces: plain template functions, every server text
// rendered as text (a message "<img onerror>" shows those characters).

/** What the status view's pieces need to know. */
export interface ViewContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly base: string;
  readonly headingLevel: number;
}

/** "Diterima", "Perlu perbaikan", "Selesai — dapat diambil". */
export function stateLabel(state: ApplicationState, locale: Locale): string {
  return trackingMsg(locale, `state.${state}`);
}

/** "18 Agustus 2020, pukul 09.30 WITA" in the office's zone; the raw value if unreadable. */
export function when(value: string, ctx: ViewContext): string {
  const ms = instantMs(value);
  return ms === undefined ? value : formatInstant(ms, ctx.timeZone, ctx.locale);
}

function contactItem(contact: Contact, ctx: ViewContext): TemplateResult {
  const href = contactHref(contact, ctx.base);
  const kind = trackingMsg(ctx.locale, `contact.${contact.kind}`);
  const label = contact.label !== undefined ? `${kind} ${text(contact.label, ctx.locale)}` : kind;
  return html`<li part="contact">
    ${label}: ${href ? html`<a href=${href}>${contact.value}</a>` : contact.value}${contact.hours !== undefined ? html` <span class="muted">(${text(contact.hours, ctx.locale)})</span>` : nothing}
  </li>`;
}

/** The timeline, oldest first (sorted here: a backend may list it in any order). */
export function timeline(entries: readonly TimelineEntry[], ctx: ViewContext): TemplateResult {
  const sorted = [...entries].sort((a, b) => (instantMs(a.at) ?? 0) - (instantMs(b.at) ?? 0));
  return html`<div part="timeline" class="block">
    ${heading(ctx.headingLevel + 1, trackingMsg(ctx.locale, 'tracking.timeline'), 'block-title')}
    <ol class="timeline">
      ${sorted.map(
        (entry) => html`<li part="timeline-entry" class="entry state-${entry.state}">
          <span class="entry-state">${stateLabel(entry.state, ctx.locale)}</span>
          <time class="entry-date muted" datetime=${entry.at}>${when(entry.at, ctx)}</time>
          ${entry.message !== undefined ? html`<p class="entry-message office-text">${text(entry.message, ctx.locale)}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </div>`;
}

/** What the citizen should do now: documents to fix, the link back to the form, where to collect. */
export function nextSteps(doc: ApplicationStatus, ctx: ViewContext): TemplateResult | typeof nothing {
  const t = (key: Parameters<typeof trackingMsg>[1], params?: Record<string, string>) => trackingMsg(ctx.locale, key, params);
  const next: NextSteps = doc.next ?? {};
  const formHref = doc.state === 'needs-fix' ? safeHref(doc.formUrl, ctx.base) : undefined;
  const collect = next.collect;
  if (!next.fix?.length && !formHref && !collect && next.note === undefined) return nothing;
  return html`<div part="next" class="block next">
    ${heading(ctx.headingLevel + 1, t('tracking.next'), 'block-title')}
    ${next.fix?.length
      ? html`<p>${t('tracking.fix')}</p>
          <ul class="fix-list">
            ${next.fix.map((item) => html`<li>${text(item, ctx.locale)}</li>`)}
          </ul>`
      : nothing}
    ${formHref ? html`<p><a part="fix-link" class="fix-link" href=${formHref}>${t('tracking.fixLink')}</a></p>` : nothing}
    ${collect
      ? html`<p class="collect-title"><strong>${t('tracking.collect')}</strong></p>
          ${collect.place !== undefined ? html`<p>${t('tracking.collectPlace', { place: text(collect.place, ctx.locale) })}</p>` : nothing}
          ${collect.when !== undefined ? html`<p>${t('tracking.collectWhen', { when: text(collect.when, ctx.locale) })}</p>` : nothing}
          ${collect.bring?.length
            ? html`<p>${t('tracking.bring')}</p>
                <ul>
                  ${collect.bring.map((item) => html`<li>${text(item, ctx.locale)}</li>`)}
                </ul>`
            : nothing}`
      : nothing}
    ${next.note !== undefined ? html`<p class="office-text">${text(next.note, ctx.locale)}</p>` : nothing}
  </div>`;
}

/** The office's contact lines and address. */
export function contacts(doc: ApplicationStatus, ctx: ViewContext): TemplateResult | typeof nothing {
  const list = doc.office.contacts ?? [];
  if (!list.length && doc.office.address === undefined) return nothing;
  return html`<div part="contacts" class="block">
    ${heading(ctx.headingLevel + 1, trackingMsg(ctx.locale, 'tracking.contacts'), 'block-title')}
    ${list.length ? html`<ul class="contact-list">${list.map((c) => contactItem(c, ctx))}</ul>` : nothing}
    ${doc.office.address !== undefined ? html`<p>${trackingMsg(ctx.locale, 'tracking.address', { address: text(doc.office.address, ctx.locale) })}</p>` : nothing}
  </div>`;
}
