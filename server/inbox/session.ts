import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Staff sessions: a random id in an HttpOnly, SameSite=Strict cookie; the
// database keeps only its SHA-256, so a leaked backup cannot log anybody in.
// A session ends at a fixed age and after a quiet spell, whichever is first.

/** The session cookie's name. `__Host-` (Secure, path /, no Domain) when served over HTTPS. */
export const SESSION_COOKIE = 'loket_petugas';

/** How long sessions last. */
export interface SessionPolicy {
  /** Longest a session lives, however busy (ms). */
  readonly maxAgeMs: number;
  /** A session nobody used for this long ends (ms). */
  readonly idleMs: number;
}

/** A working day at most; 30 minutes away from the desk logs out (a shared office PC). */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxAgeMs: 12 * 60 * 60 * 1000, idleMs: 30 * 60 * 1000 };

/** What the server keeps of a session. */
export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

/** A new session id for the cookie (256 random bits, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for a session id. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a session may still be used at `now`: `ok`, or why not. */
export function sessionState(record: SessionRecord, now: number, policy: SessionPolicy = DEFAULT_SESSION_POLICY): 'ok' | 'expired' | 'idle' {
  if (now - record.createdAt >= policy.maxAgeMs) return 'expired';
  if (now - record.lastSeenAt >= policy.idleMs) return 'idle';
  return 'ok';
}

/** The cookie name for the connection: browsers only accept `__Host-` cookies over HTTPS. */
export function cookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The `Set-Cookie` value that starts a session (`token`) or ends it (`undefined`). */
export function sessionCookie(token: string | undefined, options: { readonly secure: boolean; readonly maxAgeMs?: number }): string {
  const parts = [`${cookieName(options.secure)}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (options.secure) parts.push('Secure');
  parts.push(token === undefined ? 'Max-Age=0' : `Max-Age=${Math.floor((options.maxAgeMs ?? DEFAULT_SESSION_POLICY.maxAgeMs) / 1000)}`);
  return parts.join('; ');
}

/** The session id from a `Cookie` header, or `undefined`. */
export function readSessionCookie(header: string | undefined, secure: boolean): string | undefined {
  if (!header) return undefined;
  const name = cookieName(secure);
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The session's CSRF token (synchronizer pattern without storage): an HMAC of
 * the session id, which a page can only learn from the server's answer, and a
 * cross-site attacker can neither read nor compute (the cookie is HttpOnly).
 */
export function csrfToken(sessionToken: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

/** Whether a request's `X-CSRF-Token` is the session's token (constant time). */
export function csrfMatches(sessionToken: string, secret: string, sent: string | undefined): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfToken(sessionToken, secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Methods that change something and so need the CSRF checks. */
export const UNSAFE_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** What the same-origin check needs from a request. */
export interface OriginInput {
  readonly method: string;
  /** The `Origin` header. */
  readonly origin: string | undefined;
  /** The `Sec-Fetch-Site` header. */
  readonly fetchSite: string | undefined;
  /** The origin the server is reached at, e.g. `https://izin.kab.go.id`. */
  readonly ownOrigin: string;
}

/**
 * Whether a state-changing request comes from the inbox's own origin: the
 * `Origin` header must be ours when present, and `Sec-Fetch-Site` (sent by
 * every current browser) must not be cross-site. Safe methods always pass.
 */
export function sameOrigin({ method, origin, fetchSite, ownOrigin }: OriginInput): boolean {
  if (!UNSAFE_METHODS.includes(method.toUpperCase())) return true;
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin !== undefined) return origin === ownOrigin;
  // No Origin and no Sec-Fetch-Site: not a browser (curl, a script); the CSRF token still applies.
  return true;
}
