// POST /api/status, the citizen's status lookup, over real HTTP against
// SQLite and a real PostgreSQL: the contract answer, the same 404 for an
// unknown number and a wrong secret, the rate limit across processes, no
// internal note and no personal data in any answer, CORS. Needs dist/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { lib } from './helpers.mjs';
import { startReceiver } from './receiver-helpers.mjs';

const { parseApplicationStatus } = await lib();

const FORM = {
  version: 1,
  id: 'uji-reklame',
  title: { id: 'Izin Reklame Uji', en: 'Test Sign Permit' },
  office: { name: 'DPMPTSP Uji', address: 'Jl. Pahlawan No. 1, Bontang', timeZone: 'Asia/Makassar' },
  help: { whatsapp: '0811-4345-757', hours: 'Senin–Jumat, 08.00–16.00 WITA' },
  receipt: { trackingPage: '/lacak.html', formPage: '/formulir/reklame.html' },
  steps: [
    {
      heading: 'Data',
      fields: [
        { type: 'text', name: 'nama', label: 'Nama lengkap' },
        { type: 'nik', name: 'nik', label: 'NIK', sensitive: true },
        { type: 'radio', name: 'jenis', label: 'Jenis', options: [{ value: 'baliho', label: 'Baliho' }, { value: 'papan', label: 'Papan' }] },
        { type: 'radio', name: 'rahasia', label: 'Pilihan sensitif', sensitive: true, options: [{ value: 'ya', label: 'Ya' }, { value: 'tidak', label: 'Tidak' }] },
      ],
    },
  ],
};
const ANSWERS = { nama: 'Budi Santoso', nik: '6474014108900001', jenis: 'baliho', rahasia: 'ya' };

let n = 0;
/** A moment after the receiver stored the application (staff act later). */
const later = (hours) => new Date(Date.now() + hours * 3_600_000).toISOString();
async function submit(target) {
  const response = await fetch(`${target.url}/api/forms/uji-reklame/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `tracking-test-${Date.now()}-${++n}`.padEnd(24, '0') },
    body: JSON.stringify({ loket: 1, form: { id: 'uji-reklame' }, submittedAt: '2020-09-16T00:45:00.000Z', locale: 'id', answers: ANSWERS, files: [] }),
    signal: AbortSignal.timeout(10_000),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

function lookup(target, body, headers = {}) {
  return fetch(`${target.url}/api/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** A state change as staff make it (the inbox writes the same two rows). */
async function changeState(target, trackingNumber, state, at, message, note) {
  const row = await target.db.get('SELECT id FROM submissions WHERE tracking_number = ?', [trackingNumber]);
  await target.db.run('UPDATE submissions SET state = ?, state_changed_at = ? WHERE id = ?', [state, at, row.id]);
  await target.db.run('INSERT INTO application_events (submission_id, at, state, message_to_citizen, internal_note) VALUES (?, ?, ?, ?, ?)', [row.id, at, state, message, note]);
}

for (const kind of databaseKinds()) {
  describe(`status lookup on ${kind}`, () => {
    let target;
    before(async () => (target = await startReceiver(kind, { forms: { 'uji-reklame': FORM }, origins: ['https://regency.example'], statusFailuresPerNumber: 3, statusFailuresPerIp: 1000 })));
    after(() => target.close());

    it('answers the contract for the number and secret of the 201: received, in the office zone, with its contacts', async () => {
      const { trackingNumber, trackingSecret } = await submit(target);
      const response = await lookup(target, { trackingNumber, secret: trackingSecret });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const answer = await response.json();
      const parsed = parseApplicationStatus(answer, 'en');
      assert.ok(parsed.ok, JSON.stringify(parsed.problems));
      assert.equal(answer.state, 'received');
      assert.equal(answer.trackingNumber, trackingNumber);
      assert.deepEqual(answer.permit, { title: FORM.title, formId: 'uji-reklame' });
      assert.equal(answer.office.timeZone, 'Asia/Makassar');
      assert.deepEqual(answer.office.contacts, [{ kind: 'whatsapp', value: '0811-4345-757', hours: 'Senin–Jumat, 08.00–16.00 WITA' }]);
      assert.equal(answer.submittedAt, '2020-09-16T00:45:00.000Z');
      assert.equal(answer.timeline.length, 1);
      assert.equal(answer.timeline[0].state, 'received');
    });

    it('shows a state change with its message, never the internal note nor any answer', async () => {
      const { trackingNumber, trackingSecret } = await submit(target);
      await changeState(target, trackingNumber, 'needs-fix', later(1), 'Foto KTP buram, mohon unggah ulang.', 'NIK cocok dengan Dukcapil; pemohon Budi rewel');
      const answer = await (await lookup(target, { trackingNumber, secret: trackingSecret })).json();
      assert.equal(answer.state, 'needs-fix');
      assert.equal(answer.message, 'Foto KTP buram, mohon unggah ulang.');
      assert.deepEqual(
        answer.timeline.map((e) => [e.state, e.message]),
        [
          ['received', undefined],
          ['needs-fix', 'Foto KTP buram, mohon unggah ulang.'],
        ],
      );
      const raw = JSON.stringify(answer);
      for (const secret of ['Dukcapil', 'rewel', 'Budi', ANSWERS.nik, 'internal', trackingSecret]) assert.ok(!raw.includes(secret), `the answer contains ${secret}: ${raw}`);
      // Back to the form with the non-sensitive choice only: no name, no NIK, no sensitive radio.
      assert.equal(answer.formUrl, '/formulir/reklame.html?jenis=baliho');
      assert.ok(parseApplicationStatus(answer, 'en').ok);
    });

    it('says where to collect a permit that is ready', async () => {
      const { trackingNumber, trackingSecret } = await submit(target);
      await changeState(target, trackingNumber, 'ready', later(2), 'Izin dapat diambil.', null);
      const answer = await (await lookup(target, { trackingNumber, secret: trackingSecret })).json();
      assert.equal(answer.state, 'ready');
      assert.deepEqual(answer.next, { collect: { place: FORM.office.address, when: FORM.help.hours } });
      assert.equal(answer.formUrl, undefined);
    });

    it('answers an unknown number and a wrong secret with the same 404', async () => {
      const { trackingNumber, trackingSecret } = await submit(target);
      const wrong = await lookup(target, { trackingNumber, secret: `${trackingSecret.slice(0, -1)}x` });
      const unknown = await lookup(target, { trackingNumber: 'UJI-2020-999999', secret: trackingSecret });
      assert.equal(wrong.status, 404);
      assert.equal(unknown.status, 404);
      assert.deepEqual(await wrong.json(), await unknown.json());
      // The right secret still works (2 failures for this number, the limit is 3).
      assert.equal((await lookup(target, { trackingNumber, secret: trackingSecret })).status, 200);
    });

    it('limits failed lookups per tracking number: the 4th try gets 429 with Retry-After, even with the right secret', async () => {
      const { trackingNumber, trackingSecret } = await submit(target);
      for (let i = 0; i < 3; i++) assert.equal((await lookup(target, { trackingNumber, secret: `salah-${i}` })).status, 404);
      const limited = await lookup(target, { trackingNumber, secret: trackingSecret });
      assert.equal(limited.status, 429);
      const seconds = Number(limited.headers.get('retry-after'));
      assert.ok(seconds >= 1 && seconds <= 900, `Retry-After ${seconds}`);
      assert.equal((await limited.json()).retryAfterSeconds, seconds);
      // Another application is not affected.
      const other = await submit(target);
      assert.equal((await lookup(target, { trackingNumber: other.trackingNumber, secret: other.trackingSecret })).status, 200);
    });

    it('refuses a malformed lookup with 400, a GET with 405, and a foreign origin with 403', async () => {
      assert.equal((await lookup(target, { trackingNumber: 'A' })).status, 400);
      assert.equal((await lookup(target, { trackingNumber: 'A', secret: 'B', nik: '1' })).status, 400);
      assert.equal((await lookup(target, { trackingNumber: 'A'.repeat(101), secret: 'B' })).status, 400);
      assert.equal((await lookup(target, '{"trackingNumber":')).status, 400);
      assert.equal((await lookup(target, JSON.stringify({ trackingNumber: 'A', secret: 'x'.repeat(5000) }))).status, 413);
      const get = await fetch(`${target.url}/api/status?trackingNumber=A&secret=B`);
      assert.equal(get.status, 405);
      assert.equal((await lookup(target, { trackingNumber: 'A', secret: 'B' }, { origin: 'https://evil.example' })).status, 403);
    });

    it('allows a configured origin (CORS), with a preflight and Retry-After exposed', async () => {
      const preflight = await fetch(`${target.url}/api/status`, { method: 'OPTIONS', headers: { origin: 'https://regency.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://regency.example');
      assert.match(preflight.headers.get('access-control-allow-headers'), /Content-Type/i);
      const answer = await lookup(target, { trackingNumber: 'UJI-2020-000000', secret: 'x' }, { origin: 'https://regency.example' });
      assert.equal(answer.status, 404);
      assert.equal(answer.headers.get('access-control-allow-origin'), 'https://regency.example');
      assert.match(answer.headers.get('access-control-expose-headers'), /Retry-After/);
    });
  });

  describe(`status lookup rate limit across two receivers on one ${kind} database`, () => {
    let first;
    let second;
    before(async () => {
      first = await startReceiver(kind, { forms: { 'uji-reklame': FORM }, statusFailuresPerIp: 4, statusFailuresPerNumber: 100 });
      second = await startReceiver(kind, { forms: { 'uji-reklame': FORM }, store: first.store, statusFailuresPerIp: 4, statusFailuresPerNumber: 100 });
    });
    after(async () => {
      await second.close();
      await first.close();
    });

    it('counts failures from one address in the database, so a second process sees them', async () => {
      const { trackingNumber, trackingSecret } = await submit(first);
      for (let i = 0; i < 2; i++) assert.equal((await lookup(first, { trackingNumber: `TIDAK-ADA-${i}`, secret: 'x' })).status, 404);
      for (let i = 0; i < 2; i++) assert.equal((await lookup(second, { trackingNumber: `TIDAK-ADA-${i}`, secret: 'x' })).status, 404);
      assert.equal((await lookup(first, { trackingNumber, secret: trackingSecret })).status, 429);
      assert.equal((await lookup(second, { trackingNumber, secret: trackingSecret })).status, 429);
    });
  });
}
