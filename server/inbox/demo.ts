// The demo's staff login (`npm start` only, never `loket serve`): on the
// first start, when the demo's database has no account, an admin "demo" with
// a random password is created and the login is kept beside the demo's data
// (.loket-data/, git-ignored), so every later start can print it again.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Database } from '../db/database.js';
import { addAccount, countAccounts } from './users.js';

export interface DemoLogin {
  readonly name: string;
  /** Undefined when the accounts were made otherwise (loket user add) and no demo login is kept. */
  readonly password: string | undefined;
}

/** The demo's login, creating it the first time. `file` holds `name\npassword`. */
export async function demoAccount(db: Database, file: string): Promise<DemoLogin> {
  if (existsSync(file)) {
    const [name = 'demo', password] = readFileSync(file, 'utf8').split('\n');
    return { name, password: password || undefined };
  }
  if ((await countAccounts(db)) > 0) return { name: 'demo', password: undefined };
  // Four groups of lowercase letters and digits: easy to type from the terminal.
  const password = randomBytes(12).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').match(/.{4}/g)!.join('-');
  const made = await addAccount(db, { name: 'demo', displayName: 'Petugas Demo', password, role: 'admin' });
  if (!made.ok) throw new Error(made.message);
  writeFileSync(file, `demo\n${password}\n`, { mode: 0o600 });
  return { name: 'demo', password };
}
