import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Staff passwords, hashed with scrypt from node:crypto: memory-hard, part of
// Node itself (maintained with it, no native add-on to build), and every
// hash carries its own cost so the cost can rise later without locking
// anybody out. Format: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url).

/** scrypt's cost parameters. */
export interface ScryptCost {
  /** log2 of N, the CPU/memory cost. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt minimum (N = 2^17, r = 8, p = 1): 128 MiB and a few hundred ms per login. */
export const DEFAULT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
/** Shortest password an account may have; long passphrases beat complexity rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted, so a login cannot make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 200;

const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128·N·r bytes; leave room above that or Node refuses.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Why a new password is not acceptable (Bahasa Indonesia), or `undefined`. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Kata sandi paling panjang ${MAX_PASSWORD_LENGTH} karakter.`;
  return undefined;
}

/** A new hash of `password` with a fresh random salt. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

/**
 * Whether `password` matches `stored`; a malformed or missing hash never
 * matches. Compared in constant time; without a hash it still does the work
 * of one at `dummyCost`, so a wrong name takes as long as a wrong password.
 */
export async function verifyPassword(password: string, stored: string | undefined, dummyCost: ScryptCost = DEFAULT_COST): Promise<boolean> {
  const m = stored === undefined ? null : FORMAT.exec(stored);
  if (!m || password.length > MAX_PASSWORD_LENGTH) {
    await derive(password.slice(0, MAX_PASSWORD_LENGTH), Buffer.alloc(SALT_BYTES), dummyCost);
    return false;
  }
  const cost = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (cost.logN < 10 || cost.logN > 22 || cost.r < 1 || cost.p < 1) return false;
  const expected = Buffer.from(m[5] as string, 'base64url');
  const key = await derive(password, Buffer.from(m[4] as string, 'base64url'), cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with less than `cost` and should be redone at the next login. */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const m = FORMAT.exec(stored);
  return !m || Number(m[1]) < cost.logN || Number(m[2]) < cost.r;
}
