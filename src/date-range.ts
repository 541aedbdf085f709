import { msg } from './i18n.js';
import type { Locale } from './locale.js';
import { formatDate, type LocalDate } from './time.js';

// Apart from time.ts, which the banner and the tracking page read before
// first paint: only the banner's details (fetched after it) write ranges.

/**
 * A range of whole days, saying the month and year once where they are shared:
 * `13–14 Januari 2027`, `30 Januari – 2 Februari 2027`,
 * `30 Desember 2026 – 2 Januari 2027`; a single day when both are the same.
 */
export function formatDateRange(from: LocalDate, to: LocalDate, locale: Locale): string {
  const month = (date: LocalDate) => msg(locale, `month.${date.month}` as `month.${1}`);
  if (from.year !== to.year) return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
  if (from.month !== to.month) return `${from.day} ${month(from)} – ${formatDate(to, locale)}`;
  if (from.day !== to.day) return `${from.day}–${formatDate(to, locale)}`;
  return formatDate(from, locale);
}
