// Data access for the staff inbox: accounts, sessions, failed logins, the
// audit log, and the inbox's reads and writes of applications. Every SQL
// statement of the inbox is here; the routes (plugins/inbox.ts) call these.
import type { Database, Param, Queryable } from '../db/database.js';
import { CLOSED_STATES, type ApplicationState } from '../../src/tracking/states.js';
import type { UserRole } from '../inbox/access.js';
import type { AuditEntry } from '../inbox/api-types.js';
import type { FailureRecord } from '../inbox/lockout.js';
import type { SessionRecord } from '../inbox/session.js';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (value: string | null | undefined) => (value ? Date.parse(value) : 0);

/** An account as stored. */
export interface UserRow {
  readonly id: number;
  readonly name: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: UserRole;
  readonly forms: readonly string[] | null;
  readonly createdAt: string;
  readonly disabled: boolean;
}

const USER_COLUMNS = 'id, name, display_name AS "displayName", password_hash AS "passwordHash", role, forms, created_at AS "createdAt", disabled_at AS "disabledAt"';

type RawUser = Omit<UserRow, 'forms' | 'disabled'> & { forms: string | null; disabledAt: string | null };

function user(raw: RawUser | undefined): UserRow | undefined {
  if (!raw) return undefined;
  let forms: string[] | null = null;
  try {
    const parsed: unknown = raw.forms === null ? null : JSON.parse(raw.forms);
    forms = Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === 'string') : null;
  } catch {
    // A hand-edited row: no per-form limit is safer read as "no forms" than "all forms".
    forms = [];
  }
  const { disabledAt, ...rest } = raw;
  return { ...rest, id: Number(raw.id), forms, disabled: disabledAt !== null };
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM staff_users');
  return Number(row?.n ?? 0);
}

export async function userByName(db: Queryable, name: string): Promise<UserRow | undefined> {
  return user(await db.get<RawUser>(`SELECT ${USER_COLUMNS} FROM staff_users WHERE name = ?`, [name.trim().toLowerCase()]));
}

export async function userById(db: Queryable, id: number): Promise<UserRow | undefined> {
  return user(await db.get<RawUser>(`SELECT ${USER_COLUMNS} FROM staff_users WHERE id = ?`, [id]));
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return (await db.all<RawUser>(`SELECT ${USER_COLUMNS} FROM staff_users ORDER BY name`)).map((r) => user(r)!);
}

export interface NewUser {
  readonly name: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: UserRole;
  readonly forms: readonly string[] | null;
  readonly createdBy: number | null;
  readonly at: string;
}

/** Inserts an account; throws the database's unique violation when the name is taken. */
export async function insertUser(db: Queryable, u: NewUser): Promise<number> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO staff_users (name, display_name, password_hash, role, forms, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [u.name, u.displayName, u.passwordHash, u.role, u.forms === null ? null : JSON.stringify(u.forms), u.at, u.createdBy],
  );
  return Number(row!.id);
}

export interface UserChange {
  readonly displayName?: string;
  readonly passwordHash?: string;
  readonly role?: UserRole;
  readonly forms?: readonly string[] | null;
  /** The time it was switched off, or null to switch it on again. */
  readonly disabledAt?: string | null;
}

export async function updateUser(db: Queryable, id: number, change: UserChange): Promise<void> {
  const sets: string[] = [];
  const params: Param[] = [];
  const set = (column: string, value: Param) => {
    sets.push(`${column} = ?`);
    params.push(value);
  };
  if (change.displayName !== undefined) set('display_name', change.displayName);
  if (change.passwordHash !== undefined) set('password_hash', change.passwordHash);
  if (change.role !== undefined) set('role', change.role);
  if (change.forms !== undefined) set('forms', change.forms === null ? null : JSON.stringify(change.forms));
  if (change.disabledAt !== undefined) set('disabled_at', change.disabledAt);
  if (sets.length === 0) return;
  await db.run(`UPDATE staff_users SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

// Sessions.

export async function insertSession(db: Queryable, s: SessionRecord): Promise<void> {
  await db.run('INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', [s.tokenHash, s.userId, iso(s.createdAt), iso(s.lastSeenAt)]);
}

export async function sessionByHash(db: Queryable, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db.get<{ tokenHash: string; userId: number; createdAt: string; lastSeenAt: string }>(
    'SELECT token_hash AS "tokenHash", user_id AS "userId", created_at AS "createdAt", last_seen_at AS "lastSeenAt" FROM staff_sessions WHERE token_hash = ?',
    [tokenHash],
  );
  return row ? { tokenHash: row.tokenHash, userId: Number(row.userId), createdAt: ms(row.createdAt), lastSeenAt: ms(row.lastSeenAt) } : undefined;
}

export async function touchSession(db: Queryable, tokenHash: string, at: number): Promise<void> {
  await db.run('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?', [iso(at), tokenHash]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
}

/** Ends every session of an account (switched off, password changed). */
export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE user_id = ?', [userId]);
}

/** Forgets sessions that can no longer be used (started before `before`, or idle since `idleBefore`). */
export async function deleteOldSessions(db: Queryable, before: number, idleBefore: number): Promise<number> {
  return db.run('DELETE FROM staff_sessions WHERE created_at < ? OR last_seen_at < ?', [iso(before), iso(idleBefore)]);
}

// Failed logins.

export async function failureOf(db: Queryable, subject: string): Promise<FailureRecord | undefined> {
  const row = await db.get<{ failures: number; firstAt: string; lockedUntil: string | null }>(
    'SELECT failures, first_at AS "firstAt", locked_until AS "lockedUntil" FROM login_failures WHERE subject = ?',
    [subject],
  );
  return row ? { failures: Number(row.failures), firstAt: ms(row.firstAt), lockedUntil: ms(row.lockedUntil) } : undefined;
}

export async function putFailure(db: Queryable, subject: string, r: FailureRecord): Promise<void> {
  await db.run(
    'INSERT INTO login_failures (subject, failures, first_at, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until',
    [subject, r.failures, iso(r.firstAt), r.lockedUntil ? iso(r.lockedUntil) : null],
  );
}

export async function clearFailures(db: Queryable, subject: string): Promise<void> {
  await db.run('DELETE FROM login_failures WHERE subject = ?', [subject]);
}

// The audit log.

/** One line of the audit log. */
export interface AuditInput {
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string;
  readonly action: string;
  readonly submissionId?: number | null;
  readonly trackingNumber?: string | null;
  readonly detail?: string | null;
}

export async function insertAudit(db: Queryable, e: AuditInput): Promise<void> {
  await db.run('INSERT INTO audit_log (at, user_id, user_name, action, submission_id, tracking_number, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    e.at,
    e.userId,
    e.userName,
    e.action,
    e.submissionId ?? null,
    e.trackingNumber ?? null,
    e.detail ?? null,
  ]);
}

export async function listAudit(db: Queryable, limit: number, offset: number): Promise<{ rows: AuditEntry[]; total: number }> {
  const rows = await db.all<AuditEntry>(
    'SELECT id, at, user_name AS "user", action, tracking_number AS "trackingNumber", detail FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?',
    [limit, offset],
  );
  const total = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log');
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total: Number(total?.n ?? 0) };
}

// Applications, as the inbox reads them.

/** The inbox's filters, already checked. `forms` limits to the forms an account may see (null: every form). */
export interface InboxFilter {
  readonly forms: readonly string[] | null;
  readonly formId?: string;
  readonly state?: ApplicationState;
  /** ISO times, inclusive `from`, exclusive `to`. */
  readonly from?: string;
  readonly to?: string;
  /** Part of a tracking number or of the answers (a name), any case. */
  readonly search?: string;
}

function where(filter: InboxFilter, withState: boolean): { sql: string; params: Param[] } {
  const clauses: string[] = [];
  const params: Param[] = [];
  if (filter.forms !== null) {
    if (filter.forms.length === 0) clauses.push('1 = 0');
    else {
      clauses.push(`form_id IN (${filter.forms.map(() => '?').join(', ')})`);
      params.push(...filter.forms);
    }
  }
  if (filter.formId !== undefined) {
    clauses.push('form_id = ?');
    params.push(filter.formId);
  }
  if (withState && filter.state !== undefined) {
    clauses.push('state = ?');
    params.push(filter.state);
  }
  if (filter.from !== undefined) {
    clauses.push('received_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('received_at < ?');
    params.push(filter.to);
  }
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push("(LOWER(tracking_number) LIKE ? ESCAPE '\\' OR LOWER(answers) LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One application as the list needs it. */
export interface InboxRow {
  readonly id: number;
  readonly formId: string;
  readonly trackingNumber: string;
  readonly state: ApplicationState;
  readonly receivedAt: string;
  readonly stateChangedAt: string;
  readonly answers: Record<string, unknown> | null;
}

const ROW_COLUMNS = 'id, form_id AS "formId", tracking_number AS "trackingNumber", state, received_at AS "receivedAt", state_changed_at AS "stateChangedAt", answers';

function row(raw: Omit<InboxRow, 'answers'> & { answers: string | null }): InboxRow {
  let answers: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = raw.answers === null ? null : JSON.parse(raw.answers);
    answers = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    answers = null;
  }
  return { ...raw, id: Number(raw.id), answers };
}

/** A page of applications, newest first, and how many match. */
export async function listApplications(db: Queryable, filter: InboxFilter, limit: number, offset: number): Promise<{ rows: InboxRow[]; total: number }> {
  const w = where(filter, true);
  const rows = await db.all<Omit<InboxRow, 'answers'> & { answers: string | null }>(`SELECT ${ROW_COLUMNS} FROM submissions ${w.sql} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
  const total = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM submissions ${w.sql}`, w.params);
  return { rows: rows.map(row), total: Number(total?.n ?? 0) };
}

/** Every matching application (the export), oldest first, in pages of `batch`. */
export async function* eachApplication(db: Queryable, filter: InboxFilter, batch = 500): AsyncGenerator<InboxRow> {
  const w = where(filter, true);
  let after = 0;
  for (;;) {
    const rows = await db.all<Omit<InboxRow, 'answers'> & { answers: string | null }>(
      `SELECT ${ROW_COLUMNS} FROM submissions ${w.sql ? `${w.sql} AND` : 'WHERE'} id > ? ORDER BY id LIMIT ?`,
      [...w.params, after, batch],
    );
    for (const r of rows) yield row(r);
    if (rows.length < batch) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** Applications per state under the filters, the state filter aside. */
export async function countByState(db: Queryable, filter: InboxFilter): Promise<Partial<Record<ApplicationState, number>>> {
  const w = where(filter, false);
  const rows = await db.all<{ state: ApplicationState; n: number }>(`SELECT state, COUNT(*) AS n FROM submissions ${w.sql} GROUP BY state`, w.params);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** The form ids that have applications, for the filter (with the forms the receiver knows). */
export async function formIdsWithApplications(db: Queryable): Promise<string[]> {
  return (await db.all<{ formId: string }>('SELECT DISTINCT form_id AS "formId" FROM submissions ORDER BY form_id')).map((r) => r.formId);
}

export async function applicationById(db: Queryable, id: number): Promise<(InboxRow & { readonly erased: boolean }) | undefined> {
  const raw = await db.get<Omit<InboxRow, 'answers'> & { answers: string | null; erasedAt: string | null }>(`SELECT ${ROW_COLUMNS}, erased_at AS "erasedAt" FROM submissions WHERE id = ?`, [id]);
  if (!raw) return undefined;
  const { erasedAt, ...rest } = raw;
  return { ...row(rest), erased: erasedAt !== null };
}

export interface FileRow {
  readonly id: number;
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

export async function filesOfApplication(db: Queryable, submissionId: number): Promise<FileRow[]> {
  const rows = await db.all<FileRow>('SELECT id, field, name, type, size FROM submission_files WHERE submission_id = ? ORDER BY position', [submissionId]);
  return rows.map((r) => ({ ...r, id: Number(r.id), size: Number(r.size) }));
}

export async function fileOfApplication(db: Queryable, submissionId: number, fileId: number): Promise<(FileRow & { readonly content: Buffer }) | undefined> {
  const r = await db.get<FileRow & { content: Buffer }>('SELECT id, field, name, type, size, content FROM submission_files WHERE submission_id = ? AND id = ?', [submissionId, fileId]);
  return r ? { ...r, id: Number(r.id), size: Number(r.size), content: Buffer.from(r.content) } : undefined;
}

export interface EventRow {
  readonly at: string;
  readonly state: ApplicationState;
  readonly messageToCitizen: string | null;
  readonly internalNote: string | null;
  readonly actor: string | null;
}

export async function eventsOfApplication(db: Queryable, submissionId: number): Promise<EventRow[]> {
  return db.all<EventRow>(
    `SELECT e.at, e.state, e.message_to_citizen AS "messageToCitizen", e.internal_note AS "internalNote", u.display_name AS actor
       FROM application_events e LEFT JOIN staff_users u ON u.id = e.actor
      WHERE e.submission_id = ? ORDER BY e.id`,
    [submissionId],
  );
}

/** What a state change writes. */
export interface NewState {
  readonly submissionId: number;
  readonly state: ApplicationState;
  readonly messageToCitizen: string | null;
  readonly internalNote: string | null;
  readonly actor: number;
  readonly at: string;
}

/** Changes an application's state and records the event, in one transaction. Closed states start the retention clock. */
export async function changeState(db: Database, change: NewState): Promise<void> {
  const closed = CLOSED_STATES.includes(change.state);
  await db.transaction(async (tx) => {
    await tx.run(`UPDATE submissions SET state = ?, state_changed_at = ?, closed_at = ${closed ? 'COALESCE(closed_at, ?)' : 'NULL'} WHERE id = ?`, closed ? [change.state, change.at, change.at, change.submissionId] : [change.state, change.at, change.submissionId]);
    await tx.run('INSERT INTO application_events (submission_id, at, state, message_to_citizen, internal_note, actor) VALUES (?, ?, ?, ?, ?, ?)', [
      change.submissionId,
      change.at,
      change.state,
      change.messageToCitizen,
      change.internalNote,
      change.actor,
    ]);
  });
}
