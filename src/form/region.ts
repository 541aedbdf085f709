// Indonesian administrative regions by Kemendagri code: province `51`,
// regency/city `51.02`, district (kecamatan) `51.02.01`, village
// (desa/kelurahan) `51.02.01.2001`. No UI here: the code rules the format,
// the validator and conditions share, and the store that reads the data
// files built by scripts/regions.mjs, in the browser and in Node alike.

/** The levels of the Kemendagri code, from the top. */
export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A Kemendagri code of any level, with dots: `51`, `51.02`, `51.02.01`, `51.02.01.2001`. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** The name of the data file listing the provinces. */
export const COUNTRY_FILE = 'indonesia';

/** A region answer: the code and the names from the province down, as the citizen chose them. */
export interface RegionAnswer {
  readonly code: string;
  readonly names: readonly string[];
}

/** Whether a string is a well-formed Kemendagri code (it may still not exist). */
export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/** The level of a well-formed code; `undefined` for anything else. */
export function regionLevel(code: string): RegionLevel | undefined {
  return isRegionCode(code) ? REGION_LEVELS[code.split('.').length - 1] : undefined;
}

/** Whether `code` is `scope` itself or lies inside it; every code lies inside the empty scope (the whole country). */
export function regionWithin(code: string, scope: string): boolean {
  return scope === '' || code === scope || code.startsWith(`${scope}.`);
}

/** The parent of a code (`51.02.01` → `51.02`); the empty string for a province. */
export function regionParent(code: string): string {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? '' : code.slice(0, dot);
}

/** The data file that lists a unit's children: the country file for the provinces, the regency's file for districts and villages. */
export function regionFileOf(parent: string): string {
  if (parent === '') return COUNTRY_FILE;
  const level = regionLevel(parent);
  return level === 'district' || level === 'village' ? parent.slice(0, 5) : parent;
}

/** The code of a region answer (`{ code, names }`, or a bare code string); empty when there is none. */
export function regionCodeOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'code')) {
    const code = (value as { code: unknown }).code;
    return typeof code === 'string' ? code.trim() : '';
  }
  return '';
}

/** The names stored with a region answer, if it has a list of strings. */
export function regionNamesOf(value: unknown): string[] | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'names')) return undefined;
  const names = (value as { names: unknown }).names;
  return Array.isArray(names) && names.every((n) => typeof n === 'string') ? (names as string[]) : undefined;
}

/**
 * What the validator asks of region data: the names of a code from its
 * province down, `null` when the code does not exist, `undefined` when the
 * data that would say is not loaded (yet).
 */
export interface RegionLookup {
  names(code: string): readonly string[] | null | undefined;
}

/** One unit in a list: its code and name. */
export interface RegionUnit {
  readonly code: string;
  readonly name: string;
}
