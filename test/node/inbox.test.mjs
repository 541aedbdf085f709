// The staff inbox (/petugas/) over real HTTP, against SQLite and a real
// PostgreSQL: login, lock-out, session expiry, CSRF and Origin refusals,
// per-form access, state changes with the citizen's message and the internal
// note, files served inline but never run, the audit log, the CSV export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { server, startReceiver } from './receiver-helpers.mjs';

const FORM = (id, title) => ({
  version: 1,
  id,
  title,
  office: { name: 'Kantor Uji', timeZone: 'Asia/Jakarta' },
  help: { phone: '021 6540 123' },
  steps: [
    {
      heading: 'Data pemohon',
      fields: [
        { type: 'text', name: 'fullName', label: 'Nama lengkap' },
        { type: 'phone', name: 'mobile', label: 'Nomor ponsel (WhatsApp)', optional: true },
        { type: 'date', name: 'lahir', label: 'Tanggal lahir', optional: true },
        { type: 'text', name: 'catatan', label: 'Catatan', optional: true },
        { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf'], maxSize: 100_000, optional: true },
      ],
    },
  ],
});
const FORMS = { 'uji-izin': FORM('uji-izin', 'Izin Uji'), 'uji-lain': FORM('uji-lain', 'Izin Lain') };
const ADMIN_PASSWORD = 'admin kantor uji 2020';
const STAFF_PASSWORD = 'petugas loket uji';
/** The lowest cost the receiver accepts, so logins stay quick on a busy test machine. */
const COST = { logN: 14, r: 8, p: 1 };
const POLYGLOT = Buffer.from('%PDF-1.4\n<html><body><script>parent.postMessage(document.cookie,"*")</script></body></html>\n%%EOF');

/** A browser-like client: keeps the session cookie, sends Origin and the CSRF token. */
function client(target) {
  let cookie = '';
  let csrf = '';
  const origin = target.url;
  return {
    get csrf() {
      return csrf;
    },
    async request(path, { method = 'GET', body, headers = {}, raw = false } = {}) {
      const res = await fetch(`${target.url}${path}`, {
        method,
        redirect: 'manual',
        headers: { ...(cookie ? { cookie } : {}), ...(method !== 'GET' ? { origin, 'sec-fetch-site': 'same-origin', 'x-csrf-token': csrf, 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0].endsWith('=') ? '' : set.split(';')[0];
      if (raw) return res;
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
    async login(name, password) {
      const res = await this.request('/petugas/api/login', { method: 'POST', body: { name, password } });
      if (res.status === 200) csrf = res.body.csrf;
      return res;
    },
  };
}

async function submit(target, form, answers, file) {
  const data = new FormData();
  const meta = file ? [{ field: 'ktp', name: file.name, size: file.bytes.length, type: 'application/pdf' }] : [];
  data.append('payload', JSON.stringify({ loket: 1, form: { id: form }, submittedAt: '2026-11-27T02:00:00.000Z', locale: 'id', answers: { ...answers, ...(file ? { ktp: [{ name: file.name, size: file.bytes.length, type: 'application/pdf' }] } : {}) }, files: meta }));
  if (file) data.append('ktp', new Blob([file.bytes], { type: 'application/pdf' }), file.name);
  const res = await fetch(`${target.url}/api/forms/${form}/submissions`, { method: 'POST', body: data, signal: AbortSignal.timeout(10_000) });
  assert.equal(res.status, 201, await res.clone().text());
  const body = await res.json();
  const row = await target.db.get('SELECT id FROM submissions WHERE tracking_number = ?', [body.trackingNumber]);
  return { ...body, id: Number(row.id) };
}

for (const kind of databaseKinds()) {
  describe(`staff inbox on ${kind}`, () => {
    let target;
    let clock = Date.parse('2026-11-27T03:00:00.000Z');
    let first;
    let other;
    before(async () => {
      target = await startReceiver(kind, { forms: FORMS, now: () => new Date(clock), passwordCost: 14 });
      assert.equal((await server.addAccount(target.db, { name: 'admin', displayName: 'Admin Kantor', password: ADMIN_PASSWORD, role: 'admin' }, new Date(), COST)).ok, true);
      assert.equal((await server.addAccount(target.db, { name: 'sari', displayName: 'Sari', password: STAFF_PASSWORD, role: 'staff', forms: ['uji-lain'] }, new Date(), COST)).ok, true);
      first = await submit(target, 'uji-izin', { fullName: 'Budi Santoso', mobile: '0812-3456-7890', lahir: '1990-08-17', catatan: '=HYPERLINK("http://evil.example","klik")' }, { name: 'ktp.pdf', bytes: POLYGLOT });
      other = await submit(target, 'uji-lain', { fullName: 'Wayan Sudirta' });
    });
    after(() => target.close());

    it("hashes at OWASP's scrypt cost unless told otherwise, and refuses a cost below 2^14", () => {
      assert.equal(server.DEFAULTS.passwordCost, 17);
      assert.throws(() => server.checkConfig({ ...server.DEFAULTS, passwordCost: 10 }), /--password-cost must be 14–20/);
    });

    it('serves the page with a strict CSP and its built script', async () => {
      const c = client(target);
      const page = await c.request('/petugas/');
      assert.equal(page.status, 200);
      assert.match(page.body, /<loket-inbox>/);
      assert.match(page.headers.get('content-security-policy'), /default-src 'none'; script-src 'self'/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      const script = await c.request('/petugas/inbox.js');
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type'), /javascript/);
      assert.equal((await c.request('/petugas/..%2Fserver%2Findex.mjs')).status, 404);
    });

    it('refuses the API without a session, and a wrong password with one message', async () => {
      const c = client(target);
      const list = await c.request('/petugas/api/applications');
      assert.equal(list.status, 401);
      assert.equal(list.body.message, 'Silakan masuk terlebih dahulu.');
      const wrong = await c.login('admin', 'bukan kata sandinya');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.message, 'Nama akun atau kata sandi salah.');
      const unknown = await c.login('tidakada', 'bukan kata sandinya');
      assert.equal(unknown.body.message, wrong.body.message);
    });

    it('logs in with an HttpOnly SameSite=Strict cookie, stores only its hash, and lists applications newest first with counts', async () => {
      const c = client(target);
      const res = await c.request('/petugas/api/login', { method: 'POST', body: { name: 'Admin', password: ADMIN_PASSWORD }, raw: true });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie');
      assert.match(cookie, /^loket_petugas=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
      const token = cookie.split(';')[0].split('=')[1];
      const sessions = await target.db.all('SELECT token_hash FROM staff_sessions');
      assert.ok(sessions.length >= 1);
      assert.ok(!JSON.stringify(sessions).includes(token));
      const a = client(target);
      await a.login('admin', ADMIN_PASSWORD);
      const list = await a.request('/petugas/api/applications');
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((i) => i.trackingNumber), [other.trackingNumber, first.trackingNumber]);
      assert.equal(list.body.items[1].applicant, 'Budi Santoso');
      assert.equal(list.body.counts.received, 2);
      const found = await a.request(`/petugas/api/applications?q=${encodeURIComponent('budi')}`);
      assert.deepEqual(found.body.items.map((i) => i.trackingNumber), [first.trackingNumber]);
      const byNumber = await a.request(`/petugas/api/applications?q=${encodeURIComponent(other.trackingNumber.toLowerCase())}`);
      assert.deepEqual(byNumber.body.items.map((i) => i.trackingNumber), [other.trackingNumber]);
      const byForm = await a.request('/petugas/api/applications?form=uji-lain');
      assert.deepEqual(byForm.body.items.map((i) => i.trackingNumber), [other.trackingNumber]);
      const percent = await a.request('/petugas/api/applications?q=%25');
      assert.equal(percent.body.total, 0);
      assert.equal((await a.request('/petugas/api/applications?state=hilang')).status, 400);
    });

    it('locks an account after five failures, with the time in the office zone, even for the right password', async () => {
      await server.addAccount(target.db, { name: 'dewi', password: 'kata sandi dewi', role: 'staff' }, new Date(), COST);
      const c = client(target);
      for (let i = 0; i < 4; i++) assert.equal((await c.login('dewi', `salah ${i} sekali`)).status, 401);
      const fifth = await c.login('dewi', 'salah lagi sekali');
      assert.equal(fifth.status, 429);
      // 03:00 UTC + 15 min = 10.15 WIB.
      assert.equal(fifth.body.message, 'Terlalu banyak percobaan, coba lagi pukul 10.15 WIB.');
      assert.equal(fifth.headers.get('retry-after'), String(15 * 60));
      clock += 5 * 60_000;
      const still = await c.login('dewi', 'kata sandi dewi');
      assert.equal(still.status, 429);
      // What is left of the lock, the same moment the message names.
      assert.equal(still.headers.get('retry-after'), String(10 * 60));
      clock += 10 * 60_000;
      assert.equal((await c.login('dewi', 'kata sandi dewi')).status, 200);
    });

    it('ends a session after the idle time and refuses it afterwards', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      assert.equal((await c.request('/petugas/api/session')).status, 200);
      clock += 31 * 60_000;
      const gone = await c.request('/petugas/api/session');
      assert.equal(gone.status, 401);
      assert.match(gone.body.message, /lama tidak dipakai/);
    });

    it('refuses a change without the CSRF token, with another token, or from another origin', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const path = `/petugas/api/applications/${first.id}/state`;
      const body = { state: 'in-review', messageToCitizen: '', internalNote: '' };
      const noToken = await c.request(path, { method: 'POST', body, headers: { 'x-csrf-token': '' } });
      assert.equal(noToken.status, 403);
      const d = client(target);
      await d.login('admin', ADMIN_PASSWORD);
      const foreign = await c.request(path, { method: 'POST', body, headers: { 'x-csrf-token': d.csrf } });
      assert.equal(foreign.status, 403);
      const crossSite = await c.request(path, { method: 'POST', body, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
      assert.equal(crossSite.status, 403);
      assert.equal(crossSite.body.message, 'Permintaan dari situs lain ditolak.');
      const row = await target.db.get('SELECT state FROM submissions WHERE id = ?', [first.id]);
      assert.equal(row.state, 'received');
    });

    it('keeps a staff account to its forms: no list, no application, no file, no change of another form', async () => {
      const c = client(target);
      await c.login('sari', STAFF_PASSWORD);
      const list = await c.request('/petugas/api/applications');
      assert.deepEqual(list.body.items.map((i) => i.trackingNumber), [other.trackingNumber]);
      assert.equal((await c.request('/petugas/api/applications?form=uji-izin')).status, 403);
      const view = await c.request(`/petugas/api/applications/${first.id}`);
      assert.equal(view.status, 403);
      assert.match(view.body.message, /tidak punya akses/);
      const change = await c.request(`/petugas/api/applications/${first.id}/state`, { method: 'POST', body: { state: 'approved' } });
      assert.equal(change.status, 403, JSON.stringify(change.body));
      assert.equal((await c.request('/petugas/api/users')).status, 403);
      assert.equal((await c.request('/petugas/api/audit')).status, 403);
      const csv = await c.request('/petugas/api/export.csv');
      assert.doesNotMatch(csv.body, /Budi/);
    });

    it('changes the state with a message to the citizen and an internal note, in the history', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const path = `/petugas/api/applications/${first.id}/state`;
      const empty = await c.request(path, { method: 'POST', body: { state: 'needs-fix', messageToCitizen: ' ', internalNote: '' } });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.message, 'Tulis apa yang perlu diperbaiki pemohon.');
      const fix = await c.request(path, { method: 'POST', body: { state: 'needs-fix', messageToCitizen: 'Scan KTP buram, unggah ulang.', internalNote: 'Cek ulang NIK dengan Dukcapil.' } });
      assert.equal(fix.status, 200);
      assert.equal(fix.body.application.state, 'needs-fix');
      const last = fix.body.events.at(-1);
      assert.deepEqual({ ...last, at: undefined }, { at: undefined, state: 'needs-fix', messageToCitizen: 'Scan KTP buram, unggah ulang.', internalNote: 'Cek ulang NIK dengan Dukcapil.', actor: 'Admin Kantor' });
      // The citizen's status (POST /api/status, <loket-application-status>): the state and the message, never the internal note.
      const status = await fetch(`${target.url}/api/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trackingNumber: first.trackingNumber, secret: first.trackingSecret }) });
      assert.equal(status.status, 200);
      const seen = await status.json();
      assert.equal(seen.state, 'needs-fix');
      assert.equal(seen.timeline.at(-1).message, 'Scan KTP buram, unggah ulang.');
      assert.doesNotMatch(JSON.stringify(seen), /Dukcapil|Admin Kantor/);
      const approve = await c.request(path, { method: 'POST', body: { state: 'approved', messageToCitizen: 'Izin disetujui.', internalNote: '' } });
      assert.equal(approve.body.application.state, 'approved');
      const row = await target.db.get('SELECT state, closed_at FROM submissions WHERE id = ?', [first.id]);
      assert.deepEqual({ ...row }, { state: 'approved', closed_at: null });
      const ready = await c.request(path, { method: 'POST', body: { state: 'ready', messageToCitizen: 'Ambil di loket 3.' } });
      assert.equal(ready.status, 200);
      assert.ok((await target.db.get('SELECT closed_at FROM submissions WHERE id = ?', [first.id])).closed_at);
    });

    it('shows the application with its form document, files and history', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const view = await c.request(`/petugas/api/applications/${first.id}`);
      assert.equal(view.status, 200);
      assert.equal(view.body.form.id, 'uji-izin');
      assert.equal(view.body.application.answers.fullName, 'Budi Santoso');
      assert.deepEqual(view.body.files.map((f) => f.name), ['ktp.pdf']);
      assert.deepEqual(view.body.events.map((e) => e.state), ['received', 'needs-fix', 'approved', 'ready']);
    });

    it('serves a PDF/HTML polyglot inline only as a sandboxed PDF, and an HTML file named .pdf as a download', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const view = await c.request(`/petugas/api/applications/${first.id}`);
      const pdf = await c.request(`/petugas/api/applications/${first.id}/files/${view.body.files[0].id}`, { raw: true });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.match(pdf.headers.get('content-disposition'), /^inline; filename="ktp.pdf"/);
      assert.equal(pdf.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
      // An HTML page stored as "surat.pdf" (an older receiver, an import): never text/html, never inline.
      await target.db.run("INSERT INTO submission_files (submission_id, position, field, name, type, size, sha256, content) VALUES (?, 1, 'ktp', 'surat.pdf', 'application/pdf', 40, 'x', ?)", [first.id, Buffer.from('<!doctype html><script>alert(1)</script>')]);
      const files = (await c.request(`/petugas/api/applications/${first.id}`)).body.files;
      const html = await c.request(`/petugas/api/applications/${first.id}/files/${files[1].id}`, { raw: true });
      assert.equal(html.headers.get('content-type'), 'application/octet-stream');
      assert.match(html.headers.get('content-disposition'), /^attachment; /);
      assert.equal(html.headers.get('content-security-policy'), "sandbox; default-src 'none'");
    });

    it('exports the filtered list as CSV, one column per question, formulas defused', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const csv = await c.request('/petugas/api/export.csv?form=uji-izin');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
      assert.equal(lines[0], '"Nomor pendaftaran","Formulir","Status","Diterima (Asia/Jakarta)","Nama lengkap","Nomor ponsel (WhatsApp)","Tanggal lahir","Catatan","Scan KTP"');
      assert.equal(lines.length, 2);
      assert.equal(lines[1], `"${first.trackingNumber}","Izin Uji","Selesai — dapat diambil","2026-11-27 10:00","Budi Santoso","'+6281234567890","17 Agustus 1990","'=HYPERLINK(""http://evil.example"",""klik"")","ktp.pdf"`);
      const semicolon = await c.request('/petugas/api/export.csv?form=uji-izin&pemisah=titik-koma', { raw: true });
      const bytes = Buffer.from(await semicolon.arrayBuffer());
      // A byte-order mark first, so Excel reads UTF-8.
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(bytes.subarray(3).toString('utf8'), /^"Nomor pendaftaran";"Formulir";/);
    });

    it('lets an admin create a staff account limited to a form, and refuses a weak password or a taken name', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const weak = await c.request('/petugas/api/users', { method: 'POST', body: { name: 'rudi', displayName: 'Rudi', password: 'pendek', role: 'staff', forms: null } });
      assert.equal(weak.status, 400);
      assert.match(weak.body.message, /minimal 10 karakter/);
      const badForms = await c.request('/petugas/api/users', { method: 'POST', body: { name: 'rudi', displayName: 'Rudi', password: 'kata sandi rudi', role: 'staff', forms: ['../rahasia'] } });
      assert.equal(badForms.status, 400);
      assert.equal(badForms.body.message, 'Daftar formulir tidak valid.');
      const noName = await c.request('/petugas/api/users', { method: 'POST', body: { name: 'rudi', password: 'kata sandi rudi', role: 'staff' } });
      assert.equal(noName.status, 400);
      assert.match(noName.body.message, /Isi nama lengkap/);
      const made = await c.request('/petugas/api/users', { method: 'POST', body: { name: 'rudi', displayName: 'Rudi', password: 'kata sandi rudi', role: 'staff', forms: ['uji-izin'] } });
      assert.equal(made.status, 201);
      assert.deepEqual(made.body.user.forms, ['uji-izin']);
      const again = await c.request('/petugas/api/users', { method: 'POST', body: { name: 'Rudi', displayName: 'Rudi', password: 'kata sandi rudi', role: 'staff' } });
      assert.equal(again.status, 409);
      const stored = await target.db.get("SELECT password_hash FROM staff_users WHERE name = 'rudi'");
      assert.match(stored.password_hash, /^scrypt\$14\$8\$1\$/);
      // Promoted, rudi sees every form; demoted again, no forgotten list comes back with him.
      const promoted = await c.request(`/petugas/api/users/${made.body.user.id}`, { method: 'POST', body: { role: 'admin', forms: ['uji-izin'] } });
      assert.equal(promoted.body.user.forms, null);
      const demoted = await c.request(`/petugas/api/users/${made.body.user.id}`, { method: 'POST', body: { role: 'staff' } });
      assert.equal(demoted.body.user.forms, null);
      assert.equal((await c.request(`/petugas/api/users/${made.body.user.id}`, { method: 'POST', body: { forms: ['uji-izin'] } })).body.user.forms[0], 'uji-izin');
      const r = client(target);
      assert.equal((await r.login('rudi', 'kata sandi rudi')).status, 200);
      const disable = await c.request(`/petugas/api/users/${made.body.user.id}`, { method: 'POST', body: { disabled: true } });
      assert.equal(disable.status, 200);
      assert.equal((await r.request('/petugas/api/session')).status, 401);
      assert.equal((await c.request(`/petugas/api/users/1`, { method: 'POST', body: { disabled: true } })).status, 400);
    });

    it('writes every view and change of an application to the audit log, readable by admins', async () => {
      const c = client(target);
      await c.login('admin', ADMIN_PASSWORD);
      const audit = await c.request('/petugas/api/audit');
      assert.equal(audit.status, 200);
      const actions = audit.body.entries.map((e) => `${e.user} ${e.action} ${e.trackingNumber ?? ''}`.trim());
      assert.ok(actions.includes(`admin view-application ${first.trackingNumber}`));
      assert.ok(actions.includes(`admin change-state ${first.trackingNumber}`));
      assert.ok(actions.includes(`admin view-file ${first.trackingNumber}`));
      assert.ok(actions.includes('admin export'));
      assert.ok(actions.includes('admin list-applications'));
      assert.ok(actions.includes('sari list-applications'));
      const change = audit.body.entries.find((e) => e.action === 'change-state' && e.detail === 'needs-fix → approved');
      assert.ok(change);
      // A page number past any real log is refused, not turned into a huge OFFSET.
      for (const page of ['0', '1.5', '9e15']) assert.equal((await c.request(`/petugas/api/audit?page=${page}`)).status, 400, page);
    });
  });
}
