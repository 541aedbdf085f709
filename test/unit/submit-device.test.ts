import { expect } from '@open-wc/testing';
import { parseForm, type FormDocument } from '../../src/form/format.js';
import { createValidator } from '../../src/form/validate.js';
import { createSubmitter, forgetDevice } from '../../src/submit/index.js';
import { downscaleImage } from '../../src/submit/downscale.js';
import { buildPayload, encodePayload, reviveAnswers } from '../../src/submit/payload.js';
import type { HttpResponse } from '../../src/submit/response.js';
import { deleteDraft, draftAnswers, listEntries, loadDraft, memoryStore, openStore, saveDraft, withLock, type DeviceStore, type OutboxEntry } from '../../src/submit/store.js';
import { TransportError, type Clock, type HttpRequest } from '../../src/submit/transport.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

function form(extra: Record<string, unknown> = {}): FormDocument {
  const result = parseForm({
    version: 1,
    id: 'uji',
    revision: '2020-06',
    title: 'Uji',
    office: { name: 'O' },
    help: { phone: '021 6540 123' },
    submit: { endpoint: 'https://api.example/submissions' },
    steps: [
      {
        heading: 'S',
        fields: [
          { type: 'text', name: 'nama', label: 'Nama' },
          { type: 'nik', name: 'nik', label: 'NIK', sensitive: true },
          { type: 'date', name: 'lahir', label: 'Tanggal lahir' },
          { type: 'file', name: 'ktp', label: 'KTP', accept: ['.pdf', '.jpg', '.png'], maxSize: 5_000_000, optional: true },
          { type: 'group', name: 'vessels', label: 'Kapal', optional: true, fields: [{ type: 'text', name: 'name', label: 'Nama kapal' }, { type: 'file', name: 'photo', label: 'Foto', accept: ['image/*'], maxSize: 5_000_000, optional: true }] },
        ],
      },
    ],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const response = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  header: (name) => headers[name.toLowerCase()] ?? null,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const clock = (): Clock => {
  let now = Date.UTC(2020, 8, 16, 2);
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};
const pdf = (name = 'surat.pdf', size = 1000) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('payload', () => {
  const f = form();
  const raw = { nama: 'Budi', nik: '3201014108900001', lahir: { day: '1', month: '8', year: '1990' }, ktp: [pdf('ktp.pdf', 10)], vessels: [{ name: 'KM Bahari' }, { name: 'KM Jaya', photo: [new File([new Uint8Array(20)], 'kapal.jpg', { type: 'image/jpeg' })] }] };
  const final = createValidator(f).finalAnswers(raw);
  const { payload, files } = buildPayload(f, final, { locale: 'id', idempotencyKey: 'k-1234567890123456', submittedAt: new Date(Date.UTC(2020, 8, 16, 2)) });

  it('has the documented, versioned shape', () => {
    expect(payload).to.deep.equal({
      loket: 1,
      form: { id: 'uji', revision: '2020-06' },
      submittedAt: '2020-09-16T02:00:00.000Z',
      locale: 'id',
      idempotencyKey: 'k-1234567890123456',
      answers: {
        nama: 'Budi',
        nik: '3201014108900001',
        lahir: '1990-08-01',
        ktp: [{ name: 'ktp.pdf', size: 10, type: 'application/pdf' }],
        vessels: [{ name: 'KM Bahari' }, { name: 'KM Jaya', photo: [{ name: 'kapal.jpg', size: 20, type: 'image/jpeg' }] }],
      },
      files: [
        { field: 'ktp', name: 'ktp.pdf', size: 10, type: 'application/pdf' },
        { field: 'vessels[1].photo', name: 'kapal.jpg', size: 20, type: 'image/jpeg' },
      ],
    });
    expect(files.map((x) => x.field)).to.deep.equal(['ktp', 'vessels[1].photo']);
  });
  it('encodes JSON', () => {
    const e = encodePayload(payload, [], 'json');
    expect(e.contentType).to.equal('application/json');
    expect(JSON.parse(e.body as string)).to.deep.equal(payload);
  });
  it('encodes text/plain JSON (no preflight)', () => {
    const e = encodePayload(payload, [], 'text');
    expect(e.contentType).to.equal('text/plain;charset=UTF-8');
    expect(JSON.parse(e.body as string)).to.deep.equal(payload);
  });
  it('switches to multipart when there are files, parts named by path', async () => {
    const e = encodePayload(payload, files, 'text');
    expect(e.encoding).to.equal('multipart');
    const data = e.body as FormData;
    expect(JSON.parse(data.get('payload') as string)).to.deep.equal(payload);
    expect((data.get('ktp') as File).name).to.equal('ktp.pdf');
    expect((data.get('vessels[1].photo') as File).size).to.equal(20);
    expect([...data.keys()]).to.deep.equal(['payload', 'ktp', 'vessels[1].photo']);
  });
  it('revives final answers so the same validator accepts them on a server', () => {
    const v = createValidator(f);
    expect(v.validateAll(raw).errors).to.deep.equal([]);
    expect(v.validateAll(reviveAnswers(f, payload.answers)).errors).to.deep.equal([]);
  });
});

describe('drafts', () => {
  let store: DeviceStore;
  beforeEach(() => (store = memoryStore()));
  const f = form();
  const answers = { nama: 'Budi', nik: '3201014108900001', ktp: [pdf()], vessels: [{ name: 'KM', photo: [pdf()] }] };

  it('leave out sensitive fields and files', () => expect(draftAnswers(f, answers)).to.deep.equal({ nama: 'Budi', vessels: [{ name: 'KM' }] }));
  it('keep sensitive fields when the form opts in', () => expect(draftAnswers(form({ draft: { storeSensitive: true } }), answers)).to.have.property('nik'));
  it('are saved, loaded and deleted', async () => {
    expect(await saveDraft(f, answers, { store, now: 1000 })).to.equal(true);
    expect((await loadDraft(f, { store, now: 2000 }))?.answers).to.deep.equal({ nama: 'Budi', vessels: [{ name: 'KM' }] });
    await deleteDraft(f.id, { store });
    expect(await loadDraft(f, { store })).to.equal(undefined);
  });
  it('expire after keepDays and are deleted when found expired', async () => {
    const g = form({ draft: { keepDays: 2 } });
    await saveDraft(g, answers, { store, now: 0 });
    expect(await loadDraft(g, { store, now: 2 * 86_400_000 - 1 })).to.not.equal(undefined);
    expect(await loadDraft(g, { store, now: 2 * 86_400_000 })).to.equal(undefined);
    expect(await store.list('drafts')).to.deep.equal([]);
  });
  it('work with localStorage when IndexedDB is missing, and in memory when both are', async () => {
    const local = await openStore({ indexedDB: undefined, localStorage });
    expect(local.kind).to.equal('localstorage');
    expect(await saveDraft(f, answers, { store: local })).to.equal(true);
    expect((await loadDraft(f, { store: local }))?.answers.nama).to.equal('Budi');
    await deleteDraft(f.id, { store: local });
    expect((await openStore({})).kind).to.equal('memory');
  });
  it('never throw when storage refuses', async () => {
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('x'); }, key: () => null, length: 0, clear() {} } as unknown as Storage;
    const s = await openStore({ localStorage: broken });
    expect(await saveDraft(f, answers, { store: s })).to.equal(false);
    expect(await loadDraft(f, { store: s })).to.equal(undefined);
    await deleteDraft(f.id, { store: s });
  });
  it('use IndexedDB by default in this browser', async () => expect((await openStore()).kind).to.equal('indexeddb'));
});

describe('submitter', () => {
  const f = form();
  const answers = { nama: 'Budi', nik: '3201014108900001', lahir: '1990-08-01' };
  const setup = (script: (HttpResponse | 'network')[], extra: { store?: DeviceStore; online?: () => boolean } = {}) => {
    const requests: HttpRequest[] = [];
    const store = extra.store ?? memoryStore();
    let n = 0;
    const submitter = createSubmitter({
      form: f,
      store,
      clock: clock(),
      random: () => 0,
      newKey: () => `key-${String(++n).padStart(16, '0')}`,
      ...(extra.online ? { online: extra.online } : {}),
      request: async (r) => {
        requests.push(r);
        const step = script[Math.min(requests.length - 1, script.length - 1)] as HttpResponse | 'network';
        if (step === 'network') throw new TransportError('network');
        return step;
      },
    });
    return { submitter, requests, store };
  };

  it('delivers once, with the Idempotency-Key header, and empties the outbox', async () => {
    const { submitter, requests, store } = setup([response(201, { trackingNumber: 'UJI-2020-000001' })]);
    const outcome = await submitter.submit(answers, 'id');
    expect(outcome).to.deep.include({ kind: 'delivered' });
    expect((outcome as { receipt: { trackingNumber: string } }).receipt.trackingNumber).to.equal('UJI-2020-000001');
    expect(requests).to.have.length(1);
    expect(requests[0]?.headers['Idempotency-Key']).to.equal('key-0000000000000001');
    expect(JSON.parse(requests[0]?.body as string).idempotencyKey).to.equal('key-0000000000000001');
    expect(await listEntries(store)).to.deep.equal([]);
  });
  it('sends one request when pressed twice', async () => {
    const { submitter, requests } = setup([response(201, { trackingNumber: 'A' })]);
    const [a, b] = await Promise.all([submitter.submit(answers, 'id'), submitter.submit(answers, 'id')]);
    expect(a).to.equal(b);
    expect(requests).to.have.length(1);
  });
  it('reuses the key for "Coba lagi" after a refusal, and for the same answers submitted again', async () => {
    const { submitter, requests, store } = setup([response(403, { title: 'Forbidden' }), response(403, { title: 'Forbidden' }), response(201, { trackingNumber: 'A' })]);
    expect(await submitter.submit(answers, 'id')).to.deep.include({ kind: 'failed', reason: 'http', status: 403, retryable: false, kept: false });
    // Failed for good: gone from the device, kept in memory for "Coba lagi".
    expect(await store.list('outbox')).to.deep.equal([]);
    expect(await submitter.retry()).to.deep.include({ kind: 'failed' });
    expect(await submitter.submit(answers, 'id')).to.deep.include({ kind: 'delivered' });
    expect(new Set(requests.map((r) => r.headers['Idempotency-Key']))).to.deep.equal(new Set(['key-0000000000000001']));
  });
  it('uses a new key for changed answers after field errors', async () => {
    const { submitter, requests } = setup([response(422, { errors: [{ pointer: '/answers/nama', detail: 'Nama terlalu pendek' }] }), response(201, { trackingNumber: 'A' })]);
    expect(await submitter.submit(answers, 'id')).to.deep.include({ kind: 'invalid', status: 422, errors: [{ field: 'nama', message: 'Nama terlalu pendek' }] });
    await submitter.submit({ ...answers, nama: 'Budi Santoso' }, 'id');
    expect(requests.map((r) => r.headers['Idempotency-Key'])).to.deep.equal(['key-0000000000000001', 'key-0000000000000002']);
  });
  it('queues when retries run out, keeps the key across a "reload", and flushes once', async () => {
    const store = memoryStore();
    const first = setup(['network'], { store });
    expect(await first.submitter.submit(answers, 'id')).to.deep.include({ kind: 'queued', reason: 'network' });
    expect(first.requests).to.have.length(4);
    const [entry] = await first.submitter.pending();
    expect(entry?.attempts).to.equal(4);
    // A new page: a new submitter over the same device store.
    const second = setup([response(201, { trackingNumber: 'A' })], { store });
    const results = await Promise.all([second.submitter.flush(), second.submitter.flush()]);
    expect(results.flat()).to.have.length(1);
    expect(second.requests).to.have.length(1);
    expect(second.requests[0]?.headers['Idempotency-Key']).to.equal(entry?.key);
    expect(await second.submitter.pending()).to.deep.equal([]);
  });
  it('queues without sending while offline', async () => {
    const { submitter, requests } = setup([response(201, { trackingNumber: 'A' })], { online: () => false });
    expect(await submitter.submit(answers, 'id')).to.deep.include({ kind: 'queued' });
    expect(requests).to.have.length(0);
  });
  it('says files cannot wait offline without IndexedDB', async () => {
    const local = await openStore({ indexedDB: undefined, localStorage });
    const { submitter } = setup(['network'], { store: local });
    const outcome = await submitter.submit({ ...answers, ktp: [pdf()] }, 'id');
    expect(outcome).to.deep.include({ kind: 'failed', reason: 'network', retryable: true, kept: false });
  });
  it('reports a missing endpoint', async () => {
    const s = createSubmitter({ form: form({ submit: undefined }), store: memoryStore() });
    expect(await s.submit(answers, 'id')).to.deep.include({ kind: 'failed', reason: 'missing-endpoint' });
  });
  it('lets the action override the endpoint, and a hook replace HTTP', async () => {
    const requests: string[] = [];
    const s = createSubmitter({ form: f, action: '/elsewhere', baseUrl: 'https://kab.example/izin/', store: memoryStore(), request: async (r) => (requests.push(r.url), response(201, { trackingNumber: 'B' })) });
    await s.submit(answers, 'id');
    expect(requests).to.deep.equal(['https://kab.example/elsewhere']);
    const seen: unknown[] = [];
    const h = createSubmitter({ form: f, store: memoryStore(), hook: async (payload, files) => (seen.push(payload, files), { trackingNumber: 'HOOK-1' }) });
    const outcome = await h.submit(answers, 'en');
    expect((outcome as { receipt: { trackingNumber: string } }).receipt.trackingNumber).to.equal('HOOK-1');
    expect((seen[0] as { locale: string }).locale).to.equal('en');
  });
  it('reports upload progress per file', async () => {
    const reports: number[][] = [];
    const s = createSubmitter({
      form: f,
      store: memoryStore(),
      onProgress: (p) => reports.push(p.files.map((x) => x.loaded)),
      request: async (r) => {
        r.onUploadProgress?.(0, 3000);
        r.onUploadProgress?.(1500, 3000);
        r.onUploadProgress?.(3000, 3000);
        return response(201, { trackingNumber: 'A' });
      },
    });
    await s.submit({ ...answers, ktp: [pdf('a.pdf', 1000)], vessels: [{ name: 'K', photo: [pdf('b.pdf', 1000)] }] }, 'id');
    expect(reports[0]).to.deep.equal([0, 0]);
    expect(reports[2]).to.deep.equal([1000, 1000]);
    expect(reports[1]?.[0]).to.be.above(0);
  });
});

describe('the outbox on the device', () => {
  const answers = { nama: 'Budi', nik: '3201014108900001', lahir: '1990-08-01' };
  const DAY = 86_400_000;
  const submitterOf = (f: FormDocument, store: DeviceStore, script: (HttpResponse | 'network')[], c: Clock = clock()) => {
    const requests: HttpRequest[] = [];
    let n = 0;
    const submitter = createSubmitter({
      form: f,
      store,
      clock: c,
      random: () => 0,
      newKey: () => `key-${f.id}-${String(++n).padStart(16, '0')}`,
      request: async (r) => {
        requests.push(r);
        const step = script[Math.min(requests.length - 1, script.length - 1)] as HttpResponse | 'network';
        if (step === 'network') throw new TransportError('network');
        return step;
      },
    });
    return { submitter, requests };
  };
  /** The entries themselves, without the notes of what became of earlier ones. */
  const stored = async (store: DeviceStore) => (await store.list<OutboxEntry>('outbox')).filter((e) => typeof e.key === 'string');

  it('gives each entry an expiry of draft.keepDays (7 by default)', async () => {
    for (const [extra, days] of [[{}, 7], [{ draft: { keepDays: 2 } }, 2]] as const) {
      const store = memoryStore();
      const c = clock();
      const { submitter } = submitterOf(form(extra), store, ['network'], c);
      expect(await submitter.submit(answers, 'id')).to.deep.include({ kind: 'queued' });
      const [entry] = await stored(store);
      expect(entry?.expiresAt).to.equal((entry?.createdAt ?? 0) + days * DAY);
    }
  });

  it('deletes expired entries, and entries older versions kept after failing for good, when it loads', async () => {
    const store = memoryStore();
    const now = Date.UTC(2020, 8, 16, 2);
    const entry = (key: string, extra: Partial<OutboxEntry>): OutboxEntry => ({ key, formId: 'uji', hash: key, payload: {} as OutboxEntry['payload'], files: [], createdAt: now - DAY, attempts: 1, state: 'waiting', ...extra });
    await store.put('outbox', 'expired', entry('expired', { expiresAt: now - 1 }));
    await store.put('outbox', 'old-version', entry('old-version', { createdAt: now - 8 * DAY }));
    await store.put('outbox', 'failed', entry('failed', { state: 'failed', expiresAt: now + DAY }));
    await store.put('outbox', 'fresh', entry('fresh', { expiresAt: now + DAY }));
    const { submitter } = submitterOf(form(), store, [response(201, { trackingNumber: 'A' })]);
    expect((await submitter.pending()).map((e) => e.key)).to.deep.equal(['fresh']);
    expect((await stored(store)).map((e) => e.key)).to.deep.equal(['fresh']);
    // The two that expired waiting are remembered without their answers, so the citizen can be told.
    const notes = await submitter.expired();
    expect(notes.map((n) => n.key).sort()).to.deep.equal(['expired', 'old-version']);
    expect(JSON.stringify((await store.list<Record<string, unknown>>('outbox')).filter((e) => !('key' in e)))).to.not.contain('payload');
    expect(await submitter.lookup('expired')).to.deep.include({ kind: 'expired', key: 'expired' });
    await submitter.dismissExpired();
    expect(await submitter.expired()).to.deep.equal([]);
    expect(await submitter.lookup('expired')).to.deep.equal({ kind: 'deleted', key: 'expired' });
  });

  it('removes an entry that failed for good from the device, and keeps it there again while "Coba lagi" sends it', async () => {
    const store = memoryStore();
    let during: number | undefined;
    const requests: HttpRequest[] = [];
    const submitter = createSubmitter({
      form: form(),
      store,
      clock: clock(),
      random: () => 0,
      request: async (r) => {
        requests.push(r);
        if (requests.length === 1) return response(400, { title: 'Bad request' });
        during = (await stored(store)).length;
        return response(201, { trackingNumber: 'A' });
      },
    });
    expect(await submitter.submit({ ...answers, ktp: [pdf()] }, 'id')).to.deep.include({ kind: 'failed', retryable: false });
    expect(await stored(store)).to.deep.equal([]);
    expect(await submitter.retry()).to.deep.include({ kind: 'delivered' });
    expect(during).to.equal(1);
    expect(requests[1]?.headers['Idempotency-Key']).to.equal(requests[0]?.headers['Idempotency-Key']);
    expect(await stored(store)).to.deep.equal([]);
  });

  it('keeps an application the server could not store (500, a full disk) on the device to send again later', async () => {
    for (const status of [500, 507]) {
      const store = memoryStore();
      const { submitter, requests } = submitterOf(form(), store, [response(status, { title: 'Insufficient Storage' }), response(201, { trackingNumber: 'A' })]);
      expect(await submitter.submit({ ...answers, ktp: [pdf()] }, 'id')).to.deep.include({ kind: 'queued', reason: 'http', status });
      expect(requests).to.have.length(1);
      expect(await stored(store)).to.have.length(1);
      expect((await submitter.flush()).map((o) => o.kind)).to.deep.equal(['delivered']);
    }
  });

  it('tells a tab that still shows an application that another tab delivered it, without sending it again', async () => {
    const store = memoryStore();
    const a = submitterOf(form(), store, ['network']);
    const queued = await a.submitter.submit(answers, 'id');
    expect(queued).to.deep.include({ kind: 'queued' });
    const key = (queued as { key: string }).key;
    // Tab B (a new submitter over the same device) delivers it.
    const b = submitterOf(form(), store, [response(201, { trackingNumber: 'UJI-7' })]);
    expect((await b.submitter.flush()).map((o) => o.kind)).to.deep.equal(['delivered']);
    // Tab A asks what became of it, or presses "Coba kirim sekarang": the receipt, and no request.
    const seen = await a.submitter.lookup(key);
    expect(seen).to.deep.include({ kind: 'delivered' });
    expect((seen as { receipt: { trackingNumber: string; idempotencyKey: string } }).receipt).to.deep.include({ trackingNumber: 'UJI-7', idempotencyKey: key });
    const before = a.requests.length;
    expect(await a.submitter.retry()).to.deep.include({ kind: 'delivered' });
    expect(a.requests.length).to.equal(before);
    // What the device keeps of it has no answers, and goes with "Hapus data dari perangkat ini".
    expect(JSON.stringify(await store.list('outbox'))).to.not.contain('Budi');
    await forgetDevice(form(), { store });
    expect(await store.list('outbox')).to.deep.equal([]);
    expect(await a.submitter.lookup(key)).to.deep.equal({ kind: 'deleted', key });
  });

  it('keeps the outbox in memory only when the form keeps nothing (keepDays: 0)', async () => {
    const device = memoryStore();
    let online = false;
    const requests: HttpRequest[] = [];
    const submitter = createSubmitter({ form: form({ draft: { keepDays: 0 } }), store: device, clock: clock(), online: () => online, request: async (r) => (requests.push(r), response(201, { trackingNumber: 'A' })) });
    expect(await submitter.submit({ ...answers, ktp: [pdf()] }, 'id')).to.deep.include({ kind: 'queued' });
    expect(await stored(device)).to.deep.equal([]);
    expect(await submitter.pending()).to.have.length(1);
    online = true;
    expect((await submitter.flush()).map((o) => o.kind)).to.deep.equal(['delivered']);
    expect(requests).to.have.length(1);
  });

  it('forgetDevice deletes the form\'s draft and its outbox, nothing else', async () => {
    const store = memoryStore();
    const f = form();
    const other = form({ id: 'lain' });
    await saveDraft(f, answers, { store });
    await saveDraft(other, answers, { store });
    await submitterOf(f, store, ['network']).submitter.submit({ ...answers, ktp: [pdf()] }, 'id');
    await submitterOf(other, store, ['network']).submitter.submit(answers, 'id');
    expect((await stored(store)).map((e) => e.formId).sort()).to.deep.equal(['lain', 'uji']);
    await forgetDevice(f, { store });
    expect(await loadDraft(f, { store })).to.equal(undefined);
    expect(await loadDraft(other, { store })).to.not.equal(undefined);
    expect((await stored(store)).map((e) => e.formId)).to.deep.equal(['lain']);
  });

  it('forgetDevice clears IndexedDB, the default store', async () => {
    const f = form({ id: 'uji-lupa' });
    const idb = await openStore();
    await saveDraft(f, answers, { store: idb });
    await idb.put('outbox', 'k-lupa-0000000000000', { key: 'k-lupa-0000000000000', formId: 'uji-lupa', hash: 'h', payload: {}, files: [], createdAt: Date.now(), expiresAt: Date.now() + DAY, attempts: 0, state: 'waiting' });
    await forgetDevice(f);
    expect(await loadDraft(f, { store: idb })).to.equal(undefined);
    expect(await listEntries(idb, 'uji-lupa')).to.deep.equal([]);
  });
});

describe('locks', () => {
  it('let one holder in at a time (Web Locks)', async () => {
    let inside = 0;
    let max = 0;
    const task = async () => {
      inside++;
      max = Math.max(max, inside);
      await new Promise((r) => setTimeout(r, 20));
      inside--;
    };
    const results = await Promise.all([withLock('t1', task), withLock('t1', task)]);
    expect(results.filter((r) => r.ran)).to.have.length(1);
    expect(max).to.equal(1);
  });
  it('fall back to a storage lease', async () => {
    const results = await Promise.all([withLock('t2', async () => 1, { storage: localStorage }), withLock('t2', async () => 2, { storage: localStorage })]);
    expect(results.filter((r) => r.ran)).to.have.length(1);
    expect(localStorage.getItem('loket:lock:t2')).to.equal(null);
  });
});

describe('photo downscaling', () => {
  /** A noisy photo-like image, so that it does not compress to nothing. */
  async function photo(type: 'image/png' | 'image/jpeg', width: number, height: number, quality = 0.98): Promise<File> {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const image = ctx.createImageData(width, height);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const x = (i / 4) % width;
      image.data[i] = (x * 255) / width + (seed & 63);
      image.data[i + 1] = (seed >> 8) & 255;
      image.data[i + 2] = 128 + ((seed >> 16) & 63);
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type, quality });
    return new File([blob], type === 'image/png' ? 'ktp.png' : 'ktp.jpeg', { type });
  }
  const field = { accept: ['.pdf', '.jpg', '.png'], image: { downscaleAbove: 500_000 } };

  it('turns a 4 MB-ish JPEG into a few hundred KB at 1600 px', async function () {
    this.timeout(20_000);
    const big = await photo('image/jpeg', 3000, 2000);
    expect(big.size).to.be.above(2_500_000);
    const small = await downscaleImage(big, field);
    expect(small.type).to.equal('image/jpeg');
    expect(small.name).to.equal('ktp.jpg');
    expect(small.size).to.be.below(900_000);
    const bitmap = await createImageBitmap(small);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 1067]);
  });
  it('re-encodes a large PNG as JPEG', async function () {
    this.timeout(20_000);
    const big = await photo('image/png', 2400, 1800);
    expect(big.size).to.be.above(4_000_000);
    const small = await downscaleImage(big, { ...field, image: { ...field.image, maxDimension: 1200, quality: 0.7 } });
    expect(small.size).to.be.below(600_000);
    expect(small.type).to.equal('image/jpeg');
  });
  it('leaves PDFs, small photos and fields without image options alone', async () => {
    const p = pdf('a.pdf', 2_000_000);
    expect(await downscaleImage(p, field)).to.equal(p);
    const small = await photo('image/jpeg', 200, 200);
    expect(await downscaleImage(small, field)).to.equal(small);
    const big = await photo('image/jpeg', 1800, 1800);
    expect(await downscaleImage(big, { accept: field.accept })).to.equal(big);
  });
  it('sends the original when the image cannot be decoded', async () => {
    const fake = new File([new Uint8Array(2_000_000)], 'rusak.jpg', { type: 'image/jpeg' });
    expect(await downscaleImage(fake, field)).to.equal(fake);
  });
  it('keeps PNG when the field does not accept JPEG', async function () {
    this.timeout(20_000);
    const big = await photo('image/png', 1800, 1800);
    expect(await downscaleImage(big, { accept: ['.png'], image: {} })).to.equal(big);
  });
});
