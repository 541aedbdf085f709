import * as z from 'zod/mini';
import { toProblems, type ParseResult } from '../problems.js';
import { rule } from '../rule.js';
import { CHANNEL_KINDS, CHANNEL_STATES, NOTICE_LEVELS, WEEKDAY_KEYS, type WeekdayKey } from './clock.js';
import { CONTACT_KINDS, Contact, Link, TimeZone, Url, type ContactKind } from '../links.js';
import { Text, type Locale } from '../text.js';
import { ownKeysOnly, ownKeysOnlyWhileLoading } from '../prototypes.js';

// The format of a service-status document, version 1. One definition: the
// TypeScript types are inferred from it and the JSON Schema is generated from it.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { STATUS_VERSIONS } from '../fast/rules/status.js';
export {
  CHANNEL_KINDS,
  CHANNEL_STATES,
  NOTICE_LEVELS,
  WEEKDAY_KEYS,
  clockMinutes,
  readDocTime,
  type ChannelKind,
  type ChannelState,
  type DocTime,
  type NoticeLevel,
  type WeekdayKey,
} from './clock.js';

// Links and contacts are shared with the requirement checklist (src/links.ts);
// re-exported here so existing imports keep working.
export { CONTACT_KINDS, Contact, Link, Url, type ContactKind };

const Clock = z.string().check(rule('clock'));

const LocalDateString = z.string().check(rule('localDate'));

const DateTimeString = z.string().check(rule('dateTime'));

/** One opening period on a day, in the office's local time. */
export const Period = z.strictObject({ open: Clock, close: Clock }).check(rule('period'));
export type Period = z.infer<typeof Period>;

/** Opening periods per weekday; a missing day is closed. Friday is often shorter. */
export const WeeklyHours = z.strictObject(
  Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, z.optional(z.array(Period))])) as Record<WeekdayKey, z.ZodMiniOptional<z.ZodMiniArray<typeof Period>>>,
);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** A date or range of dates on which the office is closed (inclusive), with the reason. */
export const Closure = z.strictObject({
  from: LocalDateString,
  until: z.optional(LocalDateString),
  reason: Text,
  /** The channels that close; by default every channel that keeps office hours. */
  channels: z.optional(z.array(z.enum(CHANNEL_KINDS))),
}).check(rule('closure'));
export type Closure = z.infer<typeof Closure>;

/**
 * A notice shown while it is valid: from `from` (default: always) until
 * `until` (default: until further notice). A date without a time covers the
 * whole day in the office's zone.
 */
export const Notice = z.strictObject({
  id: z.optional(z.string()),
  level: z.enum(NOTICE_LEVELS),
  title: Text,
  body: z.optional(Text),
  from: z.optional(DateTimeString),
  until: z.optional(DateTimeString),
  links: z.optional(z.array(Link)),
});
export type Notice = z.infer<typeof Notice>;

/** One service channel and its state right now, with its notes, links and contacts. */
export const Channel = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  state: z.enum(CHANNEL_STATES),
  /** Overrides the default name ("Tatap muka", "Konsultasi") — e.g. "TANYA PTSP", "Go License". */
  label: z.optional(Text),
  /** One line shown with the state: "Maksimal 25% pegawai di kantor". */
  note: z.optional(Text),
  /** Further notes: queue limits, health protocol (3M). */
  notes: z.optional(z.array(Text)),
  links: z.optional(z.array(Link)),
  contacts: z.optional(z.array(Contact)),
  /** `office` (the office hours), `always` (24 hours), or the channel's own weekly hours. */
  hours: z.optional(z.union([z.literal('office'), z.literal('always'), WeeklyHours], { error: 'schema.hours' })),
});
export type Channel = z.infer<typeof Channel>;

/** The office: its name, its time zone (all times in the document are read in it) and address. */
export const Office = z.strictObject({
  name: Text,
  /** A short name for the compact banner on phones: "DPMPTSP Tabanan". Defaults to `name`. */
  shortName: z.optional(Text),
  timeZone: TimeZone,
  address: z.optional(Text),
  url: z.optional(Url),
});
export type Office = z.infer<typeof Office>;

/** A service-status document, version 1. */
export const StatusDocument = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.number().check(rule('statusVersion')),
  office: Office,
  hours: WeeklyHours,
  closures: z.optional(z.array(Closure)),
  notices: z.optional(z.array(Notice)),
  channels: z.array(Channel).check(z.minLength(1), rule('channels')),
  contacts: z.optional(z.array(Contact)),
  /** When the office last changed this document, in its zone (or with an offset). */
  updated: z.optional(DateTimeString),
});
export type StatusDocument = z.infer<typeof StatusDocument>;

/** Parses a service-status document. Never throws; problems name their paths. */
export function parseStatus(json: unknown, locale: Locale = 'id'): ParseResult<StatusDocument> {
  const result = ownKeysOnly(() => StatusDocument.safeParse(json));
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: toProblems(result.error.issues, json, locale) };
}
