// Data access for submissions, their files and their events. Every SQL
// statement about these tables is here; the route handlers call these
// functions. See server/README.md for how another concern adds its own.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/database.js';
import type { StoredFileMeta } from '../check.js';
import { formatTrackingNumber } from '../tracking.js';

/** What the receiver needs to answer a replayed request. */
export interface StoredKey {
  readonly id: number;
  readonly formId: string;
  readonly trackingNumber: string;
  readonly receivedAt: string;
  readonly payloadHash: string;
}

/** A submission to store. */
export interface NewSubmission {
  readonly formId: string;
  readonly prefix: string;
  readonly year: number;
  readonly idempotencyKey: string | undefined;
  readonly payloadHash: string;
  readonly locale: string;
  readonly formRevision: string | undefined;
  readonly submittedAt: string | undefined;
  readonly answers: unknown;
  readonly receivedAt: string;
  readonly files: readonly (StoredFileMeta & { readonly content: Buffer })[];
  /** Turns the tracking number into the secret's hash (the secret depends on the number). */
  readonly secretHashOf: (trackingNumber: string) => string;
}

/** Thrown by insertSubmission when the form already has a submission with this idempotency key. */
export class DuplicateKey extends Error {
  override name = 'DuplicateKey';
}

export async function findByKey(db: Queryable, formId: string, key: string): Promise<StoredKey | undefined> {
  return db.get<StoredKey>(
    'SELECT id, form_id AS "formId", tracking_number AS "trackingNumber", received_at AS "receivedAt", payload_hash AS "payloadHash" FROM submissions WHERE form_id = ? AND idempotency_key = ?',
    [formId, key],
  );
}

/**
 * Stores a submission, its files and its first event in one transaction, with
 * the next tracking number for its prefix and year. `beforeCommit` runs last
 * inside the transaction (test-only fault injection). Throws DuplicateKey
 * when the key is taken (by a concurrent request, maybe in another process).
 *
 * The counter is taken last, just before the commit: in PostgreSQL its row
 * stays locked until the commit, so every other submission of that prefix
 * and year waits for it. Taken first, that wait would include writing this
 * submission's files; taken last, it is two short statements. Until then the
 * row carries a placeholder number no one else sees (the transaction is not
 * committed) and that no other row can have.
 */
export async function insertSubmission(db: Database, s: NewSubmission, beforeCommit?: () => void): Promise<{ id: number; trackingNumber: string }> {
  try {
    return await db.transaction(async (tx) => {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO submissions (form_id, tracking_number, idempotency_key, payload_hash, locale, form_revision, submitted_at, answers, received_at, state, state_changed_at, secret_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, '') RETURNING id`,
        [s.formId, `pending:${randomUUID()}`, s.idempotencyKey ?? null, s.payloadHash, s.locale, s.formRevision ?? null, s.submittedAt ?? null, JSON.stringify(s.answers), s.receivedAt, s.receivedAt],
      );
      const id = Number(row!.id);
      let position = 0;
      for (const f of s.files) {
        await tx.run('INSERT INTO submission_files (submission_id, position, field, name, type, size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [id, position++, f.field, f.name, f.type, f.size, f.sha256, f.content]);
      }
      await tx.run("INSERT INTO application_events (submission_id, at, state) VALUES (?, ?, 'received')", [id, s.receivedAt]);
      const counter = await tx.get<{ last: number }>(
        'INSERT INTO tracking_counters (prefix, year, last) VALUES (?, ?, 1) ON CONFLICT (prefix, year) DO UPDATE SET last = tracking_counters.last + 1 RETURNING last',
        [s.prefix, s.year],
      );
      const trackingNumber = formatTrackingNumber(s.prefix, s.year, Number(counter!.last));
      await tx.run('UPDATE submissions SET tracking_number = ?, secret_hash = ? WHERE id = ?', [trackingNumber, s.secretHashOf(trackingNumber), id]);
      beforeCommit?.();
      return { id, trackingNumber };
    });
  } catch (error) {
    if (isUniqueViolation(error) && s.idempotencyKey !== undefined && String((error as Error).message).includes('idempotency_key')) throw new DuplicateKey();
    // PostgreSQL names the constraint, not the column.
    if (isUniqueViolation(error) && (error as { constraint?: string }).constraint === 'submissions_form_id_idempotency_key_key') throw new DuplicateKey();
    throw error;
  }
}

/** A submission as the listing shows it. */
export interface ListedSubmission {
  readonly id: number;
  readonly trackingNumber: string;
  readonly formId: string;
  readonly receivedAt: string;
  readonly submittedAt: string | null;
  readonly idempotencyKey: string | null;
  readonly locale: string;
  readonly formRevision: string | null;
  readonly state: string;
  readonly stateChangedAt: string;
  readonly closedAt: string | null;
  readonly erasedAt: string | null;
  readonly answers: unknown;
  readonly files: { position: number; field: string; name: string; type: string; size: number; sha256: string }[];
}

export interface ListFilter {
  readonly formId?: string | undefined;
  /** received_at ≥ from (ISO). */
  readonly from?: string | undefined;
  /** received_at < to (ISO). */
  readonly to?: string | undefined;
  /** Only ids above this (the previous page's last id). */
  readonly after?: number | undefined;
  readonly limit: number;
}

/** One page of submissions, oldest first, by id (keyset paging: as fast at the millionth row as at the first). */
export async function listSubmissions(db: Queryable, filter: ListFilter): Promise<ListedSubmission[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.formId !== undefined) where.push('form_id = ?') && params.push(filter.formId);
  if (filter.from !== undefined) where.push('received_at >= ?') && params.push(filter.from);
  if (filter.to !== undefined) where.push('received_at < ?') && params.push(filter.to);
  if (filter.after !== undefined) where.push('id > ?') && params.push(filter.after);
  const rows = await db.all<Omit<ListedSubmission, 'answers' | 'files'> & { answers: string | null }>(
    `SELECT id, tracking_number AS "trackingNumber", form_id AS "formId", received_at AS "receivedAt", submitted_at AS "submittedAt", idempotency_key AS "idempotencyKey",
            locale, form_revision AS "formRevision", state, state_changed_at AS "stateChangedAt", closed_at AS "closedAt", erased_at AS "erasedAt", answers
       FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
    [...params, filter.limit],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const files = await db.all<ListedSubmission['files'][number] & { submissionId: number }>(
    `SELECT submission_id AS "submissionId", position, field, name, type, size, sha256 FROM submission_files WHERE submission_id IN (${ids.map(() => '?').join(',')}) ORDER BY submission_id, position`,
    ids,
  );
  const byId = new Map<number, ListedSubmission['files']>();
  for (const { submissionId, ...f } of files) {
    const list = byId.get(Number(submissionId)) ?? [];
    list.push({ ...f, size: Number(f.size) });
    byId.set(Number(submissionId), list);
  }
  return rows.map((r) => ({ ...r, id: Number(r.id), answers: r.answers === null ? null : JSON.parse(r.answers), files: byId.get(Number(r.id)) ?? [] }));
}

/** One stored file's bytes, by tracking number and position. */
export async function fileContent(db: Queryable, trackingNumber: string, position: number): Promise<{ name: string; type: string; content: Buffer } | undefined> {
  return db.get(
    'SELECT f.name, f.type, f.content FROM submission_files f JOIN submissions s ON s.id = f.submission_id WHERE s.tracking_number = ? AND f.position = ?',
    [trackingNumber, position],
  );
}

/** How many submissions (for health and tests). */
export async function countSubmissions(db: Queryable, formId?: string): Promise<number> {
  const row = formId === undefined ? await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM submissions') : await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM submissions WHERE form_id = ?', [formId]);
  return Number(row?.n ?? 0);
}

/**
 * Deletes one applicant's application entirely: the row, its files and its
 * events (a request under UU PDP). Its tracking number is never issued again.
 * Resolves to whether there was one.
 */
export async function deleteSubmission(db: Database, trackingNumber: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ id: number }>('SELECT id FROM submissions WHERE tracking_number = ?', [trackingNumber]);
    if (!row) return false;
    // Explicit deletes, so it holds even where foreign keys are off.
    await tx.run('DELETE FROM submission_files WHERE submission_id = ?', [row.id]);
    await tx.run('DELETE FROM application_events WHERE submission_id = ?', [row.id]);
    await tx.run('DELETE FROM submissions WHERE id = ?', [row.id]);
    return true;
  });
}

/**
 * Retention: erases the answers and files of applications closed before
 * `cutoff` (ISO), keeping the tracking number, state and history so the
 * office can still say what happened. Returns how many were erased.
 */
export async function eraseClosedBefore(db: Database, cutoff: string, at: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.all<{ id: number }>('SELECT id FROM submissions WHERE closed_at IS NOT NULL AND closed_at < ? AND erased_at IS NULL', [cutoff]);
    for (const { id } of rows) {
      await tx.run('DELETE FROM submission_files WHERE submission_id = ?', [id]);
      await tx.run('UPDATE submissions SET answers = NULL, erased_at = ? WHERE id = ?', [at, id]);
    }
    return rows.length;
  });
}

/** A value from the settings table; `fallback` is stored first when there is none (the first process to start wins). */
export async function setting(db: Database, name: string, fallback: () => string): Promise<string> {
  await db.run('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, fallback()]);
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE name = ?', [name]);
  return row!.value;
}
