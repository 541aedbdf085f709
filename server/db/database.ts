// The receiver's one way to talk to a database, whichever it is. Two drivers
// implement it: SQLite (db/sqlite.ts, the default: one file, nothing to
// install) and PostgreSQL (db/postgres.ts, when DATABASE_URL is set).
//
// SQL is written once, with `?` placeholders; the PostgreSQL driver numbers
// them ($1, $2…). Keep SQL to what both databases share: TEXT, INTEGER,
// BIGINT, `INSERT … ON CONFLICT … DO UPDATE`, `RETURNING`. Times are TEXT
// in ISO 8601 UTC with milliseconds (`Date#toISOString()`), so they sort and
// compare as text in both. Bytes go in and come out as Buffer.

/** A value a query can take. */
export type Param = string | number | null | Buffer;

/** What a transaction and the database itself can run. */
export interface Queryable {
  /** Every row. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Runs a whole SQL script (migrations); no parameters. */
  exec(sql: string): Promise<void>;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /** Where the data is, for people: a file path, or the URL without its password. */
  readonly where: string;
  /**
   * Runs `work` in one transaction: committed (durably: the SQLite WAL and
   * PostgreSQL's commit are fsynced) when it resolves, rolled back when it
   * throws. Use only `tx` inside, never the database itself.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Whether an error is a unique-constraint violation, in either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Opens the database the configuration names: PostgreSQL for a URL, else the SQLite file. */
export async function openDatabase(options: { readonly databaseUrl?: string | undefined; readonly sqliteFile: string }): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const { openSqlite } = await import('./sqlite.js');
  return openSqlite(options.sqliteFile);
}
