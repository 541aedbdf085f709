import { isMobile, normalizePhone, serviceNumber, telHref, whatsAppHref } from './phone.js';
import { isAllowedUrl, safeHref } from './url.js';

// Contact lines without zod: the rule for their values and their links, for
// the widgets' first render and for the formats' checks (links.ts).

/** Contact lines; phone-like kinds are checked as Indonesian numbers. */
export const CONTACT_KINDS = ['phone', 'whatsapp', 'call-centre', 'sms', 'email', 'web'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/**
 * One @, then dot-separated labels with no empty one. Linear: a label cannot
 * hold a dot, so there is one way to split the domain. The old rule
 * (`[^\s@]+\.[^\s@]+$`) tried every dot: "a@" + "." × 300 000 + "@" held the
 * thread for 55 s.
 */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/** The longest address SMTP carries (RFC 5321). */
export const EMAIL_MAX_LENGTH = 254;

/** Whether a value looks like an email address (one @, a dot in the domain, no spaces, at most 254 characters). */
export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value);
}

/**
 * What is wrong with a contact value for its kind, as a message key, or
 * `undefined`: one rule for the banner's contacts, the checklist's and the
 * form's help channel. WhatsApp needs a mobile number; a call centre may be a
 * short service number (1500-xxx).
 */
export function contactProblem(kind: ContactKind, value: string): 'schema.email' | 'schema.url' | 'schema.mobile' | 'schema.phone' | undefined {
  switch (kind) {
    case 'email':
      return isEmail(value) ? undefined : 'schema.email';
    case 'web':
      return isAllowedUrl(value) ? undefined : 'schema.url';
    case 'whatsapp': {
      const number = normalizePhone(value);
      return number !== undefined && isMobile(number) ? undefined : 'schema.mobile';
    }
    case 'sms':
      return normalizePhone(value) === undefined ? 'schema.phone' : undefined;
    default:
      return normalizePhone(value) ?? serviceNumber(value) ? undefined : 'schema.phone';
  }
}

/** The href for a contact line: `tel:`, `https://wa.me/62…`, `sms:`, `mailto:` or a web URL. */
export function contactHref(contact: { readonly kind: ContactKind; readonly value: string }, base: string): string | undefined {
  switch (contact.kind) {
    case 'phone':
    case 'call-centre':
      return telHref(contact.value);
    case 'whatsapp':
      return whatsAppHref(contact.value);
    case 'sms': {
      const number = normalizePhone(contact.value);
      return number ? `sms:${number}` : undefined;
    }
    case 'email':
      return /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(contact.value) ? `mailto:${contact.value}` : undefined;
    case 'web':
      return safeHref(contact.value, base);
  }
}
