// How the receiver uses its databases under load, beyond what a request can
// see: SQLite's WAL is copied into the database file by a worker thread (off
// the event loop), and PostgreSQL's tracking counter is locked only for the
// last moment of a submission's transaction, never while its files are written.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { databaseKinds } from './databases.mjs';
import { until } from './helpers.mjs';
import { server, startReceiver, tmp } from './receiver-helpers.mjs';

const FORM = {
  version: 1,
  id: 'uji-izin',
  title: 'Uji',
  office: { name: 'Kantor Uji' },
  help: { phone: '021 6540 123' },
  steps: [{ heading: 'Data', fields: [{ type: 'text', name: 'nama', label: 'Nama lengkap' }, { type: 'file', name: 'denah', label: 'Denah', accept: ['.pdf'], maxSize: 2_000_000, optional: true }] }],
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let n = 0;
function submit(url, bytes) {
  const data = new FormData();
  const answers = { nama: 'Budi Santoso' };
  const files = [];
  if (bytes) {
    const meta = { name: 'denah.pdf', size: bytes.length, type: 'application/pdf' };
    answers.denah = [meta];
    files.push({ field: 'denah', ...meta });
  }
  data.append('payload', JSON.stringify({ loket: 1, form: { id: 'uji-izin' }, locale: 'id', answers, files }));
  if (bytes) data.append('denah', new Blob([bytes], { type: 'application/pdf' }), 'denah.pdf');
  return fetch(`${url}/api/forms/uji-izin/submissions`, { method: 'POST', headers: { 'idempotency-key': `storage-test-${process.pid}-${++n}`.padEnd(20, '0') }, body: data, signal: AbortSignal.timeout(30_000) });
}

describe('SQLite checkpoints', () => {
  it("copies a quiet receiver's WAL into the database file, not only after 1000 pages", async () => {
    const file = join(tmp(), 'loket.sqlite');
    const db = await server.openDatabase({ sqliteFile: file });
    try {
      await db.exec('CREATE TABLE t (x TEXT)');
      await db.transaction(async (tx) => {
        for (let i = 0; i < 20; i++) await tx.run('INSERT INTO t (x) VALUES (?)', [`rij ${i}`]);
      });
      // A few pages in the WAL, far from SQLite's own 1000-page checkpoint; the database file has only its header.
      const header = statSync(file).size;
      await sleep(1100);
      await db.run('INSERT INTO t (x) VALUES (?)', ['sedetik kemudian']);
      await until(() => statSync(file).size > header, 'the WAL copied into the database file', 10_000);
      assert.equal((await db.get('SELECT COUNT(*) AS n FROM t')).n, 21);
    } finally {
      await db.close();
    }
  });
});

if (databaseKinds().includes('postgres')) {
  describe('PostgreSQL tracking counter', () => {
    it("is locked only after the submission's files are written, so a slow upload never holds up the others", { timeout: 60_000 }, async () => {
      const target = await startReceiver('postgres', { forms: { 'uji-izin': FORM } });
      const pg = (await import('pg')).default;
      const other = new pg.Client({ connectionString: target.store.databaseUrl });
      // Outside any transaction: inside one, pg_stat_activity keeps showing its first snapshot.
      const observer = new pg.Client({ connectionString: target.store.databaseUrl });
      await other.connect();
      await observer.connect();
      try {
        const first = await (await submit(target.url)).json();
        const [, prefix, year] = /^([A-Z]+)-(\d{4})-\d+$/.exec(first.trackingNumber);
        // Another transaction holds the counter row, as a concurrent submission would.
        await other.query('BEGIN');
        await other.query('UPDATE tracking_counters SET last = last WHERE prefix = $1 AND year = $2', [prefix, Number(year)]);
        const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_000_000, 32)]);
        const pending = submit(target.url, pdf);
        let waiting;
        await until(async () => {
          const { rows } = await observer.query("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO tracking_counters%' ");
          waiting = rows[0]?.pid;
          return waiting !== undefined;
        }, 'the submission waiting for the counter', 30_000, 50);
        // By then its file is written: it holds the lock of a row inserted into submission_files.
        const { rows } = await observer.query("SELECT COUNT(*)::int AS n FROM pg_locks WHERE pid = $1 AND relation = 'submission_files'::regclass", [waiting]);
        assert.equal(rows[0].n > 0, true, 'the file was written before the counter was locked');
        await other.query('ROLLBACK');
        const res = await pending;
        assert.equal(res.status, 201);
        assert.equal((await res.json()).trackingNumber, `${prefix}-${year}-000002`);
      } finally {
        await other.end();
        await observer.end();
        await target.close();
      }
    });
  });
}
