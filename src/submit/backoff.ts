// When to try again: exponential backoff with full jitter (a random delay
// between 0 and the exponential cap, so a crowd of phones that lost the same
// cell tower does not come back in step), and the server's Retry-After.

/** Backoff settings, in milliseconds. */
export interface BackoffOptions {
  /** The cap of the first retry's delay (default 1000). */
  readonly baseMs?: number;
  /** The largest delay ever chosen by backoff (default 30000). */
  readonly capMs?: number;
}

export const DEFAULT_BACKOFF = { baseMs: 1000, capMs: 30_000 } as const;
/** A Retry-After longer than this is not waited for in the page; the submission goes to the outbox. */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * The delay before retry number `retry` (0 for the first): uniformly random
 * in [0, min(cap, base × 2^retry)).
 */
export function backoffDelay(retry: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, Math.min(retry, 30)));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an
 * HTTP-date, relative to `now`. `undefined` for a missing or unreadable
 * value; a date in the past reads as 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v), 2 ** 31 / 1000) * 1000;
  // An HTTP-date always names a weekday and GMT; anything looser (a bare "5s", "soon") is garbage, not a date.
  if (!/^[A-Za-z]{3},? .*GMT$|^[A-Za-z]{6,9}, .*GMT$|^[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}$/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The delay before the next attempt: what the server asked for when it said
 * so (never less), else backoff. `undefined` when the server asks for longer
 * than a page should wait.
 */
export function nextDelay(retry: number, retryAfterMs: number | undefined, random: () => number = Math.random, options: BackoffOptions = {}): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : retryAfterMs;
  return backoffDelay(retry, random, options);
}

/**
 * How often an application waiting on the device is sent again while the
 * page stays open (after the in-page retries): from about `baseMs`, doubling
 * each round, never longer than `capMs`. A server that was down for an hour
 * gets the application within minutes of coming back. Tests shorten it.
 */
export const RESEND: { baseMs: number; capMs: number } = { baseMs: 20_000, capMs: 300_000 };

/**
 * The delay before resend round `round` (0 for the first): between half and
 * all of min(cap, base × 2^round), so it never hammers the server and a
 * crowd of phones does not come back in step.
 */
export function resendDelay(round: number, random: () => number = Math.random, options: BackoffOptions = RESEND): number {
  const base = options.baseMs ?? RESEND.baseMs;
  const cap = options.capMs ?? RESEND.capMs;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, Math.min(round, 30)));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}
