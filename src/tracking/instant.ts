// Reading the tracking contract's moments, without zod: the widget sorts and
// shows them at first render, the checks (src/fast/rules/tracking.ts) and the
// zod definition (format.ts) share this one reading.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** The epoch milliseconds of an RFC 3339 date-time with a `Z` or `±hh:mm` offset; `undefined` otherwise. */
export function instantMs(value: string): number | undefined {
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
