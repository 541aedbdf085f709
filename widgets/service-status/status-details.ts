import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../src/i18n.js';
import { contactHref } from '../../src/contact.js';
import { detailMsg, type DetailMessageKey } from '../../src/status/detail-messages.js';
import { statusMsg } from '../../src/status/messages.js';
import { docInstant, type ChannelNow, type StatusNow } from '../../src/status/evaluate.js';
import { WEEKDAY_KEYS, clockMinutes, readDocTime } from '../../src/status/clock.js';
import type { Channel, Closure, Contact, Notice, StatusDocument, WeeklyHours } from '../../src/status/format.js';
import { text, type Locale } from '../../src/locale.js';
import { formatDateRange } from '../../src/date-range.js';
import { formatClock, formatDate, formatInstant, weekdayName, zoneLabel } from '../../src/time.js';
import { heading, linkOrText } from '../shared/parts.js';
import { channelName, channelState, minutesClock, opening, type RenderContext } from './status-parts.js';

export { statusDetailsStyles } from './status-details.styles.js';

// The banner's details: notices in full, every channel with its notes, links
// and contacts, the weekly hours, closures, contacts and the address. No
// first paint shows them (they are behind "Lihat detail"), so this module,
// its styles and its strings are fetched right after first paint
// (service-status.ts, loadDetails). Every string from the document goes
// through Lit's text bindings; links only get an href after the scheme allow-list.

/** The detail after a channel's state: closing time, 24 hours, or when it opens next. */
export function channelTiming(now: ChannelNow, ctx: RenderContext): string | undefined {
  if (now.open) return now.always ? detailMsg(ctx.locale, 'status.alwaysOpen') : now.closesAt !== undefined ? statusMsg(ctx.locale, 'status.closesAt', { time: minutesClock(now.closesAt, ctx) }) : undefined;
  if (now.state === 'closed') return undefined;
  const parts: string[] = [];
  if (now.closure) parts.push(statusMsg(ctx.locale, 'status.closure', { reason: text(now.closure.reason, ctx.locale) }));
  if (now.next) {
    const { day, date, time } = opening(now.next, ctx);
    parts.push(detailMsg(ctx.locale, 'status.opensLater', { day: date ? `${day}, ${date}` : day, time }));
  }
  return parts.join(' · ') || undefined;
}

/** One contact line: "WhatsApp TANYA PTSP: 0811-4345-757 (Senin–Jumat …)". */
export function contactItem(contact: Contact, ctx: RenderContext): TemplateResult {
  const href = contactHref(contact, ctx.base);
  const kind = statusMsg(ctx.locale, `contact.${contact.kind}`);
  const label = contact.label !== undefined ? `${kind} ${text(contact.label, ctx.locale)}` : kind;
  return html`<li part="contact">
    ${label}: ${href ? html`<a href=${href}>${contact.value}</a>` : contact.value}${contact.hours !== undefined ? html` <span class="muted">(${text(contact.hours, ctx.locale)})</span>` : nothing}
  </li>`;
}

/** A notice's end as written: a day, or a time read on the office's clock with WIB, WITA or WIT. */
function docDate(value: string, ctx: RenderContext): string {
  const t = readDocTime(value);
  if (!t) return value;
  if (t.hour === undefined) return formatDate(t, ctx.locale);
  const instant = docInstant(value, ctx.timeZone, 'start');
  return instant === undefined ? value : formatInstant(instant, ctx.timeZone, ctx.locale);
}

/** "Berlaku sampai pemberitahuan lebih lanjut" / "Berlaku sampai 30 September 2020" / "… 30 November 2026, pukul 23.59 WIB". */
export function validity(notice: Notice, ctx: RenderContext): string {
  return notice.until === undefined ? detailMsg(ctx.locale, 'status.untilFurther') : detailMsg(ctx.locale, 'status.validUntil', { date: docDate(notice.until, ctx) });
}

/** A notice in full: level, title, body, validity, links. */
export function noticeBlock(notice: Notice, ctx: RenderContext): TemplateResult {
  return html`<article part="notice" class="notice level-${notice.level}">
    <p class="notice-title"><span class="badge">${statusMsg(ctx.locale, `level.${notice.level}`)}</span>${text(notice.title, ctx.locale)}</p>
    ${notice.body !== undefined ? html`<p>${text(notice.body, ctx.locale)}</p>` : nothing}
    ${notice.links?.length ? html`<ul class="link-list">${notice.links.map((l) => html`<li>${linkOrText(l.url, text(l.label, ctx.locale), ctx.base)}</li>`)}</ul>` : nothing}
    <p class="validity">${validity(notice, ctx)}</p>
  </article>`;
}

/** A channel in full: name, state now, notes, links, contacts. */
export function channelBlock(now: ChannelNow & { channel: Channel }, ctx: RenderContext): TemplateResult {
  const { channel } = now;
  const state = channelState(now, ctx.locale);
  const timing = channelTiming(now, ctx);
  return html`<li part="channel" class="channel">
    <p>
      <strong>${channelName(channel, ctx.locale)}</strong>:
      <span class="state ${state.cls}"><strong>${state.label}</strong></span>${timing ? html` <span class="muted">· ${timing}</span>` : nothing}
    </p>
    ${channel.note !== undefined ? html`<p>${text(channel.note, ctx.locale)}</p>` : nothing}
    ${channel.notes?.length ? html`<ul class="note-list">${channel.notes.map((n) => html`<li>${text(n, ctx.locale)}</li>`)}</ul>` : nothing}
    ${channel.links?.length ? html`<ul class="link-list">${channel.links.map((l) => html`<li>${linkOrText(l.url, text(l.label, ctx.locale), ctx.base)}</li>`)}</ul>` : nothing}
    ${channel.contacts?.length ? html`<ul class="contact-list">${channel.contacts.map((c) => contactItem(c, ctx))}</ul>` : nothing}
  </li>`;
}

/** The weekly hours as a table, Monday first, today marked in text as well as weight. */
export function hoursTable(hours: WeeklyHours, ctx: RenderContext, todayWeekday: number): TemplateResult {
  const zone = zoneLabel(ctx.timeZone, ctx.now);
  return html`<table part="hours">
    <caption>
      ${detailMsg(ctx.locale, 'status.hours')} (${zone})
    </caption>
    <tbody>
      ${WEEKDAY_KEYS.map((key, index) => {
        const weekday = (index + 1) % 7;
        const periods = hours[key] ?? [];
        const today = weekday === todayWeekday;
        const value = periods.length
          ? periods
              .map((p) => {
                const open = clockMinutes(p.open) ?? 0;
                const close = clockMinutes(p.close) ?? 0;
                return msg(ctx.locale, 'time.range', {
                  from: formatClock(Math.floor(open / 60), open % 60, ctx.locale),
                  to: formatClock(Math.floor(close / 60), close % 60, ctx.locale),
                });
              })
              .join(', ')
          : detailMsg(ctx.locale, 'status.hoursClosed');
        return html`<tr class=${today ? 'today' : ''} aria-current=${today ? 'date' : nothing}>
          <th scope="row">${weekdayName(weekday, ctx.locale)}${today ? html` <span class="muted">(${msg(ctx.locale, 'time.today')})</span>` : nothing}</th>
          <td>${value}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** "16 September 2020: Hari Raya Galungan", or a range "13–14 Januari 2027: Hari Raya Galungan …". */
export function closureItem(closure: Closure, locale: Locale): TemplateResult {
  const from = readDocTime(closure.from);
  const until = closure.until !== undefined ? readDocTime(closure.until) : undefined;
  const days = !from ? closure.from : until ? formatDateRange(from, until, locale) : formatDate(from, locale);
  return html`<li>${days}: ${text(closure.reason, locale)}</li>`;
}

/** Everything behind "Lihat detail", for the document evaluated at `ctx.now`. */
export function renderDetails(doc: StatusDocument, status: StatusNow, ctx: RenderContext): TemplateResult {
  const t = (key: DetailMessageKey) => detailMsg(ctx.locale, key);
  const contacts = doc.contacts ?? [];
  return html`${status.notices.length ? html`<div>${status.notices.map((n) => noticeBlock(n, ctx))}</div>` : nothing}
    <div>
      ${heading(ctx.headingLevel, t('status.channels'), 'section-title')}
      <ul class="channel-list">
        ${status.channels.map((c) => channelBlock(c, ctx))}
      </ul>
    </div>
    ${hoursTable(doc.hours, ctx, status.local.weekday)}
    ${status.closures.length
      ? html`<div>
          ${heading(ctx.headingLevel, t('status.closures'), 'section-title')}
          <ul class="closure-list">
            ${status.closures.map((c) => closureItem(c, ctx.locale))}
          </ul>
        </div>`
      : nothing}
    ${contacts.length || doc.office.address !== undefined
      ? html`<div>
          ${heading(ctx.headingLevel, t('status.contacts'), 'section-title')}
          ${contacts.length ? html`<ul class="contact-list">${contacts.map((c) => contactItem(c, ctx))}</ul>` : nothing}
          ${doc.office.address !== undefined ? html`<p>${t('status.address')}: ${text(doc.office.address, ctx.locale)}</p>` : nothing}
        </div>`
      : nothing}`;
}
