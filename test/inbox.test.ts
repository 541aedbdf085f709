import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../server/inbox/ui/inbox.js';
import { unmountAll } from './helpers.js';

// The staff inbox in Chromium against the real receiver (dist/server inside
// the test runner, see test/server/receiver-middleware.mjs): a staff member
// logs in, opens an application, asks for a fix, approves; axe on every
// screen; the same triage with the keyboard only; a phone-sized screen.

const FORM = 'e2e-inbox-pbg';
const ADMIN = { name: 'uji.admin', password: 'kata sandi admin uji', role: 'admin', displayName: 'Admin Uji' };
const CLERK = { name: 'uji.loket', password: 'kata sandi loket uji', role: 'staff', displayName: 'Petugas Loket', forms: [FORM] };
const OUTSIDER = { name: 'uji.lain', password: 'kata sandi lain uji', role: 'staff', displayName: 'Petugas Lain', forms: ['e2e-inbox-lain'] };

async function account(a: object) {
  const res = await fetch('/e2e-api/inbox/account', { method: 'POST', body: JSON.stringify(a) });
  expect(res.status).to.equal(200);
}

/** Starts with %PDF- (so the receiver takes it as a PDF) and carries a page that reports when its script runs. */
const PROBE = '<html><body><script>try{localStorage.setItem("loket-probe","ran")}catch(e){}(window.opener||parent).postMessage("loket-probe-ran","*")</script></body></html>';
const POLYGLOT = `%PDF-1.4\n${PROBE}\n%%EOF`;

/**
 * Opens a URL the way staff do (a new tab, top level: a frame would be refused
 * by the inbox's own framing rules) and tells whether a script in it ran
 * (posted its message) within two seconds. Without a URL: the probe page itself.
 */
async function scriptRan(url: string | undefined): Promise<boolean> {
  let ran = false;
  const listen = (e: MessageEvent) => {
    if (e.data === 'loket-probe-ran') ran = true;
  };
  addEventListener('message', listen);
  const tab = window.open(url ?? 'about:blank', '_blank');
  if (url === undefined) tab?.document.write(PROBE);
  await aTimeout(2000);
  removeEventListener('message', listen);
  tab?.close();
  return ran;
}

/** Stores an HTML page named "surat.pdf" with an application (see test/server/inbox-fixtures.mjs); answers its id. */
async function storeHtmlAsPdf(trackingNumber: string): Promise<number> {
  const res = await fetch('/e2e-api/inbox/html-as-pdf', { method: 'POST', body: JSON.stringify({ trackingNumber }) });
  return (await res.json()).id as number;
}

let seq = 0;
async function submitApplication(fullName: string, file?: { name: string; bytes: string }): Promise<string> {
  const payload = {
    loket: 1,
    form: { id: FORM },
    submittedAt: new Date().toISOString(),
    locale: 'id',
    idempotencyKey: `inbox-test-${Date.now()}-${++seq}`.padEnd(24, '0'),
    answers: { fullName, mobile: '0812-3456-7890', born: '1990-08-17', kind: 'baru', vessels: [{ name: 'KM Bahari' }, { name: 'KM Lestari' }] },
    files: [],
  };
  let res: Response;
  if (file) {
    const meta = { name: file.name, size: new Blob([file.bytes]).size, type: 'application/pdf' };
    const data = new FormData();
    data.append('payload', JSON.stringify({ ...payload, answers: { ...payload.answers, ktp: [meta] }, files: [{ field: 'ktp', ...meta }] }));
    data.append('ktp', new Blob([file.bytes], { type: 'application/pdf' }), file.name);
    res = await fetch(`/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'idempotency-key': payload.idempotencyKey }, body: data });
  } else {
    res = await fetch(`/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': payload.idempotencyKey }, body: JSON.stringify(payload) });
  }
  expect(res.status, await res.clone().text()).to.equal(201);
  return (await res.json()).trackingNumber as string;
}

// Generous: a login hashes with scrypt at 128 MiB, slow on a busy test machine.
async function until<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mountInbox(): Promise<HTMLElement> {
  location.hash = '#/';
  const container = document.createElement('div');
  container.innerHTML = '<loket-inbox api="/petugas/api/"></loket-inbox>';
  document.body.append(container);
  return container.firstElementChild as HTMLElement;
}

async function logout(): Promise<void> {
  // The page keeps no token: ask the session for its CSRF token, then log out.
  const s = await fetch('/petugas/api/session');
  if (s.status !== 200) return;
  const { csrf } = await s.json();
  await fetch('/petugas/api/logout', { method: 'POST', headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{}' });
}

async function logIn(el: HTMLElement, who: { name: string; password: string }): Promise<void> {
  const name = await until(() => el.querySelector<HTMLInputElement>('#login-name'), 'the login form');
  name.value = who.name;
  el.querySelector<HTMLInputElement>('#login-password')!.value = who.password;
  el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await until(() => el.querySelector('loket-inbox-list .counts'), 'the list after login');
}

describe('staff inbox', function () {
  this.timeout(180_000);
  let first: string;

  before(async () => {
    // The page's own stylesheet, as /petugas/ links it.
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/server/inbox/ui/inbox.css';
    const loaded = new Promise((resolve) => css.addEventListener('load', resolve));
    document.head.append(css);
    await loaded;
    for (const a of [ADMIN, CLERK, OUTSIDER]) await account(a);
    first = await submitApplication('Budi Santoso');
  });
  beforeEach(logout);
  afterEach(async () => {
    unmountAll();
    document.querySelectorAll('loket-inbox').forEach((e) => e.parentElement?.remove());
    await setViewport({ width: 1024, height: 768 });
    location.hash = '';
  });

  it('refuses a wrong password with a message and keeps the name', async () => {
    const el = await mountInbox();
    const name = await until(() => el.querySelector<HTMLInputElement>('#login-name'), 'the login form');
    await expect(el).to.be.accessible();
    name.value = CLERK.name;
    el.querySelector<HTMLInputElement>('#login-password')!.value = 'bukan kata sandinya';
    el.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    const error = await until(() => el.querySelector('#login-error'), 'the error');
    expect(text(error)).to.equal('Nama akun atau kata sandi salah.');
    expect(document.activeElement).to.equal(error);
    expect(el.querySelector<HTMLInputElement>('#login-name')!.value).to.equal(CLERK.name);
    await expect(el).to.be.accessible();
  });

  it('lets staff log in, open an application, ask for a fix, then approve it', async () => {
    const el = await mountInbox();
    await logIn(el, CLERK);
    const link = await until(() => [...el.querySelectorAll<HTMLAnchorElement>('table a')].find((a) => text(a) === first), 'the application in the list');
    const row = link.closest('tr')!;
    expect(text(row)).to.contain('Budi Santoso');
    expect(text(row)).to.contain('Diterima');
    link.click();
    const h1 = await until(() => [...el.querySelectorAll('h1')].find((h) => text(h) === `Permohonan ${first}`), 'the application');
    await until(() => document.activeElement === h1, 'focus on the heading');
    // The answers as the citizen's review page shows them: labels, the date in words, group items.
    const answers = text(el.querySelector('.answers'));
    expect(answers).to.contain('Nama lengkap Budi Santoso');
    expect(answers).to.contain('Tanggal lahir 17 Agustus 1990');
    expect(answers).to.contain('Jenis permohonan Izin baru');
    expect(answers).to.contain('Kapal 2: Nama kapal KM Lestari');
    expect(el.querySelector('.answers button')).to.equal(null);

    const select = el.querySelector<HTMLSelectElement>('#change-state')!;
    select.value = 'needs-fix';
    el.querySelector<HTMLButtonElement>('.change button[type=submit]')!.click();
    const fieldError = await until(() => el.querySelector('#change-message-error'), 'the missing-message error');
    expect(text(fieldError)).to.contain('Tulis apa yang perlu diperbaiki pemohon.');
    expect(document.activeElement).to.equal(el.querySelector('#change-message'));

    el.querySelector<HTMLTextAreaElement>('#change-message')!.value = 'Scan KTP buram, mohon unggah ulang.';
    el.querySelector<HTMLTextAreaElement>('#change-note')!.value = 'NIK sudah dicek.';
    el.querySelector<HTMLButtonElement>('.change button[type=submit]')!.click();
    await until(() => text(el.querySelector('.saved')) === 'Status disimpan: Perlu perbaikan.', 'the saved message');
    expect(text(el.querySelector('.facts'))).to.contain('Perlu perbaikan');
    const history = text(el.querySelector('.history li'));
    expect(history).to.contain('Perlu perbaikan');
    expect(history).to.contain('Pesan untuk pemohon: Scan KTP buram, mohon unggah ulang.');
    expect(history).to.contain('Catatan internal: NIK sudah dicek.');
    expect(history).to.contain('oleh Petugas Loket');
    const wa = el.querySelector<HTMLAnchorElement>('.whatsapp a')!;
    expect(wa.href.startsWith('https://wa.me/6281234567890?text=')).to.equal(true);
    expect(decodeURIComponent(wa.href.split('text=')[1]!)).to.equal(`Permohonan ${first} (Izin Uji Kotak Masuk): Perlu perbaikan.\nScan KTP buram, mohon unggah ulang.`);
    expect(wa.target).to.equal('_blank');
    await expect(el).to.be.accessible();

    el.querySelector<HTMLSelectElement>('#change-state')!.value = 'approved';
    el.querySelector<HTMLTextAreaElement>('#change-message')!.value = 'Izin disetujui, silakan ambil di loket 3.';
    el.querySelector<HTMLButtonElement>('.change button[type=submit]')!.click();
    await until(() => text(el.querySelector('.saved')) === 'Status disimpan: Disetujui.', 'approval');
    expect(text(el.querySelector('.facts'))).to.contain('Disetujui');

    // The citizen's side of the change: the receiver recorded both, the note only for the office.
    const list = await (await fetch(`/petugas/api/applications?q=${encodeURIComponent(first)}`)).json();
    expect(list.items[0].state).to.equal('approved');
  });

  it('passes axe on the list, the accounts page and the audit log', async () => {
    const el = await mountInbox();
    await logIn(el, ADMIN);
    await until(() => el.querySelector('loket-inbox-list table'), 'the table');
    await until(() => el.querySelector('.counts'), 'the counts');
    await expect(el).to.be.accessible();
    location.hash = '#/akun';
    await until(() => el.querySelector('loket-inbox-users table tbody tr'), 'the accounts');
    await expect(el).to.be.accessible();
    // Changing an account: the form takes focus, passes axe, and refuses a short new password with a message.
    const edit = [...el.querySelectorAll<HTMLButtonElement>('loket-inbox-users button')].find((b) => text(b) === `Ubah ${OUTSIDER.name}`)!;
    edit.click();
    const heading = await until(() => el.querySelector<HTMLElement>('#edit-heading'), 'the change form');
    await until(() => document.activeElement === heading, 'focus on the change form');
    expect(text(heading)).to.equal(`Ubah akun ${OUTSIDER.name}`);
    await expect(el).to.be.accessible();
    el.querySelector<HTMLInputElement>('#edit-password')!.value = 'pendek';
    el.querySelector<HTMLButtonElement>('.edit-user button[type=submit]')!.click();
    const refused = await until(() => el.querySelector<HTMLElement>('#edit-error'), 'the refusal');
    expect(text(refused)).to.equal('Kata sandi minimal 10 karakter.');
    [...el.querySelectorAll<HTMLButtonElement>('.edit-user button')].find((b) => text(b) === 'Batal')!.click();
    await until(() => document.activeElement === edit, 'focus back on Ubah');
    location.hash = '#/audit';
    await until(() => el.querySelector('loket-inbox-audit table tbody tr'), 'the audit log');
    expect(text(el.querySelector('loket-inbox-audit table'))).to.contain('Membuka permohonan');
    await expect(el).to.be.accessible();
  });

  it('triages an application with the keyboard only', async () => {
    const second = await submitApplication('Wayan Sudirta');
    const el = await mountInbox();
    await logIn(el, CLERK);
    await until(() => [...el.querySelectorAll('table a')].find((a) => text(a) === second), 'the new application');
    // Tab from the top of the page to the application's link, then Enter.
    (document.activeElement as HTMLElement | null)?.blur();
    let guard = 0;
    while (text(document.activeElement) !== second) {
      await sendKeys({ press: 'Tab' });
      if (++guard > 60) throw new Error('the link is not reachable with Tab');
    }
    await sendKeys({ press: 'Enter' });
    await until(() => text(el.querySelector('h1')) === `Permohonan ${second}` && document.activeElement === el.querySelector('h1'), 'the application, focused');
    // Heading → (Tab) status select: choose "Perlu perbaikan" with the arrow keys.
    guard = 0;
    while (document.activeElement?.id !== 'change-state') {
      await sendKeys({ press: 'Tab' });
      if (++guard > 20) throw new Error('the status select is not reachable with Tab');
    }
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect((document.activeElement as HTMLSelectElement).value).to.equal('needs-fix');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('change-message');
    await sendKeys({ type: 'Lampirkan surat kuasa.' });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('change-note');
    await sendKeys({ press: 'Tab' });
    expect(text(document.activeElement)).to.equal('Simpan status');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el.querySelector('.saved')) === 'Status disimpan: Perlu perbaikan.', 'the saved message');
    await sendKeys({ press: 'Tab' });
    expect(text(document.activeElement)).to.contain('Kirim lewat WhatsApp');
  });

  it('never runs a file in the office origin: a PDF/HTML polyglot and an HTML page named .pdf stay inert', async () => {
    const number = await submitApplication('Dewi Kartika', { name: 'ktp.pdf', bytes: POLYGLOT });
    const id = await storeHtmlAsPdf(number);
    const el = await mountInbox();
    await logIn(el, ADMIN);
    location.hash = `#/permohonan/${id}`;
    const links = await until(() => {
      const found = [...el.querySelectorAll<HTMLAnchorElement>('.files a')];
      return found.length === 2 ? found : undefined;
    }, 'both files');
    expect(links.map((a) => text(a).replace(' (membuka tab baru)', ''))).to.deep.equal(['ktp.pdf', 'surat.pdf']);
    // A control first: the probe's page, rendered in this origin, does report, so silence below means something.
    expect(await scriptRan(undefined)).to.equal(true);
    localStorage.removeItem('loket-probe');
    for (const link of links) expect(await scriptRan(link.href), link.href).to.equal(false);
    expect(localStorage.getItem('loket-probe')).to.equal(null);
  });

  it('shows a staff member only the forms they may open', async () => {
    const el = await mountInbox();
    await logIn(el, OUTSIDER);
    await until(() => text(el.querySelector('.result-status')).length > 0, 'the summary');
    expect(text(el.querySelector('.result-status'))).to.equal('Tidak ada permohonan yang cocok dengan filter ini.');
    const id = (await (await fetch(`/petugas/api/applications?q=${encodeURIComponent(first)}`)).json()).items?.[0]?.id;
    expect(id).to.equal(undefined);
    expect(el.querySelector('a[href="#/akun"]')).to.equal(null);
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await mountInbox();
    await logIn(el, CLERK);
    await until(() => el.querySelector('loket-inbox-list table'), 'the table');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    el.querySelector<HTMLAnchorElement>('table a')!.click();
    await until(() => el.querySelector('.answers .review-row'), 'the application');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
  });

  it('sends a staff member back to the login when the session is gone', async () => {
    const el = await mountInbox();
    await logIn(el, CLERK);
    await logout();
    el.querySelector<HTMLAnchorElement>('table a')!.click();
    const notice = await until(() => el.querySelector('.login .notice'), 'the login again');
    expect(text(notice)).to.equal('Silakan masuk terlebih dahulu.');
  });
});
