// The PostgreSQL driver (pg). Several receiver processes may share one
// database: everything they need to agree on (tracking numbers, idempotency
// keys, files) is in it.
import pg from 'pg';
import type { Database, Param, Queryable } from './database.js';

/** Connections per receiver process. */
export const POSTGRES_POOL_SIZE = 10;

/** `?` placeholders → `$1`, `$2`… (the receiver's SQL has no `?` inside strings). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// BIGINT (int8) and COUNT(*) as numbers rather than strings: counts and ids stay far below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** The URL with its password replaced, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function over(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async all<T>(sql: string, params: readonly Param[] = []) {
      return (await client.query({ text: numbered(sql), values: params as unknown[], types })).rows as T[];
    },
    async get<T>(sql: string, params: readonly Param[] = []) {
      return (await client.query({ text: numbered(sql), values: params as unknown[], types })).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly Param[] = []) {
      return (await client.query({ text: numbered(sql), values: params as unknown[], types })).rowCount ?? 0;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
  // An idle connection that breaks (the server restarted) must not crash the process.
  pool.on('error', () => {});
  // Fail now, with a clear message, when the database cannot be reached.
  await pool.query('SELECT 1');
  const direct = over(pool);
  return {
    dialect: 'postgres',
    where: redactUrl(url),
    ...direct,
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
