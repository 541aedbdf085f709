import { addDays, instantOf, zonedParts, type LocalDate, type ZonedParts } from '../time.js';
import { NOTICE_LEVELS, WEEKDAY_KEYS, clockMinutes, readDocTime, type ChannelState } from './clock.js';
import type { Channel, Closure, Notice, Period, StatusDocument, WeeklyHours } from './format.js';

// What is open right now, read in the office's own time zone — never the
// visitor's. Pure functions of (document, instant): the element only renders.

const DAY = 24 * 60 * 60 * 1000;
/** How far ahead to look for the next opening: a long closure may span months. */
const SEARCH_DAYS = 400;

/** A channel's schedule: always open (online portals) or weekly hours. */
export type Schedule = 'always' | WeeklyHours;

/** When something opens next, read in the office's zone. */
export interface Opening {
  readonly instant: number;
  readonly local: ZonedParts;
  /** 0 today, 1 tomorrow, … in the office's calendar. */
  readonly daysAhead: number;
}

/** A channel (or the office counter) evaluated at one instant. */
export interface ChannelNow {
  readonly kind: Channel['kind'];
  /** The state the office set in the document. */
  readonly state: ChannelState;
  /** Whether the citizen can use it right now: not closed, within hours, not a closure day. */
  readonly open: boolean;
  /** Open around the clock. */
  readonly always: boolean;
  /** The closure in force today, if any. */
  readonly closure?: Closure;
  /** Today's closing time (minutes after midnight) when open now. */
  readonly closesAt?: number;
  /** The next opening when closed now by hours or a closure (not when the office closed the channel). */
  readonly next?: Opening;
}

/** The whole document evaluated at one instant. */
export interface StatusNow {
  /** Now, on the office's clock. */
  readonly local: ZonedParts;
  /** The office's counter: office hours, closures, and the in-person channel's state. */
  readonly counter: ChannelNow;
  /** Every channel, in document order. */
  readonly channels: readonly (ChannelNow & { readonly channel: Channel })[];
  /** Notices valid now, most serious first. */
  readonly notices: readonly Notice[];
  /** Closures today or later, soonest first. */
  readonly closures: readonly Closure[];
  /** The next instant at which this evaluation may change (an opening, a closing, a notice, midnight). */
  readonly nextChange: number;
}

const dateKey = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The periods of a weekly schedule on a weekday (0 = Sunday), earliest first. */
export function periodsOn(hours: WeeklyHours, weekday: number): Period[] {
  const key = WEEKDAY_KEYS[(weekday + 6) % 7] as (typeof WEEKDAY_KEYS)[number];
  return [...(hours[key] ?? [])].sort((a, b) => (clockMinutes(a.open) ?? 0) - (clockMinutes(b.open) ?? 0));
}

/** The closure covering a date, if any. */
export function closureOn(closures: readonly Closure[], date: LocalDate): Closure | undefined {
  const key = dateKey(date);
  return closures.find((c) => c.from <= key && key <= (c.until ?? c.from));
}

/**
 * The instant a document time stands for. An end (`until`) is inclusive at the
 * precision it is written in: `2020-09-30` ends at the next midnight,
 * `2026-11-30T23:59` at 24:00 (the whole minute 23.59 counts), and
 * `…T23:59:30` one second later. Starts (`from`) begin at the written time.
 */
export function docInstant(value: string, timeZone: string, edge: 'start' | 'end'): number | undefined {
  const t = readDocTime(value);
  if (!t) return undefined;
  if (t.hour === undefined) return instantOf(edge === 'end' ? addDays(t, 1) : t, timeZone);
  const start =
    t.offset !== undefined
      ? Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute ?? 0, t.second ?? 0) - t.offset * 60_000
      : instantOf({ ...t, hour: t.hour, minute: t.minute ?? 0 }, timeZone) + (t.second ?? 0) * 1000;
  if (edge === 'start') return start;
  return start + (t.precision === 'second' ? 1000 : 60_000);
}

/** Whether a notice is valid at an instant: `from` ≤ now < `until`; no `until` means until further notice. */
export function noticeValid(notice: Notice, timeZone: string, now: number): boolean {
  const from = notice.from === undefined ? -Infinity : (docInstant(notice.from, timeZone, 'start') ?? -Infinity);
  const until = notice.until === undefined ? Infinity : (docInstant(notice.until, timeZone, 'end') ?? Infinity);
  return from <= now && now < until;
}

function evaluateSchedule(
  kind: Channel['kind'],
  state: ChannelState,
  schedule: Schedule,
  closures: readonly Closure[],
  timeZone: string,
  now: number,
  local: ZonedParts,
): ChannelNow {
  if (schedule === 'always') return { kind, state, open: state !== 'closed', always: true };
  const closure = closureOn(closures, local);
  let closesAt: number | undefined;
  if (!closure) {
    const minutes = local.hour * 60 + local.minute;
    const current = periodsOn(schedule, local.weekday).find((p) => (clockMinutes(p.open) ?? 0) <= minutes && minutes < (clockMinutes(p.close) ?? 0));
    if (current) closesAt = clockMinutes(current.close);
  }
  if (state === 'closed') return { kind, state, open: false, always: false, closure };
  if (closesAt !== undefined) return { kind, state, open: true, always: false, closesAt };
  return { kind, state, open: false, always: false, closure, next: nextOpening(schedule, closures, timeZone, now, local) };
}

/** The first opening strictly after `now`, skipping closure days; `undefined` if none within the search window. */
export function nextOpening(hours: WeeklyHours, closures: readonly Closure[], timeZone: string, now: number, local: ZonedParts): Opening | undefined {
  for (let daysAhead = 0; daysAhead < SEARCH_DAYS; daysAhead++) {
    const date = addDays(local, daysAhead);
    if (closureOn(closures, date)) continue;
    for (const period of periodsOn(hours, date.weekday)) {
      const minutes = clockMinutes(period.open) ?? 0;
      const instant = instantOf({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
      if (instant > now) return { instant, local: zonedParts(instant, timeZone), daysAhead };
    }
  }
  return undefined;
}

/** The schedule a channel follows: its own, or by default 24 hours online and office hours elsewhere. */
export function scheduleOf(channel: Channel, doc: StatusDocument): Schedule {
  const hours = channel.hours ?? (channel.kind === 'online' ? 'always' : 'office');
  return hours === 'office' ? doc.hours : hours;
}

/** Closures that apply to a channel: those naming it, or, when unnamed, every channel that keeps hours. */
function closuresFor(kind: Channel['kind'], doc: StatusDocument): Closure[] {
  return (doc.closures ?? []).filter((c) => (c.channels ? c.channels.includes(kind) : true));
}

function boundaries(doc: StatusDocument, local: ZonedParts, now: number): number {
  const zone = doc.office.timeZone;
  const candidates: number[] = [instantOf(addDays(local, 1), zone)];
  const schedules: WeeklyHours[] = [doc.hours, ...doc.channels.map((c) => c.hours).filter((h): h is WeeklyHours => typeof h === 'object')];
  for (const schedule of schedules) {
    for (const period of periodsOn(schedule, local.weekday)) {
      for (const clock of [period.open, period.close]) {
        const minutes = clockMinutes(clock) ?? 0;
        candidates.push(instantOf({ ...local, hour: Math.floor(minutes / 60), minute: minutes % 60 }, zone));
      }
    }
  }
  for (const notice of doc.notices ?? []) {
    if (notice.from !== undefined) candidates.push(docInstant(notice.from, zone, 'start') ?? Infinity);
    if (notice.until !== undefined) candidates.push(docInstant(notice.until, zone, 'end') ?? Infinity);
  }
  return Math.min(...candidates.filter((c) => c > now), now + DAY);
}

const SEVERITY = (notice: Notice) => NOTICE_LEVELS.indexOf(notice.level);

/** Evaluates a status document at an instant, in the office's time zone. */
export function evaluateStatus(doc: StatusDocument, now: number): StatusNow {
  const zone = doc.office.timeZone;
  const local = zonedParts(now, zone);
  const inPerson = doc.channels.find((c) => c.kind === 'in-person');
  const counter = evaluateSchedule('in-person', inPerson?.state ?? 'open', doc.hours, closuresFor('in-person', doc), zone, now, local);
  const channels = doc.channels.map((channel) => ({
    channel,
    ...evaluateSchedule(channel.kind, channel.state, scheduleOf(channel, doc), closuresFor(channel.kind, doc), zone, now, local),
  }));
  const notices = (doc.notices ?? [])
    .filter((n) => noticeValid(n, zone, now))
    .map((n, index) => ({ n, index }))
    .sort((a, b) => SEVERITY(b.n) - SEVERITY(a.n) || a.index - b.index)
    .map(({ n }) => n);
  const today = dateKey(local);
  const closures = (doc.closures ?? []).filter((c) => (c.until ?? c.from) >= today).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { local, counter, channels, notices, closures, nextChange: boundaries(doc, local, now) };
}

