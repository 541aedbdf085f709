// The SQLite driver (better-sqlite3 12: synchronous, in-process). WAL with
// synchronous=FULL, so a commit is on the disk before the receiver answers.
//
// better-sqlite3 runs on the event loop's thread, and a transaction here may
// await between statements; a lock makes every statement outside a
// transaction wait for it, so requests never interleave statements.
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

  return {
    dialect: 'sqlite',
    where: path,
    all: (sql, params) => locked(() => direct.all(sql, params)),
    get: (sql, params) => locked(() => direct.get(sql, params)),
    run: (sql, params) => locked(() => direct.run(sql, params)),
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return locked(async () => {
        // IMMEDIATE: take the write lock now, so another process cannot make this transaction fail halfway.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    exec: (sql) => locked(async () => void db.exec(sql)),
    close: () => locked(async () => void db.close()),
  };
}
