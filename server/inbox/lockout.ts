import { formatClock, zoneLabel, zonedParts } from '../../src/time.js';

// Guessing passwords: after a few failures an account is locked for a while,
// and so is an address that tries many accounts. The counts live in the
// database (login_failures), so every process of the receiver sees them.

/** When to lock. */
export interface LockoutPolicy {
  /** Failed logins for one account within `windowMs` that lock it. */
  readonly maxPerAccount: number;
  /** Failed logins from one address within `windowMs` that lock it (an office shares one address: higher). */
  readonly maxPerAddress: number;
  readonly windowMs: number;
  /** How long a lock lasts. */
  readonly lockMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxPerAccount: 5, maxPerAddress: 20, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };

/** The failures counted for one key (`account:budi`, `address:203.0.113.5`). */
export interface FailureRecord {
  readonly failures: number;
  /** When the first failure of the current window happened (epoch ms). */
  readonly firstAt: number;
  /** Until when logins are refused (epoch ms), or 0. */
  readonly lockedUntil: number;
}

/** The key an account's failures are counted under (names are case-insensitive). */
export const accountKey = (name: string): string => `account:${name.trim().toLowerCase()}`;
/** The key an address's failures are counted under. */
export const addressKey = (ip: string): string => `address:${ip}`;

/** Until when a key is locked at `now`, or `undefined` when it is not. */
export function lockedUntil(record: FailureRecord | undefined, now: number): number | undefined {
  return record && record.lockedUntil > now ? record.lockedUntil : undefined;
}

/** The record after one more failure at `now`; it locks when the limit is reached. */
export function addFailure(record: FailureRecord | undefined, now: number, limit: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): FailureRecord {
  const fresh = !record || now - record.firstAt >= policy.windowMs;
  const failures = fresh ? 1 : record.failures + 1;
  const firstAt = fresh ? now : record.firstAt;
  return { failures, firstAt, lockedUntil: failures >= limit ? now + policy.lockMs : 0 };
}

/** "Terlalu banyak percobaan, coba lagi pukul 14.05 WIB." in the office's time zone. */
export function lockedMessage(until: number, timeZone: string, locale: 'id' | 'en' = 'id'): string {
  // Round up to the next minute: "pukul 14.05" must not be a minute too early.
  const at = Math.ceil(until / 60_000) * 60_000;
  const p = zonedParts(at, timeZone);
  const time = `${formatClock(p.hour, p.minute, locale)} ${zoneLabel(timeZone, at)}`;
  return locale === 'en' ? `Too many attempts, try again at ${time}.` : `Terlalu banyak percobaan, coba lagi pukul ${time}.`;
}
