import * as z from 'zod/mini';
import { toProblems, type CustomIssueParams, type ParseResult } from '../problems.js';
import { CONTACT_KINDS, Contact, Link, TimeZone, Url, type ContactKind } from '../links.js';
import { Text, type Locale } from '../text.js';
import { ownKeysOnly, ownKeysOnlyWhileLoading } from '../prototypes.js';

// The format of a service-status document, version 1. One definition: the
// TypeScript types are inferred from it and the JSON Schema is generated from it.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

// Links and contacts are shared with the requirement checklist (src/links.ts);
// re-exported here so existing imports keep working.
export { CONTACT_KINDS, Contact, Link, Url, type ContactKind };

/** The document versions this build understands. */
export const STATUS_VERSIONS = [1] as const;

/** Ways to reach an office, as the 2020 offices offered them. */
export const CHANNEL_KINDS = ['in-person', 'online', 'drop-box', 'consultation', 'home-visit'] as const;
/** A channel's state as the office sets it; opening hours still apply to `open` and `limited`. */
export const CHANNEL_STATES = ['open', 'limited', 'closed'] as const;
/** How serious a notice is. `disruption` is for a service that is down, not for ordinary news. */
export const NOTICE_LEVELS = ['info', 'warning', 'disruption'] as const;
/** Keys of the weekly schedule, Monday first as office notices list them. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type ChannelState = (typeof CHANNEL_STATES)[number];
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const issue = (params: CustomIssueParams) => ({ code: 'custom' as const, message: params.key, params });

const CLOCK = /^([01]\d|2[0-4])[:.]([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** Minutes after midnight for `HH:MM` or `HH.MM`; `undefined` if not a clock time. */
export function clockMinutes(value: string): number | undefined {
  const m = CLOCK.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date or date-time as written in a document, read in the office's zone unless it carries an offset. */
export interface DocTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Absent for a whole-day value. */
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  /** Minutes east of UTC when the value carries `Z` or `+07:00`. */
  readonly offset?: number;
  /** The smallest unit written: `minute` for `T08:00`, `second` for `T08:00:30`. Absent for a whole day. */
  readonly precision?: 'minute' | 'second';
}

/** Reads `2020-08-18`, `2020-08-18T08:00` or `2020-08-18T08:00:00+08:00`. */
export function readDocTime(value: string): DocTime | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(year, month, day)) return undefined;
  if (m[4] === undefined) return { year, month, day };
  const zone = m[7];
  let offset: number | undefined;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { year, month, day, hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0), offset, precision: m[6] === undefined ? 'minute' : 'second' };
}

const Clock = z.string().check(
  z.superRefine((value, ctx) => {
    if (clockMinutes(value) === undefined) ctx.addIssue(issue({ key: 'schema.time', value }));
  }),
);

const LocalDateString = z.string().check(
  z.superRefine((value, ctx) => {
    const m = DATE.exec(value);
    if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) ctx.addIssue(issue({ key: 'schema.date', value }));
  }),
);

const DateTimeString = z.string().check(
  z.superRefine((value, ctx) => {
    if (!readDocTime(value)) ctx.addIssue(issue({ key: 'schema.dateTime', value }));
  }),
);

/** One opening period on a day, in the office's local time. */
export const Period = z.strictObject({ open: Clock, close: Clock }).check(
  z.superRefine((period, ctx) => {
    const open = clockMinutes(period.open);
    const close = clockMinutes(period.close);
    if (open !== undefined && close !== undefined && close <= open) {
      ctx.addIssue({ ...issue({ key: 'schema.timeOrder', open: period.open, close: period.close }), path: ['close'] });
    }
  }),
);
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
}).check(
  z.superRefine((closure, ctx) => {
    if (closure.until !== undefined && closure.until < closure.from) {
      ctx.addIssue({ ...issue({ key: 'schema.dateOrder', from: closure.from, until: closure.until }), path: ['until'] });
    }
  }),
);
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
  version: z.number().check(
    z.superRefine((found, ctx) => {
      if (!(STATUS_VERSIONS as readonly number[]).includes(found)) ctx.addIssue(issue({ key: 'schema.version', found, supported: STATUS_VERSIONS.join(', ') }));
    }),
  ),
  office: Office,
  hours: WeeklyHours,
  closures: z.optional(z.array(Closure)),
  notices: z.optional(z.array(Notice)),
  channels: z.array(Channel).check(
    z.minLength(1),
    z.superRefine((channels, ctx) => {
      const first = new Map<string, number>();
      channels.forEach((channel, index) => {
        const earlier = first.get(channel.kind);
        if (earlier === undefined) first.set(channel.kind, index);
        else ctx.addIssue({ ...issue({ key: 'schema.duplicate', value: channel.kind, other: `channels[${earlier}].kind` }), path: [index, 'kind'] });
      });
    }),
  ),
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
