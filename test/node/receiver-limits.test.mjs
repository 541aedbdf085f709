// Regression tests for the defects found by attacking the old receiver, each
// with the hostile input that found it, on SQLite and PostgreSQL: a chunked
// body over the limit, slow-drip sockets, the quadratic email rule, text
// answers without a length limit, DNS rebinding, a valid application larger
// than the old 30 MB limit, retention and erasure, and the command line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { root } from './helpers.mjs';
import { freshStore, server, startReceiver, tmp } from './receiver-helpers.mjs';

const FORM = {
  version: 1,
  id: 'uji-batas',
  title: 'Uji batas',
  office: { name: 'Kantor Uji' },
  help: { phone: '021 6540 123' },
  steps: [
    {
      heading: 'Data',
      fields: [
        { type: 'text', name: 'nama', label: 'Nama lengkap' },
        { type: 'email', name: 'email', label: 'Email', optional: true },
        { type: 'textarea', name: 'uraian', label: 'Uraian', optional: true },
        // Like the demo PBG form: drawings of 10 MB each, more than the old receiver's 30 MB in all.
        { type: 'file', name: 'gambar', label: 'Gambar', accept: ['.pdf'], maxSize: 10_000_000, maxFiles: 4, optional: true },
      ],
    },
  ],
};
const TOKEN = 'rahasia-kantor-0123456789';
let n = 0;
const newKey = () => `limit-key-${Date.now()}-${++n}`.padEnd(20, '0');
const payload = (answers, extra = {}) => ({ loket: 1, form: { id: 'uji-batas' }, locale: 'id', answers, files: [], ...extra });
const post = (target, body, headers = {}) =>
  fetch(`${target.url}/api/forms/uji-batas/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
const start = (kind, options = {}) => startReceiver(kind, { forms: { 'uji-batas': FORM }, token: TOKEN, ...options });

/** Sends a body in chunks without Content-Length; resolves to the status (or the socket error's code when the server cut it first). */
function chunked(target, { path = '/api/forms/uji-batas/submissions', type = 'application/json', total, chunk = 64 * 1024 }) {
  const { port } = new URL(target.url);
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': type, 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', (error) => resolve(error.code));
    const piece = Buffer.alloc(chunk, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"loket":1,"answers":{"nama":"');
    pump();
  });
}

/** Opens a raw socket, drips `text` one byte per `everyMs`; resolves when the server closes it. */
function drip(target, text, everyMs) {
  const { port } = new URL(target.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) return;
      socket.write(text[i++ % text.length]);
    }, everyMs);
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    });
  });
}

for (const kind of databaseKinds()) {
  describe(`receiver limits on ${kind}`, () => {
    let target;
    before(async () => (target = await start(kind, { headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 5000 })));
    after(() => target.close());

    it('answers 413 to a chunked JSON body over the limit (31 MB, no Content-Length) and stays up', async () => {
      const status = await chunked(target, { total: 31 * 1024 * 1024 });
      assert.ok(status === 413 || status === 'EPIPE' || status === 'ECONNRESET', String(status));
      assert.equal((await post(target, payload({ nama: 'Budi' }))).status, 201);
    });

    it('answers 413 to a chunked multipart body over the form limit and stays up', async () => {
      const status = await chunked(target, { type: 'multipart/form-data; boundary=x', total: 60 * 1024 * 1024, chunk: 256 * 1024 });
      assert.ok(status === 413 || status === 'EPIPE' || status === 'ECONNRESET', String(status));
      assert.equal((await post(target, payload({ nama: 'Budi' }))).status, 201);
    });

    it('refuses a JSON body one byte over --max-json-bytes (413), and takes one at the limit', async () => {
      const small = await start(kind, { maxJsonBytes: 4096 });
      try {
        const base = JSON.stringify(payload({ nama: '' }));
        const fits = JSON.stringify(payload({ nama: 'x'.repeat(4096 - base.length) }));
        assert.equal(Buffer.byteLength(fits), 4096);
        // Over 500 characters, so the answer is refused, but the body itself was read.
        assert.equal((await post(small, fits)).status, 422);
        assert.equal((await post(small, JSON.stringify(payload({ nama: 'x'.repeat(4097 - base.length) })))).status, 413);
      } finally {
        await small.close();
      }
    });

    it('closes a socket that drips its headers one byte at a time', async () => {
      const answer = await drip(target, 'POST /api/forms/uji-batas/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(1000), 100);
      assert.ok(answer === '' || /^HTTP\/1.1 408/.test(answer), answer);
    });

    it('closes a socket that drips its body one byte at a time', async () => {
      const { port } = new URL(target.url);
      const answer = await drip(target, `POST /api/forms/uji-batas/submissions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(10_000)}`, 5);
      assert.ok(answer === '' || /^HTTP\/1.1 408/.test(answer), answer);
    });

    it('refuses "a@" + "." × 300 000 + "@" as an email without holding the thread', { timeout: 20_000 }, async () => {
      const res = await post(target, payload({ nama: 'Budi', email: `a@${'.'.repeat(300_000)}@` }));
      assert.equal(res.status, 422);
      assert.deepEqual((await res.json()).errors.map((e) => e.detail), ['Email maksimal 254 karakter']);
      const valid = await post(target, payload({ nama: 'Budi', email: 'budi@dpmptsp.example.go.id' }));
      assert.equal(valid.status, 201);
    });

    it('limits text answers the author left unlimited: 500 characters for a text, 5000 for a textarea, 29 MB not even read', async () => {
      let res = await post(target, payload({ nama: 'x'.repeat(501) }));
      assert.deepEqual((await res.json()).errors.map((e) => e.detail), ['Nama lengkap maksimal 500 karakter']);
      res = await post(target, payload({ nama: 'Budi', uraian: 'x'.repeat(5001) }));
      assert.deepEqual((await res.json()).errors.map((e) => e.detail), ['Uraian maksimal 5000 karakter']);
      assert.equal((await post(target, payload({ nama: 'Budi', uraian: 'x'.repeat(5000) }))).status, 201);
      assert.equal((await post(target, payload({ nama: 'x'.repeat(29 * 1024 * 1024) }))).status, 413);
      assert.equal((await post(target, payload({ nama: 'Budi' }))).status, 201);
    });

    it('takes a valid application of 40 MB (four 10 MB drawings), more than the old 30 MB limit', async () => {
      const drawing = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10_000_000 - 9, 0x20)]);
      const metas = [1, 2, 3, 4].map((i) => ({ name: `gambar-${i}.pdf`, size: drawing.length, type: 'application/pdf' }));
      const data = new FormData();
      data.append('payload', JSON.stringify(payload({ nama: 'Budi', gambar: metas }, { files: metas.map((m) => ({ field: 'gambar', ...m })) })));
      for (const m of metas) data.append('gambar', new Blob([drawing], { type: 'application/pdf' }), m.name);
      const res = await fetch(`${target.url}/api/forms/uji-batas/submissions`, { method: 'POST', headers: { 'idempotency-key': newKey() }, body: data, signal: AbortSignal.timeout(60_000) });
      assert.equal(res.status, 201);
      const { trackingNumber } = await res.json();
      const sizes = await target.db.all('SELECT f.size, f.sha256 FROM submission_files f JOIN submissions s ON s.id = f.submission_id WHERE s.tracking_number = ? ORDER BY f.position', [trackingNumber]);
      const digest = (await import('node:crypto')).createHash('sha256').update(drawing).digest('hex');
      assert.deepEqual(sizes.map((f) => [Number(f.size), f.sha256]), metas.map(() => [drawing.length, digest]));
    });

    it('answers only to its own host names (DNS rebinding), and to --allowed-host names', async () => {
      // fetch cannot set Host; node:http can, as a browser on a rebound name would send it.
      const get = (target, host, headers = {}) =>
        new Promise((resolve, reject) => {
          const { port } = new URL(target.url);
          request({ host: '127.0.0.1', port, path: '/api/submissions', headers: { host, authorization: `Bearer ${TOKEN}`, ...headers } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          })
            .on('error', reject)
            .end();
        });
      const { port } = new URL(target.url);
      assert.equal(await get(target, `evil.example:${port}`, { origin: `http://evil.example:${port}` }), 421);
      assert.equal(await get(target, `127.0.0.1.evil.example:${port}`), 421);
      assert.equal(await get(target, `localhost:${port}`), 200);
      assert.equal(await get(target, `127.0.0.1:${port}`, { origin: `http://127.0.0.1:${port}` }), 200);
      const proxied = await start(kind, { allowedHosts: ['izin.example.go.id'] });
      try {
        assert.equal(await get(proxied, 'izin.example.go.id'), 200);
        assert.equal(await get(proxied, 'izin.example.go.id.evil.example'), 421);
      } finally {
        await proxied.close();
      }
    });

    it('erases answers and files N days after an application is closed, and nothing else', async () => {
      const clock = { now: new Date('2026-06-01T00:00:00.000Z') };
      const kept = await start(kind, { retentionDays: 30, now: () => clock.now });
      try {
        const numbers = [];
        for (let i = 0; i < 3; i++) numbers.push((await (await post(kept, payload({ nama: `Pemohon ${i}` }))).json()).trackingNumber);
        // Closed 31 days ago, closed 29 days ago, still open.
        await kept.db.run('UPDATE submissions SET state = ?, closed_at = ? WHERE tracking_number = ?', ['ready', '2026-05-01T00:00:00.000Z', numbers[0]]);
        await kept.db.run('UPDATE submissions SET state = ?, closed_at = ? WHERE tracking_number = ?', ['rejected', '2026-05-03T00:00:00.000Z', numbers[1]]);
        assert.equal(await server.runRetention(kept.app), 1);
        const rows = await kept.db.all('SELECT tracking_number AS n, answers, erased_at AS erased, state FROM submissions ORDER BY id');
        assert.deepEqual(rows.map((r) => [r.n, r.answers === null, r.erased !== null, r.state]), [
          [numbers[0], true, true, 'ready'],
          [numbers[1], false, false, 'rejected'],
          [numbers[2], false, false, 'received'],
        ]);
        assert.equal(await server.runRetention(kept.app), 0);
      } finally {
        await kept.close();
      }
    });

    it("deletes one applicant's application on request (token), files and history included", async () => {
      const data = new FormData();
      const pdf = Buffer.from('%PDF-1.4 hapus');
      const meta = { name: 'g.pdf', size: pdf.length, type: 'application/pdf' };
      data.append('payload', JSON.stringify(payload({ nama: 'Budi', gambar: [meta] }, { files: [{ field: 'gambar', ...meta }] })));
      data.append('gambar', new Blob([pdf], { type: 'application/pdf' }), 'g.pdf');
      const { trackingNumber } = await (await fetch(`${target.url}/api/forms/uji-batas/submissions`, { method: 'POST', headers: { 'idempotency-key': newKey() }, body: data })).json();
      const del = (headers) => fetch(`${target.url}/api/submissions/${trackingNumber}`, { method: 'DELETE', headers });
      assert.equal((await del({})).status, 401);
      assert.equal((await del({ authorization: `Bearer ${TOKEN}` })).status, 204);
      assert.equal((await del({ authorization: `Bearer ${TOKEN}` })).status, 404);
      const [row] = await target.db.all('SELECT COUNT(*) AS c FROM submissions WHERE tracking_number = ?', [trackingNumber]);
      assert.equal(Number(row.c), 0);
      const [orphans] = await target.db.all('SELECT (SELECT COUNT(*) FROM submission_files WHERE submission_id NOT IN (SELECT id FROM submissions)) + (SELECT COUNT(*) FROM application_events WHERE submission_id NOT IN (SELECT id FROM submissions)) AS c');
      assert.equal(Number(orphans.c), 0);
    });

    it('deletes with `loket erase <tracking number>`, and says so when there is none', async () => {
      const store = await freshStore(kind);
      const own = await start(kind, { store });
      const { trackingNumber } = await (await post(own, payload({ nama: 'Budi' }))).json();
      await own.close();
      const args = store.dataDir ? ['--data', store.dataDir] : ['--database-url', store.databaseUrl];
      const run = (number) => spawnSync(process.execPath, ['bin/loket.mjs', 'erase', number, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
      const first = run(trackingNumber);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`${trackingNumber} dihapus`));
      const again = run(trackingNumber);
      assert.equal(again.status, 1);
      assert.match(again.stdout, /tidak ada permohonan/);
    });
  });
}

describe('loket serve', () => {
  const loket = (...args) => spawnSync(process.execPath, ['bin/loket.mjs', 'serve', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

  it('prints every option with its default and environment variable for --help', () => {
    const help = loket('--help');
    assert.equal(help.status, 0);
    for (const option of server.OPTIONS) assert.match(help.stdout, new RegExp(`${option.flag} .*\\[${option.env}\\]`));
    assert.match(help.stdout, /--retention-days N .*\(bawaan 0\)/);
  });

  it('names the option that is wrong', () => {
    const unknown = loket('--max-body', '10');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option --max-body/);
    const origin = loket('--origin', 'https://dpmptsp.example.go.id/formulir');
    assert.match(origin.stderr, /--origin "https:\/\/dpmptsp.example.go.id\/formulir" is not an origin/);
    const faults = loket('--faults', '[]');
    assert.match(faults.stderr, /--faults is for tests only/);
  });
});

describe('loket erase and loket user add: arguments in any order', () => {
  const loket = (args, env = {}) => spawnSync(process.execPath, ['bin/loket.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '', ...env } });

  it('reads flags after the tracking numbers, --forms included, and never takes a flag value for a number', async () => {
    const store = await freshStore('sqlite');
    const own = await startReceiver('sqlite', { store, forms: { 'uji-izin': { version: 1, id: 'uji-izin', title: 'Uji', office: { name: 'Kantor Uji' }, help: { phone: '021 6540 123' }, steps: [{ heading: 'Data', fields: [{ type: 'text', name: 'nama', label: 'Nama' }] }] } } });
    const submit = () => fetch(`${own.url}/api/forms/uji-izin/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loket: 1, form: { id: 'uji-izin' }, locale: 'id', answers: { nama: 'Budi' }, files: [] }) }).then((r) => r.json());
    const first = (await submit()).trackingNumber;
    const second = (await submit()).trackingNumber;
    await own.close();
    const erased = loket(['erase', first, '--forms', store.dataDir, second, `--data=${store.dataDir}`]);
    assert.equal(erased.status, 0, erased.stderr);
    assert.deepEqual(erased.stdout.trim().split('\n'), [`${first} dihapus`, `${second} dihapus`]);
  });

  it('says which flag is unknown and which needs a value, with exit status 2', () => {
    const unknown = loket(['erase', 'PBG-2026-000001', '--verbose']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option --verbose \(loket erase --help\)/);
    const missing = loket(['erase', 'PBG-2026-000001', '--data']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--data needs a value/);
    const swallowed = loket(['erase', 'PBG-2026-000001', '--data', '--database-url', 'postgres://x']);
    assert.match(swallowed.stderr, /--data needs a value/);
    const user = loket(['user', 'add', 'budi', '--role', 'admin']);
    assert.equal(user.status, 2);
    assert.match(user.stderr, /unknown option --role \(loket user add --help\)/);
    const sub = loket(['user', 'remove', 'budi']);
    assert.equal(sub.status, 2);
    assert.match(sub.stderr, /subperintah tidak dikenal: "remove" \(loket user --help\)/);
    const nameless = loket(['user', 'add', '--admin']);
    assert.equal(nameless.status, 2);
    assert.match(nameless.stderr, /sebutkan nama akun/);
    const adminForms = loket(['user', 'add', 'kepala', '--admin', '--forms', 'pbg']);
    assert.equal(adminForms.status, 2);
    assert.match(adminForms.stderr, /--forms hanya untuk akun petugas/);
  });

  it('creates an account whatever the order of the name and the flags', () => {
    const dir = tmp();
    const made = loket(['user', 'add', '--data', dir, '--display-name', 'Sari Dewi', 'sari', '--forms', 'pbg,sipi', '--password-cost', '14'], { LOKET_PASSWORD: 'petugas loket uji' });
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /akun petugas "sari" dibuat/);
    const admin = loket(['user', 'add', 'kepala', '--admin', '--password-cost=14', '--data', dir], { LOKET_PASSWORD: 'admin kantor uji 2020' });
    assert.equal(admin.status, 0, admin.stderr);
    assert.match(admin.stdout, /akun admin "kepala" dibuat/);
  });

  it('refuses what the staff page refuses: a bad form id or a long display name, with the same words', () => {
    const dir = tmp();
    const env = { LOKET_PASSWORD: 'petugas loket uji' };
    const forms = loket(['user', 'add', 'sari', '--forms', 'pbg,../rahasia', '--password-cost=14', '--data', dir], env);
    assert.equal(forms.status, 1);
    assert.match(forms.stderr, /loket user: Daftar formulir tidak valid\./);
    const long = loket(['user', 'add', 'sari', '--display-name', 'S'.repeat(101), '--password-cost=14', '--data', dir], env);
    assert.equal(long.status, 1);
    assert.match(long.stderr, /Isi nama lengkap \(paling panjang 100 karakter\)/);
    const made = loket(['user', 'add', 'sari', '--forms', 'pbg', '--password-cost=14', '--data', dir], env);
    assert.equal(made.status, 0, made.stderr);
  });
});

describe('the demo forms and the receiver agree', () => {
  it('accepts every demo form whole: its files fit under the receiver limit', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { lib } = await import('./helpers.mjs');
    const loket = await lib();
    for (const file of readdirSync(`${root}demo/forms`).filter((f) => f.endsWith('.json'))) {
      const parsed = loket.parseForm(JSON.parse(readFileSync(`${root}demo/forms/${file}`, 'utf8')));
      assert.ok(parsed.ok, file);
      assert.equal(server.capacityProblem(server.formCapacity(parsed.value), server.DEFAULTS), undefined, file);
    }
  });

  it('warns in loket validate when a form declares more than the receiver accepts', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/loket-big-`);
    try {
      const big = { ...FORM, steps: [{ heading: 'D', fields: [{ type: 'file', name: 'g', label: 'G', accept: ['.pdf'], maxSize: 50_000_000, maxFiles: 3 }] }] };
      writeFileSync(`${dir}/big.json`, JSON.stringify(big));
      const out = spawnSync(process.execPath, ['bin/loket.mjs', 'validate', `${dir}/big.json`], { cwd: root, encoding: 'utf8' });
      assert.equal(out.status, 0);
      assert.match(out.stdout, /peringatan: berkas formulir ini bisa mencapai 144\.1 MiB, lebih dari yang diterima penerima \(100\.0 MiB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
