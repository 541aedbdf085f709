/**
 * Indonesian phone numbers (INDONESIA.md): accept `+62…`, `62…` and `0…`, with
 * spaces, hyphens, dots and brackets; store E.164. Mobiles are `8[1-35-9]` and
 * 7–10 more digits; landlines start with an area code beginning 2–7 or 9.
 */
const MOBILE = /^8[1-35-9]\d{7,10}$/;
const LANDLINE = /^(?:[2-79]\d{6,10})$/;
/** Short service numbers (112, 1500-xxx call centres), dialled as written. */
const SERVICE = /^1\d{2,6}$/;

/** Removes the separators people type: spaces, hyphens, dots, brackets, slashes. */
export function stripSeparators(value: string): string {
  return value.replace(/[\s\-.()/\u00a0]/g, '');
}

/** The national significant number (without 0 or +62), or `undefined` when not Indonesian-shaped. */
function nationalNumber(value: string): string | undefined {
  const digits = stripSeparators(value);
  if (digits.startsWith('+62')) return digits.slice(3);
  if (digits.startsWith('62')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return undefined;
}

/** `+62811…` for a plausible Indonesian mobile or landline number, else `undefined`. Idempotent. */
export function normalizePhone(value: string): string | undefined {
  const national = nationalNumber(value);
  if (national === undefined || !/^\d+$/.test(national)) return undefined;
  return MOBILE.test(national) || LANDLINE.test(national) ? `+62${national}` : undefined;
}

/** Whether a normalized number is a mobile (and so may have WhatsApp). */
export function isMobile(e164: string): boolean {
  return e164.startsWith('+62') && MOBILE.test(e164.slice(3));
}

/** A short service number such as 112 or 1500-123, digits only; else `undefined`. */
export function serviceNumber(value: string): string | undefined {
  const digits = stripSeparators(value);
  return SERVICE.test(digits) ? digits : undefined;
}

/** The `tel:` URL for a phone or service number, or `undefined`. */
export function telHref(value: string): string | undefined {
  const number = normalizePhone(value) ?? serviceNumber(value);
  return number === undefined ? undefined : `tel:${number}`;
}

/** The WhatsApp link (`https://wa.me/62812…`) for a mobile number, or `undefined`. */
export function whatsAppHref(value: string): string | undefined {
  const e164 = normalizePhone(value);
  return e164 !== undefined && isMobile(e164) ? `https://wa.me/${e164.slice(1)}` : undefined;
}
