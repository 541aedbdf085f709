// Who may do what in the inbox. Two roles; a staff account may be limited to
// some forms (a front-desk clerk for building permits sees only those).

/** The roles, from most to least powerful. */
export const USER_ROLES = ['admin', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What access checks need of an account. */
export interface Staff {
  readonly id: number;
  readonly name: string;
  readonly role: UserRole;
  /** Form ids a staff account may see; `null` for every form. Admins see every form. */
  readonly forms: readonly string[] | null;
}

/** Whether the account may see and change applications of `formId`. */
export function canSeeForm(user: Staff, formId: string): boolean {
  return user.role === 'admin' || user.forms === null || user.forms.includes(formId);
}

/** Whether the account may create accounts, change roles and read the audit log. */
export function isAdmin(user: Staff): boolean {
  return user.role === 'admin';
}

/** Account names: what people type at the login, so short, lowercase, no spaces. */
export const USER_NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** Why an account name is not acceptable (Bahasa Indonesia), or `undefined`. */
export function userNameProblem(name: string): string | undefined {
  return USER_NAME.test(name) ? undefined : 'Nama akun 2–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.';
}
