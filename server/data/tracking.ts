// Data access for the citizen's status lookup: the application by number,
// its public events (never the internal note), and the failure counters of
// the lookup's rate limit. Every SQL statement of the tracking concern is here.
import type { Queryable } from '../db/database.js';

/** What a status answer is built from: no answers, no files, no names. */
export interface TrackedRow {
  readonly id: number;
  readonly formId: string;
  readonly trackingNumber: string;
  readonly state: string;
  readonly stateChangedAt: string;
  readonly submittedAt: string | null;
  readonly receivedAt: string;
  readonly secretHash: string;
}

export async function findTracked(db: Queryable, trackingNumber: string): Promise<TrackedRow | undefined> {
  const row = await db.get<TrackedRow>(
    `SELECT id, form_id AS "formId", tracking_number AS "trackingNumber", state, state_changed_at AS "stateChangedAt",
            submitted_at AS "submittedAt", received_at AS "receivedAt", secret_hash AS "secretHash"
       FROM submissions WHERE tracking_number = ?`,
    [trackingNumber],
  );
  return row && { ...row, id: Number(row.id) };
}

/** Only the answers the citizen may use for "Perlu perbaikan" pre-fill; NULL once erased. */
export async function answersOf(db: Queryable, id: number): Promise<unknown> {
  const row = await db.get<{ answers: string | null }>('SELECT answers FROM submissions WHERE id = ?', [id]);
  return row?.answers ? JSON.parse(row.answers) : null;
}

/** An event as the citizen may see it. */
export interface PublicEvent {
  readonly at: string;
  readonly state: string;
  readonly message: string | null;
}

/** The application's events, oldest first, without the internal note (the column is never selected). */
export async function publicEvents(db: Queryable, submissionId: number): Promise<PublicEvent[]> {
  return db.all<PublicEvent>('SELECT at, state, message_to_citizen AS "message" FROM application_events WHERE submission_id = ? ORDER BY id', [submissionId]);
}

/** Failures counted in the current window for a scope and name (0 when none or from an older window). */
export async function failuresIn(db: Queryable, scope: string, name: string, windowStart: string): Promise<number> {
  const row = await db.get<{ failures: number }>('SELECT failures FROM status_lookup_failures WHERE scope = ? AND name = ? AND window_start = ?', [scope, name, windowStart]);
  return row ? Number(row.failures) : 0;
}

/** Counts one failure in the current window (a row from an older window starts again at 1). */
export async function countFailure(db: Queryable, scope: string, name: string, windowStart: string): Promise<void> {
  await db.run(
    `INSERT INTO status_lookup_failures (scope, name, window_start, failures) VALUES (?, ?, ?, 1)
     ON CONFLICT (scope, name) DO UPDATE SET
       failures = CASE WHEN status_lookup_failures.window_start = excluded.window_start THEN status_lookup_failures.failures + 1 ELSE 1 END,
       window_start = excluded.window_start`,
    [scope, name, windowStart],
  );
}

/** Forgets counters of windows that ended. */
export async function forgetFailuresBefore(db: Queryable, windowStart: string): Promise<void> {
  await db.run('DELETE FROM status_lookup_failures WHERE window_start < ?', [windowStart]);
}
