// The staff inbox's rules without a server: password hashing, sessions and
// CSRF, lock-out, access, file types, CSV cells and columns.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importTs } from './inbox/ts.mjs';

let m;
before(async () => {
  m = await importTs(['server/inbox/password.ts', 'server/inbox/session.ts', 'server/inbox/lockout.ts', 'server/inbox/access.ts', 'server/inbox/files.ts', 'server/inbox/csv.ts', 'server/inbox/applicant.ts', 'server/check.ts']);
});

const CHEAP = { logN: 10, r: 8, p: 1 };

describe('passwords (scrypt)', () => {
  it('hashes with a fresh salt each time and verifies only the right password', async () => {
    const { hashPassword, verifyPassword } = m.password;
    const a = await hashPassword('kata sandi panjang', CHEAP);
    const b = await hashPassword('kata sandi panjang', CHEAP);
    assert.match(a, /^scrypt\$10\$8\$1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('kata sandi panjang', a), true);
    assert.equal(await verifyPassword('kata sandi panjanG', a), false);
    assert.equal(await verifyPassword('', a), false);
  });
  it('never matches a missing or malformed hash', async () => {
    const { verifyPassword } = m.password;
    assert.equal(await verifyPassword('apa saja', undefined), false);
    assert.equal(await verifyPassword('apa saja', 'plain-text-password'), false);
    assert.equal(await verifyPassword('apa saja', 'scrypt$99$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), false);
  });
  it('uses the OWASP cost by default and asks to rehash a cheaper hash', async () => {
    const { DEFAULT_COST, hashPassword, needsRehash } = m.password;
    assert.deepEqual(DEFAULT_COST, { logN: 17, r: 8, p: 1 });
    assert.equal(needsRehash(await hashPassword('kata sandi panjang', CHEAP)), true);
  });
  it('refuses short and huge passwords with a message', () => {
    const { passwordProblem } = m.password;
    assert.match(passwordProblem('pendek'), /minimal 10 karakter/);
    assert.match(passwordProblem('x'.repeat(201)), /paling panjang 200/);
    assert.equal(passwordProblem('sepuluh karakter'), undefined);
  });
});

describe('sessions and CSRF', () => {
  const policy = { maxAgeMs: 12 * 3600_000, idleMs: 30 * 60_000 };
  it('ends a session after its maximum age and after the idle timeout', () => {
    const { sessionState } = m.session;
    const start = Date.UTC(2026, 10, 27, 1);
    const record = { tokenHash: 'x', userId: 1, createdAt: start, lastSeenAt: start };
    assert.equal(sessionState(record, start + 29 * 60_000, policy), 'ok');
    assert.equal(sessionState(record, start + 30 * 60_000, policy), 'idle');
    assert.equal(sessionState({ ...record, lastSeenAt: start + 12 * 3600_000 - 1000 }, start + 12 * 3600_000, policy), 'expired');
  });
  it('stores only a hash of the session id', () => {
    const { newSessionToken, tokenHash } = m.session;
    const token = newSessionToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.match(tokenHash(token), /^[0-9a-f]{64}$/);
    assert.notEqual(tokenHash(token), token);
  });
  it('sets an HttpOnly, SameSite=Strict cookie, Secure with a __Host- name over HTTPS', () => {
    const { sessionCookie, readSessionCookie } = m.session;
    const plain = sessionCookie('a'.repeat(43), { secure: false });
    assert.match(plain, /^loket_petugas=a{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const secure = sessionCookie('a'.repeat(43), { secure: true });
    assert.match(secure, /^__Host-loket_petugas=.*; Secure; /);
    assert.match(sessionCookie(undefined, { secure: false }), /Max-Age=0/);
    assert.equal(readSessionCookie(`x=1; loket_petugas=${'b'.repeat(43)}`, false), 'b'.repeat(43));
    assert.equal(readSessionCookie(`loket_petugas=${'b'.repeat(43)}`, true), undefined);
    assert.equal(readSessionCookie('loket_petugas=../../etc', false), undefined);
  });
  it('accepts only the CSRF token of the same session', () => {
    const { csrfToken, csrfMatches } = m.session;
    const token = csrfToken('session-a', 'secret');
    assert.equal(csrfMatches('session-a', 'secret', token), true);
    assert.equal(csrfMatches('session-b', 'secret', token), false);
    assert.equal(csrfMatches('session-a', 'other secret', token), false);
    assert.equal(csrfMatches('session-a', 'secret', undefined), false);
    assert.equal(csrfMatches('session-a', 'secret', ''), false);
  });
  it('refuses changes from another origin or a cross-site fetch', () => {
    const { sameOrigin } = m.session;
    const own = 'https://izin.kab.go.id';
    assert.equal(sameOrigin({ method: 'POST', origin: own, fetchSite: 'same-origin', ownOrigin: own }), true);
    assert.equal(sameOrigin({ method: 'POST', origin: 'https://evil.example', fetchSite: 'cross-site', ownOrigin: own }), false);
    assert.equal(sameOrigin({ method: 'POST', origin: undefined, fetchSite: 'same-site', ownOrigin: own }), false);
    assert.equal(sameOrigin({ method: 'POST', origin: 'null', fetchSite: undefined, ownOrigin: own }), false);
    assert.equal(sameOrigin({ method: 'GET', origin: 'https://evil.example', fetchSite: 'cross-site', ownOrigin: own }), true);
  });
});

describe('lock-out', () => {
  const policy = { maxPerAccount: 5, maxPerAddress: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
  it('locks an account at the fifth failure within the window, for the lock time', () => {
    const { addFailure, lockedUntil } = m.lockout;
    const t = Date.UTC(2026, 10, 27, 6, 50);
    let r;
    for (let i = 0; i < 4; i++) r = addFailure(r, t + i * 1000, policy.maxPerAccount, policy);
    assert.equal(lockedUntil(r, t + 5000), undefined);
    r = addFailure(r, t + 5000, policy.maxPerAccount, policy);
    assert.equal(lockedUntil(r, t + 6000), t + 5000 + policy.lockMs);
    assert.equal(lockedUntil(r, t + 5000 + policy.lockMs), undefined);
  });
  it('starts counting again after the window', () => {
    const { addFailure } = m.lockout;
    const t = 0;
    let r;
    for (let i = 0; i < 4; i++) r = addFailure(r, t, 5, policy);
    r = addFailure(r, t + policy.windowMs, 5, policy);
    assert.equal(r.failures, 1);
    assert.equal(r.lockedUntil, 0);
  });
  it('says until when, in the office time zone', () => {
    const { lockedMessage } = m.lockout;
    // 07:04:10 UTC = 14:04:10 WIB, rounded up to 14.05.
    assert.equal(lockedMessage(Date.UTC(2026, 10, 27, 7, 4, 10), 'Asia/Jakarta'), 'Terlalu banyak percobaan, coba lagi pukul 14.05 WIB.');
    assert.equal(lockedMessage(Date.UTC(2026, 10, 27, 7, 4, 0), 'Asia/Makassar'), 'Terlalu banyak percobaan, coba lagi pukul 15.04 WITA.');
  });
});

describe('access', () => {
  it('lets admins see every form and staff only their forms', () => {
    const { canSeeForm, isAdmin } = m.access;
    const admin = { id: 1, name: 'a', role: 'admin', forms: ['x'] };
    const all = { id: 2, name: 'b', role: 'staff', forms: null };
    const pbg = { id: 3, name: 'c', role: 'staff', forms: ['pbg'] };
    assert.equal(canSeeForm(admin, 'sipi'), true);
    assert.equal(canSeeForm(all, 'sipi'), true);
    assert.equal(canSeeForm(pbg, 'pbg'), true);
    assert.equal(canSeeForm(pbg, 'sipi'), false);
    assert.equal(isAdmin(pbg), false);
  });
});

describe('file types for inline viewing', () => {
  const bytes = (s) => new TextEncoder().encode(s);
  it('serves an HTML page named .pdf as a download, never as a page', () => {
    const h = m.files.fileHeaders('ktp.pdf', bytes('<!doctype html><script>alert(1)</script>'));
    assert.equal(h['content-type'], 'application/octet-stream');
    assert.match(h['content-disposition'], /^attachment; filename="ktp.pdf"/);
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.match(h['content-security-policy'], /^sandbox; default-src 'none'/);
  });
  it('shows a real PDF inline, sandboxed: a PDF/HTML polyglot gets no script and no origin', () => {
    const h = m.files.fileHeaders('surat.pdf', bytes('%PDF-1.4\n<html><script>alert(document.cookie)</script>'));
    assert.equal(h['content-type'], 'application/pdf');
    assert.match(h['content-disposition'], /^inline; /);
    assert.match(h['content-security-policy'], /^sandbox; default-src 'none'/);
  });
  it('knows JPEG, PNG, GIF and WebP by their first bytes, and never shows SVG inline', () => {
    const { sniffType } = m.files;
    assert.equal(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png');
    assert.equal(sniffType(bytes('GIF89a')), 'image/gif');
    assert.equal(sniffType(bytes('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(sniffType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')), undefined);
  });
  it('knows the same types on receipt: a file named or declared as one of them must carry its signature', () => {
    const { contentMatches } = m.check;
    const samples = { 'ktp.pdf': bytes('%PDF-1.7'), 'foto.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'foto.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'foto.gif': bytes('GIF87a'), 'foto.webp': bytes('RIFF\0\0\0\0WEBPVP8 ') };
    for (const [name, head] of Object.entries(samples)) {
      const type = m.files.sniffType(head);
      assert.ok(type, name);
      assert.equal(contentMatches(name, type, head), true, name);
      // A page named or declared as this type is refused on receipt, so the inbox never meets it.
      assert.equal(contentMatches(name, '', bytes('<html><script>alert(1)</script>')), false, name);
      assert.equal(contentMatches('berkas', type, bytes('<html><script>alert(1)</script>')), false, type);
    }
    assert.equal(contentMatches('catatan.txt', 'text/plain', bytes('apa saja')), true);
  });
  it('names the file safely in the header, with the exact name in filename*', () => {
    const h = m.files.fileHeaders('KTP "Budi"\r\nX: y ü.pdf', bytes('%PDF-'));
    assert.doesNotMatch(h['content-disposition'], /[\r\n]/);
    assert.match(h['content-disposition'], /filename="KTP _Budi___X: y _.pdf"; filename\*=UTF-8''KTP%20%22Budi%22%0D%0AX%3A%20y%20%C3%BC.pdf$/);
  });
});

describe('CSV', () => {
  it('quotes every cell, defuses formulas, and joins with the chosen separator', () => {
    const { csvLine } = m.csv;
    assert.equal(csvLine(['=HYPERLINK("http://x","klik")', '+62812', '-1', '@SUM(A1)']), `"'=HYPERLINK(""http://x"",""klik"")","'+62812","'-1","'@SUM(A1)"\r\n`);
    assert.equal(csvLine(['Jl. Merdeka, 5', 'b\nc'], ';'), '"Jl. Merdeka, 5";"b\nc"\r\n');
  });
  it('makes one column per question, labelled, with answers as the review page says them', () => {
    const { answerColumns, answerCells } = m.csv;
    const form = {
      version: 1, id: 'sipi', title: 'SIPI', office: { name: 'X' },
      steps: [
        { heading: 'A', fields: [
          { type: 'text', name: 'fullName', label: 'Nama lengkap' },
          { type: 'date', name: 'born', label: { id: 'Tanggal lahir', en: 'Date of birth' } },
          { type: 'select', name: 'kind', label: 'Jenis', options: [{ value: 'baru', label: 'Izin baru' }] },
          { type: 'paragraph', text: 'x' },
          { type: 'group', name: 'vessels', label: 'Kapal', fields: [{ type: 'text', name: 'name', label: 'Nama kapal' }] },
        ] },
      ],
    };
    const columns = answerColumns([form], 'id');
    assert.deepEqual(columns.map((c) => c.header), ['Nama lengkap', 'Tanggal lahir', 'Jenis', 'Kapal: Nama kapal']);
    const cells = answerCells(form, { fullName: 'Budi', born: '1990-08-17', kind: 'baru', vessels: [{ name: 'KM Bahari' }, { name: 'KM Lestari' }] }, columns, 'id');
    assert.deepEqual(cells, ['Budi', '17 Agustus 1990', 'Izin baru', '1) KM Bahari; 2) KM Lestari']);
  });
});

describe('the applicant in the answers', () => {
  const form = {
    steps: [{ heading: 'A', fields: [
      { type: 'text', name: 'companyName', label: 'Nama badan usaha' },
      { type: 'text', name: 'fullName', label: 'Nama lengkap sesuai KTP' },
      { type: 'phone', name: 'office', label: 'Telepon kantor' },
      { type: 'phone', name: 'mobile', label: 'Nomor ponsel (WhatsApp)' },
    ] }],
  };
  it('finds the name field, not the business name', () => {
    assert.equal(m.applicant.applicantName(form, { companyName: 'CV Maju', fullName: 'Budi Santoso' }), 'Budi Santoso');
  });
  it('finds the first mobile number, skipping a landline', () => {
    assert.equal(m.applicant.applicantPhone(form, { office: '021 6540 123', mobile: '0812-3456-7890' }), '+6281234567890');
    assert.equal(m.applicant.applicantPhone(form, { office: '021 6540 123' }), undefined);
  });
});
