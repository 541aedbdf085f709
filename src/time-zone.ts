// Whether a time zone is known, apart from the formatting in time.ts: the
// format checks (src/fast/rules/time-zone.ts) need only this, and a form's
// first screen formats no date.

/**
 * Indonesia's zones and their offsets from UTC in minutes: no daylight
 * saving, and unchanged since Pontianak moved from WITA to WIB on
 * 1 January 1988 (IANA tzdata). Reading a clock in these zones is plain
 * arithmetic; the first Intl.DateTimeFormat of a page costs 100–150 ms on a
 * slow phone (Chromium, CPU ×4), most of the banner's work before it paints.
 */
const INDONESIA: Readonly<Record<string, number>> = {
  'Asia/Jakarta': 420,
  'Asia/Pontianak': 420,
  'Asia/Makassar': 480,
  'Asia/Ujung_Pandang': 480,
  'Asia/Jayapura': 540,
};
/** 1 January 1990, UTC: from here on the offsets above hold (with margin). */
const FIXED_SINCE = 631_152_000_000;

/** The zone's offset from UTC in minutes at `instant` when it is an Indonesian zone and the instant recent; else `undefined` (ask Intl). */
export function fixedOffset(timeZone: string, instant: number): number | undefined {
  return instant >= FIXED_SINCE && Object.hasOwn(INDONESIA, timeZone) ? INDONESIA[timeZone] : undefined;
}

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(name: string): boolean {
  if (Object.hasOwn(INDONESIA, name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
