// Starting the receiver (dist/server) for the Node tests, on SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { postgres } from './databases.mjs';

export const server = await import('../../dist/server/index.mjs');

/** The smallest form the receiver accepts: one text question, `nama`. */
export const ONE_QUESTION_FORM = {
  version: 1,
  id: 'uji-izin',
  title: 'Uji',
  office: { name: 'Kantor Uji' },
  help: { phone: '021 6540 123' },
  steps: [{ heading: 'Data', fields: [{ type: 'text', name: 'nama', label: 'Nama lengkap' }] }],
};
/** The password the tests give the first admin account. */
export const ADMIN_PASSWORD = 'admin kantor uji 2020';

const dirs = [];
export const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'loket-receiver-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh place for data: a SQLite folder, or a new PostgreSQL database. */
export async function freshStore(kind) {
  return kind === 'postgres' ? { databaseUrl: await (await postgres()).createDatabase() } : { dataDir: tmp() };
}

/**
 * Starts a receiver on 127.0.0.1 and a free port. `store` (from freshStore)
 * reuses a database across restarts; config keys override DEFAULTS.
 */
export async function startReceiver(kind, { store, forms, faults, now, housekeepingMs, log = () => {}, ...config } = {}) {
  const where = store ?? (await freshStore(kind));
  const app = await server.createApp({ ...server.DEFAULTS, formsDir: undefined, ...where, ...config }, { forms, faults, now, log, housekeepingMs });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, store: where, db: app.loket.db, close: () => app.close() };
}
