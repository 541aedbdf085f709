import * as z from 'zod/mini';
import { Contact, TimeZone, Url } from '../links.js';
import { toProblems, type ParseResult } from '../problems.js';
import { rule } from '../rule.js';
import { Text, type Locale } from '../text.js';
import { ownKeysOnly, ownKeysOnlyWhileLoading } from '../prototypes.js';
import { APPLICATION_STATES, TRACKING_MAX_LENGTH, type ApplicationState } from './states.js';

// The application-status contract, version 1: the JSON a backend answers to a
// status lookup and <loket-application-status> renders. One definition: the
// types are inferred from it and the JSON Schema is generated from it, so any
// backend can implement it, not only loket's receiver.
//
// It carries status, never personal data: no NIK, no name, no address, no
// answers, no files. Only what the office writes for the citizen.

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();
z.config({ jitless: true });

export { APPLICATION_STATES, TRACKING_MAX_LENGTH, type ApplicationState };

export { TRACKING_VERSIONS } from '../fast/rules/tracking.js';
export { instantMs } from './instant.js';

/**
 * A moment: an RFC 3339 date-time with its offset, `2020-08-18T09:30:00+08:00`
 * or `…Z`. The widget shows it in the office's zone (WIB, WITA, WIT), whatever
 * zone the backend wrote it in.
 */
export const Instant = z.string().check(rule('instant'));

const Number_ = z.string().check(z.minLength(1), z.maxLength(TRACKING_MAX_LENGTH));

/** What the application is for. */
export const TrackedPermit = z.strictObject({
  /** The permit or form title: "Surat Izin Penangkapan Ikan (SIPI)". */
  title: Text,
  /** The form's `id`, for backends and host pages; not shown. */
  formId: z.optional(z.string()),
});
export type TrackedPermit = z.infer<typeof TrackedPermit>;

/** The office handling the application: its name, its zone, how to reach it. */
export const TrackingOffice = z.strictObject({
  name: Text,
  unit: z.optional(Text),
  /** Every date-time is shown in this IANA zone with WIB, WITA or WIT. */
  timeZone: TimeZone,
  address: z.optional(Text),
  /** WhatsApp first: the channel the 2020 offices actually answered. */
  contacts: z.optional(z.array(Contact)),
});
export type TrackingOffice = z.infer<typeof TrackingOffice>;

/** One change of state, as the citizen may see it. */
export const TimelineEntry = z.strictObject({
  state: z.enum(APPLICATION_STATES),
  at: Instant,
  /** What the office told the citizen with this change. Never the internal note. */
  message: z.optional(Text),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Where and when to collect the permit (state `ready`). */
export const Collect = z.strictObject({
  place: z.optional(Text),
  /** "Senin–Jumat, pukul 08.00–15.00 WITA". */
  when: z.optional(Text),
  /** What to bring: "Tanda terima dan KTP asli". */
  bring: z.optional(z.array(Text)),
});
export type Collect = z.infer<typeof Collect>;

/** What the citizen should do now. */
export const NextSteps = z.strictObject({
  /** Documents or answers to fix (state `needs-fix`). */
  fix: z.optional(z.array(Text)),
  collect: z.optional(Collect),
  /** Anything else, in the office's words. */
  note: z.optional(Text),
});
export type NextSteps = z.infer<typeof NextSteps>;

/** The status of one application, as a backend answers a lookup. Version 1. */
export const ApplicationStatus = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.number().check(rule('trackingVersion')),
  trackingNumber: Number_,
  permit: TrackedPermit,
  office: TrackingOffice,
  /** The current state. */
  state: z.enum(APPLICATION_STATES),
  /** When the citizen submitted. */
  submittedAt: Instant,
  /** Every change so far, oldest first; the last one is the current state. */
  timeline: z.array(TimelineEntry).check(z.minLength(1)),
  /** The office's current message to the citizen (usually the last change's). */
  message: z.optional(Text),
  next: z.optional(NextSteps),
  /** The form again, with the citizen's non-sensitive choices pre-filled (state `needs-fix`). */
  formUrl: z.optional(Url),
});
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Parses a status answer. Never throws; problems name their paths. */
export function parseApplicationStatus(json: unknown, locale: Locale = 'id'): ParseResult<ApplicationStatus> {
  const result = ownKeysOnly(() => ApplicationStatus.safeParse(json));
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: toProblems(result.error.issues, json, locale) };
}

/**
 * The lookup the widget sends: `POST` with this JSON body, so the secret never
 * sits in a URL (nor in the server's access log, nor in the browser history).
 */
export const StatusLookup = z.strictObject({
  trackingNumber: Number_,
  /** The per-application secret from the receipt's link. */
  secret: z.string().check(z.minLength(1), z.maxLength(TRACKING_MAX_LENGTH)),
});
export type StatusLookup = z.infer<typeof StatusLookup>;
