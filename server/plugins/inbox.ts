// The staff inbox at /petugas/: the page, and its JSON API under
// /petugas/api/. Every API route but login and session needs a logged-in
// account; every change also needs the session's CSRF token and a request
// from this origin. Every read or change of an application's personal data
// writes a line to the audit log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text } from '../../src/text.js';
import { instantOf, zonedParts } from '../../src/time.js';
import { trackingMsg } from '../../src/tracking/messages.js';
import { APPLICATION_STATES, type ApplicationState } from '../../src/tracking/states.js';
import * as data from '../data/inbox.js';
import { sendProblem } from '../errors.js';
import { every } from '../housekeeping.js';
import { FORM_ID } from '../forms.js';
import { canSeeForm, isAdmin, USER_ROLES, type UserRole } from '../inbox/access.js';
import { addAccount, displayNameProblem, formsProblem } from '../inbox/users.js';
import {
  MESSAGE_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  PAGE_SIZE,
  type ApplicationDetail,
  type ApplicationSummary,
  type FormSummary,
  type SessionAnswer,
  type UserSummary,
} from '../inbox/api-types.js';
import { applicantName } from '../inbox/applicant.js';
import { authenticate, DEFAULT_AUTH_OPTIONS, login, logout, type AuthOptions, type StaffUser } from '../inbox/auth.js';
import { startCsvDownload } from '../csv.js';
import { answerCells, answerColumns, CSV_DELIMITERS, csvLine, type CsvDelimiter } from '../inbox/csv.js';
import { fileHeaders, SNIFF_BYTES } from '../inbox/files.js';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../inbox/password.js';
import { csrfMatches, csrfToken, readSessionCookie, sameOrigin, sessionCookie } from '../inbox/session.js';
import type { FormDocument } from '../../src/form/format.js';

/** The built page's script and stylesheet (rollup writes them to dist/inbox/, beside dist/server/). */
const ASSETS = new URL('../inbox/', import.meta.url);
const ASSET = /^[A-Za-z0-9_.-]+\.(js|css)$/;

/** The page's own rules: its script and stylesheet from here, nothing else, never in a frame. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const PAGE = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>Kotak masuk petugas</title>
<link rel="stylesheet" href="inbox.css">
<script type="module" src="inbox.js"></script>
</head>
<body>
<noscript><p>Kotak masuk petugas memerlukan JavaScript.</p></noscript>
<loket-inbox></loket-inbox>
</body>
</html>
`;

type Query = Record<string, string | undefined>;

/** An answer for the page: the receiver's problem+json, with `message` as well (what the page shows). */
const fail = (reply: FastifyReply, status: number, message: string, headers: Record<string, string> = {}) => sendProblem(reply, status, message, { message }, headers);

/** HTTPS, or X-Forwarded-Proto: https from a proxy named by --trust-proxy (Fastify checks the proxy's address). */
const secureOf = (request: FastifyRequest) => request.protocol === 'https';
const ownOriginOf = (request: FastifyRequest) => `${secureOf(request) ? 'https' : 'http'}://${request.headers.host ?? ''}`;
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `?page=`: 1 when absent; undefined for anything but a whole number from 1 to 100 000 (no huge OFFSET). */
function pageOf(query: { readonly page?: string }): number | undefined {
  const page = query.page === undefined ? 1 : Number(query.page);
  return Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : undefined;
}

export async function inbox(app: FastifyInstance) {
  const { config, db, forms, secretKey } = app.loket;
  const now = () => app.loket.now().getTime();
  const auth: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, cost: { ...DEFAULT_AUTH_OPTIONS.cost, logN: config.passwordCost }, timeZone: config.timeZone };

  // Sessions that can no longer be used are forgotten on a timer, not by the next login.
  every(app, app.loket.housekeepingMs, 'forgetting old sessions', () => {
    const at = now();
    return data.deleteOldSessions(db, at - auth.session.maxAgeMs, at - auth.session.idleMs);
  });

  // --- helpers -------------------------------------------------------------

  const audit = (user: StaffUser | { id: null; name: string }, action: string, extra: { submissionId?: number; trackingNumber?: string; detail?: string } = {}) =>
    data.insertAudit(db, { at: app.loket.now().toISOString(), userId: user.id, userName: user.name, action, ...extra });

  /** The logged-in account, or a 401 already sent. */
  async function staff(request: FastifyRequest, reply: FastifyReply): Promise<StaffUser | undefined> {
    const token = readSessionCookie(header(request, 'cookie'), secureOf(request));
    const result = await authenticate(db, auth, token, now());
    if (result.ok) return result.user;
    fail(reply, 401, result.message, { 'Set-Cookie': sessionCookie(undefined, { secure: secureOf(request) }) });
    return undefined;
  }

  /** The account for a change: logged in, from this origin, with the session's CSRF token; or a refusal already sent. */
  async function changer(request: FastifyRequest, reply: FastifyReply): Promise<StaffUser | undefined> {
    if (!sameOrigin({ method: request.method, origin: header(request, 'origin'), fetchSite: header(request, 'sec-fetch-site'), ownOrigin: ownOriginOf(request) })) {
      fail(reply, 403, 'Permintaan dari situs lain ditolak.');
      return undefined;
    }
    const user = await staff(request, reply);
    if (!user) return undefined;
    const token = readSessionCookie(header(request, 'cookie'), secureOf(request))!;
    if (!csrfMatches(token, secretKey, header(request, 'x-csrf-token'))) {
      fail(reply, 403, 'Token keamanan halaman tidak cocok. Muat ulang halaman, lalu coba lagi.');
      return undefined;
    }
    return user;
  }

  const titleOf = (formId: string) => {
    const form = forms.get(formId)?.form;
    return form ? text(form.title, 'id') : formId;
  };

  /** Every form the receiver has documents for or applications of, that the account may see. */
  async function formList(user: StaffUser): Promise<FormSummary[]> {
    const ids = new Set(await data.formIdsWithApplications(db));
    for (const id of forms.ids()) if (forms.get(id)) ids.add(id);
    return [...ids].filter((id) => canSeeForm(user, id)).map((id) => ({ id, title: titleOf(id) })).sort((a, b) => a.title.localeCompare(b.title, 'id'));
  }

  /** The checked filters of a list or export request; a message for a bad one. */
  function filterOf(user: StaffUser, q: Query): data.InboxFilter | { readonly status: number; readonly message: string } {
    const problem = (message: string, status = 400) => ({ status, message });
    const filter: { -readonly [K in keyof data.InboxFilter]: data.InboxFilter[K] } = { forms: isAdmin(user) ? null : user.forms };
    if (q.form) {
      if (!FORM_ID.test(q.form)) return problem('Formulir tidak dikenal.');
      if (!canSeeForm(user, q.form)) return problem('Anda tidak punya akses ke formulir ini.', 403);
      filter.formId = q.form;
    }
    if (q.state) {
      if (!(APPLICATION_STATES as readonly string[]).includes(q.state)) return problem('Status tidak dikenal.');
      filter.state = q.state as ApplicationState;
    }
    for (const key of ['from', 'to'] as const) {
      const value = q[key];
      if (!value) continue;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return problem('Tanggal harus berbentuk 2026-01-31.');
      // "to" is the whole day: up to the next midnight in the office's zone.
      const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) + (key === 'to' ? 1 : 0) };
      const ms = instantOf(day, config.timeZone);
      if (!Number.isFinite(ms)) return problem('Tanggal tidak valid.');
      filter[key] = new Date(ms).toISOString();
    }
    if (q.q) {
      const search = q.q.trim();
      if (search.length > 100) return problem('Kata pencarian paling panjang 100 karakter.');
      if (search) filter.search = search;
    }
    return filter;
  }

  const summaryOf = (row: data.InboxRow): ApplicationSummary => {
    const form = forms.get(row.formId)?.form;
    return {
      id: row.id,
      trackingNumber: row.trackingNumber,
      formId: row.formId,
      formTitle: form ? text(form.title, 'id') : row.formId,
      applicant: form && row.answers ? applicantName(form, row.answers) : '',
      state: row.state,
      receivedAt: row.receivedAt,
      stateChangedAt: row.stateChangedAt,
    };
  };

  /** The application if it exists and the account may see it; else a 404/403 already sent. */
  async function visibleApplication(user: StaffUser, idText: string, reply: FastifyReply) {
    const id = Number(idText);
    const row = Number.isSafeInteger(id) && id > 0 ? await data.applicationById(db, id) : undefined;
    if (!row) {
      fail(reply, 404, 'Permohonan tidak ditemukan.');
      return undefined;
    }
    if (!canSeeForm(user, row.formId)) {
      fail(reply, 403, 'Anda tidak punya akses ke formulir permohonan ini. Minta admin menambahkannya ke akun Anda.');
      return undefined;
    }
    return row;
  }

  async function detailOf(row: NonNullable<Awaited<ReturnType<typeof data.applicationById>>>): Promise<ApplicationDetail> {
    return {
      application: { ...summaryOf(row), answers: row.answers, erased: row.erased },
      form: forms.get(row.formId)?.form ?? null,
      files: await data.filesOfApplication(db, row.id),
      events: await data.eventsOfApplication(db, row.id),
    };
  }

  const noStore = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store');

  // --- the page ------------------------------------------------------------

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/petugas')) return;
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    if (!reply.getHeader('content-security-policy')) reply.header('Content-Security-Policy', PAGE_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/petugas', async (_request, reply) => reply.redirect('/petugas/', 308));
  app.get('/petugas/', async (_request, reply) => noStore(reply).type('text/html; charset=utf-8').send(PAGE));
  // The page's script and stylesheet, read once at start (they change only with a new build, and a restart).
  const assets = new Map<string, Buffer>();
  const assetDir = fileURLToPath(ASSETS);
  if (existsSync(assetDir)) for (const name of readdirSync(assetDir)) if (ASSET.test(name)) assets.set(name, readFileSync(join(assetDir, name)));
  app.get<{ Params: { asset: string } }>('/petugas/:asset', async (request, reply) => {
    const name = request.params.asset;
    const content = assets.get(name);
    if (!content) return fail(reply, 404, 'Tidak ditemukan.');
    return reply
      .type(name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(content);
  });

  // --- sessions ------------------------------------------------------------

  const sessionAnswer = (request: FastifyRequest, user: StaffUser, token: string): SessionAnswer => ({
    user: { id: user.id, name: user.name, displayName: user.displayName, role: user.role, forms: user.forms },
    csrf: csrfToken(token, secretKey),
    timeZone: config.timeZone,
  });

  app.post<{ Body: { name?: unknown; password?: unknown } }>('/petugas/api/login', async (request, reply) => {
    if (!sameOrigin({ method: 'POST', origin: header(request, 'origin'), fetchSite: header(request, 'sec-fetch-site'), ownOrigin: ownOriginOf(request) })) {
      return fail(reply, 403, 'Permintaan dari situs lain ditolak.');
    }
    const { name, password } = request.body ?? {};
    if (typeof name !== 'string' || typeof password !== 'string' || !name.trim() || !password || name.length > 100 || password.length > MAX_PASSWORD_LENGTH) {
      return fail(reply, 400, 'Isi nama akun dan kata sandi.');
    }
    const at = now();
    const result = await login(db, auth, name, password, request.ip, at);
    if (!result.ok) {
      await audit({ id: null, name: name.trim().toLowerCase().slice(0, 40) }, 'login-failed', { detail: `${request.ip}${result.status === 429 ? ' (terkunci)' : ''}` });
      return fail(reply, result.status, result.message, result.status === 429 ? { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) } : {});
    }
    await audit(result.user, 'login', { detail: request.ip });
    return noStore(reply)
      .header('Set-Cookie', sessionCookie(result.token, { secure: secureOf(request), maxAgeMs: auth.session.maxAgeMs }))
      .send(sessionAnswer(request, result.user, result.token));
  });

  app.get('/petugas/api/session', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    const token = readSessionCookie(header(request, 'cookie'), secureOf(request))!;
    return noStore(reply).send(sessionAnswer(request, user, token));
  });

  app.post('/petugas/api/logout', async (request, reply) => {
    const user = await changer(request, reply);
    if (!user) return reply;
    await logout(db, readSessionCookie(header(request, 'cookie'), secureOf(request)));
    await audit(user, 'logout');
    return noStore(reply).header('Set-Cookie', sessionCookie(undefined, { secure: secureOf(request) })).code(204).send();
  });

  // --- applications --------------------------------------------------------

  app.get('/petugas/api/forms', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    return noStore(reply).send({ forms: await formList(user) });
  });

  app.get<{ Querystring: Query }>('/petugas/api/applications', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    const filter = filterOf(user, request.query);
    if ('message' in filter) return fail(reply, filter.status, filter.message);
    const page = pageOf(request.query);
    if (page === undefined) return fail(reply, 400, 'Nomor halaman tidak valid.');
    const { rows, total } = await data.listApplications(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const counts = await data.countByState(db, filter);
    // The list shows applicants' names: personal data, so it is logged too.
    await audit(user, 'list-applications', { detail: new URLSearchParams(request.query as Record<string, string>).toString() || undefined });
    return noStore(reply).send({ items: rows.map(summaryOf), total, page, pageSize: PAGE_SIZE, counts });
  });

  app.get<{ Params: { id: string } }>('/petugas/api/applications/:id', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    const row = await visibleApplication(user, request.params.id, reply);
    if (!row) return reply;
    await audit(user, 'view-application', { submissionId: row.id, trackingNumber: row.trackingNumber });
    return noStore(reply).send(await detailOf(row));
  });

  app.post<{ Params: { id: string }; Body: { state?: unknown; messageToCitizen?: unknown; internalNote?: unknown } }>('/petugas/api/applications/:id/state', async (request, reply) => {
    const user = await changer(request, reply);
    if (!user) return reply;
    const row = await visibleApplication(user, request.params.id, reply);
    if (!row) return reply;
    const { state, messageToCitizen = '', internalNote = '' } = request.body ?? {};
    if (typeof state !== 'string' || !(APPLICATION_STATES as readonly string[]).includes(state)) return fail(reply, 400, 'Pilih status yang dikenal.');
    if (typeof messageToCitizen !== 'string' || messageToCitizen.length > MESSAGE_MAX_LENGTH) return fail(reply, 400, `Pesan untuk pemohon paling panjang ${MESSAGE_MAX_LENGTH} karakter.`);
    if (typeof internalNote !== 'string' || internalNote.length > NOTE_MAX_LENGTH) return fail(reply, 400, `Catatan internal paling panjang ${NOTE_MAX_LENGTH} karakter.`);
    const message = messageToCitizen.trim();
    if ((state === 'needs-fix' || state === 'rejected') && !message) {
      return fail(reply, 400, state === 'needs-fix' ? 'Tulis apa yang perlu diperbaiki pemohon.' : 'Tulis alasan permohonan ditolak.');
    }
    const at = app.loket.now().toISOString();
    await data.changeState(db, { submissionId: row.id, state: state as ApplicationState, messageToCitizen: message || null, internalNote: internalNote.trim() || null, actor: user.id, at });
    await audit(user, 'change-state', { submissionId: row.id, trackingNumber: row.trackingNumber, detail: `${row.state} → ${state}` });
    const fresh = await data.applicationById(db, row.id);
    return noStore(reply).send(await detailOf(fresh!));
  });

  app.get<{ Params: { id: string; file: string } }>('/petugas/api/applications/:id/files/:file', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    const row = await visibleApplication(user, request.params.id, reply);
    if (!row) return reply;
    const fileId = Number(request.params.file);
    const file = Number.isSafeInteger(fileId) ? await data.fileOfApplication(db, row.id, fileId) : undefined;
    if (!file) return fail(reply, 404, 'Berkas tidak ditemukan.');
    await audit(user, 'view-file', { submissionId: row.id, trackingNumber: row.trackingNumber, detail: file.name });
    return reply.headers(fileHeaders(file.name, file.content.subarray(0, SNIFF_BYTES))).send(file.content);
  });

  app.get<{ Querystring: Query }>('/petugas/api/export.csv', async (request, reply) => {
    const user = await staff(request, reply);
    if (!user) return reply;
    const filter = filterOf(user, request.query);
    if ('message' in filter) return fail(reply, filter.status, filter.message);
    const delimiter: CsvDelimiter = request.query.pemisah === 'titik-koma' ? ';' : CSV_DELIMITERS[0];
    const ids = filter.formId ? [filter.formId] : (await data.formIdsWithApplications(db)).filter((id) => canSeeForm(user, id));
    const documents = ids.map((id) => forms.get(id)?.form).filter((f): f is FormDocument => f !== undefined);
    const columns = answerColumns(documents, 'id');
    const local = (iso: string) => {
      const p = zonedParts(Date.parse(iso), config.timeZone);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    };
    startCsvDownload(reply, filter.formId, csvLine(['Nomor pendaftaran', 'Formulir', 'Status', `Diterima (${config.timeZone})`, ...columns.map((c) => c.header)], delimiter));
    let count = 0;
    for await (const row of data.eachApplication(db, filter)) {
      const form = forms.get(row.formId)?.form;
      const cells = form && row.answers ? answerCells(form, row.answers, columns, 'id') : columns.map(() => '');
      const line = csvLine([row.trackingNumber, titleOf(row.formId), trackingMsg('id', `state.${row.state}`), local(row.receivedAt), ...cells], delimiter);
      if (!reply.raw.write(line)) await new Promise((r) => reply.raw.once('drain', r));
      count++;
    }
    reply.raw.end();
    await audit(user, 'export', { detail: `${count} permohonan; ${new URLSearchParams(request.query as Record<string, string>).toString()}` });
    return reply;
  });

  // --- accounts and the audit log (admins) -----------------------------------

  async function admin(request: FastifyRequest, reply: FastifyReply, change: boolean): Promise<StaffUser | undefined> {
    const user = change ? await changer(request, reply) : await staff(request, reply);
    if (!user) return undefined;
    if (!isAdmin(user)) {
      fail(reply, 403, 'Hanya admin yang boleh membuka halaman ini.');
      return undefined;
    }
    return user;
  }

  const userSummary = (u: data.UserRow): UserSummary => ({ id: u.id, name: u.name, displayName: u.displayName, role: u.role, forms: u.forms, createdAt: u.createdAt, disabled: u.disabled });

  app.get('/petugas/api/users', async (request, reply) => {
    const user = await admin(request, reply, false);
    if (!user) return reply;
    return noStore(reply).send({ users: (await data.listUsers(db)).map(userSummary) });
  });

  app.post<{ Body: Record<string, unknown> }>('/petugas/api/users', async (request, reply) => {
    const user = await admin(request, reply, true);
    if (!user) return reply;
    const b = request.body ?? {};
    const input = {
      name: typeof b.name === 'string' ? b.name : '',
      displayName: typeof b.displayName === 'string' ? b.displayName : '',
      password: typeof b.password === 'string' ? b.password : '',
      role: (b.role ?? 'staff') as UserRole,
      forms: (b.forms ?? null) as string[] | null,
    };
    const made = await addAccount(db, input, app.loket.now(), auth.cost, user);
    if (!made.ok) return fail(reply, made.taken ? 409 : 400, made.message);
    const id = made.id;
    return noStore(reply).code(201).send({ user: userSummary((await data.userById(db, id))!) });
  });

  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/petugas/api/users/:id', async (request, reply) => {
    const user = await admin(request, reply, true);
    if (!user) return reply;
    const target = await data.userById(db, Number(request.params.id) || 0);
    if (!target) return fail(reply, 404, 'Akun tidak ditemukan.');
    const b = request.body ?? {};
    const change: { -readonly [K in keyof data.UserChange]: data.UserChange[K] } = {};
    if (b.displayName !== undefined) {
      if (typeof b.displayName !== 'string' || displayNameProblem(b.displayName.trim())) return fail(reply, 400, displayNameProblem('')!);
      change.displayName = b.displayName.trim();
    }
    if (b.role !== undefined) {
      if (!(USER_ROLES as readonly unknown[]).includes(b.role)) return fail(reply, 400, 'Peran harus admin atau petugas.');
      change.role = b.role as UserRole;
    }
    if (b.forms !== undefined) {
      const problem = formsProblem(b.forms);
      if (problem) return fail(reply, 400, problem);
      change.forms = b.forms as string[] | null;
    }
    // An admin sees every form, as a new admin account does: no list is kept to come back on a later demotion.
    if ((change.role ?? target.role) === 'admin' && (change.forms !== undefined || target.forms !== null)) change.forms = null;
    if (b.password !== undefined) {
      const problem = typeof b.password === 'string' ? passwordProblem(b.password) : 'Kata sandi tidak valid.';
      if (problem) return fail(reply, 400, problem);
      change.passwordHash = await hashPassword(b.password as string, auth.cost);
    }
    if (b.disabled !== undefined) {
      if (typeof b.disabled !== 'boolean') return fail(reply, 400, 'Keadaan akun tidak valid.');
      change.disabledAt = b.disabled ? app.loket.now().toISOString() : null;
    }
    // An admin cannot lock themself out (and so never leaves the office without an admin by mistake).
    if (target.id === user.id && (change.disabledAt || (change.role && change.role !== 'admin'))) return fail(reply, 400, 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.');
    await data.updateUser(db, target.id, change);
    if (change.disabledAt || change.passwordHash) await data.deleteUserSessions(db, target.id);
    const what = Object.keys(change).map((k) => ({ displayName: 'nama', role: 'peran', forms: 'formulir', passwordHash: 'kata sandi', disabledAt: b.disabled ? 'dinonaktifkan' : 'diaktifkan' })[k] ?? k);
    await audit(user, 'change-user', { detail: `${target.name}: ${what.join(', ')}` });
    return noStore(reply).send({ user: userSummary((await data.userById(db, target.id))!) });
  });

  app.get<{ Querystring: Query }>('/petugas/api/audit', async (request, reply) => {
    const user = await admin(request, reply, false);
    if (!user) return reply;
    const page = pageOf(request.query);
    if (page === undefined) return fail(reply, 400, 'Nomor halaman tidak valid.');
    const pageSize = 50;
    const { rows, total } = await data.listAudit(db, pageSize, (page - 1) * pageSize);
    return noStore(reply).send({ entries: rows, total, page, pageSize });
  });
}
