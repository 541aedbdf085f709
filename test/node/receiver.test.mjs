// The receiver (server/, built into dist/server), over real HTTP on
// 127.0.0.1, against SQLite and a real PostgreSQL: idempotency, durability
// across a restart, validation, limits, CORS and Host, the token, faults.
// Needs dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { freshStore, server, startReceiver } from './receiver-helpers.mjs';
import { lib } from './helpers.mjs';

const FORM = {
  version: 1,
  id: 'uji-izin',
  title: 'Uji',
  office: { name: 'Kantor Uji' },
  help: { phone: '021 6540 123' },
  steps: [
    {
      heading: 'Data',
      fields: [
        { type: 'text', name: 'nama', label: 'Nama lengkap' },
        { type: 'nik', name: 'nik', label: 'NIK' },
        { type: 'date', name: 'lahir', label: 'Tanggal lahir', optional: true },
        { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf', '.jpg'], maxSize: 1000, optional: true },
        { type: 'file', name: 'denah', label: 'Denah', accept: ['.pdf'], maxSize: 5000, optional: true },
      ],
    },
  ],
};
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
const TOKEN = 'rahasia-kantor-0123456789';

let n = 0;
const newKey = () => `test-key-${Date.now()}-${++n}`.padEnd(20, '0');
const payload = (answers, extra = {}) => ({ loket: 1, form: { id: 'uji-izin' }, submittedAt: '2020-09-16T02:00:00.000Z', locale: 'id', idempotencyKey: undefined, answers, files: [], ...extra });
const GOOD = { nama: 'Budi Santoso', nik: '3201014108900001', lahir: '1990-08-01' };

const start = (kind, options = {}) => startReceiver(kind, { forms: { 'uji-izin': FORM }, ...options });
function post(target, body, { key, type = 'application/json', headers = {}, method = 'POST', form = 'uji-izin' } = {}) {
  // The signal keeps a test from hanging forever on a receiver bug.
  return fetch(`${target.url}/api/forms/${form}/submissions`, {
    method,
    headers: { ...(type ? { 'content-type': type } : {}), ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}
/** The cells of one CSV line whose cells are all quoted. */
const parseCsvLine = (line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1].replace(/""/g, '"'));
/** A multipart body built by hand (undici's FormData takes seconds for 20 000 parts). */
function rawMultipart(payloadJson, parts) {
  const b = 'loketTestBoundary7MA4YWxk';
  const chunks = [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${payloadJson}\r\n`)];
  for (const [field, name, bytes] of parts) chunks.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`), bytes, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${b}` };
}
const records = (target, formId) => server.listSubmissions(target.db, { formId, limit: 1000 });
const ktpUpload = (form = 'uji-izin', bytes = PDF, name = 'ktp.pdf', field = 'ktp') => {
  const data = new FormData();
  const m = { name, size: bytes.length, type: 'application/pdf' };
  data.append('payload', JSON.stringify(payload({ ...GOOD, [field]: [m] }, { form: { id: form }, files: [{ field, ...m }] })));
  data.append(field, new Blob([bytes], { type: 'application/pdf' }), name);
  return data;
};

for (const kind of databaseKinds()) {
  describe(`receiver on ${kind}`, () => {
    let target;
    before(async () => (target = await start(kind, { origins: ['https://regency.example'], token: TOKEN })));
    after(() => target.close());

    it('stores a JSON submission and answers the tracking number and a tracking secret', async () => {
      const res = await post(target, payload(GOOD), { key: newKey() });
      assert.equal(res.status, 201);
      const body = await res.json();
      assert.match(body.trackingNumber, /^UJI-\d{4}-\d{6}$/);
      assert.equal(body.formId, 'uji-izin');
      assert.ok(!Number.isNaN(Date.parse(body.receivedAt)));
      // 128 bits, base64url; only its SHA-256 is stored.
      assert.match(body.trackingSecret, /^[A-Za-z0-9_-]{22}$/);
      const row = await target.db.get('SELECT secret_hash, state, answers FROM submissions WHERE tracking_number = ?', [body.trackingNumber]);
      assert.equal(row.secret_hash, (await import('node:crypto')).createHash('sha256').update(body.trackingSecret).digest('hex'));
      assert.equal(row.state, 'received');
      assert.ok(!JSON.stringify(await target.db.all('SELECT * FROM submissions')).includes(body.trackingSecret));
      const events = await target.db.all('SELECT e.state FROM application_events e JOIN submissions s ON s.id = e.submission_id WHERE s.tracking_number = ?', [body.trackingNumber]);
      assert.deepEqual(events.map((e) => e.state), ['received']);
    });

    it('issues consecutive tracking numbers', async () => {
      const a = await (await post(target, payload(GOOD), { key: newKey() })).json();
      const b = await (await post(target, payload(GOOD), { key: newKey() })).json();
      assert.equal(Number(b.trackingNumber.slice(-6)), Number(a.trackingNumber.slice(-6)) + 1);
      assert.notEqual(a.trackingSecret, b.trackingSecret);
    });

    it('accepts text/plain JSON with the key in the payload', async () => {
      const key = newKey();
      const first = await post(target, JSON.stringify(payload(GOOD, { idempotencyKey: key })), { type: 'text/plain;charset=UTF-8' });
      const again = await post(target, JSON.stringify(payload(GOOD, { idempotencyKey: key })), { type: 'text/plain;charset=UTF-8' });
      assert.equal(first.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());
    });

    it('replays the stored answer, secret included, for the same key and payload', async () => {
      const key = newKey();
      const before = (await records(target)).length;
      const first = await (await post(target, payload(GOOD), { key })).json();
      const second = await post(target, payload(GOOD), { key });
      assert.equal(second.status, 201);
      assert.deepEqual(await second.json(), first);
      assert.equal((await records(target)).length, before + 1);
    });

    it('refuses the same key with a different payload (422)', async () => {
      const key = newKey();
      await post(target, payload(GOOD), { key });
      const res = await post(target, payload({ ...GOOD, nama: 'Siti' }), { key });
      assert.equal(res.status, 422);
      assert.equal((await res.json()).code, 'idempotency-key-reused');
    });

    it('stores each of 20 concurrent requests with one key exactly once', async () => {
      const key = newKey();
      const answers = await Promise.all(Array.from({ length: 20 }, () => post(target, payload(GOOD), { key })));
      const ok = answers.filter((r) => r.status === 201);
      assert.ok(ok.length >= 1);
      assert.ok(answers.every((r) => r.status === 201 || r.status === 409), answers.map((r) => r.status).join());
      const numbers = new Set(await Promise.all(ok.map(async (r) => (await r.json()).trackingNumber)));
      assert.equal(numbers.size, 1);
      assert.equal((await target.db.all('SELECT id FROM submissions WHERE idempotency_key = ?', [key])).length, 1);
    });

    it('answers problem+json field errors from the shared validator', async () => {
      const res = await post(target, payload({ nama: 'Budi', nik: '12345', lahir: '1990-02-30' }), { key: newKey() });
      assert.equal(res.status, 422);
      assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
      const body = await res.json();
      assert.deepEqual(
        body.errors.map((e) => [e.pointer, e.detail]),
        [
          ['/answers/nik', 'NIK harus 16 digit angka'],
          ['/answers/lahir', 'Tanggal lahir harus tanggal yang sah'],
        ],
      );
    });

    it('answers in English for an English payload', async () => {
      const res = await post(target, payload({ nik: GOOD.nik }, { locale: 'en' }), { key: newKey() });
      assert.deepEqual((await res.json()).errors.map((e) => e.detail), ['Enter nama lengkap']);
    });

    it('stores multipart uploads in the database, byte for byte, and serves them to the office as downloads', async () => {
      const res = await post(target, ktpUpload(), { key: newKey(), type: null });
      assert.equal(res.status, 201);
      const { trackingNumber } = await res.json();
      const record = (await records(target)).find((r) => r.trackingNumber === trackingNumber);
      assert.deepEqual(record.files.map((f) => [f.field, f.name, f.size]), [['ktp', 'ktp.pdf', PDF.length]]);
      const file = await fetch(`${target.url}/api/submissions/${trackingNumber}/files/0`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/octet-stream');
      assert.match(file.headers.get('content-disposition'), /^attachment/);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);
      assert.equal((await fetch(`${target.url}/api/submissions/${trackingNumber}/files/0`)).status, 401);
    });

    it('refuses a file over its field limit (422), one over every field of the form (413), and one that is not what it says', async () => {
      // 2000 bytes: over ktp's 1000, under denah's 5000, so the part is read and the field refuses it.
      const over = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2000)]);
      let res = await post(target, ktpUpload('uji-izin', over, 'besar.pdf'), { key: newKey(), type: null });
      assert.equal(res.status, 422);
      assert.match(JSON.stringify(await res.json()), /melebihi batas/);
      // One byte over the form's largest file (5000): not read at all.
      const huge = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5000 - 5 + 1)]);
      res = await post(target, ktpUpload('uji-izin', huge, 'denah.pdf', 'denah'), { key: newKey(), type: null });
      assert.equal(res.status, 413);
      const exact = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5000 - 5)]);
      assert.equal((await post(target, ktpUpload('uji-izin', exact, 'denah.pdf', 'denah'), { key: newKey(), type: null })).status, 201);
      res = await post(target, ktpUpload('uji-izin', Buffer.from('MZ not a pdf at all'), 'palsu.pdf'), { key: newKey(), type: null });
      assert.equal(res.status, 422);
      assert.match(JSON.stringify(await res.json()), /tidak sesuai jenisnya/);
    });

    it('allows configured origins only, and CORS only for them', async () => {
      const ok = await post(target, payload(GOOD), { key: newKey(), headers: { origin: 'https://regency.example' } });
      assert.equal(ok.status, 201);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://regency.example');
      const bad = await post(target, payload(GOOD), { key: newKey(), headers: { origin: 'https://evil.example' } });
      assert.equal(bad.status, 403);
      assert.equal(bad.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(`${target.url}/api/forms/uji-izin/submissions`, { method: 'OPTIONS', headers: { origin: 'https://regency.example', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      const badPreflight = await fetch(`${target.url}/api/forms/uji-izin/submissions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      assert.equal(badPreflight.status, 403);
    });

    it('lists submissions only with the token, never to another origin', async () => {
      assert.equal((await fetch(`${target.url}/api/submissions`)).status, 401);
      assert.equal((await fetch(`${target.url}/api/submissions`, { headers: { authorization: 'Bearer salah' } })).status, 401);
      const foreign = await fetch(`${target.url}/api/submissions`, { headers: { authorization: `Bearer ${TOKEN}`, origin: 'https://regency.example' } });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      const res = await fetch(`${target.url}/api/submissions?form=uji-izin`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.ok((await res.json()).submissions.length > 0);
    });

    it('answers 404 for an unknown form, 405 for GET, 415 for XML and 400 for garbage', async () => {
      assert.equal((await post(target, payload(GOOD), { form: 'tidak-ada' })).status, 404);
      assert.equal((await fetch(`${target.url}/api/forms/uji-izin/submissions`)).status, 405);
      assert.equal((await post(target, '<a/>', { key: newKey(), type: 'application/xml' })).status, 415);
      assert.equal((await post(target, '{nope', { key: newKey() })).status, 400);
      assert.equal((await post(target, { hello: 1 }, { key: newKey() })).status, 400);
      assert.equal((await post(target, payload(GOOD), { key: 'pendek' })).status, 400);
    });

    it('answers health', async () => {
      const res = await fetch(`${target.url}/api/health`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok', database: kind });
    });
  });

  describe(`receiver on ${kind}: the listing and the export`, () => {
    let target;
    const clock = { now: new Date('2026-03-01T01:00:00.000Z') };
    before(async () => (target = await start(kind, { token: TOKEN, forms: { 'uji-izin': FORM, 'uji-lain': { ...FORM, id: 'uji-lain' } }, now: () => clock.now })));
    after(() => target.close());
    const get = (query) => fetch(`${target.url}/api/submissions${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });

    it('pages by `next`, filters by form and date (midnight in the office zone), and shows the idempotency key', async () => {
      const keys = [];
      for (let day = 1; day <= 5; day++) {
        clock.now = new Date(`2026-03-0${day}T01:00:00.000Z`);
        keys.push(newKey());
        assert.equal((await post(target, payload(GOOD), { key: keys.at(-1) })).status, 201);
        assert.equal((await post(target, payload(GOOD, { form: { id: 'uji-lain' } }), { key: newKey(), form: 'uji-lain' })).status, 201);
      }
      const first = await (await get('?form=uji-izin&limit=2')).json();
      assert.deepEqual(first.submissions.map((s) => s.idempotencyKey), keys.slice(0, 2));
      assert.ok(first.submissions.every((s) => s.formId === 'uji-izin' && s.answers.nama === 'Budi Santoso' && s.state === 'received'));
      const second = await (await get(`?form=uji-izin&limit=2&after=${first.next}`)).json();
      assert.deepEqual(second.submissions.map((s) => s.idempotencyKey), keys.slice(2, 4));
      const last = await (await get(`?form=uji-izin&limit=2&after=${second.next}`)).json();
      assert.deepEqual(last.submissions.map((s) => s.idempotencyKey), keys.slice(4));
      assert.equal(last.next, null);
      // 08.00 WIB on 3 March is 01.00 UTC: "from 2026-03-03" starts at 17.00 UTC on 2 March.
      const range = await (await get('?form=uji-izin&from=2026-03-03&to=2026-03-05')).json();
      assert.deepEqual(range.submissions.map((s) => s.idempotencyKey), keys.slice(2, 4));
      assert.equal((await get('?limit=1001')).status, 400);
      assert.equal((await get('?from=kemarin')).status, 400);
    });

    it('exports CSV with one column per question, and defuses formulas', async () => {
      clock.now = new Date('2026-03-09T01:00:00.000Z');
      for (const nama of ['=HYPERLINK("http://evil.example","klik")', '+62 811', '-1', '@SUM(A1)', 'Siti "Ani" Rahma']) {
        assert.equal((await post(target, payload({ ...GOOD, nama }), { key: newKey() })).status, 201);
      }
      const res = await fetch(`${target.url}/api/submissions.csv?form=uji-izin&from=2026-03-09`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^text\/csv/);
      const lines = (await res.text()).replace(/^\ufeff/, '').trim().split('\r\n');
      assert.equal(lines[0], '"trackingNumber","formId","receivedAt","submittedAt","state","idempotencyKey","locale","nama","nik","lahir","ktp","denah","files"');
      const names = lines.slice(1).map((line) => parseCsvLine(line)[7]);
      assert.deepEqual(names, [`'=HYPERLINK("http://evil.example","klik")`, "'+62 811", "'-1", "'@SUM(A1)", 'Siti "Ani" Rahma']);
      assert.equal((await fetch(`${target.url}/api/submissions.csv`)).status, 401);
    });

    it('has no listing when no token is configured', async () => {
      const open = await start(kind);
      try {
        assert.equal((await fetch(`${open.url}/api/submissions`)).status, 404);
        assert.equal((await fetch(`${open.url}/api/submissions.csv`)).status, 404);
      } finally {
        await open.close();
      }
    });
  });

  describe(`receiver on ${kind}: only validated answers and declared files`, () => {
    const STRICT = {
      version: 1,
      id: 'uji-berkas',
      title: 'Uji berkas',
      office: { name: 'Kantor Uji' },
      help: { phone: '021 6540 123' },
      steps: [
        {
          heading: 'Data',
          fields: [
            { type: 'text', name: 'nama', label: 'Nama lengkap' },
            { type: 'radio', name: 'badan', label: 'Pemohon', options: [{ value: 'orang', label: 'Perorangan' }, { value: 'usaha', label: 'Badan usaha' }] },
            { type: 'text', name: 'namaUsaha', label: 'Nama usaha', visibleWhen: { field: 'badan', equals: 'usaha' } },
            { type: 'file', name: 'akta', label: 'Akta', accept: ['.pdf'], maxSize: 1000, optional: true, visibleWhen: { field: 'badan', equals: 'usaha' } },
            { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf'], maxSize: 1000, optional: true },
            { type: 'file', name: 'foto', label: 'Foto', accept: ['.pdf'], maxSize: 1000, maxFiles: 2, optional: true },
            { type: 'group', name: 'kapal', label: 'Kapal', optional: true, max: 3, fields: [{ type: 'text', name: 'nama', label: 'Nama kapal' }, { type: 'file', name: 'pas', label: 'Pas kecil', accept: ['.pdf'], maxSize: 1000, optional: true }] },
          ],
        },
      ],
    };
    let target;
    before(async () => (target = await start(kind, { forms: { 'uji-berkas': STRICT }, token: TOKEN })));
    after(() => target.close());
    const meta = (name = 'ktp.pdf', bytes = PDF) => ({ name, size: bytes.length, type: 'application/pdf' });
    const strict = (answers, files = []) => ({ loket: 1, form: { id: 'uji-berkas' }, submittedAt: '2020-09-16T02:00:00.000Z', locale: 'id', answers, files });
    const multipart = (body, parts) => {
      const data = new FormData();
      data.append('payload', JSON.stringify(body));
      for (const [path, name, bytes, type = 'application/pdf'] of parts) data.append(path, new Blob([bytes], { type }), name);
      return data;
    };
    const send = (body, parts) => post(target, parts ? multipart(body, parts) : body, { key: newKey(), type: parts ? null : 'application/json', form: 'uji-berkas' });
    const pointers = async (res) => (await res.json()).errors.map((e) => e.pointer);

    it('stores and lists the final answers: visible fields only, normalized', async () => {
      const res = await send(strict({ nama: '  Budi Santoso ', badan: 'orang', namaUsaha: 'PT Tersembunyi', kapal: [{ nama: ' KM Bahari ' }] }));
      assert.equal(res.status, 201);
      const { trackingNumber } = await res.json();
      const listed = await (await fetch(`${target.url}/api/submissions?form=uji-berkas`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      assert.deepEqual(listed.submissions.find((s) => s.trackingNumber === trackingNumber).answers, { nama: 'Budi Santoso', badan: 'orang', kapal: [{ nama: 'KM Bahari' }] });
    });

    it('refuses answers to questions the form does not have (422 at the answer)', async () => {
      const res = await send(strict({ nama: 'Budi', badan: 'orang', catatan: 'x'.repeat(1000) }));
      assert.equal(res.status, 422);
      assert.deepEqual(await pointers(res), ['/answers/catatan']);
      const nested = await send(strict({ nama: 'Budi', badan: 'orang', kapal: [{ nama: 'KM Bahari', mesin: 'x' }] }));
      assert.deepEqual(await pointers(nested), ['/answers/kapal/0/mesin']);
      const proto = await post(target, `{"loket":1,"form":{"id":"uji-berkas"},"locale":"id","answers":{"nama":"Budi","badan":"orang","__proto__":{"nama":"Siti"}},"files":[]}`, { key: newKey(), form: 'uji-berkas' });
      assert.equal(proto.status, 422);
      assert.deepEqual(await pointers(proto), ['/answers/__proto__']);
    });

    it('stores a part that matches a file the answers declare', async () => {
      const res = await send(strict({ nama: 'Budi', badan: 'orang', ktp: [meta()], kapal: [{ nama: 'KM Bahari', pas: [meta('pas.pdf')] }] }, [{ field: 'ktp', ...meta() }, { field: 'kapal[0].pas', ...meta('pas.pdf') }]), [
        ['ktp', 'ktp.pdf', PDF],
        ['kapal[0].pas', 'pas.pdf', PDF],
      ]);
      assert.equal(res.status, 201, JSON.stringify(await res.clone().json()));
      const { trackingNumber } = await res.json();
      const record = (await records(target, 'uji-berkas')).find((r) => r.trackingNumber === trackingNumber);
      assert.deepEqual(record.answers.ktp, [meta()]);
      assert.deepEqual(record.files.map((f) => f.field), ['ktp', 'kapal[0].pas']);
    });

    it('refuses a part the answers do not declare, even when the payload lists it', async () => {
      const res = await send(strict({ nama: 'Budi', badan: 'orang' }, [{ field: 'ktp', ...meta() }]), [['ktp', 'ktp.pdf', PDF]]);
      assert.equal(res.status, 422);
      assert.deepEqual(await pointers(res), ['/answers/ktp']);
    });

    it('refuses a part for a hidden question', async () => {
      const res = await send(strict({ nama: 'Budi', badan: 'orang', akta: [meta('akta.pdf')] }, [{ field: 'akta', ...meta('akta.pdf') }]), [['akta', 'akta.pdf', PDF]]);
      assert.equal(res.status, 422);
      assert.deepEqual(await pointers(res), ['/answers/akta']);
    });

    it('refuses a part whose name, type or size differs from the answer, and a declared file that was not sent', async () => {
      const other = Buffer.concat([PDF, Buffer.from('tambahan')]);
      for (const parts of [[['ktp', 'lain.pdf', PDF]], [['ktp', 'ktp.pdf', other]], [['ktp', 'ktp.pdf', PDF, 'image/png']], []]) {
        const res = await send(strict({ nama: 'Budi', badan: 'orang', ktp: [meta()] }, parts.map(([field, name, bytes, type = 'application/pdf']) => ({ field, name, size: bytes.length, type }))), parts.length ? parts : undefined);
        assert.equal(res.status, 422, JSON.stringify(parts.map((p) => p[1])));
        assert.ok((await pointers(res)).includes('/answers/ktp'));
      }
    });

    it('enforces accept and maxFiles per answer path', async () => {
      const two = [meta('a.pdf'), meta('b.pdf')];
      const ok = await send(strict({ nama: 'Budi', badan: 'orang', foto: two }, two.map((m) => ({ field: 'foto', ...m }))), two.map((m) => ['foto', m.name, PDF]));
      assert.equal(ok.status, 201);
      const three = [...two, meta('c.pdf')];
      const tooMany = await send(strict({ nama: 'Budi', badan: 'orang', foto: three }, three.map((m) => ({ field: 'foto', ...m }))), three.map((m) => ['foto', m.name, PDF]));
      assert.equal(tooMany.status, 422);
      assert.ok((await pointers(tooMany)).includes('/answers/foto'));
      const txt = { name: 'ktp.txt', size: 10, type: 'text/plain' };
      const wrongType = await send(strict({ nama: 'Budi', badan: 'orang', ktp: [txt] }, [{ field: 'ktp', ...txt }]), [['ktp', 'ktp.txt', Buffer.alloc(10, 65), 'text/plain']]);
      assert.equal(wrongType.status, 422);
      assert.ok((await pointers(wrongType)).includes('/answers/ktp'));
    });

    it('refuses more parts than the form has files (413), without reading them', async () => {
      // The form has ktp + 2 foto + akta + 3 kapal pas = 7 files at most.
      const pdf = Buffer.from('%PDF-');
      const { body, type } = rawMultipart(JSON.stringify(strict({ nama: 'Budi', badan: 'orang' })), Array.from({ length: 20_000 }, (_, i) => ['foto', `f${i}.pdf`, pdf]));
      const res = await fetch(`${target.url}/api/forms/uji-berkas/submissions`, { method: 'POST', headers: { 'content-type': type }, body, signal: AbortSignal.timeout(10_000) });
      assert.equal(res.status, 413);
      // Still up.
      assert.equal((await send(strict({ nama: 'Budi', badan: 'orang' }))).status, 201);
    });
  });
}

describe('reviveAnswers', () => {
  it('never lets a __proto__ key replace the prototype', async () => {
    const loket = await lib();
    const form = { ...FORM, steps: [{ heading: 'D', fields: [{ type: 'text', name: 'nama', label: 'Nama' }, { type: 'group', name: 'kapal', label: 'Kapal', fields: [{ type: 'text', name: 'nama', label: 'Nama kapal' }] }, { type: 'file', name: 'ktp', label: 'KTP', accept: ['.pdf'], maxSize: 10 }] }] };
    const parsed = loket.parseForm(form, 'en');
    const revived = loket.reviveAnswers(parsed.value, JSON.parse('{"__proto__":{"nama":"Siti","polluted":true},"nama":"Budi","kapal":[{"__proto__":{"x":1},"nama":"KM"}],"ktp":[{"name":"a.pdf","size":1,"type":"application/pdf","__proto__":{"evil":1},"extra":2}]}'));
    assert.equal(Object.getPrototypeOf(revived), Object.prototype);
    assert.equal(revived.polluted, undefined);
    assert.equal(revived.nama, 'Budi');
    assert.equal(Object.getPrototypeOf(revived.kapal[0]), Object.prototype);
    assert.deepEqual(revived.ktp, [{ name: 'a.pdf', size: 1, type: 'application/pdf' }]);
    assert.equal({}.polluted, undefined);
  });
});

for (const kind of databaseKinds()) {
  describe(`receiver on ${kind}: durability and faults`, () => {
    it('keeps everything across a restart: same numbers, same idempotent answers, the next number follows', async () => {
      const store = await freshStore(kind);
      const first = await start(kind, { store });
      const key = newKey();
      const stored = await (await post(first, payload(GOOD), { key })).json();
      await first.close();
      const second = await start(kind, { store });
      try {
        const replay = await post(second, payload(GOOD), { key });
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await replay.json(), stored);
        const next = await (await post(second, payload(GOOD), { key: newKey() })).json();
        assert.equal(Number(next.trackingNumber.slice(-6)), Number(stored.trackingNumber.slice(-6)) + 1);
        assert.equal((await records(second)).length, 2);
      } finally {
        await second.close();
      }
    });

    it('never gives two forms with the same prefix the same number', async () => {
      const target = await start(kind, { forms: { 'sipi-a': { ...FORM, id: 'sipi-a' }, 'sipi-b': { ...FORM, id: 'sipi-b' } } });
      try {
        const a = await post(target, ktpUpload('sipi-a'), { key: newKey(), type: null, form: 'sipi-a' });
        const b = await post(target, ktpUpload('sipi-b'), { key: newKey(), type: null, form: 'sipi-b' });
        const [na, nb] = [(await a.json()).trackingNumber, (await b.json()).trackingNumber];
        assert.match(na, /^SIPI-\d{4}-\d{6}$/);
        assert.notEqual(na, nb);
      } finally {
        await target.close();
      }
    });

    it('takes the tracking-number year from the office time zone, not UTC', async () => {
      // 06.30 WIB on 1 January 2027 is still 2026 in UTC.
      const target = await start(kind, { now: () => new Date('2026-12-31T23:30:00.000Z') });
      const papua = await start(kind, { now: () => new Date('2026-12-31T15:30:00.000Z'), timeZone: 'Asia/Jayapura' });
      try {
        assert.match((await (await post(target, payload(GOOD), { key: newKey() })).json()).trackingNumber, /^UJI-2027-000001$/);
        // 00.30 WIT on 1 January is 2027 in Jayapura, while it is still 22.30 on 31 December in Jakarta.
        assert.match((await (await post(papua, payload(GOOD), { key: newKey() })).json()).trackingNumber, /^UJI-2027-/);
      } finally {
        await target.close();
        await papua.close();
      }
    });

    it('refuses a payload nested 200 000 deep and stays up', async () => {
      const target = await start(kind);
      try {
        const deep = `{"loket":1,"form":{"id":"uji-izin"},"locale":"id","answers":{"nama":"Budi","nik":"3201014108900001","lahir":${'['.repeat(200_000)}${']'.repeat(200_000)}},"files":[]}`;
        const res = await post(target, deep, { key: newKey() });
        assert.ok(res.status >= 400 && res.status < 500, String(res.status));
        assert.equal((await post(target, ktpUpload(), { key: newKey(), type: null })).status, 201);
      } finally {
        await target.close();
      }
    });

    it('leaves nothing behind when the store fails before its commit; the retry is stored', async () => {
      const target = await start(kind, { faults: [{ action: 'fail-store', times: 1 }] });
      try {
        const key = newKey();
        const failed = await post(target, ktpUpload(), { key, type: null });
        assert.equal(failed.status, 500);
        for (const table of ['submissions', 'submission_files', 'application_events']) assert.equal((await target.db.all(`SELECT * FROM ${table}`)).length, 0, table);
        const retried = await post(target, ktpUpload(), { key, type: null });
        assert.equal(retried.status, 201);
        // The failed attempt used no number.
        assert.match((await retried.json()).trackingNumber, /-000001$/);
      } finally {
        await target.close();
      }
    });

    it('answers 500, then 503 with Retry-After, then works', async () => {
      const target = await start(kind, { faults: [{ action: 'error', times: 1 }, { action: 'unavailable', retryAfter: 3, times: 1 }] });
      try {
        const key = newKey();
        assert.equal((await post(target, payload(GOOD), { key })).status, 500);
        const unavailable = await post(target, payload(GOOD), { key });
        assert.equal(unavailable.status, 503);
        assert.equal(unavailable.headers.get('retry-after'), '3');
        assert.equal((await post(target, payload(GOOD), { key })).status, 201);
        assert.equal((await records(target)).length, 1);
      } finally {
        await target.close();
      }
    });

    it('drops the connection after storing; the retry gets the stored answer', async () => {
      const target = await start(kind, { faults: [{ action: 'drop-after-store', times: 1 }] });
      try {
        const key = newKey();
        await assert.rejects(post(target, payload(GOOD), { key }));
        const res = await post(target, payload(GOOD), { key });
        assert.equal(res.status, 201);
        assert.equal(res.headers.get('idempotent-replayed'), 'true');
        assert.equal((await records(target)).length, 1);
      } finally {
        await target.close();
      }
    });

    it('drops, hangs and delays by path pattern', async () => {
      const target = await start(kind, { forms: { 'uji-izin': FORM, 'uji-lain': { ...FORM, id: 'uji-lain' } }, faults: [{ path: '/uji-lain/', action: 'hang' }, { action: 'drop', times: 1 }, { action: 'delay', delayMs: 300, times: 1 }] });
      try {
        await assert.rejects(post(target, payload(GOOD), { key: newKey() }));
        const started = Date.now();
        assert.equal((await post(target, payload(GOOD), { key: newKey() })).status, 201);
        assert.ok(Date.now() - started >= 290);
        const hung = fetch(`${target.url}/api/forms/uji-lain/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload(GOOD, { form: { id: 'uji-lain' } })), signal: AbortSignal.timeout(300) });
        await assert.rejects(hung, { name: 'TimeoutError' });
      } finally {
        await target.close();
      }
    });

    it('answers 409 while the same key is in flight', async () => {
      // The first request is held 3 s while storing, so the second surely meets it in flight on a busy machine.
      const target = await start(kind, { faults: [{ action: 'slow-store', delayMs: 3000, times: 1 }] });
      try {
        const key = newKey();
        const slow = post(target, payload(GOOD), { key });
        await new Promise((r) => setTimeout(r, 300));
        const busy = await post(target, payload(GOOD), { key });
        assert.equal(busy.status, 409);
        assert.equal(busy.headers.get('retry-after'), '1');
        assert.equal((await slow).status, 201);
        assert.equal((await post(target, payload(GOOD), { key })).status, 201);
        assert.equal((await records(target)).length, 1);
      } finally {
        await target.close();
      }
    });
  });
}
