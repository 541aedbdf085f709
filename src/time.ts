import { msg } from './i18n.js';
import type { Locale } from './locale.js';
import { fixedOffset } from './time-zone.js';

/** A wall-clock date in some time zone. `weekday`: 0 = Sunday … 6 = Saturday. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
}
export interface ZonedParts extends LocalDateTime {
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of an instant in a time zone. */
export function zonedParts(instant: number, timeZone: string): ZonedParts & { readonly second: number } {
  const fixed = fixedOffset(timeZone, instant);
  if (fixed !== undefined) {
    // Indonesian zones: the UTC reading of the shifted instant, no Intl (time-zone.ts).
    const d = new Date(instant + fixed * 60_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay() };
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at an instant (420 for WIB). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a zone's clocks show a wall-clock time. Two passes settle
 * zones with daylight saving (Indonesia has none, but documents may name any zone).
 */
export function instantOf(local: LocalDate & Partial<LocalDateTime>, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return instant;
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate & { readonly weekday: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for Indonesian zones; `UTC+7`-style for any other. */
export function zoneLabel(timeZone: string, instant: number): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `08.00` in Indonesian (PUEBI), `08:00` in English. */
export function formatClock(hour: number, minute: number, locale: Locale): string {
  return `${pad(hour)}${locale === 'id' ? '.' : ':'}${pad(minute)}`;
}

/** `17 Agustus 2020` / `17 August 2020`. */
export function formatDate(date: LocalDate, locale: Locale): string {
  return `${date.day} ${msg(locale, `month.${date.month}` as `month.${1}`)} ${date.year}`;
}

/** The weekday's name: `Jumat`, `Friday`. */
export function weekdayName(weekday: number, locale: Locale): string {
  return msg(locale, `day.${weekday}` as `day.${0}`);
}

/** `17 Agustus 2020, pukul 08.00 WIB` for an instant, read in the office's zone. */
export function formatInstant(instant: number, timeZone: string, locale: Locale): string {
  const p = zonedParts(instant, timeZone);
  const time = `${formatClock(p.hour, p.minute, locale)} ${zoneLabel(timeZone, instant)}`;
  return `${formatDate(p, locale)}, ${msg(locale, 'time.at', { time })}`;
}
