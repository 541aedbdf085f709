// The SQLite driver (better-sqlite3 12: synchronous, in-process). WAL with
// synchronous=FULL, so a commit is on the disk before the receiver answers.
//
// better-sqlite3 runs on the event loop's thread, and a transaction here may
// await between statements; a lock makes every statement outside a
// transaction wait for it, so requests never interleave statements. A
// transaction's work must only run statements (no network, no timers): it
// shares its COMMIT with the transactions queued beside it.
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database, Param, Queryable } from './database.js';

/** How long a statement waits for another process holding the write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const values = (params: readonly Param[] = []) => params as unknown[];

export function openSqlite(file: string): Database {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit (NORMAL may lose the last commits on power loss).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
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
      return prepare(sql).get(...values(params)) as T | undefined;
    },
    async run(sql: string, params?: readonly Param[]) {
      const statement = prepare(sql);
      if (!statement.reader) return statement.run(...values(params)).changes;
      statement.all(...values(params));
      return 0;
    },
    async exec(sql: string) {
      db.exec(sql);
    },
  };

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
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        batch.forEach((item) => item.reject(error));
        return;
      }
      const outcomes: { item: Pending; ok: boolean; value: unknown }[] = [];
      for (const item of batch) {
        db.exec('SAVEPOINT loket_tx');
        try {
          const value = await item.work(direct);
          db.exec('RELEASE loket_tx');
          outcomes.push({ item, ok: true, value });
        } catch (error) {
          try {
            db.exec('ROLLBACK TO loket_tx');
            db.exec('RELEASE loket_tx');
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
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        batch.forEach((item) => item.reject(error));
        return;
      }
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
    close: () => locked(async () => void db.close()),
  };
}
