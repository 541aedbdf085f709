import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../src/i18n.js';
import { statusMsg, type StatusMessageKey } from '../../src/status/messages.js';
import type { Params } from '../../src/i18n.js';
import { contactHref } from '../../src/contact.js';
import { docInstant, type ChannelNow, type Opening } from '../../src/status/evaluate.js';
import { WEEKDAY_KEYS, clockMinutes, readDocTime } from '../../src/status/clock.js';
import type { Channel, Closure, Contact, Notice, WeeklyHours } from '../../src/status/format.js';
import { text, type Locale } from '../../src/locale.js';
import { formatClock, formatDate, formatDateRange, formatInstant, weekdayName, zoneLabel } from '../../src/time.js';
import { linkOrText } from '../shared/parts.js';

export { contactHref };

// Render helpers for the banner. Every string from the document goes through
// Lit's text bindings; links only get an href after the scheme allow-list.

/** What a part needs to know to render: language, the office's zone, the page's base URL. */
export interface RenderContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: number;
  readonly base: string;
  /** The level of the banner's sub-headings (1–6), so they fit the host page's outline. */
  readonly headingLevel: number;
}

const minutesClock = (minutes: number, ctx: RenderContext) => `${formatClock(Math.floor(minutes / 60), minutes % 60, ctx.locale)} ${zoneLabel(ctx.timeZone, ctx.now)}`;

/** "Senin", "besok", "hari ini" — or, a week or more ahead, the weekday and the date. */
function openingText(next: Opening, ctx: RenderContext, key: 'status.opensAt' | 'status.opensLater'): string {
  const time = `${formatClock(next.local.hour, next.local.minute, ctx.locale)} ${zoneLabel(ctx.timeZone, next.instant)}`;
  const day = next.daysAhead === 0 ? msg(ctx.locale, 'time.today') : next.daysAhead === 1 ? msg(ctx.locale, 'time.tomorrow') : weekdayName(next.local.weekday, ctx.locale);
  if (next.daysAhead >= 7 && key === 'status.opensAt') return statusMsg(ctx.locale, 'status.opensOn', { day, date: formatDate(next.local, ctx.locale), time });
  if (next.daysAhead >= 7) return statusMsg(ctx.locale, key, { day: `${day}, ${formatDate(next.local, ctx.locale)}`, time });
  return statusMsg(ctx.locale, key, { day, time });
}

/** The counter line: "Buka sekarang · tutup pukul 15.30 WITA" or "Tutup sekarang · Buka kembali Senin, pukul 08.00 WITA". */
export function counterLine(counter: ChannelNow, ctx: RenderContext): TemplateResult {
  const t = (key: StatusMessageKey, params?: Params) => statusMsg(ctx.locale, key, params);
  if (counter.open) {
    return html`<span part="counter" class="state ${counter.state === 'limited' ? 'limited' : 'open'}"
      ><strong>${t('status.openNow')}</strong>${counter.closesAt !== undefined ? ` · ${t('status.closesAt', { time: minutesClock(counter.closesAt, ctx) })}` : nothing}</span
    >`;
  }
  if (counter.state === 'closed') {
    return html`<span part="counter" class="state closed"><strong>${t('status.inPersonSuspended')}</strong></span>`;
  }
  const reason = counter.closure ? t('status.closure', { reason: text(counter.closure.reason, ctx.locale) }) : undefined;
  const next = counter.next ? openingText(counter.next, ctx, 'status.opensAt') : t('status.noReopen');
  return html`<span part="counter" class="state closed"
    ><strong>${t('status.closedNow')}</strong>${reason ? ` · ${reason}` : nothing} · ${next}</span
  >`;
}

/** A channel's name: the document's label or the default for its kind. */
export function channelName(channel: Channel, locale: Locale): string {
  return channel.label !== undefined ? text(channel.label, locale) : statusMsg(locale, `channel.${channel.kind}`);
}

/** "Buka", "Terbatas" or "Tutup" for a channel right now, with a class for the state mark. */
export function channelState(now: ChannelNow, locale: Locale): { label: string; cls: 'open' | 'limited' | 'closed' } {
  if (!now.open) return { label: statusMsg(locale, 'state.closed'), cls: 'closed' };
  return now.state === 'limited' ? { label: statusMsg(locale, 'state.limited'), cls: 'limited' } : { label: statusMsg(locale, 'state.open'), cls: 'open' };
}

/** The detail after a channel's state: closing time, 24 hours, or when it opens next. */
export function channelTiming(now: ChannelNow, ctx: RenderContext): string | undefined {
  if (now.open) return now.always ? statusMsg(ctx.locale, 'status.alwaysOpen') : now.closesAt !== undefined ? statusMsg(ctx.locale, 'status.closesAt', { time: minutesClock(now.closesAt, ctx) }) : undefined;
  if (now.state === 'closed') return undefined;
  const parts: string[] = [];
  if (now.closure) parts.push(statusMsg(ctx.locale, 'status.closure', { reason: text(now.closure.reason, ctx.locale) }));
  if (now.next) parts.push(openingText(now.next, ctx, 'status.opensLater'));
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
  return notice.until === undefined ? statusMsg(ctx.locale, 'status.untilFurther') : statusMsg(ctx.locale, 'status.validUntil', { date: docDate(notice.until, ctx) });
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
      ${statusMsg(ctx.locale, 'status.hours')} (${zone})
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
          : statusMsg(ctx.locale, 'status.hoursClosed');
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
