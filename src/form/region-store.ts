import { isRegionCode, regionFileOf, regionParent, type RegionLookup, type RegionUnit } from './region.js';

// Apart from region.ts: only the searchable region fields and the server
// load region data, so the form's first screen does not download this.

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
