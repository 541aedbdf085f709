// The service-status format's names and its date and time reading, without
// zod: the banner needs them at first render, the checks (src/fast/rules/status.ts)
// and the zod definition (format.ts) share them.

/** Ways to reach an office, as the 2020 offices offered them. */
export const CHANNEL_KINDS = ['in-person', 'online', 'drop-box', 'consultation', 'home-visit'] as const;
/** A channel's state as the office sets it; opening hours still apply to `open` and `limited`. */
export const CHANNEL_STATES = ['open', 'limited', 'closed'] as const;
/** How serious a notice is. `disruption` is for a service that is down, not for ordinary news. */
export const NOTICE_LEVELS = ['info', 'warning', 'disruption'] as const;
/** Keys of the weekly schedule, Monday first as office notices list them. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type ChannelState = (typeof CHANNEL_STATES)[number];
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const CLOCK = /^([01]\d|2[0-4])[:.]([0-5]\d)$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** Minutes after midnight for `HH:MM` or `HH.MM`; `undefined` if not a clock time. */
export function clockMinutes(value: string): number | undefined {
  const m = CLOCK.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date or date-time as written in a document, read in the office's zone unless it carries an offset. */
export interface DocTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Absent for a whole-day value. */
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** Minutes east of UTC when the value carries `Z` or `+07:00`. */
  readonly offset?: number;
  /** The smallest unit written: `minute` for `T08:00`, `second` for `T08:00:30`. Absent for a whole day. */
  readonly precision?: 'minute' | 'second';
}

/** Reads `2020-08-18`, `2020-08-18T08:00` or `2020-08-18T08:00:00+08:00`. */
export function readDocTime(value: string): DocTime | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(year, month, day)) return undefined;
  if (m[4] === undefined) return { year, month, day };
  const zone = m[7];
  let offset: number | undefined;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { year, month, day, hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0), offset, precision: m[6] === undefined ? 'minute' : 'second' };
}

