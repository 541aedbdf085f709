// End to end, in Chromium, against the real reference receiver (mounted in
// the test server by test/server/receiver-middleware.mjs): the permit form
// delivers, retries, queues, restores drafts and shows server errors.
import { aTimeout, expect } from '@open-wc/testing';
import { RESEND } from '../src/submit/backoff.js';
import type { LoketSubmittedEvent } from '../src/submit/events.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { shadowText, unmountAll } from './helpers.js';

let run = 0;
const unique = (kind: string) => `e2e-${kind}-${Date.now().toString(36)}${++run}`;
const q = <T extends HTMLElement = HTMLElement>(el: LoketPermitForm, s: string) => el.shadowRoot!.querySelector<T>(s);
const stored = async (form: string) => (await (await fetch(`/e2e-api/receiver/stored/${form}`)).json()) as { count: number; records: { answers: Record<string, unknown>; files: { name: string }[] }[] };
const requests = async (form: string) => ((await (await fetch(`/e2e-api/receiver/requests/${form}`)).json()) as { count: number }).count;
const pdf = (name = 'ktp.pdf') => new File([new TextEncoder().encode('%PDF-1.4\n% loket e2e\n'.padEnd(4000, ' '))], name, { type: 'application/pdf' });

async function until(test: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; the form says: ${shadowText(current!).slice(0, 400)}`);
    await aTimeout(25);
  }
}

let current: LoketPermitForm | undefined;
async function mountForm(id: string, answers?: Record<string, unknown>): Promise<LoketPermitForm> {
  const el = document.createElement('loket-permit-form');
  el.data = await (await fetch(`/e2e-api/receiver/form/${id}`)).json();
  const box = document.createElement('div');
  box.className = 'e2e';
  box.append(el);
  document.body.append(box);
  current = el;
  await until(() => !!q(el, '.step-heading'), 'the first step');
  if (answers) {
    el.initialAnswers = answers;
    await el.updateComplete;
  }
  return el;
}
const press = async (el: LoketPermitForm) => {
  q(el, '.actions .button.primary')!.click();
  await el.updateComplete;
};
async function toReviewAndSubmit(el: LoketPermitForm): Promise<void> {
  await press(el);
  await until(() => shadowText(el).includes('Periksa jawaban Anda'), 'the review page');
  await press(el);
}
const receiptNumber = (el: LoketPermitForm) => q(el, '.receipt-number')?.textContent?.trim();

describe('submitting to the reference receiver', function () {
  this.timeout(20_000);
  afterEach(async () => {
    document.querySelectorAll('.e2e').forEach((n) => n.remove());
    unmountAll();
    indexedDB.deleteDatabase('loket');
    await aTimeout(50);
  });

  it('delivers answers and a file, shows the receipt, fires loket-submitted, and forgets the draft', async () => {
    const id = unique('ok');
    const el = await mountForm(id, { fullName: 'Siti Rahma', ktp: [pdf()] });
    const events: LoketSubmittedEvent[] = [];
    el.addEventListener('loket-submitted', (e) => events.push(e));
    await toReviewAndSubmit(el);
    await until(() => !!receiptNumber(el), 'the receipt');
    expect(shadowText(el)).to.contain('Permohonan terkirim').and.contain('Nomor pendaftaran').and.contain('5 hari kerja').and.contain('Petugas memeriksa berkas Anda.');
    // One counter serves every form, so the number is unique but not necessarily the first.
    expect(receiptNumber(el)).to.match(/^E2E-\d{4}-\d{6}$/);
    await until(() => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() === 'Permohonan terkirim', 'the live region to say it was sent');
    expect(events[0]?.detail.trackingNumber).to.equal(receiptNumber(el));
    const s = await stored(id);
    expect(s.count).to.equal(1);
    expect(s.records[0]?.answers.fullName).to.equal('Siti Rahma');
    expect(s.records[0]?.files.map((f) => f.name)).to.deep.equal(['ktp.pdf']);
  });

  it('sends once when Kirim permohonan is pressed twice', async () => {
    const id = unique('slow');
    const el = await mountForm(id, { fullName: 'Budi' });
    await press(el);
    await until(() => shadowText(el).includes('Periksa jawaban Anda'), 'the review page');
    const button = q(el, '.actions .button.primary')!;
    button.click();
    button.click();
    button.dispatchEvent(new Event('click'));
    await until(() => !!receiptNumber(el), 'the receipt');
    expect(await requests(id)).to.equal(1);
    expect((await stored(id)).count).to.equal(1);
  });

  it('after a 500 keeps the application on the device, says so honestly, and "Coba kirim sekarang" stores it exactly once', async () => {
    const id = unique('500');
    const el = await mountForm(id, { fullName: 'Budi' });
    await toReviewAndSubmit(el);
    await until(() => shadowText(el).includes('Permohonan menunggu dikirim'), 'the waiting screen');
    expect(shadowText(el)).to.contain('kode 500').and.contain('dikirim ulang otomatis').and.contain('Butuh bantuan?');
    q(el, '[part~="retry-button"]')!.click();
    await until(() => !!receiptNumber(el), 'the receipt');
    expect((await stored(id)).count).to.equal(1);
  });

  it('keeps the application when the receiver’s disk is full, resends it by itself, and it is stored once', async () => {
    const timing = { ...RESEND };
    // Every few minutes, shortened: the test asserts what happens, not how long it took.
    Object.assign(RESEND, { baseMs: 2000, capMs: 2000 });
    try {
      const id = unique('disk');
      const el = await mountForm(id, { fullName: 'Budi' });
      await toReviewAndSubmit(el);
      await until(() => shadowText(el).includes('Permohonan menunggu dikirim'), 'the waiting screen');
      expect(shadowText(el)).to.contain('kode 500').and.contain('dikirim ulang otomatis');
      await until(() => !!receiptNumber(el), 'the receipt after the disk had room again');
      expect((await stored(id)).count).to.equal(1);
      expect(await requests(id)).to.equal(2);
    } finally {
      Object.assign(RESEND, timing);
    }
  });

  it('retries by itself after a dropped connection and is stored once', async () => {
    const id = unique('drop');
    const el = await mountForm(id, { fullName: 'Budi' });
    await toReviewAndSubmit(el);
    await until(() => !!receiptNumber(el), 'the receipt');
    expect(await requests(id)).to.equal(2);
    expect((await stored(id)).count).to.equal(1);
  });

  it('retries after a timeout', async () => {
    const id = unique('timeout');
    const el = await mountForm(id, { fullName: 'Budi' });
    await toReviewAndSubmit(el);
    await until(() => !!receiptNumber(el), 'the receipt', 10_000);
    expect((await stored(id)).count).to.equal(1);
  });

  it('shows the receiver’s field errors at the field and in the error summary', async () => {
    const id = unique('invalid');
    // Passes the browser's checks (name, size, type) but is not a PDF inside: only the server can tell.
    const fake = new File([new Uint8Array(3000).fill(65)], 'ktp.pdf', { type: 'application/pdf' });
    const el = await mountForm(id, { fullName: 'Budi', ktp: [fake] });
    await toReviewAndSubmit(el);
    await until(() => !!q(el, '.error-summary'), 'the error summary');
    expect(q(el, '.error-summary')!.textContent).to.contain('Isi berkas "ktp.pdf" tidak sesuai jenisnya');
    expect(q(el, '[data-field="ktp"]')!.textContent).to.contain('tidak sesuai jenisnya');
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
    expect((await stored(id)).count).to.equal(0);
  });

  it('keeps the application in the outbox while offline and delivers it once when back online', async () => {
    const id = unique('offline');
    const el = await mountForm(id, { fullName: 'Budi' });
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
    try {
      await toReviewAndSubmit(el);
      await until(() => shadowText(el).includes('Menunggu koneksi — permohonan akan dikirim otomatis'), 'the outbox message');
      expect(await requests(id)).to.equal(0);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await until(() => !!receiptNumber(el), 'the receipt');
    expect((await stored(id)).count).to.equal(1);
    expect(await requests(id)).to.equal(1);
  });

  it('delivers an outbox entry left by an earlier visit exactly once', async () => {
    const id = unique('reload');
    const first = await mountForm(id, { fullName: 'Budi' });
    Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
    try {
      await toReviewAndSubmit(first);
      await until(() => shadowText(first).includes('Menunggu koneksi'), 'the outbox message');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
    // "Reload": the element goes away; a new one for the same form arrives.
    first.parentElement!.remove();
    const second = await mountForm(id);
    await until(() => !!receiptNumber(second), 'the receipt on the next visit');
    expect((await stored(id)).count).to.equal(1);
  });

  it('offers the draft again after a reload, without the NIK, and can delete it', async () => {
    const id = unique('draft');
    const first = await mountForm(id);
    const name = q<HTMLInputElement>(first, '#f-fullName')!;
    name.value = 'Siti Rahma';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const nik = q<HTMLInputElement>(first, '#f-nik')!;
    nik.value = '3172014108900001';
    nik.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => shadowText(first).includes('Isian disimpan di perangkat ini'), 'the draft note');
    first.parentElement!.remove();

    const second = await mountForm(id);
    await until(() => shadowText(second).includes('Lanjutkan isian sebelumnya?'), 'the draft offer');
    q(second, '.draft-offer .draft-actions .button.primary')!.click();
    await second.updateComplete;
    await until(() => q<HTMLInputElement>(second, '#f-fullName')?.value === 'Siti Rahma', 'the restored name');
    expect(q<HTMLInputElement>(second, '#f-nik')!.value).to.equal('');
    (q(second, '.draft-note .link-button') as HTMLElement).click();
    await until(() => shadowText(second).includes('sudah dihapus') || !shadowText(second).includes('Isian disimpan'), 'deletion');
    await until(() => second.shadowRoot!.activeElement?.classList.contains('step-heading') === true, 'focus on the step heading, not lost to the page');
    second.parentElement!.remove();
    const third = await mountForm(id);
    await aTimeout(200);
    expect(shadowText(third)).to.not.contain('Lanjutkan isian sebelumnya?');
  });
});
