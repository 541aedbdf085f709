import type { ApplicationState } from '../../src/tracking/states.js';
import type { UserRole } from './access.js';

// The JSON the inbox's routes answer and the inbox page reads: one set of
// types for both sides. Times are ISO 8601 UTC strings.

/** The logged-in account as the page sees it. */
export interface SessionUser {
  readonly id: number;
  readonly name: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly forms: readonly string[] | null;
}

/** `GET api/session`, `POST api/login`. */
export interface SessionAnswer {
  readonly user: SessionUser;
  readonly csrf: string;
  /** The office's time zone (IANA), for every date shown. */
  readonly timeZone: string;
}

export interface FormSummary {
  readonly id: string;
  readonly title: string;
}

/** One line of the list. */
export interface ApplicationSummary {
  readonly id: number;
  readonly trackingNumber: string;
  readonly formId: string;
  readonly formTitle: string;
  /** The applicant's name, when the form asks for one. */
  readonly applicant: string;
  readonly state: ApplicationState;
  readonly receivedAt: string;
  readonly stateChangedAt: string;
}

/** `GET api/applications`. */
export interface ApplicationList {
  readonly items: readonly ApplicationSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Applications per state under the same filters, except the state filter. */
  readonly counts: Readonly<Partial<Record<ApplicationState, number>>>;
}

export interface FileSummary {
  readonly id: number;
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export interface EventSummary {
  readonly at: string;
  readonly state: ApplicationState;
  readonly messageToCitizen: string | null;
  readonly internalNote: string | null;
  /** Who made the change; null for the receiver itself. */
  readonly actor: string | null;
}

/** `GET api/applications/:id`. */
export interface ApplicationDetail {
  readonly application: ApplicationSummary & { readonly answers: Record<string, unknown> | null; readonly erased: boolean };
  /** The form's JSON document, as the citizen's page got it; null when the server no longer has it. */
  readonly form: unknown;
  readonly files: readonly FileSummary[];
  readonly events: readonly EventSummary[];
}

/** `POST api/applications/:id/state`. */
export interface StateChange {
  readonly state: ApplicationState;
  readonly messageToCitizen: string;
  readonly internalNote: string;
}

export interface UserSummary extends SessionUser {
  readonly createdAt: string;
  readonly disabled: boolean;
}

/** `POST api/users` (create) and `POST api/users/:id` (change; omitted keys stay). */
export interface UserInput {
  readonly name?: string;
  readonly displayName?: string;
  readonly password?: string;
  readonly role?: UserRole;
  readonly forms?: readonly string[] | null;
  readonly disabled?: boolean;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly user: string;
  readonly action: string;
  readonly trackingNumber: string | null;
  readonly detail: string | null;
}

/** `GET api/audit`. */
export interface AuditList {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Limits on what staff type, checked by the server and shown by the page. */
export const MESSAGE_MAX_LENGTH = 2000;
export const NOTE_MAX_LENGTH = 2000;
/** Applications per page of the list. */
export const PAGE_SIZE = 25;
