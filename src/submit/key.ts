// Idempotency keys: one per submission, reused by every retry (also after a
// reload, because the key is stored with the outbox entry). No
// `crypto.randomUUID`: it only exists in secure contexts, and many regency
// sites are still served over plain HTTP. `crypto.getRandomValues` works on
// both; Math.random plus the time is the last resort for very old engines.

/** Where random bytes come from; tests inject their own. */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

/** The best source of random bytes this engine has. */
export function defaultRandomBytes(): RandomBytes {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.getRandomValues === 'function') return (bytes) => {
    c.getRandomValues(bytes);
    return bytes;
  };
  return (bytes) => {
    // Weak, but unique enough for de-duplication: time and a counter are mixed in below.
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return bytes;
  };
}

let counter = 0;

/**
 * A new idempotency key: a version-4 UUID made from 16 random bytes, e.g.
 * `3b241101-e2bb-4255-8caf-4136c566a962`. Without `crypto`, the time and a
 * counter are folded into the first bytes so two keys from one page differ.
 */
export function newIdempotencyKey(random: RandomBytes = defaultRandomBytes()): string {
  const bytes = random(new Uint8Array(16));
  if (!(globalThis as { crypto?: Crypto }).crypto?.getRandomValues) {
    const stamp = Date.now() + ++counter;
    for (let i = 0; i < 6; i++) bytes[i] = (bytes[i] as number) ^ (Math.floor(stamp / 256 ** i) & 0xff);
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a string looks like a key this module made (or any UUID-like token of 16–128 safe characters). */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_.:-]{16,128}$/.test(value);
}
