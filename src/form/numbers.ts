import { textOf } from './answers.js';

// Numbers and dates as citizens write them: only the checks and the answers
// sent use these, so they are not part of the form's first screen.

/**
 * Reads a number as Indonesians write it: `2,5` is two and a half, `1.000`
 * and `1.000.000` use dots for thousands, `2.5` is read as a decimal.
 * `NaN` when it is not a number.
 */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  const t = textOf(value).replace(/\s/g, '');
  let plain: string;
  if (t.includes(',')) plain = t.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(t)) plain = t.replace(/\./g, '');
  else plain = t;
  return /^[-+]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

/** A real calendar date from numbers, or `undefined`. */
export function realDate(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}
