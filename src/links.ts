import * as z from 'zod/mini';
import { CONTACT_KINDS } from './contact.js';
import { rule } from './rule.js';
import { Text } from './text.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// Links and contact lines, shared by every format (status banner, requirement
// checklist): one definition, so a scheme or phone rule changes in one place.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { CONTACT_KINDS, contactHref, contactProblem, isEmail, type ContactKind } from './contact.js';

/** An IANA time zone the runtime knows: `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
export const TimeZone = z.string().check(rule('timeZone'));

/** A URL with an allowed scheme (https, http, mailto, tel) or a relative URL. */
export const Url = z.string().check(rule('url'));

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
}).check(rule('contact'));
export type Contact = z.infer<typeof Contact>;
