// Indonesian identifiers as INDONESIA.md gives them. Hard errors block; what
// is uncertain (a NIK that disagrees with the birth date, which exists and
// cannot be corrected) is only ever a warning, decided by the caller.

/** Identifier kinds with a fixed digit format. Phones live in phone.ts. */
export const IDENTIFIER_KINDS = ['nik', 'npwp', 'nib', 'kbli', 'postal-code'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Why an identifier is rejected: wrong length or not digits, or (NIK only) an impossible part. */
export const IDENTIFIER_ERRORS = ['digits', 'province', 'birthDate', 'serial'] as const;
export type IdentifierError = (typeof IDENTIFIER_ERRORS)[number];

/**
 * The 38 province codes of Kemendagri (the code system NIKs use; BPS numbers
 * Papua differently): 91 Papua, 92 Papua Barat, and the 2022 splits 93 Papua
 * Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya.
 */
export const PROVINCE_CODES = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

/** How many digits each kind has; NPWP has two valid lengths (old 15, new 16). */
export const IDENTIFIER_LENGTHS: Readonly<Record<IdentifierKind, readonly number[]>> = {
  nik: [16],
  npwp: [15, 16],
  nib: [13],
  kbli: [5],
  'postal-code': [5],
};

/** Removes the spaces, dots and hyphens people type or paste (`32.01.01-…`, `01.234.567.8-901.000`). Idempotent. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s.\-\u00a0]/g, '');
}

/** The result of checking an identifier: the normalized digits, and the reason when it must be rejected. */
export interface IdentifierCheck {
  /** The value with separators removed: what is stored and sent. */
  readonly value: string;
  /** Set when the value must be rejected. */
  readonly error?: IdentifierError;
}

/** Checks an identifier of a fixed-length kind; for a NIK also the province, date and serial parts. */
export function checkIdentifier(kind: IdentifierKind, input: string): IdentifierCheck {
  const value = normalizeIdentifier(input);
  if (!/^\d+$/.test(value) || !IDENTIFIER_LENGTHS[kind].includes(value.length)) return { value, error: 'digits' };
  if (kind !== 'nik') return { value };
  const error = nikPartError(value);
  return error ? { value, error } : { value };
}

function nikPartError(nik: string): IdentifierError | undefined {
  if (!(PROVINCE_CODES as readonly string[]).includes(nik.slice(0, 2))) return 'province';
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  // Women's NIKs add 40 to the birth day, so 41–71 is as valid as 01–31.
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) || month < 1 || month > 12) return 'birthDate';
  if (nik.slice(12) === '0000') return 'serial';
  return undefined;
}

/** A calendar date as the form collects it (numbers, month 1–12). */
export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Whether a well-formed NIK's date part agrees with a birth date (day, month
 * and the last two digits of the year). Used for a warning only: the inferred
 * date is personal data (UU PDP) and is never shown.
 */
export function nikMatchesBirthDate(nik: string, date: BirthDate): boolean {
  const digits = normalizeIdentifier(nik);
  const day = Number(digits.slice(6, 8)) % 40;
  return day === date.day && Number(digits.slice(8, 10)) === date.month && Number(digits.slice(10, 12)) === date.year % 100;
}

/** Whether a well-formed NIK's sex marker (day + 40 for women) agrees with the answered sex. */
export function nikMatchesSex(nik: string, female: boolean): boolean {
  return Number(normalizeIdentifier(nik).slice(6, 8)) > 40 === female;
}
