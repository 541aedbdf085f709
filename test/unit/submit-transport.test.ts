import { expect } from '@open-wc/testing';
import { parseForm, type FormDocument } from '../../src/form/format.js';
import { backoffDelay, nextDelay, parseRetryAfter, resendDelay, MAX_RETRY_AFTER_MS, RESEND } from '../../src/submit/backoff.js';
import { isIdempotencyKey, newIdempotencyKey } from '../../src/submit/key.js';
import { answerPath, readPointer } from '../../src/submit/pointer.js';
import { classifyResponse, fieldErrorsOf, type HttpResponse } from '../../src/submit/response.js';
import { deliver, TransportError, type Clock, type HttpRequest } from '../../src/submit/transport.js';
import '../../src/messages/authoring.js';

const response = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  header: (name) => headers[name.toLowerCase()] ?? null,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A clock that only moves when slept on, recording each sleep. */
function fakeClock(start = Date.UTC(2020, 8, 16, 2)): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
}

const REQUEST: HttpRequest = { url: 'https://x.example/api', method: 'POST', headers: {}, body: '{}', timeoutMs: 1000 };

describe('backoff', () => {
  it('stays within full-jitter bounds: [0, min(cap, base × 2^n))', () => {
    for (let n = 0; n < 10; n++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** n);
      expect(backoffDelay(n, () => 0)).to.equal(0);
      expect(backoffDelay(n, () => 0.999999)).to.be.below(ceiling).and.at.least(ceiling - 1);
    }
  });
  it('caps the delay', () => {
    expect(backoffDelay(20, () => 0.5, { baseMs: 500, capMs: 4000 })).to.equal(2000);
    expect(backoffDelay(1000, () => 0.999, { capMs: 8000 })).to.be.below(8000);
  });
  it('uses Retry-After instead of backoff, and gives up on a very long one', () => {
    expect(nextDelay(0, 5000, () => 0)).to.equal(5000);
    expect(nextDelay(0, MAX_RETRY_AFTER_MS + 1, () => 0)).to.equal(undefined);
  });
});

describe('resending from the outbox while the page is open', () => {
  it('waits longer each round, between half and all of the ceiling, and never longer than the cap', () => {
    const low = [0, 1, 2, 3, 4, 5, 6, 10, 40].map((n) => resendDelay(n, () => 0));
    const high = [0, 1, 2, 3, 4, 5, 6, 10, 40].map((n) => resendDelay(n, () => 0.999999));
    expect(low[0]).to.equal(RESEND.baseMs / 2);
    expect(low[1]).to.equal(RESEND.baseMs);
    for (let i = 1; i < low.length; i++) expect(low[i]).to.be.at.least(low[i - 1] as number);
    for (const d of high) expect(d).to.be.at.most(RESEND.capMs);
    expect(high.at(-1)).to.be.at.least(RESEND.capMs - 1);
    // Minutes, not seconds, once the server has been down a while; never hours.
    expect(low.at(-1)).to.equal(RESEND.capMs / 2);
    expect(RESEND.capMs).to.be.at.most(10 * 60_000);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2020, 8, 16, 2, 0, 0);
  it('reads delay-seconds', () => expect(parseRetryAfter('120', now)).to.equal(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Wed, 16 Sep 2020 02:00:30 GMT', now)).to.equal(30_000));
  it('reads a past HTTP date as 0', () => expect(parseRetryAfter('Wed, 16 Sep 2020 01:00:00 GMT', now)).to.equal(0));
  for (const garbage of ['', 'soon', '5s', '-3', '1.5', 'Wed, 99 Foo 2020 GMT', '2020-09-16'])
    it(`ignores ${JSON.stringify(garbage)}`, () => expect(parseRetryAfter(garbage, now)).to.equal(undefined));
  it('ignores a missing header', () => expect(parseRetryAfter(null, now)).to.equal(undefined));
});

describe('idempotency keys', () => {
  it('are version-4 UUIDs from getRandomValues, all different', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(200);
    for (const key of keys) {
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isIdempotencyKey(key)).to.equal(true);
    }
  });
  it('never call crypto.randomUUID (missing on plain-HTTP pages)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: () => { throw new Error('called'); }, configurable: true });
    try {
      expect(isIdempotencyKey(newIdempotencyKey())).to.equal(true);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
  it('uses the injected byte source', () => {
    expect(newIdempotencyKey((b) => b.fill(0))).to.equal('00000000-0000-4000-8000-000000000000');
  });
});

describe('JSON pointers', () => {
  const doc = { trackingNumber: 'SIPI-2026-000123', data: { 'a/b': [{ n: 7 }], 'm~n': 1 } };
  it('reads nested values and escapes', () => {
    expect(readPointer(doc, '/trackingNumber')).to.equal('SIPI-2026-000123');
    expect(readPointer(doc, '/data/a~1b/0/n')).to.equal(7);
    expect(readPointer(doc, '/data/m~0n')).to.equal(1);
    expect(readPointer(doc, '')).to.equal(doc);
  });
  it('never reads inherited keys', () => expect(readPointer({}, '/constructor')).to.equal(undefined));
  const paths: [string, string | undefined][] = [
    ['/answers/vessels/1/name', 'vessels[1].name'],
    ['#/answers/nik', 'nik'],
    ['/nik', 'nik'],
    ['vessels[1].name', 'vessels[1].name'],
    ['vessels.1.name', 'vessels[1].name'],
    ['/answers/1', undefined],
    ['', undefined],
  ];
  for (const [from, to] of paths) it(`maps ${JSON.stringify(from)} to ${JSON.stringify(to)}`, () => expect(answerPath(from)).to.equal(to));
});

describe('response classification', () => {
  it('reads the tracking number by pointer', () => {
    expect(classifyResponse(response(201, { trackingNumber: 'SIPI-2026-000123' }))).to.deep.include({ kind: 'delivered', trackingNumber: 'SIPI-2026-000123' });
    expect(classifyResponse(response(200, { data: { nomor: 42 } }), '/data/nomor')).to.deep.include({ kind: 'delivered', trackingNumber: '42' });
  });
  it('calls a 2xx without a tracking number a specific failure', () =>
    expect(classifyResponse(response(200, { ok: true }))).to.deep.include({ kind: 'failed', reason: 'no-tracking-number', retryable: false }));
  it('calls a 2xx HTML page not-json', () => expect(classifyResponse(response(200, '<!doctype html><p>Login'))).to.deep.include({ kind: 'failed', reason: 'not-json' }));
  it('maps problem+json errors with pointers to the fields', () => {
    const body = { type: 'about:blank', title: 'Ada masalah', status: 422, errors: [{ pointer: '/answers/vessels/1/name', detail: 'Masukkan nama kapal' }, { detail: 'Formulir sudah ditutup' }] };
    expect(classifyResponse(response(422, body))).to.deep.equal({
      kind: 'invalid',
      status: 422,
      errors: [{ field: 'vessels[1].name', message: 'Masukkan nama kapal' }, { field: '', message: 'Formulir sudah ditutup' }],
    });
  });
  it('maps the common { errors: [{ field, message }] } shape', () =>
    expect(fieldErrorsOf({ errors: [{ field: 'nik', message: 'NIK sudah terdaftar' }, { name: 'email', message: 'x' }] })).to.deep.equal([
      { field: 'nik', message: 'NIK sudah terdaftar' },
      { field: 'email', message: 'x' },
    ]));
  const table: [number, Record<string, string>, boolean][] = [
    [408, {}, true], [429, {}, true], [502, {}, true], [503, {}, true], [504, {}, true], [500, {}, true], [507, {}, true],
    [400, {}, false], [401, {}, false], [404, {}, false], [413, {}, false], [422, {}, false],
    [409, {}, false], [409, { 'retry-after': '1' }, true],
  ];
  for (const [status, headers, retryable] of table)
    it(`${retryable ? 'retries' : 'does not retry'} ${status}${headers['retry-after'] ? ' with Retry-After' : ''}`, () =>
      expect(classifyResponse(response(status, { title: 'x' }, headers))).to.deep.include({ kind: 'failed', reason: 'http', retryable, status }));
});

describe('deliver', () => {
  const run = async (script: (HttpResponse | 'network' | 'timeout')[], retries = 3, random = () => 0.5) => {
    const clock = fakeClock();
    const seen: HttpRequest[] = [];
    const result = await deliver(REQUEST, {
      retries,
      trackingPointer: '/trackingNumber',
      clock,
      random,
      request: async (r) => {
        seen.push(r);
        const step = script[Math.min(seen.length - 1, script.length - 1)] as HttpResponse | 'network' | 'timeout';
        if (typeof step === 'string') throw new TransportError(step);
        return step;
      },
    });
    return { result, slept: clock.slept, requests: seen.length };
  };
  it('retries a network error and a timeout, then delivers', async () => {
    const { result, slept, requests } = await run(['network', 'timeout', response(201, { trackingNumber: 'A-1' })]);
    expect(result).to.deep.include({ kind: 'delivered', trackingNumber: 'A-1', attempts: 3 });
    expect(requests).to.equal(3);
    expect(slept).to.deep.equal([500, 1000]);
  });
  it('honours Retry-After on a 503', async () => {
    const { slept } = await run([response(503, '', { 'retry-after': '7' }), response(201, { trackingNumber: 'A-1' })]);
    expect(slept).to.deep.equal([7000]);
  });
  it('never retries a 400 or a 413', async () => {
    expect((await run([response(400, { title: 'bad' })])).requests).to.equal(1);
    expect((await run([response(413, { title: 'too large' })])).result).to.deep.include({ kind: 'failed', retryable: false, status: 413 });
  });
  it('leaves a 500 or a full disk (507) to the outbox at once: retryable later, not within seconds', async () => {
    for (const status of [500, 507]) {
      const { result, requests } = await run([response(status, 'oops'), response(201, { trackingNumber: 'A-1' })]);
      expect(requests).to.equal(1);
      expect(result).to.deep.include({ kind: 'failed', retryable: true, status });
    }
  });
  it('stops after the configured retries with a retryable failure', async () => {
    const { result, requests } = await run(['network'], 2);
    expect(requests).to.equal(3);
    expect(result).to.deep.include({ kind: 'failed', reason: 'network', retryable: true, attempts: 3 });
  });
  it('does not wait for a Retry-After of an hour', async () => {
    const { result, requests } = await run([response(503, '', { 'retry-after': '3600' })]);
    expect(requests).to.equal(1);
    expect(result).to.deep.include({ kind: 'failed', retryable: true, status: 503 });
  });
});

describe('submit config in the form document', () => {
  const base = { version: 1, id: 't', title: 'T', office: { name: 'O' }, help: { phone: '021 6540 123' }, steps: [{ heading: 'S', fields: [{ type: 'text', name: 'a', label: 'A' }] }] };
  const problems = (extra: Record<string, unknown>) => {
    const r = parseForm({ ...base, ...extra });
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };
  it('accepts a full configuration', () => {
    const r = parseForm({
      ...base,
      submit: { endpoint: '/api/forms/t/submissions', method: 'PUT', encoding: 'text', headers: { 'X-Api-Key': 'public' }, timeoutSeconds: 60, retries: 5, trackingNumber: '/data/nomor' },
      draft: { keepDays: 3, storeSensitive: false },
      receipt: { nextSteps: { id: 'Tunggu pesan WhatsApp', en: 'Wait for a WhatsApp message' } },
    });
    expect(r.ok).to.equal(true);
    expect((r as { value: FormDocument }).value.submit?.method).to.equal('PUT');
  });
  it('refuses a javascript: endpoint', () => expect(problems({ submit: { endpoint: 'javascript:alert(1)' } })).to.deep.equal(['submit.endpoint: alamat pengiriman "javascript:alert(1)" tidak diizinkan; gunakan https:, http: atau alamat relatif']));
  it('refuses unsafe header names', () => {
    for (const name of ['Cookie', 'Content-Type', 'Idempotency-Key', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'Bad Name'])
      expect(problems({ submit: { headers: { [name]: 'x' } } })[0], name).to.contain(`header "${name}"`);
  });
  it('refuses a header value with a line break', () => expect(problems({ submit: { headers: { 'X-A': 'a\r\nX-B: b' } } })).to.have.length(1));
  it('refuses an unknown encoding and a bad pointer', () => {
    expect(problems({ submit: { encoding: 'xml' } })[0]).to.match(/^submit\.encoding/);
    expect(problems({ submit: { trackingNumber: 'trackingNumber' } })[0]).to.match(/^submit\.trackingNumber: penunjuk JSON/);
  });
  it('checks image options on file fields', () => {
    const file = { type: 'file', name: 'f', label: 'F', accept: ['.jpg'], maxSize: 2000000, image: { maxDimension: 100 } };
    expect(problems({ steps: [{ heading: 'S', fields: [file] }] })[0]).to.match(/^steps\[0\]\.fields\[0\]\.image\.maxDimension/);
  });
});
