// The reference receiver, over real HTTP on 127.0.0.1: idempotency,
// durability across a restart, validation, limits, CORS, the token, faults.
// Needs dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { fsyncSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startReceiver } from '../../demo/server/receiver.mjs';
import { openJournal } from '../../demo/server/receiver/journal.mjs';
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
      ],
    },
  ],
};
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
const dirs = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'loket-receiver-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let n = 0;
const newKey = () => `test-key-${Date.now()}-${++n}`.padEnd(20, '0');
const payload = (answers, extra = {}) => ({ loket: 1, form: { id: 'uji-izin' }, submittedAt: '2020-09-16T02:00:00.000Z', locale: 'id', idempotencyKey: undefined, answers, files: [], ...extra });
const GOOD = { nama: 'Budi Santoso', nik: '3201014108900001', lahir: '1990-08-01' };

async function start(options = {}) {
  return startReceiver({ port: 0, dataDir: options.dataDir ?? tmp(), forms: { 'uji-izin': FORM }, ...options });
}
function post(server, body, { key, type = 'application/json', headers = {}, method = 'POST', form = 'uji-izin' } = {}) {
  // The signal keeps a test from hanging forever on a receiver bug.
  return fetch(`${server.url}/api/forms/${form}/submissions`, {
    method,
    headers: { ...(type ? { 'content-type': type } : {}), ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

describe('receiver', () => {
  let server;
  before(async () => (server = await start({ origins: ['https://regency.example'], token: 'rahasia' })));
  after(() => server.close());

  it('stores a JSON submission and issues a tracking number', async () => {
    const res = await post(server, payload(GOOD), { key: newKey() });
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.match(body.trackingNumber, /^UJI-\d{4}-\d{6}$/);
  });

  it('issues monotonic tracking numbers per form', async () => {
    const a = await (await post(server, payload(GOOD), { key: newKey() })).json();
    const b = await (await post(server, payload(GOOD), { key: newKey() })).json();
    assert.equal(Number(b.trackingNumber.slice(-6)), Number(a.trackingNumber.slice(-6)) + 1);
  });

  it('accepts text/plain JSON with the key in the payload', async () => {
    const key = newKey();
    const first = await post(server, JSON.stringify(payload(GOOD, { idempotencyKey: key })), { type: 'text/plain;charset=UTF-8' });
    const again = await post(server, JSON.stringify(payload(GOOD, { idempotencyKey: key })), { type: 'text/plain;charset=UTF-8' });
    assert.equal(first.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
  });

  it('replays the stored response for the same key and payload', async () => {
    const key = newKey();
    const before = server.receiver.records().length;
    const first = await (await post(server, payload(GOOD), { key })).json();
    const second = await post(server, payload(GOOD), { key });
    assert.equal(second.status, 201);
    assert.deepEqual(await second.json(), first);
    assert.equal(server.receiver.records().length, before + 1);
  });

  it('refuses the same key with a different payload (422)', async () => {
    const key = newKey();
    await post(server, payload(GOOD), { key });
    const res = await post(server, payload({ ...GOOD, nama: 'Siti' }), { key });
    assert.equal(res.status, 422);
    assert.equal((await res.json()).code, 'idempotency-key-reused');
  });

  it('answers problem+json field errors from the shared validator', async () => {
    const res = await post(server, payload({ nama: 'Budi', nik: '12345', lahir: '1990-02-30' }), { key: newKey() });
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
    const res = await post(server, payload({ nik: GOOD.nik }, { locale: 'en' }), { key: newKey() });
    assert.deepEqual((await res.json()).errors.map((e) => e.detail), ['Enter nama lengkap']);
  });

  it('stores multipart uploads on disk, checking size and content', async () => {
    const data = new FormData();
    data.append('payload', JSON.stringify(payload({ ...GOOD, ktp: [{ name: 'ktp.pdf', size: PDF.length, type: 'application/pdf' }] }, { files: [{ field: 'ktp', name: 'ktp.pdf', size: PDF.length, type: 'application/pdf' }] })));
    data.append('ktp', new Blob([PDF], { type: 'application/pdf' }), 'ktp.pdf');
    const res = await post(server, data, { key: newKey(), type: null });
    assert.equal(res.status, 201);
    const { trackingNumber } = await res.json();
    const record = server.receiver.records().find((r) => r.trackingNumber === trackingNumber);
    assert.deepEqual(readFileSync(join(server.receiver.journal.path, '..', record.files[0].path)), PDF);
  });

  it('refuses a file over the field limit, and a file that is not what it says', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2000)]);
    for (const [bytes, name, expected] of [
      [big, 'besar.pdf', /melebihi batas/],
      [Buffer.from('MZ not a pdf at all'), 'palsu.pdf', /tidak sesuai jenisnya/],
    ]) {
      const data = new FormData();
      const meta = { name, size: bytes.length, type: 'application/pdf' };
      data.append('payload', JSON.stringify(payload({ ...GOOD, ktp: [meta] }, { files: [{ field: 'ktp', ...meta }] })));
      data.append('ktp', new Blob([bytes], { type: 'application/pdf' }), name);
      const res = await post(server, data, { key: newKey(), type: null });
      assert.equal(res.status, 422);
      assert.match(JSON.stringify(await res.json()), expected);
    }
  });

  it('answers 413 for a body over the limit', async () => {
    const small = await start({ maxBodyBytes: 1000 });
    try {
      const res = await post(small, payload({ ...GOOD, nama: 'x'.repeat(5000) }), { key: newKey() });
      assert.equal(res.status, 413);
    } finally {
      await small.close();
    }
  });

  it('allows configured origins only', async () => {
    const ok = await post(server, payload(GOOD), { key: newKey(), headers: { origin: 'https://regency.example' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://regency.example');
    const bad = await post(server, payload(GOOD), { key: newKey(), headers: { origin: 'https://evil.example' } });
    assert.equal(bad.status, 403);
    assert.equal(bad.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.url}/api/forms/uji-izin/submissions`, { method: 'OPTIONS', headers: { origin: 'https://regency.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    const badPreflight = await fetch(`${server.url}/api/forms/uji-izin/submissions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(badPreflight.status, 403);
  });

  it('lists submissions only with the token', async () => {
    assert.equal((await fetch(`${server.url}/api/submissions`)).status, 401);
    assert.equal((await fetch(`${server.url}/api/submissions`, { headers: { authorization: 'Bearer salah' } })).status, 401);
    const res = await fetch(`${server.url}/api/submissions?form=uji-izin`, { headers: { authorization: 'Bearer rahasia' } });
    assert.equal(res.status, 200);
    assert.ok((await res.json()).submissions.length > 0);
  });

  it('has no listing when no token is configured', async () => {
    const open = await start();
    try {
      assert.equal((await fetch(`${open.url}/api/submissions`)).status, 404);
    } finally {
      await open.close();
    }
  });

  it('answers 404 for an unknown form and 400 for garbage', async () => {
    assert.equal((await post(server, payload(GOOD), { form: 'tidak-ada' })).status, 404);
    assert.equal((await post(server, '{nope', { key: newKey() })).status, 400);
    assert.equal((await post(server, { hello: 1 }, { key: newKey() })).status, 400);
  });
});

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
        { type: 'group', name: 'kapal', label: 'Kapal', optional: true, fields: [{ type: 'text', name: 'nama', label: 'Nama kapal' }, { type: 'file', name: 'pas', label: 'Pas kecil', accept: ['.pdf'], maxSize: 1000, optional: true }] },
      ],
    },
  ],
};

describe('receiver: only validated answers and declared files', () => {
  let server;
  before(async () => (server = await start({ forms: { 'uji-berkas': STRICT }, token: 'rahasia' })));
  after(() => server.close());
  const meta = (name = 'ktp.pdf', bytes = PDF) => ({ name, size: bytes.length, type: 'application/pdf' });
  const strict = (answers, files = []) => ({ loket: 1, form: { id: 'uji-berkas' }, submittedAt: '2020-09-16T02:00:00.000Z', locale: 'id', answers, files });
  /** A multipart body: the payload, then each `[path, name, bytes]` part. */
  const multipart = (body, parts) => {
    const data = new FormData();
    data.append('payload', JSON.stringify(body));
    for (const [path, name, bytes, type = 'application/pdf'] of parts) data.append(path, new Blob([bytes], { type }), name);
    return data;
  };
  const send = (body, parts) => post(server, parts ? multipart(body, parts) : body, { key: newKey(), type: parts ? null : 'application/json', form: 'uji-berkas' });
  const pointers = async (res) => (await res.json()).errors.map((e) => e.pointer);

  it('stores and lists the final answers: visible fields only, normalized', async () => {
    const res = await send(strict({ nama: '  Budi Santoso ', badan: 'orang', namaUsaha: 'PT Tersembunyi', kapal: [{ nama: ' KM Bahari ' }] }));
    assert.equal(res.status, 201);
    const { trackingNumber } = await res.json();
    const expected = { nama: 'Budi Santoso', badan: 'orang', kapal: [{ nama: 'KM Bahari' }] };
    assert.deepEqual(server.receiver.records().find((r) => r.trackingNumber === trackingNumber).payload.answers, expected);
    const listed = await (await fetch(`${server.url}/api/submissions?form=uji-berkas`, { headers: { authorization: 'Bearer rahasia' } })).json();
    assert.deepEqual(listed.submissions.find((s) => s.trackingNumber === trackingNumber).answers, expected);
  });

  it('refuses answers to questions the form does not have (422 at the answer)', async () => {
    const res = await send(strict({ nama: 'Budi', badan: 'orang', catatan: 'x'.repeat(1000) }));
    assert.equal(res.status, 422);
    assert.deepEqual(await pointers(res), ['/answers/catatan']);
    const nested = await send(strict({ nama: 'Budi', badan: 'orang', kapal: [{ nama: 'KM Bahari', mesin: 'x' }] }));
    assert.equal(nested.status, 422);
    assert.deepEqual(await pointers(nested), ['/answers/kapal/0/mesin']);
    const proto = await post(server, `{"loket":1,"form":{"id":"uji-berkas"},"locale":"id","answers":{"nama":"Budi","badan":"orang","__proto__":{"nama":"Siti"}},"files":[]}`, { key: newKey(), form: 'uji-berkas' });
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
    const record = server.receiver.records().find((r) => r.trackingNumber === trackingNumber);
    assert.deepEqual(record.payload.answers.ktp, [meta()]);
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
});

describe('reviveAnswers', () => {
  it('never lets a __proto__ key replace the prototype', async () => {
    const loket = await lib();
    const parsed = loket.parseForm(STRICT, 'en');
    const revived = loket.reviveAnswers(parsed.value, JSON.parse('{"__proto__":{"nama":"Siti","polluted":true},"nama":"Budi","kapal":[{"__proto__":{"x":1},"nama":"KM"}],"ktp":[{"name":"a.pdf","size":1,"type":"application/pdf","__proto__":{"evil":1},"extra":2}]}'));
    assert.equal(Object.getPrototypeOf(revived), Object.prototype);
    assert.equal(revived.polluted, undefined);
    assert.equal(revived.nama, 'Budi');
    assert.equal(Object.getPrototypeOf(revived.kapal[0]), Object.prototype);
    assert.deepEqual(revived.ktp, [{ name: 'a.pdf', size: 1, type: 'application/pdf' }]);
    assert.equal({}.polluted, undefined);
    assert.deepEqual(loket.createValidator(parsed.value).finalAnswers(revived).nama, 'Budi');
  });
});

describe('receiver durability', () => {
  it('reads the journal back after a restart: same numbers, same idempotent answers', async () => {
    const dataDir = tmp();
    const first = await start({ dataDir });
    const key = newKey();
    const stored = await (await post(first, payload(GOOD), { key })).json();
    await first.close();
    const second = await start({ dataDir });
    try {
      const replay = await post(second, payload(GOOD), { key });
      assert.deepEqual(await replay.json(), stored);
      const next = await (await post(second, payload(GOOD), { key: newKey() })).json();
      assert.equal(Number(next.trackingNumber.slice(-6)), Number(stored.trackingNumber.slice(-6)) + 1);
      assert.equal(second.receiver.records().length, 2);
    } finally {
      await second.close();
    }
  });

  it('ignores a torn last line', async () => {
    const dataDir = tmp();
    const first = await start({ dataDir });
    await post(first, payload(GOOD), { key: newKey() });
    await first.close();
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(dataDir, 'journal.jsonl'), '{"v":1,"formId":"uji-izin","se');
    const second = await start({ dataDir });
    try {
      assert.equal(second.receiver.records().length, 1);
      assert.equal((await post(second, payload(GOOD), { key: newKey() })).status, 201);
      const lines = readFileSync(join(dataDir, 'journal.jsonl'), 'utf8').trim().split('\n');
      assert.equal(lines.length, 2);
      lines.forEach((line) => JSON.parse(line));
    } finally {
      await second.close();
    }
  });
});

describe('receiver journal damage', () => {
  const journalLines = (dataDir) => readFileSync(join(dataDir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean);
  const storeFive = async (dataDir) => {
    const server = await start({ dataDir });
    const keys = [];
    const numbers = [];
    for (let i = 0; i < 5; i++) {
      keys.push(newKey());
      numbers.push((await (await post(server, payload({ ...GOOD, nama: `Pemohon ${i + 1}` }), { key: keys[i] })).json()).trackingNumber);
    }
    await server.close();
    return { keys, numbers };
  };

  it('skips a damaged line in the middle and keeps every record after it', async () => {
    const dataDir = tmp();
    const { keys, numbers } = await storeFive(dataDir);
    const lines = journalLines(dataDir);
    lines[1] = lines[1].replace('"formId"', '"formId"\u0000#rusak#');
    writeFileSync(join(dataDir, 'journal.jsonl'), `${lines.join('\n')}\n`);
    const logged = [];
    const second = await start({ dataDir, log: (line) => logged.push(line) });
    try {
      assert.equal(second.receiver.records().length, 4);
      assert.deepEqual(second.receiver.records().map((r) => r.trackingNumber), [numbers[0], ...numbers.slice(2)]);
      assert.equal(second.receiver.journal.damaged, 1);
      assert.ok(logged.some((line) => /line 2 is damaged/.test(line)), logged.join('\n'));
      // The damaged line is left for a person to look at, not truncated over.
      assert.equal(journalLines(dataDir).length, 5);
      const replay = await post(second, payload({ ...GOOD, nama: 'Pemohon 3' }), { key: keys[2] });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal((await replay.json()).trackingNumber, numbers[2]);
      const next = await (await post(second, payload(GOOD), { key: newKey() })).json();
      assert.equal(Number(next.trackingNumber.slice(-6)), 6);
      assert.equal(journalLines(dataDir).length, 6);
    } finally {
      await second.close();
    }
  });

  it('never re-issues the number of a damaged last line', async () => {
    const dataDir = tmp();
    const { numbers } = await storeFive(dataDir);
    const lines = journalLines(dataDir);
    lines[4] = 'x'.repeat(lines[4].length);
    writeFileSync(join(dataDir, 'journal.jsonl'), `${lines.join('\n')}\n`);
    const second = await start({ dataDir });
    try {
      assert.equal(second.receiver.records().length, 4);
      const next = await (await post(second, payload(GOOD), { key: newKey() })).json();
      assert.ok(!numbers.includes(next.trackingNumber), `${next.trackingNumber} was issued before`);
      assert.ok(Number(next.trackingNumber.slice(-6)) > 5);
    } finally {
      await second.close();
    }
  });

  it('undoes a failed append, so no torn line is left mid-file', async () => {
    const dir = tmp();
    let fail = false;
    const io = {
      fsyncSync: (fd) => {
        if (fail) {
          fail = false;
          throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        }
        return fsyncSync(fd);
      },
    };
    const journal = openJournal(dir, { io });
    journal.append({ v: 1, formId: 'uji-izin', seq: 1, trackingNumber: 'UJI-2020-000001' });
    const size = statSync(journal.path).size;
    fail = true;
    assert.throws(() => journal.append({ v: 1, formId: 'uji-izin', seq: 2, trackingNumber: 'UJI-2020-000002' }), /EIO/);
    assert.equal(statSync(journal.path).size, size);
    assert.equal(journal.records.length, 1);
    journal.append({ v: 1, formId: 'uji-izin', seq: 2, trackingNumber: 'UJI-2020-000002' });
    journal.close();
    const again = openJournal(dir);
    try {
      assert.deepEqual(again.records.map((r) => r.seq), [1, 2]);
      assert.equal(again.damaged, 0);
    } finally {
      again.close();
    }
  });
});

describe('receiver tracking numbers and files', () => {
  const ktpUpload = (form = 'uji-izin') => {
    const data = new FormData();
    const m = { name: 'ktp.pdf', size: PDF.length, type: 'application/pdf' };
    data.append('payload', JSON.stringify(payload({ ...GOOD, ktp: [m] }, { form: { id: form }, files: [{ field: 'ktp', ...m }] })));
    data.append('ktp', new Blob([PDF], { type: 'application/pdf' }), 'ktp.pdf');
    return data;
  };
  const folders = (server) => readdirSync(join(server.receiver.journal.path, '..', 'files')).sort();

  it('never gives two forms with the same prefix the same number or folder', async () => {
    const server = await start({ forms: { 'sipi-a': { ...FORM, id: 'sipi-a' }, 'sipi-b': { ...FORM, id: 'sipi-b' } } });
    try {
      const a = await post(server, ktpUpload('sipi-a'), { key: newKey(), type: null, form: 'sipi-a' });
      const b = await post(server, ktpUpload('sipi-b'), { key: newKey(), type: null, form: 'sipi-b' });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      const [na, nb] = [(await a.json()).trackingNumber, (await b.json()).trackingNumber];
      assert.match(na, /^SIPI-\d{4}-\d{6}$/);
      assert.notEqual(na, nb);
      assert.deepEqual(folders(server), [na, nb].sort());
    } finally {
      await server.close();
    }
  });

  it('refuses a payload nested 200 000 deep, and the next upload with the same file name is stored', async () => {
    const server = await start();
    try {
      const deep = `{"loket":1,"form":{"id":"uji-izin"},"locale":"id","answers":{"nama":"Budi","nik":"3201014108900001","lahir":${'['.repeat(200_000)}${']'.repeat(200_000)}},"files":[]}`;
      const res = await post(server, deep, { key: newKey() });
      assert.ok(res.status >= 400 && res.status < 600, String(res.status));
      assert.equal((await post(server, ktpUpload(), { key: newKey(), type: null })).status, 201);
      assert.equal((await post(server, ktpUpload(), { key: newKey(), type: null })).status, 201);
    } finally {
      await server.close();
    }
  });

  it('leaves no files behind when the journal write fails, and the next upload with the same name is stored', async () => {
    const server = await start({ faults: [{ action: 'fail-store', times: 1 }] });
    try {
      const key = newKey();
      const failed = await post(server, ktpUpload(), { key, type: null });
      assert.equal(failed.status, 500);
      assert.deepEqual(folders(server), []);
      assert.equal(readFileSync(server.receiver.journal.path, 'utf8'), '');
      const retried = await post(server, ktpUpload(), { key, type: null });
      assert.equal(retried.status, 201);
      const other = await post(server, ktpUpload(), { key: newKey(), type: null });
      assert.equal(other.status, 201);
      const records = server.receiver.records();
      assert.equal(records.length, 2);
      for (const record of records) assert.deepEqual(readFileSync(join(server.receiver.journal.path, '..', record.files[0].path)), PDF);
      assert.deepEqual(folders(server), records.map((r) => r.trackingNumber).sort());
    } finally {
      await server.close();
    }
  });

  it('after a crash, puts the files of a stored record in place and removes those of an unfinished save', async () => {
    const dataDir = tmp();
    const first = await start({ dataDir });
    const { trackingNumber } = await (await post(first, ktpUpload(), { key: newKey(), type: null })).json();
    await first.close();
    const files = join(dataDir, 'files');
    renameSync(join(files, trackingNumber), join(files, `.tmp-${trackingNumber}`));
    mkdirSync(join(files, '.tmp-UJI-2020-999999'));
    writeFileSync(join(files, '.tmp-UJI-2020-999999', '1-ktp.pdf'), PDF);
    const second = await start({ dataDir });
    try {
      assert.deepEqual(readdirSync(files), [trackingNumber]);
      assert.deepEqual(readFileSync(join(dataDir, second.receiver.records()[0].files[0].path)), PDF);
    } finally {
      await second.close();
    }
  });
});

describe('receiver fault injection', () => {
  it('answers 500, then 503 with Retry-After, then works', async () => {
    const server = await start({ faults: [{ action: 'error', times: 1 }, { action: 'unavailable', retryAfter: 3, times: 1 }] });
    try {
      const key = newKey();
      assert.equal((await post(server, payload(GOOD), { key })).status, 500);
      const unavailable = await post(server, payload(GOOD), { key });
      assert.equal(unavailable.status, 503);
      assert.equal(unavailable.headers.get('retry-after'), '3');
      assert.equal((await post(server, payload(GOOD), { key })).status, 201);
      assert.equal(server.receiver.records().length, 1);
    } finally {
      await server.close();
    }
  });

  it('drops the connection after storing; the retry gets the stored answer', async () => {
    const server = await start({ faults: [{ action: 'drop-after-store', times: 1 }] });
    try {
      const key = newKey();
      await assert.rejects(post(server, payload(GOOD), { key }));
      const res = await post(server, payload(GOOD), { key });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('idempotent-replayed'), 'true');
      assert.equal(server.receiver.records().length, 1);
    } finally {
      await server.close();
    }
  });

  it('drops, hangs and delays by path pattern', async () => {
    const server = await start({ forms: { 'uji-izin': FORM, 'uji-lain': { ...FORM, id: 'uji-lain' } }, faults: [{ path: '/uji-lain/', action: 'hang' }, { action: 'drop', times: 1 }, { action: 'delay', delayMs: 300, times: 1 }] });
    try {
      await assert.rejects(post(server, payload(GOOD), { key: newKey() }));
      const started = Date.now();
      assert.equal((await post(server, payload(GOOD), { key: newKey() })).status, 201);
      assert.ok(Date.now() - started >= 290);
      const hung = fetch(`${server.url}/api/forms/uji-lain/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload(GOOD, { form: { id: 'uji-lain' } })), signal: AbortSignal.timeout(300) });
      await assert.rejects(hung, { name: 'TimeoutError' });
    } finally {
      await server.close();
    }
  });

  it('answers 409 while the same key is in flight', async () => {
    const server = await start({ faults: [{ action: 'slow-store', delayMs: 400, times: 1 }] });
    try {
      const key = newKey();
      const slow = post(server, payload(GOOD), { key });
      await new Promise((r) => setTimeout(r, 100));
      const busy = await post(server, payload(GOOD), { key });
      assert.equal(busy.status, 409);
      assert.equal(busy.headers.get('retry-after'), '1');
      assert.equal((await slow).status, 201);
      assert.equal((await post(server, payload(GOOD), { key })).status, 201);
      assert.equal(server.receiver.records().length, 1);
    } finally {
      await server.close();
    }
  });

  it('never injects faults unless configured', async () => {
    const server = await start();
    try {
      for (let i = 0; i < 3; i++) assert.equal((await post(server, payload(GOOD), { key: newKey() })).status, 201);
      assert.deepEqual(readdirSync(join(server.receiver.journal.path, '..')).sort(), ['files', 'journal.jsonl']);
    } finally {
      await server.close();
    }
  });
});
