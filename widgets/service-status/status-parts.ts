import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../src/i18n.js';
import { statusMsg, type StatusMessageKey } from '../../src/status/messages.js';
import type { Params } from '../../src/i18n.js';
import type { ChannelNow, Opening } from '../../src/status/evaluate.js';
import type { Channel } from '../../src/status/format.js';
import { text, type Locale } from '../../src/locale.js';
import { formatClock, formatDate, weekdayName, zoneLabel } from '../../src/time.js';

// Render helpers for the banner's compact view (first paint); the details'
// own are in status-details.ts, fetched after first paint. Every string from
// the document goes through Lit's text bindings.

/** What a part needs to know to render: language, the office's zone, the page's base URL. */
export interface RenderContext {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: number;
  readonly base: string;
  /** The level of the banner's sub-headings (1–6), so they fit the host page's outline. */
  readonly headingLevel: number;
}

/** A clock time in minutes after midnight, with the office's zone: "15.30 WITA". */
export const minutesClock = (minutes: number, ctx: RenderContext) => `${formatClock(Math.floor(minutes / 60), minutes % 60, ctx.locale)} ${zoneLabel(ctx.timeZone, ctx.now)}`;

/** When something opens next, in words: the day ("Senin", "besok", "hari ini"), the time with its zone, and, a week or more ahead, the date. */
export function opening(next: Opening, ctx: RenderContext): { day: string; time: string; date?: string } {
  const time = `${formatClock(next.local.hour, next.local.minute, ctx.locale)} ${zoneLabel(ctx.timeZone, next.instant)}`;
  const day = next.daysAhead === 0 ? msg(ctx.locale, 'time.today') : next.daysAhead === 1 ? msg(ctx.locale, 'time.tomorrow') : weekdayName(next.local.weekday, ctx.locale);
  return { day, time, date: next.daysAhead >= 7 ? formatDate(next.local, ctx.locale) : undefined };
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
  const at = counter.next && opening(counter.next, ctx);
  const next = at ? (at.date ? t('status.opensOn', { day: at.day, date: at.date, time: at.time }) : t('status.opensAt', { day: at.day, time: at.time })) : t('status.noReopen');
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
