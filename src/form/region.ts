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

/** A data file as it was read, before it is trusted. */
type FileJson = { code?: unknown; names?: unknown; children?: unknown };

/**
 * The region data loaded so far: files are added as they arrive (fetched in
 * the browser, read from disk in Node through `read`). Never throws on a
 * malformed file: `add` says whether it was usable.
 */
export class RegionStore implements RegionLookup {
  private readonly units = new Map<string, string>();
  private readonly lists = new Map<string, RegionUnit[]>();
  private readonly files = new Map<string, boolean>();

  /** `read` (Node): returns a file's parsed JSON synchronously, `undefined` when there is no such file. */
  constructor(private readonly read?: (file: string) => unknown) {}

  /** Whether a file was added (or found missing, with a synchronous reader). */
  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Adds a data file; `false` when it is not a region file. */
  add(file: string, json: unknown): boolean {
    const data = (json ?? {}) as FileJson;
    if (typeof data.code !== 'string' || !Array.isArray(data.names) || !Array.isArray(data.children)) return false;
    const code = data.code;
    let at = code;
    for (const name of [...data.names].reverse()) {
      if (typeof name === 'string' && at) this.units.set(at, name);
      at = regionParent(at);
    }
    const list: RegionUnit[] = [];
    for (const child of data.children as unknown[]) {
      if (!Array.isArray(child) || typeof child[0] !== 'string' || typeof child[1] !== 'string') continue;
      const [childCode, name, grandchildren] = child as [string, string, unknown];
      list.push({ code: childCode, name });
      this.units.set(childCode, name);
      if (!Array.isArray(grandchildren)) continue;
      const villages: RegionUnit[] = [];
      for (const v of grandchildren) {
        if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
          villages.push({ code: `${childCode}.${v[0]}`, name: v[1] });
          this.units.set(`${childCode}.${v[0]}`, v[1]);
        }
      }
      this.lists.set(childCode, villages);
    }
    this.lists.set(code, list);
    this.files.set(file, true);
    return true;
  }

  /** Whether a file was found not to exist. */
  isMissing(file: string): boolean {
    return this.files.get(file) === false;
  }

  /** Records that a file does not exist (a 404): codes it would hold do not exist. */
  markMissing(file: string): void {
    if (!this.files.has(file)) this.files.set(file, false);
  }

  /** `true` loaded, `false` missing, `undefined` not known yet; a synchronous reader is asked once. */
  private state(file: string): boolean | undefined {
    if (!this.files.has(file) && this.read) {
      const json = this.read(file);
      if (json === undefined || !this.add(file, json)) this.files.set(file, false);
    }
    return this.files.get(file);
  }

  /** The children of a unit (`''` for the provinces), `undefined` while its file is not loaded. */
  children(parent: string): readonly RegionUnit[] | undefined {
    const state = this.state(regionFileOf(parent));
    if (state === undefined) return undefined;
    return this.lists.get(parent) ?? [];
  }

  /** The name of one unit, if its file is loaded. */
  name(code: string): string | undefined {
    return this.units.get(code);
  }

  names(code: string): readonly string[] | null | undefined {
    if (!isRegionCode(code)) return null;
    // Every file names its own unit and its parents, so a known code has its whole chain.
    const known = this.chain(code);
    if (known) return known;
    const state = this.state(regionFileOf(regionParent(code)));
    if (state === undefined) return undefined;
    return (state && this.chain(code)) || null;
  }

  private chain(code: string): string[] | undefined {
    const chain: string[] = [];
    for (let at = code; at; at = regionParent(at)) {
      const name = this.units.get(at);
      if (name === undefined) return undefined;
      chain.unshift(name);
    }
    return chain;
  }
}
