// Creating accounts outside the page: the first admin from the command line
// (`loket user add --admin budi`), and the demo's account.
import type { Database } from '../db/database.js';
import { isUniqueViolation } from '../db/database.js';
import * as data from '../data/inbox.js';
import { userNameProblem, type UserRole } from './access.js';
import { DEFAULT_COST, hashPassword, passwordProblem, type ScryptCost } from './password.js';

/** A new account's details. */
export interface AccountInput {
  readonly name: string;
  readonly displayName?: string;
  readonly password: string;
  readonly role: UserRole;
  /** Form ids for a staff account limited to some forms; null or absent: every form. */
  readonly forms?: readonly string[] | null;
}

/** Creates an account; resolves to its id, or a message (Bahasa Indonesia) saying why not. */
export async function addAccount(db: Database, input: AccountInput, at: Date = new Date(), cost: ScryptCost = DEFAULT_COST): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  const name = input.name.trim().toLowerCase();
  const problem = userNameProblem(name) ?? passwordProblem(input.password);
  if (problem) return { ok: false, message: problem };
  try {
    const id = await data.insertUser(db, {
      name,
      displayName: input.displayName?.trim() || name,
      passwordHash: await hashPassword(input.password, cost),
      role: input.role,
      forms: input.role === 'admin' ? null : (input.forms ?? null),
      createdBy: null,
      at: at.toISOString(),
    });
    await data.insertAudit(db, { at: at.toISOString(), userId: null, userName: '(baris perintah)', action: 'create-user', detail: `${name} (${input.role})` });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: `Nama akun "${name}" sudah dipakai.` };
    throw error;
  }
}

/** How many accounts exist (the demo creates its own only when there is none). */
export const countAccounts = (db: Database) => data.countUsers(db);
