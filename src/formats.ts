import type * as z from 'zod/mini';
import type { ParseResult } from './problems.js';
import type { Locale } from './locale.js';
import { CHECKLIST_VERSIONS, ChecklistDocument, parseChecklist } from './checklist/format.js';
import { FORM_VERSIONS, FormDocument, parseForm } from './form/format.js';
import { STATUS_VERSIONS, StatusDocument, parseStatus } from './status/format.js';
import { ApplicationStatus, TRACKING_VERSIONS, parseApplicationStatus } from './tracking/format.js';

// The document formats in one table: the build generates a JSON Schema from
// each row, and the `loket` command detects, validates and previews by it.
// A new format is one row.

/** One document format: its name, its zod definition, its parser and the element that renders it. */
export interface DocumentFormat {
  /** The format's name, also the JSON Schema's file name: `service-status` → `service-status.v1.json`. */
  readonly kind: string;
  /** The short name the command line accepts: `loket validate --kind status`. */
  readonly short: string;
  /** The element that renders it. */
  readonly element: string;
  /** The document versions this build understands; the JSON Schema is generated for the newest. */
  readonly versions: readonly number[];
  /** Top-level keys only this format has, for telling formats apart without `$schema`. */
  readonly keys: readonly string[];
  /** A one-line title and description for the JSON Schema and `--help`. */
  readonly title: string;
  readonly description: string;
  /** The zod definition (the input side becomes the JSON Schema). */
  readonly schema: z.ZodMiniType;
  /** The parser the element uses: never throws, problems name their paths. */
  readonly parse: (json: unknown, locale?: Locale) => ParseResult<unknown>;
}

/** Every document format of this build. */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = [
  {
    kind: 'service-status',
    short: 'status',
    element: 'loket-service-status',
    versions: STATUS_VERSIONS,
    keys: ['channels', 'hours'],
    title: 'loket service-status document',
    description: 'What an office offers right now: channels, office hours in its time zone, closures, notices and contacts. Rendered by <loket-service-status>.',
    schema: StatusDocument,
    parse: parseStatus,
  },
  {
    kind: 'permit-form',
    short: 'form',
    element: 'loket-permit-form',
    versions: FORM_VERSIONS,
    keys: ['steps'],
    title: 'loket permit-form document',
    description: 'A permit application form: steps of fields, the receiving office and where to get help. Rendered by <loket-permit-form>.',
    schema: FormDocument,
    parse: parseForm,
  },
  {
    kind: 'requirement-checklist',
    short: 'checklist',
    element: 'loket-requirement-checklist',
    versions: CHECKLIST_VERSIONS,
    keys: ['groups', 'items', 'permit'],
    title: 'loket requirement-checklist document',
    description: 'The documents a permit needs, per applicant type, with templates and a hand-off to the form. Rendered by <loket-requirement-checklist>.',
    schema: ChecklistDocument,
    parse: parseChecklist,
  },
  {
    kind: 'application-status',
    short: 'tracking',
    element: 'loket-application-status',
    versions: TRACKING_VERSIONS,
    keys: ['timeline', 'trackingNumber'],
    title: 'loket application-status answer',
    description: 'The status of one permit application as a backend answers a lookup: state, dated timeline, the office\'s message, next steps. Never personal data. Rendered by <loket-application-status>.',
    schema: ApplicationStatus,
    parse: parseApplicationStatus,
  },
];

/** The file name of a format's JSON Schema: `service-status.v1.json`. */
export function schemaFileName(format: DocumentFormat, version = Math.max(...format.versions)): string {
  return `${format.kind}.v${version}.json`;
}

/** Finds a format by its name or short name (`service-status` or `status`). */
export function findFormat(name: string): DocumentFormat | undefined {
  return DOCUMENT_FORMATS.find((f) => f.kind === name || f.short === name);
}

/**
 * Which format a parsed JSON document is: by its `$schema` (a path or URL
 * ending in `<kind>.v<N>.json`), else by the keys only one format has.
 * `undefined` when neither tells.
 */
export function detectFormat(json: unknown): DocumentFormat | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const doc = json as Record<string, unknown>;
  if (typeof doc.$schema === 'string') {
    const named = /([a-z][a-z-]*)\.v\d+\.json(?:[?#].*)?$/.exec(doc.$schema);
    const format = named && DOCUMENT_FORMATS.find((f) => f.kind === named[1]);
    if (format) return format;
  }
  const matches = DOCUMENT_FORMATS.filter((f) => f.keys.some((key) => key in doc));
  return matches.length === 1 ? matches[0] : undefined;
}
