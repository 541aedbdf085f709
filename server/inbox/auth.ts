// Logging in and out, and finding who is logged in: the rules of
// password.ts, session.ts and lockout.ts on the inbox's tables.
import type { Database } from '../db/database.js';
import * as data from '../data/inbox.js';
import type { Staff } from './access.js';
import { accountKey, addFailure, addressKey, DEFAULT_LOCKOUT_POLICY, lockedMessage, lockedUntil, type LockoutPolicy } from './lockout.js';
import { DEFAULT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './password.js';
import { DEFAULT_SESSION_POLICY, newSessionToken, sessionState, tokenHash, type SessionPolicy } from './session.js';

/** How the inbox's logins behave; tests shorten the times and cheapen the hash. */
export interface AuthOptions {
  readonly session: SessionPolicy;
  readonly lockout: LockoutPolicy;
  readonly cost: ScryptCost;
  /** The office's time zone, for "coba lagi pukul 14.05 WIB". */
  readonly timeZone: string;
}

export const DEFAULT_AUTH_OPTIONS: Omit<AuthOptions, 'timeZone'> = { session: DEFAULT_SESSION_POLICY, lockout: DEFAULT_LOCKOUT_POLICY, cost: DEFAULT_COST };

/** A logged-in account. */
export type StaffUser = Staff & { readonly displayName: string };

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly user: StaffUser }
  | { readonly ok: false; readonly status: 401; readonly message: string }
  /** Locked: `retryAfterMs` is what is left of the lock, the time the message names. */
  | { readonly ok: false; readonly status: 429; readonly message: string; readonly retryAfterMs: number };

export const WRONG_LOGIN = 'Nama akun atau kata sandi salah.';

const staffOf = (u: data.UserRow): StaffUser => ({ id: u.id, name: u.name, displayName: u.displayName, role: u.role, forms: u.forms });

/** Checks a login; counts failures per account and per address, and locks both when too many. */
export async function login(db: Database, options: AuthOptions, name: string, password: string, address: string, now: number): Promise<LoginResult> {
  const subjects = [accountKey(name), addressKey(address)];
  const records = await Promise.all(subjects.map((s) => data.failureOf(db, s)));
  const locked = Math.max(0, ...records.map((r) => lockedUntil(r, now) ?? 0));
  if (locked > 0) return { ok: false, status: 429, message: lockedMessage(locked, options.timeZone), retryAfterMs: locked - now };

  const user = await data.userByName(db, name);
  const matches = await verifyPassword(password, user?.passwordHash, options.cost);
  if (!user || !matches || user.disabled) {
    const limits = [options.lockout.maxPerAccount, options.lockout.maxPerAddress];
    let until = 0;
    for (const [i, subject] of subjects.entries()) {
      const next = addFailure(records[i], now, limits[i]!, options.lockout);
      await data.putFailure(db, subject, next);
      until = Math.max(until, next.lockedUntil);
    }
    if (until > now) return { ok: false, status: 429, message: lockedMessage(until, options.timeZone), retryAfterMs: until - now };
    return { ok: false, status: 401, message: matches && user?.disabled ? 'Akun ini dinonaktifkan. Hubungi admin kantor.' : WRONG_LOGIN };
  }
  await data.clearFailures(db, subjects[0]!);
  if (needsRehash(user.passwordHash, options.cost)) await data.updateUser(db, user.id, { passwordHash: await hashPassword(password, options.cost) });
  const token = newSessionToken();
  await data.insertSession(db, { tokenHash: tokenHash(token), userId: user.id, createdAt: now, lastSeenAt: now });
  return { ok: true, token, user: staffOf(user) };
}

export type SessionResult = { readonly ok: true; readonly user: StaffUser } | { readonly ok: false; readonly message: string };

/** The account behind a session id, and the session kept alive; or why there is none. */
export async function authenticate(db: Database, options: AuthOptions, token: string | undefined, now: number): Promise<SessionResult> {
  const none = { ok: false as const, message: 'Silakan masuk terlebih dahulu.' };
  if (!token) return none;
  const hash = tokenHash(token);
  const session = await data.sessionByHash(db, hash);
  if (!session) return none;
  const state = sessionState(session, now, options.session);
  if (state !== 'ok') {
    await data.deleteSession(db, hash);
    return { ok: false, message: state === 'idle' ? 'Sesi berakhir karena lama tidak dipakai. Silakan masuk lagi.' : 'Sesi sudah berakhir. Silakan masuk lagi.' };
  }
  const user = await data.userById(db, session.userId);
  if (!user || user.disabled) {
    await data.deleteSession(db, hash);
    return none;
  }
  // Write the last use at most once a minute: a busy list page should not write on every request.
  if (now - session.lastSeenAt >= 60_000) await data.touchSession(db, hash, now);
  return { ok: true, user: staffOf(user) };
}

export async function logout(db: Database, token: string | undefined): Promise<void> {
  if (token) await data.deleteSession(db, tokenHash(token));
}
