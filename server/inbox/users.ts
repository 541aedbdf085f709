// Creating accounts outside the page: the first admin from the command line
// (`loket user add --admin budi`), and the demo's account.
import type { Database } from '../db/database.js';
import { isUniqueViolation } from '../db/database.js';
import * as data from '../data/inbox.js';
import { FORM_ID } from '../forms.js';
import { USER_ROLES, userNameProblem, type UserRole } from './access.js';
import { DEFAULT_COST, hashPassword, passwordProblem, type ScryptCost } from './password.js';

/** A new account's details, as the command line or an admin's request gives them. */
export interface AccountInput {
  readonly name: string;
  readonly displayName?: string;
  readonly password: string;
  readonly role: UserRole;
  /** Form ids for a staff account limited to some forms; null or absent: every form. */
  readonly forms?: readonly string[] | null;
}

/** Who creates the account: an admin (audited by name), or absent for the command line and the demo. */
export interface Creator {
  readonly id: number;
  readonly name: string;
}

/** Why an account's `forms` cannot be used: null (every form) or at most 200 form ids. */
export function formsProblem(value: unknown): string | undefined {
  const ok = value === null || (Array.isArray(value) && value.length <= 200 && value.every((f) => typeof f === 'string' && FORM_ID.test(f)));
  return ok ? undefined : 'Daftar formulir tidak valid.';
}

/** Why a display name cannot be used; an absent one becomes the account name. */
export function displayNameProblem(value: string): string | undefined {
  return value.length < 1 || value.length > 100 ? 'Isi nama lengkap (paling panjang 100 karakter).' : undefined;
}

/**
 * Creates an account after every check the staff page makes: the command line,
 * the demo and an admin's request all come through here. Resolves to its id,
 * or a message (Bahasa Indonesia) saying why not; `taken` when the name is in use.
 */
export async function addAccount(
  db: Database,
  input: AccountInput,
  at: Date = new Date(),
  cost: ScryptCost = DEFAULT_COST,
  creator?: Creator,
): Promise<{ ok: true; id: number } | { ok: false; message: string; taken?: true }> {
  const name = input.name.trim().toLowerCase();
  const displayName = input.displayName === undefined ? name : input.displayName.trim();
  const forms = input.forms ?? null;
  const problem =
    userNameProblem(name) ??
    displayNameProblem(displayName) ??
    passwordProblem(input.password) ??
    (!(USER_ROLES as readonly unknown[]).includes(input.role) ? 'Peran harus admin atau petugas.' : undefined) ??
    formsProblem(forms);
  if (problem) return { ok: false, message: problem };
  try {
    const id = await data.insertUser(db, {
      name,
      displayName,
      passwordHash: await hashPassword(input.password, cost),
      role: input.role,
      forms: input.role === 'admin' ? null : forms,
      createdBy: creator?.id ?? null,
      at: at.toISOString(),
    });
    await data.insertAudit(db, { at: at.toISOString(), userId: creator?.id ?? null, userName: creator?.name ?? '(baris perintah)', action: 'create-user', detail: `${name} (${input.role})` });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: `Nama akun "${name}" sudah dipakai.`, taken: true };
    throw error;
  }
}

/** How many accounts exist (the demo creates its own only when there is none). */
export const countAccounts = (db: Database) => data.countUsers(db);
