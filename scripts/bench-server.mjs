// npm run bench:server: the receiver under load, on SQLite and (when
// installed) PostgreSQL. Not part of npm test: these machines are shared and
// noisy. Results go to bench-results/server.json.
//
//   submissions/s and p50/p99 latency, small JSON and 1 MB files, at
//   concurrency 1, 10, 50 and 200 (each level runs for BENCH_SECONDS, default 5);
//   the receiver's RSS before and after many records (BENCH_RECORDS, default
//   100 000, written straight into the database, then read through the listing);
//   one listing page at BENCH_LIST_RECORDS (default 1 000 000) records.
//
// The receiver runs as its own process (`loket serve`), the load comes from
// this one, both on the same machine. Then the same submissions in-process
// (app.inject: no sockets, no HTTP client competing for the cores), with the
// CPU time each costs the receiver (every thread of it, SQLite's checkpoint
// worker included): on a shared machine that number moves far less with the
// other work than the rates and latencies do. Last, at 50 concurrent, the
// receiver's own time (request headers read → answer sent, from a hook) beside
// the time a client in another process sees: the difference is the client and
// the queue before the receiver reads the request. Every line names the load average.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKinds, freePort, postgres } from '../test/node/databases.mjs';

const root = new URL('../', import.meta.url).pathname;
if (!process.argv.includes('--no-build')) await import('./build.mjs');
const server = await import('../dist/server/index.mjs');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const LIST_RECORDS = Number(process.env.BENCH_LIST_RECORDS ?? 1_000_000);
const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,50,200').split(',').map(Number);
const TOKEN = 'bench-token-0123456789abcdef';
const FORM = {
  version: 1,
  id: 'bench',
  title: 'Bench',
  office: { name: 'Kantor Bench' },
  help: { phone: '021 6540 123' },
  steps: [{ heading: 'Data', fields: [{ type: 'text', name: 'nama', label: 'Nama' }, { type: 'nik', name: 'nik', label: 'NIK' }, { type: 'file', name: 'berkas', label: 'Berkas', accept: ['.pdf'], maxSize: 2_000_000, optional: true }] }],
};

const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const INPROCESS = { json: Number(process.env.BENCH_INPROCESS_JSON ?? 3000), files: Number(process.env.BENCH_INPROCESS_FILES ?? 300) };

async function spawnReceiver(store, formsDir) {
  const port = await freePort();
  const args = ['bin/loket.mjs', 'serve', '--forms', formsDir, '--port', String(port), '--token', TOKEN, ...(store.dataDir ? ['--data', store.dataDir] : ['--database-url', store.databaseUrl])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => ((out += d), out.includes('loket receiver:') && resolve()));
    child.once('exit', (code) => reject(new Error(`receiver exited ${code}`)));
  });
  child.stdout.resume();
  return { child, url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

let seq = 0;
const NIK = '3201014108900001';
function request(url, kind, file) {
  const key = `bench-${process.pid}-${String(++seq).padStart(10, '0')}`;
  if (kind === 'json') {
    const body = JSON.stringify({ loket: 1, form: { id: 'bench' }, locale: 'id', answers: { nama: `Pemohon ${seq}`, nik: NIK }, files: [] });
    return fetch(`${url}/api/forms/bench/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
  }
  const meta = { name: 'berkas.pdf', size: file.length, type: 'application/pdf' };
  const data = new FormData();
  data.append('payload', JSON.stringify({ loket: 1, form: { id: 'bench' }, locale: 'id', answers: { nama: `Pemohon ${seq}`, nik: NIK, berkas: [meta] }, files: [{ field: 'berkas', ...meta }] }));
  data.append('berkas', new Blob([file], { type: 'application/pdf' }), 'berkas.pdf');
  return fetch(`${url}/api/forms/bench/submissions`, { method: 'POST', headers: { 'idempotency-key': key }, body: data });
}

/** Submissions from `concurrency` loops for SECONDS: rate and latency percentiles. */
async function load(url, kind, concurrency) {
  const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_000_000 - 9)]);
  const latencies = [];
  let failed = 0;
  const until = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        try {
          const res = await request(url, kind, file);
          await res.arrayBuffer();
          if (res.status === 201) latencies.push(performance.now() - t);
          else failed++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { concurrency, stored: latencies.length, failed, perSecond: Math.round(latencies.length / seconds), p50ms: Math.round(pct(latencies, 50) ?? 0), p99ms: Math.round(pct(latencies, 99) ?? 0), load: loadAverage() };
}

/** `count` submissions through app.inject, 50 at a time, in this process: rate, latency and CPU ms per stored submission. */
async function inProcess(store, kind, count, concurrency = 50) {
  const app = await server.createApp({ ...server.DEFAULTS, formsDir: undefined, ...store }, { forms: { bench: FORM }, log: () => {} });
  await app.ready();
  const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_000_000 - 9)]);
  const boundary = 'loketBenchBoundary';
  const inject = () => {
    const key = `bench-inject-${process.pid}-${String(++seq).padStart(10, '0')}`;
    if (kind === 'json') {
      const payload = JSON.stringify({ loket: 1, form: { id: 'bench' }, locale: 'id', answers: { nama: `Pemohon ${seq}`, nik: NIK }, files: [] });
      return app.inject({ method: 'POST', url: '/api/forms/bench/submissions', headers: { host: '127.0.0.1', 'content-type': 'application/json', 'idempotency-key': key }, payload });
    }
    const meta = { name: 'berkas.pdf', size: file.length, type: 'application/pdf' };
    const json = JSON.stringify({ loket: 1, form: { id: 'bench' }, locale: 'id', answers: { nama: `Pemohon ${seq}`, nik: NIK, berkas: [meta] }, files: [{ field: 'berkas', ...meta }] });
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${json}\r\n--${boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="berkas.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: '/api/forms/bench/submissions', headers: { host: '127.0.0.1', 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': key }, payload });
  };
  const latencies = [];
  let failed = 0;
  let left = count;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        const res = await inject();
        if (res.statusCode === 201) latencies.push(performance.now() - t);
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await app.close();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    stored: latencies.length,
    failed,
    perSecond: Math.round(latencies.length / seconds),
    p50ms: Math.round(pct(latencies, 50) ?? 0),
    p99ms: Math.round(pct(latencies, 99) ?? 0),
    cpuMsPerSubmission: Number(((used.user + used.system) / 1000 / Math.max(1, latencies.length)).toFixed(2)),
    load: loadAverage(),
  };
}

/** Writes `count` records straight into the database, in batches (as if received over months). */
async function fill(store, count, formId = 'bench') {
  const db = await server.openDatabase({ databaseUrl: store.databaseUrl, sqliteFile: store.dataDir ? join(store.dataDir, 'loket.sqlite') : '' });
  try {
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    const answers = JSON.stringify({ nama: 'Pemohon Contoh Dengan Nama Cukup Panjang', nik: NIK });
    const batch = 1000;
    const offset = Number((await db.get('SELECT COUNT(*) AS n FROM submissions')).n);
    for (let start = 0; start < count; start += batch) {
      const rows = Math.min(batch, count - start);
      await db.transaction(async (tx) => {
        const values = [];
        const params = [];
        for (let i = 0; i < rows; i++) {
          const n = offset + start + i;
          const at = new Date(base + n * 30_000).toISOString();
          values.push("(?, ?, ?, ?, 'id', ?, ?, 'received', ?, ?)");
          params.push(formId, `FILL-${n}`, `fill-key-${String(n).padStart(12, '0')}`, 'x', answers, at, at, 'x');
        }
        await tx.run(`INSERT INTO submissions (form_id, tracking_number, idempotency_key, payload_hash, locale, answers, received_at, state, state_changed_at, secret_hash) VALUES ${values.join(',')}`, params);
      });
    }
  } finally {
    await db.close();
  }
}

async function time(fn, times = 20) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { p50ms: Number(pct(runs, 50).toFixed(1)), p99ms: Number(pct(runs, 99).toFixed(1)) };
}

// `--client URL KIND CONCURRENCY`: this script as the load of the split measurement, in its own process.
const clientAt = process.argv.indexOf('--client');
if (clientAt >= 0) {
  const [url, kind, concurrency] = process.argv.slice(clientAt + 1);
  process.send(await load(url, kind, Number(concurrency)));
  process.exit(0);
}

/** The receiver in this process with a timing hook, the load from a child process: the receiver's own p50/p99 beside the client's. */
async function split(store, kind, concurrency = 50) {
  const own = [];
  const timing = async (app) => {
    app.addHook('onRequest', async (request) => void (request.benchStarted = performance.now()));
    app.addHook('onResponse', async (request, reply) => void (reply.statusCode === 201 && own.push(performance.now() - request.benchStarted)));
  };
  // Hooks for every route, not only the plugin's own.
  timing[Symbol.for('skip-override')] = true;
  const app = await server.createApp({ ...server.DEFAULTS, formsDir: undefined, ...store }, { forms: { bench: FORM }, log: () => {}, plugins: [timing] });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const child = fork(new URL(import.meta.url).pathname, ['--no-build', '--client', url, kind, String(concurrency)], { env: { ...process.env } });
  const client = await new Promise((resolve, reject) => (child.once('message', resolve), child.once('exit', (code) => reject(new Error(`bench client exited ${code}`)))));
  await app.close();
  own.sort((a, b) => a - b);
  return { concurrency, client, receiverP50ms: Math.round(pct(own, 50) ?? 0), receiverP99ms: Math.round(pct(own, 99) ?? 0), load: loadAverage() };
}

const results = { date: new Date().toISOString(), seconds: SECONDS, records: RECORDS, listRecords: LIST_RECORDS, databases: {} };
for (const kind of databaseKinds()) {
  console.log(`\n== ${kind}`);
  const formsDir = mkdtempSync(join(tmpdir(), 'loket-bench-forms-'));
  writeFileSync(join(formsDir, 'bench.json'), JSON.stringify(FORM));
  const store = kind === 'postgres' ? { databaseUrl: await (await postgres()).createDatabase() } : { dataDir: mkdtempSync(join(tmpdir(), 'loket-bench-')) };
  const out = (results.databases[kind] = { json: [], files: [] });
  let receiver = await spawnReceiver(store, formsDir);
  out.rssAtStart = rss(receiver.child.pid);
  for (const [kindOf, label] of [
    ['json', 'small JSON'],
    ['files', '1 MB file'],
  ]) {
    for (const c of LEVELS) {
      const r = await load(receiver.url, kindOf, c);
      out[kindOf].push(r);
      console.log(`${label.padEnd(10)} c=${String(c).padStart(3)}: ${String(r.perSecond).padStart(5)}/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  (${r.stored} stored, ${r.failed} failed; load ${r.load})`);
    }
  }
  out.inProcess = {};
  for (const [kindOf, label] of [
    ['json', 'small JSON'],
    ['files', '1 MB file'],
  ]) {
    if (!INPROCESS[kindOf]) continue;
    const r = (out.inProcess[kindOf] = await inProcess(store, kindOf, INPROCESS[kindOf]));
    console.log(`in-process ${label.padEnd(10)} c= 50: ${String(r.perSecond).padStart(5)}/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  CPU ${r.cpuMsPerSubmission} ms per submission  (${r.stored} stored, ${r.failed} failed; load ${r.load})`);
  }
  out.split = {};
  for (const [kindOf, label] of [
    ['json', 'small JSON'],
    ['files', '1 MB file'],
  ]) {
    const r = (out.split[kindOf] = await split(store, kindOf));
    console.log(`split      ${label.padEnd(10)} c= 50: ${String(r.client.perSecond).padStart(5)}/s  client p50 ${r.client.p50ms} ms  p99 ${r.client.p99ms} ms · receiver's own p50 ${r.receiverP50ms} ms  p99 ${r.receiverP99ms} ms  (load ${r.load})`);
  }
  // RSS as records grow: restart (a fresh process), read through the listing, fill, read again.
  await receiver.stop();
  receiver = await spawnReceiver(store, formsDir);
  const page = (query = '') => fetch(`${receiver.url}/api/submissions?limit=100${query}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
  for (let i = 0; i < 50; i++) await page(`&after=${i * 100}`);
  out.rssBefore = rss(receiver.child.pid);
  await fill(store, RECORDS);
  for (let i = 0; i < 50; i++) await page(`&after=${i * 2000}`);
  out.rssAfter = rss(receiver.child.pid);
  out.rssPerRecordBytes = Math.round((out.rssAfter - out.rssBefore) / RECORDS);
  console.log(`RSS: ${mb(out.rssBefore)} → ${mb(out.rssAfter)} after ${RECORDS} more records (${out.rssPerRecordBytes} bytes/record)`);
  // A listing page at LIST_RECORDS records.
  await fill(store, Math.max(0, LIST_RECORDS - RECORDS));
  out.listFirstPage = await time(() => page());
  out.listMiddlePage = await time(() => page(`&after=${Math.floor(LIST_RECORDS / 2)}`));
  out.listFilteredPage = await time(() => page('&form=bench&from=2025-06-01&to=2025-06-02'));
  console.log(`listing at ${LIST_RECORDS} records: first page p50 ${out.listFirstPage.p50ms} ms, middle page p50 ${out.listMiddlePage.p50ms} ms, by form and day p50 ${out.listFilteredPage.p50ms} ms`);
  await receiver.stop();
  rmSync(formsDir, { recursive: true, force: true });
  if (store.dataDir) rmSync(store.dataDir, { recursive: true, force: true });
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/server.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nold journal receiver (issue #9): 927 small submissions/s, p99 1.1–13.9 s, +2 KB RSS per record');
console.log('→ bench-results/server.json');
process.exit(0);
