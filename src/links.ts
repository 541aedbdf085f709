import * as z from 'zod/mini';
import { isMobile, normalizePhone, serviceNumber, telHref, whatsAppHref } from './phone.js';
import type { CustomIssueParams } from './problems.js';
import { Text } from './text.js';
import { isTimeZone } from './time.js';
import { isAllowedUrl, safeHref } from './url.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// Links and contact lines, shared by every format (status banner, requirement
// checklist): one definition, so a scheme or phone rule changes in one place.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

const issue = (params: CustomIssueParams) => ({ code: 'custom' as const, message: params.key, params });

/** Contact lines; phone-like kinds are checked as Indonesian numbers. */
export const CONTACT_KINDS = ['phone', 'whatsapp', 'call-centre', 'sms', 'email', 'web'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** An IANA time zone the runtime knows: `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
export const TimeZone = z.string().check(
  z.superRefine((value, ctx) => {
    if (!isTimeZone(value)) ctx.addIssue(issue({ key: 'schema.timeZone', value }));
  }),
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a value looks like an email address (one @, a dot in the domain, no spaces). */
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
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

/** A URL with an allowed scheme (https, http, mailto, tel) or a relative URL. */
export const Url = z.string().check(
  z.superRefine((value, ctx) => {
    if (!isAllowedUrl(value)) ctx.addIssue(issue({ key: 'schema.url', value }));
  }),
);

/** A labelled link, e.g. to OSS or the regency's own permit portal. */
export const Link = z.strictObject({
  label: Text,
  url: Url,
});
export type Link = z.infer<typeof Link>;

/** A way to reach the office: a phone line, WhatsApp, email or web page. */
export const Contact = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  value: z.string(),
  label: z.optional(Text),
  /** When the line is answered, as text ("Senin–Jumat, 08.00–15.00"). */
  hours: z.optional(Text),
}).check(
  z.superRefine((contact, ctx) => {
    const key = contactProblem(contact.kind, contact.value);
    if (key) ctx.addIssue({ ...issue({ key, value: contact.value }), path: ['value'] });
  }),
);
export type Contact = z.infer<typeof Contact>;

/** The href for a contact line: `tel:`, `https://wa.me/62…`, `sms:`, `mailto:` or a web URL. */
export function contactHref(contact: Contact, base: string): string | undefined {
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
