// kill -9 during concurrent submissions with files, several times, on
// SQLite and PostgreSQL: every 2xx is stored and intact, nothing is partial,
// no tracking number is issued twice; and two receiver processes on one
// database at once (PostgreSQL, and SQLite on one file).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { databaseKinds, freePort } from './databases.mjs';
import { root, until } from './helpers.mjs';
import { freshStore, server, tmp } from './receiver-helpers.mjs';

const FORM = {
  version: 1,
  id: 'uji-crash',
  title: 'Uji crash',
  office: { name: 'Kantor Uji' },
  help: { phone: '021 6540 123' },
  steps: [{ heading: 'Data', fields: [{ type: 'text', name: 'nama', label: 'Nama' }, { type: 'file', name: 'berkas', label: 'Berkas', accept: ['.pdf'], maxSize: 300_000, maxFiles: 3 }] }],
};
const sha = (b) => createHash('sha256').update(b).digest('hex');

/** Starts `loket serve` as a child process; resolves once it listens. */
async function spawnReceiver(store, formsDir) {
  const port = await freePort();
  const args = ['bin/loket.mjs', 'serve', '--forms', formsDir, '--port', String(port), ...(store.dataDir ? ['--data', store.dataDir] : ['--database-url', store.databaseUrl])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('loket receiver:')) resolve();
    });
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`receiver exited (${code}): ${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, kill: () => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : (child.once('exit', r), child.kill('SIGKILL')))) };
}

/** One submission with 1–3 random PDFs; the expected record. */
function makeSubmission(i) {
  const files = Array.from({ length: 1 + (i % 3) }, (_, j) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000 + ((i * 7919 + j * 104729) % 200_000))]));
  const metas = files.map((b, j) => ({ name: `berkas-${i}-${j}.pdf`, size: b.length, type: 'application/pdf' }));
  const key = `crash-${process.pid}-${Date.now()}-${i}`.padEnd(24, '0');
  const payload = { loket: 1, form: { id: 'uji-crash' }, locale: 'id', answers: { nama: `Pemohon ${i}`, berkas: metas }, files: metas.map((m) => ({ field: 'berkas', ...m })) };
  return { key, payload, files, metas, nama: `Pemohon ${i}` };
}

function send(url, s) {
  const data = new FormData();
  data.append('payload', JSON.stringify(s.payload));
  s.files.forEach((b, j) => data.append('berkas', new Blob([b], { type: 'application/pdf' }), s.metas[j].name));
  return fetch(`${url}/api/forms/uji-crash/submissions`, { method: 'POST', headers: { 'idempotency-key': s.key }, body: data, signal: AbortSignal.timeout(20_000) });
}

/** Sends submissions from `concurrency` loops until stopped; returns every 2xx and every attempt. */
function flood(urls, { concurrency, start }) {
  const acknowledged = [];
  const attempted = [];
  let next = start;
  let running = true;
  const loops = Array.from({ length: concurrency }, async (_, loop) => {
    while (running) {
      const s = makeSubmission(next++);
      attempted.push(s);
      try {
        const res = await send(urls[loop % urls.length], s);
        if (res.status === 201) acknowledged.push({ ...s, answer: await res.json() });
        else await res.arrayBuffer();
      } catch {
        // The receiver was killed mid-request: never acknowledged.
      }
    }
  });
  return { acknowledged, attempted, stop: async () => ((running = false), await Promise.all(loops)) };
}

/** Checks the database: every acknowledged submission stored whole, nothing partial, numbers unique. */
async function verify(store, acknowledged) {
  const db = await server.openDatabase({ databaseUrl: store.databaseUrl, sqliteFile: store.dataDir ? join(store.dataDir, 'loket.sqlite') : '' });
  try {
    const rows = await db.all('SELECT id, tracking_number AS n, idempotency_key AS k, answers FROM submissions');
    const numbers = new Set(rows.map((r) => r.n));
    assert.equal(numbers.size, rows.length, 'a tracking number was issued twice');
    const byKey = new Map(rows.map((r) => [r.k, r]));
    const files = await db.all('SELECT submission_id AS s, position, size, sha256, content FROM submission_files ORDER BY submission_id, position');
    const filesOf = new Map();
    for (const f of files) filesOf.set(Number(f.s), [...(filesOf.get(Number(f.s)) ?? []), f]);
    const events = new Set((await db.all("SELECT submission_id AS s FROM application_events WHERE state = 'received'")).map((e) => Number(e.s)));
    // Nothing partial: every stored submission has all its declared files, intact, and its first event.
    for (const r of rows) {
      const declared = JSON.parse(r.answers).berkas;
      const stored = filesOf.get(Number(r.id)) ?? [];
      assert.equal(stored.length, declared.length, `${r.n} has ${stored.length} of ${declared.length} files`);
      for (const f of stored) assert.equal(sha(Buffer.from(f.content)), f.sha256, `${r.n} file ${f.position} is damaged`);
      assert.ok(events.has(Number(r.id)), `${r.n} has no received event`);
    }
    // Every acknowledged submission is there, with its number and its exact bytes.
    for (const a of acknowledged) {
      const row = byKey.get(a.key);
      assert.ok(row, `${a.answer.trackingNumber} was answered 201 but is not stored`);
      assert.equal(row.n, a.answer.trackingNumber);
      assert.deepEqual((filesOf.get(Number(row.id)) ?? []).map((f) => f.sha256), a.files.map(sha));
    }
    return rows.length;
  } finally {
    await db.close();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const kind of databaseKinds()) {
  describe(`receiver crash on ${kind}`, () => {
    it('keeps every acknowledged submission through three kill -9s during concurrent uploads', { timeout: 400_000 }, async () => {
      const formsDir = tmp();
      writeFileSync(join(formsDir, 'uji-crash.json'), JSON.stringify(FORM));
      const store = await freshStore(kind);
      if (store.dataDir) mkdirSync(store.dataDir, { recursive: true });
      const acknowledged = [];
      let start = 0;
      for (let round = 0; round < 3; round++) {
        const receiver = await spawnReceiver(store, formsDir);
        const load = flood([receiver.url], { concurrency: 12, start });
        // Let some submissions through, then kill it in the middle of others.
        await until(() => load.acknowledged.length >= 4 + round * 2, `round ${round}: ${4 + round * 2} acknowledged`);
        await sleep(50 + round * 40);
        await receiver.kill();
        await load.stop();
        acknowledged.push(...load.acknowledged);
        start += load.attempted.length;
        assert.ok(load.attempted.length > load.acknowledged.length, 'the kill interrupted nothing');
      }
      const stored = await verify(store, acknowledged);
      assert.ok(stored >= acknowledged.length);
      // After the last crash: retrying every interrupted request with its key stores it once.
      const receiver = await spawnReceiver(store, formsDir);
      try {
        const again = await send(receiver.url, acknowledged[0]);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await again.json(), acknowledged[0].answer);
      } finally {
        await receiver.kill();
      }
    });

    it('shares one database between two receiver processes: unique numbers, one record per key', { timeout: 300_000 }, async () => {
      const formsDir = tmp();
      writeFileSync(join(formsDir, 'uji-crash.json'), JSON.stringify(FORM));
      const store = await freshStore(kind);
      const a = await spawnReceiver(store, formsDir);
      const b = await spawnReceiver(store, formsDir);
      try {
        // The same key sent to both at once is stored once.
        const same = makeSubmission(100_000);
        const answers = await Promise.all([send(a.url, same), send(b.url, same), send(a.url, same), send(b.url, same)]);
        const ok = answers.filter((r) => r.status === 201);
        assert.ok(ok.length >= 1 && answers.every((r) => r.status === 201 || r.status === 409), answers.map((r) => r.status).join());
        assert.equal(new Set(await Promise.all(ok.map(async (r) => (await r.json()).trackingNumber))).size, 1);
        const load = flood([a.url, b.url], { concurrency: 10, start: 0 });
        await until(() => load.acknowledged.length >= 16, '16 acknowledged by two processes');
        // One process dies mid-upload; the other carries on.
        await a.kill();
        const before = load.acknowledged.length;
        await until(() => load.acknowledged.length >= before + 6, '6 more acknowledged by the surviving process');
        await load.stop();
        await verify(store, load.acknowledged);
        const db = await server.openDatabase({ databaseUrl: store.databaseUrl, sqliteFile: store.dataDir ? join(store.dataDir, 'loket.sqlite') : '' });
        try {
          assert.equal((await db.all('SELECT id FROM submissions WHERE idempotency_key = ?', [same.key])).length, 1);
        } finally {
          await db.close();
        }
      } finally {
        await a.kill();
        await b.kill();
      }
    });
  });
}
