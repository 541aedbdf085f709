// The SQLite driver (better-sqlite3 12: synchronous, in-process). WAL with
// synchronous=FULL, so a commit is on the disk before the receiver answers.
// Checkpoints (copying the WAL into the database file, which for uploaded
// files is as much work as the commit itself) run in a worker thread
// (sqlite-checkpoints.ts), off the event loop.
//
// better-sqlite3 runs on the event loop's thread, and a transaction here may
// await between statements; a lock makes every statement outside a
// transaction wait for it, so requests never interleave statements. A
// transaction's work must only run statements (no network, no timers): it
// shares its COMMIT with the transactions queued beside it.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, Param, Queryable } from './database.js';

/** How long a statement waits for another process holding the write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** The WAL bytes (about) written since the last checkpoint that start the next one (SQLite's default: 1000 pages of 4 KiB). */
export const SQLITE_CHECKPOINT_BYTES = 4_096_000;
/** And at most this long after a commit, ms, so a quiet receiver's WAL is copied too. */
export const SQLITE_CHECKPOINT_MS = 1000;
/** The event loop checkpoints itself only past this many WAL bytes (the worker fell behind, or could not start). */
export const SQLITE_BACKSTOP_BYTES = 40_960_000;
/** The built worker, beside the built server (scripts/server.mjs). */
const CHECKPOINT_WORKER = new URL('./sqlite-checkpoints.mjs', import.meta.url);

const values = (params: readonly Param[] = []) => params as unknown[];
/** About how many bytes a write adds to the WAL: its values, and a page for the rest. */
const bytesOf = (params: readonly Param[] = [], pageSize: number) => {
  let bytes = pageSize;
  for (const p of params) if (typeof p === 'string' || Buffer.isBuffer(p)) bytes += p.length;
  return bytes;
};

/** Runs checkpoints in a worker thread when about SQLITE_CHECKPOINT_BYTES were written; undefined when the worker is not there. */
function startCheckpoints(path: string, onFailure: (error: Error) => void) {
  if (!existsSync(fileURLToPath(CHECKPOINT_WORKER))) return undefined;
  const worker = new Worker(CHECKPOINT_WORKER, { workerData: { path } });
  // A quiet receiver, or `loket erase`, must be able to exit.
  worker.unref();
  let written = 0;
  let running = false;
  let last = Date.now();
  let failed = false;
  let closing = false;
  const exited = new Promise<void>((done) =>
    worker.once('exit', () => {
      // Gone without being asked (it crashed): the event loop checkpoints again.
      if (!closing && !failed) onFailure(new Error('the SQLite checkpoint worker stopped'));
      failed = true;
      done();
    }),
  );
  const maybe = () => {
    if (failed || running || written === 0) return;
    if (written < SQLITE_CHECKPOINT_BYTES && Date.now() - last < SQLITE_CHECKPOINT_MS) return;
    running = true;
    written = 0;
    last = Date.now();
    worker.postMessage('checkpoint');
  };
  worker.on('message', (message: unknown) => {
    if (message === 'ready') return;
    // A checkpoint that failed (another process checkpointing, a full disk) is tried again at the
    // next trigger; the event loop's far-off backstop keeps the WAL bounded meanwhile.
    running = false;
    maybe();
  });
  worker.on('error', (error: Error) => {
    failed = true;
    onFailure(error);
  });
  return {
    /** After a commit that wrote about `bytes` to the WAL. */
    committed(bytes: number) {
      written += bytes;
      maybe();
    },
    async stop() {
      closing = true;
      if (failed) return;
      worker.postMessage('close');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function openSqlite(file: string): Database {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit (NORMAL may lose the last commits on power loss).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const checkpoints = startCheckpoints(path, () => {
    // Without the worker, this connection checkpoints as SQLite does by default.
    if (db.open) db.pragma(`wal_autocheckpoint = ${Math.ceil(SQLITE_CHECKPOINT_BYTES / pageSize)}`);
  });
  db.pragma(`wal_autocheckpoint = ${Math.ceil((checkpoints ? SQLITE_BACKSTOP_BYTES : SQLITE_CHECKPOINT_BYTES) / pageSize)}`);
  /** WAL bytes (about) written since the last commit was counted. */
  let walBytes = 0;
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: Queryable = {
    async all<T>(sql: string, params?: readonly Param[]) {
      return prepare(sql).all(...values(params)) as T[];
    },
    async get<T>(sql: string, params?: readonly Param[]) {
      const statement = prepare(sql);
      const row = statement.get(...values(params)) as T | undefined;
      if (!statement.reader) {
        // INSERT … RETURNING.
        walBytes += bytesOf(params, pageSize);
        if (!db.inTransaction) committed();
      }
      return row;
    },
    async run(sql: string, params?: readonly Param[]) {
      const statement = prepare(sql);
      if (!statement.reader) {
        const changes = statement.run(...values(params)).changes;
        walBytes += bytesOf(params, pageSize);
        if (!db.inTransaction) committed();
        return changes;
      }
      statement.all(...values(params));
      return 0;
    },
    async exec(sql: string) {
      db.exec(sql);
    },
  };

  /** A write reached the WAL: count it towards the next checkpoint. */
  function committed() {
    checkpoints?.committed(walBytes);
    walBytes = 0;
  }

  let lock: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every earlier locked task has finished. */
  function locked<T>(task: () => Promise<T>): Promise<T> {
    const result = lock.then(task, task);
    lock = result.catch(() => undefined);
    return result;
  }

  interface Pending {
    work: (tx: Queryable) => Promise<unknown>;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }
  // Prepared once: a group commit runs a SAVEPOINT and a RELEASE per transaction.
  const control = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    savepoint: db.prepare('SAVEPOINT loket_tx'),
    release: db.prepare('RELEASE loket_tx'),
    rollbackTo: db.prepare('ROLLBACK TO loket_tx'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
  let pending: Pending[] = [];
  let scheduled = false;
  /** Writes every waiting transaction under one COMMIT. */
  function flush() {
    scheduled = false;
    const batch = pending;
    pending = [];
    void locked(async () => {
      // IMMEDIATE: take the write lock now, so another process cannot make this transaction fail halfway.
      try {
        control.begin.run();
      } catch (error) {
        batch.forEach((item) => item.reject(error));
        return;
      }
      walBytes = 0;
      const outcomes: { item: Pending; ok: boolean; value: unknown }[] = [];
      for (const item of batch) {
        control.savepoint.run();
        try {
          const value = await item.work(direct);
          control.release.run();
          outcomes.push({ item, ok: true, value });
        } catch (error) {
          try {
            control.rollbackTo.run();
            control.release.run();
          } catch {
            // SQLite ended the whole transaction (a full disk, an I/O error): nothing of the batch was written.
          }
          if (!db.inTransaction) {
            batch.forEach((other) => other.reject(other === item ? error : new Error('the transaction was rolled back', { cause: error })));
            return;
          }
          outcomes.push({ item, ok: false, value: error });
        }
      }
      try {
        control.commit.run();
      } catch (error) {
        if (db.inTransaction) control.rollback.run();
        walBytes = 0;
        batch.forEach((item) => item.reject(error));
        return;
      }
      committed();
      for (const { item, ok, value } of outcomes) (ok ? item.resolve : item.reject)(value);
    });
  }

  return {
    dialect: 'sqlite',
    where: path,
    all: (sql, params) => locked(() => direct.all(sql, params)),
    get: (sql, params) => locked(() => direct.get(sql, params)),
    run: (sql, params) => locked(() => direct.run(sql, params)),
    // Group commit: transactions that arrive while one is being written share the next
    // COMMIT (one fsync for many submissions), each in its own SAVEPOINT so one that fails
    // is rolled back alone. Every caller still hears back only after its COMMIT.
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve, reject } as Pending);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    exec: (sql) => locked(async () => void db.exec(sql)),
    close: () =>
      locked(async () => {
        await checkpoints?.stop();
        db.close();
      }),
  };
}
