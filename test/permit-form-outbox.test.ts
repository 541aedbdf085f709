// The permit form's outbox as citizens met it in outside testing (#10): a
// second tab, the tab that pressed Kirim, a server outage, deleting a waiting
// application, expiry, and what each server refusal says. Two tabs are two
// form elements on one page sharing the device store; the cross-tab channel
// itself (BroadcastChannel) is checked at the end.
import { aTimeout, expect } from '@open-wc/testing';
import { RESEND } from '../src/submit/backoff.js';
import { forgetDevice } from '../src/submit/index.js';
import { onSignal, signal, type OutboxSignal } from '../src/submit/signal.js';
import { listEntries, openStore, type OutboxEntry } from '../src/submit/store.js';
import type { LoketSubmittedEvent } from '../src/submit/events.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { inlineJson, mount, script, shadowText, unmountAll } from './helpers.js';

type Form = LoketPermitForm;
type Step = { status?: number; body?: unknown; type?: string; drop?: boolean };

let run = 0;
const used: string[] = [];
const uniqueId = (kind: string) => {
  const id = `outbox-${kind}-${Date.now().toString(36)}${++run}`;
  used.push(id);
  return id;
};
const accepted = (n: number): Step => ({ status: 201, body: { trackingNumber: `UJI-2026-${String(n).padStart(6, '0')}` } });

function doc(id: string, endpoint: string): Record<string, unknown> {
  return {
    version: 1,
    id,
    title: 'Izin uji',
    office: { name: 'DPMPTSP Uji', timeZone: 'Asia/Makassar' },
    help: { phone: '0811-4345-757' },
    submit: { endpoint, retries: 0, timeoutSeconds: 3 },
    steps: [{ heading: 'Data pemohon', fields: [{ type: 'text', name: 'fullName', label: 'Nama lengkap' }] }],
  };
}

const q = <T extends HTMLElement = HTMLElement>(el: Form, s: string) => el.shadowRoot!.querySelector<T>(s);
const heading = (el: Form) => q(el, '.step-heading')?.textContent?.trim();
const receiptNumber = (el: Form) => q(el, '.receipt-number')?.textContent?.trim();

async function until(test: () => boolean | Promise<boolean>, what: string, el?: Form, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}${el ? `; the form says: ${shadowText(el).slice(0, 400)}` : ''}`);
    await aTimeout(20);
  }
}

async function open(d: Record<string, unknown>, attrs = ''): Promise<Form> {
  const probe = mount<Form>(`<loket-permit-form ${attrs}><script type="application/json">${inlineJson(d)}</script></loket-permit-form>`);
  await probe.next('loket-ready');
  await probe.el.updateComplete;
  return probe.el;
}

/** Answers the one question and presses Lanjutkan, then Kirim permohonan. */
async function fillAndSubmit(el: Form, name = 'Siti Rahma'): Promise<void> {
  const input = q<HTMLInputElement>(el, '#f-fullName')!;
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  q(el, '.actions .button.primary')!.click();
  await until(() => heading(el) === 'Periksa jawaban Anda', 'the review page', el);
  // The sending code and the review page's arrive after the first step is on screen.
  await until(() => !!(el as unknown as { submission?: unknown }).submission, 'the sending code', el);
  await until(() => !!q(el, '.review-list'), 'the answers on the review page', el);
  q(el, '.actions .button.primary')!.click();
}

function offline(): () => void {
  Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>).onLine;
}

const waitingIn = (el: Form) => until(() => heading(el) === 'Permohonan menunggu dikirim', 'the waiting screen', el);
const entriesOf = async (formId: string) => listEntries(await openStore(), formId);

describe('<loket-permit-form> outbox across tabs, outages and expiry', function () {
  this.timeout(20_000);
  const timing = { ...RESEND };
  beforeEach(() => {
    // Resending every few minutes, shortened: the tests assert what happens, never how long it took.
    RESEND.baseMs = 40;
    RESEND.capMs = 200;
  });
  afterEach(async () => {
    Object.assign(RESEND, timing);
    unmountAll();
    for (const id of used.splice(0)) await forgetDevice(id);
  });

  it('shows a second tab the waiting application, not an empty review page', async () => {
    const id = uniqueId('second-tab');
    const d = doc(id, await script(id, [accepted(1)]));
    const first = await open(d);
    const back = offline();
    try {
      await fillAndSubmit(first);
      await waitingIn(first);
      const second = await open(d);
      await waitingIn(second);
      const seen = shadowText(second);
      // The day it was sent, in the office's zone (WITA): after 16.00 UTC that is already tomorrow there.
      const day = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Makassar', day: 'numeric' }).format(new Date());
      expect(seen).to.contain('Menunggu koneksi — permohonan akan dikirim otomatis').and.contain(`Diajukan ${day} `).and.contain('WITA');
      expect(seen).to.not.contain('Periksa jawaban Anda').and.not.contain('Tidak diisi');
      // No way to change a copy of an application that is already on its way.
      expect(q(second, '[part~="change-button"]')).to.equal(null);
      expect(q(first, '[part~="change-button"]')).to.equal(null);
      await expect(second).to.be.accessible();
    } finally {
      back();
    }
  });

  it('shows the receipt in the tab that pressed Kirim when another tab delivered it, and fires loket-submitted once', async () => {
    const id = uniqueId('other-delivers');
    const d = doc(id, await script(id, [accepted(2)]));
    const first = await open(d);
    const events: LoketSubmittedEvent[] = [];
    document.addEventListener('loket-submitted', (e) => events.push(e as LoketSubmittedEvent));
    const back = offline();
    let second: Form;
    try {
      await fillAndSubmit(first);
      await waitingIn(first);
      second = await open(d);
      await waitingIn(second);
    } finally {
      back();
    }
    // The other tab sends it ("Coba kirim sekarang" there); this one only hears about it.
    q(second, '[part~="retry-button"]')!.click();
    await until(() => receiptNumber(second) === 'UJI-2026-000002', 'the receipt in the tab that sent it', second);
    await until(() => receiptNumber(first) === 'UJI-2026-000002', 'the receipt in the tab that pressed Kirim', first);
    expect(shadowText(first)).to.contain('Permohonan terkirim').and.not.contain('Menunggu koneksi');
    expect((await (await fetch(`/test-api/hits/${id}`)).json()).hits).to.equal(1);
    expect(events.map((e) => e.detail.trackingNumber)).to.deep.equal(['UJI-2026-000002']);
    expect(await entriesOf(id)).to.deep.equal([]);
  });

  it('keeps resending after a server outage, with growing pauses, until the server stores it', async () => {
    const id = uniqueId('outage');
    // Down for six attempts (longer than any in-page retry), then back.
    const d = doc(id, await script(id, [{ status: 503 }, { status: 503 }, { status: 502 }, { status: 500 }, { status: 503 }, { status: 503 }, accepted(3)]));
    const el = await open(d);
    await fillAndSubmit(el);
    await waitingIn(el);
    await until(() => shadowText(el).includes('Server kantor sedang bermasalah (kode 50'), 'the server-trouble message', el);
    await until(() => receiptNumber(el) === 'UJI-2026-000003', 'the receipt after the outage', el);
    expect((await (await fetch(`/test-api/hits/${id}`)).json()).hits).to.equal(7);
  });

  it('resends at once when another request to the same server succeeds', async () => {
    RESEND.baseMs = 3_600_000;
    RESEND.capMs = 3_600_000;
    const down = uniqueId('reach-down');
    const up = uniqueId('reach-up');
    const waiting = await open(doc(down, await script(down, [{ status: 503 }, accepted(4)])));
    await fillAndSubmit(waiting);
    await waitingIn(waiting);
    const other = await open(doc(up, await script(up, [accepted(5)])));
    await fillAndSubmit(other, 'Budi');
    await until(() => receiptNumber(other) === 'UJI-2026-000005', 'the other form’s receipt', other);
    // No timer (an hour away), no online event: the other form's success is the signal.
    await until(() => receiptNumber(waiting) === 'UJI-2026-000004', 'the waiting form’s receipt', waiting);
  });

  it('deletes a waiting application from the device on the waiting screen, after asking, in every tab', async () => {
    const id = uniqueId('delete');
    const d = doc(id, await script(id, [accepted(6)]));
    const first = await open(d);
    const back = offline();
    let second: Form;
    try {
      await fillAndSubmit(first);
      await waitingIn(first);
      second = await open(d);
      await waitingIn(second);
      expect(await entriesOf(id)).to.have.length(1);
      q(first, '.outbox-screen [part~="delete-button"]')!.click();
      await until(() => !!q(first, '.confirm-delete'), 'the confirmation', first);
      expect(first.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Ya, hapus');
      await expect(first).to.be.accessible();
      expect(await entriesOf(id)).to.have.length(1);
      (first.shadowRoot!.activeElement as HTMLElement).click();
      await until(() => heading(first) === 'Data pemohon', 'the first step', first);
    } finally {
      back();
    }
    expect(await entriesOf(id)).to.deep.equal([]);
    expect(shadowText(first)).to.contain('sudah dihapus dari perangkat ini');
    expect(q<HTMLInputElement>(first, '#f-fullName')!.value).to.equal('');
    // The other tab stops showing it too.
    await until(() => heading(second) === 'Data pemohon', 'the other tab’s first step', second);
    expect(shadowText(second)).to.contain('Permohonan tidak dikirim');
    expect((await (await fetch(`/test-api/hits/${id}`)).json()).hits).to.equal(0);
  });

  it('tells the citizen when a waiting application expired unsent, and what to do', async () => {
    const id = uniqueId('expired');
    const d = doc(id, await script(id, [accepted(7)]));
    const first = await open(d);
    const back = offline();
    try {
      await fillAndSubmit(first);
      await waitingIn(first);
      // Seven days pass: the entry's expiry is in the past.
      const store = await openStore();
      const [entry] = await entriesOf(id);
      await store.put('outbox', entry!.key, { ...entry!, expiresAt: Date.now() - 1000 } satisfies OutboxEntry);
    } finally {
      back();
    }
    // The open tab notices on its next look (here: the connection returns).
    window.dispatchEvent(new Event('online'));
    await until(() => heading(first) === 'Permohonan tidak terkirim', 'the expired screen', first);
    expect(shadowText(first)).to.contain('dihapus dari perangkat ini untuk melindungi data Anda').and.contain('Kantor belum menerimanya').and.contain('Silakan isi dan kirim formulir ini lagi');
    await expect(first).to.be.accessible();
    // A later visit is told too, until the citizen has read it.
    const later = await open(d);
    await until(() => heading(later) === 'Permohonan tidak terkirim', 'the expired screen on a later visit', later);
    q(later, '.outbox-screen .button.primary')!.click();
    await until(() => heading(later) === 'Data pemohon', 'the first step', later);
    unmountAll();
    const after = await open(d);
    await aTimeout(300);
    expect(heading(after)).to.equal('Data pemohon');
    expect((await (await fetch(`/test-api/hits/${id}`)).json()).hits).to.equal(0);
  });

  it('says what can be done for a file too large (413) and for a refusal, without a useless "Coba lagi"', async () => {
    const big = uniqueId('413');
    const el = await open(doc(big, await script(big, [{ status: 413, type: 'application/problem+json', body: { title: 'Payload Too Large' } }])));
    await fillAndSubmit(el);
    await until(() => shadowText(el).includes('Permohonan belum terkirim'), 'the failure', el);
    expect(shadowText(el)).to.contain('terlalu besar').and.contain('kode 413').and.contain('perkecil berkas').and.not.contain('coba lagi sebentar lagi');
    expect(q(el, '[part~="retry-button"]')).to.equal(null);
    // The way forward is there: the answers, each with "Ubah".
    expect(q(el, '[part~="change-button"]')).to.not.equal(null);

    const refused = uniqueId('403');
    const other = await open(doc(refused, await script(refused, [{ status: 403, body: { title: 'Forbidden' } }])));
    await fillAndSubmit(other);
    await until(() => shadowText(other).includes('Permohonan belum terkirim'), 'the failure', other);
    expect(shadowText(other)).to.contain('tidak menerima permohonan ini (kode 403)').and.contain('sebutkan kode 403').and.not.contain('sebentar lagi');
    expect((await (await fetch(`/test-api/hits/${refused}`)).json()).hits).to.equal(1);
  });

  it('keeps an application the server could not store (500) on the device, and says so in English too', async () => {
    RESEND.baseMs = 3_600_000;
    RESEND.capMs = 3_600_000;
    const id = uniqueId('500');
    const el = await open(doc(id, await script(id, [{ status: 500, body: { title: 'disk full' } }, accepted(8)])), 'lang="en"');
    const input = q<HTMLInputElement>(el, '#f-fullName')!;
    input.value = 'Siti';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    q(el, '.actions .button.primary')!.click();
    await until(() => heading(el) === 'Check your answers', 'the review page', el);
    await until(() => !!(el as unknown as { submission?: unknown }).submission, 'the sending code', el);
    q(el, '.actions .button.primary')!.click();
    await until(() => heading(el) === 'Your application is waiting to be sent', 'the waiting screen', el);
    expect(shadowText(el)).to.contain('(code 500)').and.contain('sent again automatically').and.contain('deleted from this device to protect your data');
    expect(await entriesOf(id)).to.have.length(1);
    q(el, '[part~="retry-button"]')!.click();
    await until(() => receiptNumber(el) === 'UJI-2026-000008', 'the receipt', el);
  });
});

describe('the outbox signal between tabs', () => {
  it('reaches other tabs over BroadcastChannel and this page’s own forms directly', async () => {
    const otherTab = new BroadcastChannel('loket:outbox');
    const heard: unknown[] = [];
    const local: OutboxSignal[] = [];
    otherTab.onmessage = (e) => heard.push(e.data);
    const stop = onSignal((s) => local.push(s));
    try {
      await forgetDevice('outbox-signal-test');
      await until(() => heard.length > 0 && local.length > 0, 'the signal');
      expect(heard).to.deep.include({ kind: 'outbox', formId: 'outbox-signal-test' });
      expect(local).to.deep.include({ kind: 'outbox', formId: 'outbox-signal-test' });
      // What another tab (maybe another version) sends is read defensively.
      otherTab.postMessage({ kind: 'outbox' });
      otherTab.postMessage({ kind: 'reachable', origin: 'https://ptsp.example' });
      await until(() => local.some((s) => s.kind === 'reachable'), 'the reachable signal');
      expect(local.filter((s) => s.kind === 'outbox')).to.have.length(1);
      signal({ kind: 'reachable', origin: location.origin });
      await until(() => local.some((s) => s.kind === 'reachable' && s.origin === location.origin), 'the page’s own signal');
    } finally {
      stop();
      otherTab.close();
    }
  });
});
