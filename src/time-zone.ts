// Whether a time zone is known, apart from the formatting in time.ts: the
// format checks (src/fast/rules/time-zone.ts) need only this, and a form's
// first screen formats no date.

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
