// The region data for `region` answers: the same files the browser fetches
// (dist/regions/, written by `npm run build`), read from disk on first use.
// The receiver checks that a code exists and lies in the form's scope with
// exactly the data the citizen chose from. Stored answers are never checked
// again, so a code retired by a later decree still reads in the inbox.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTRY_FILE } from '../src/form/region.js';
import { RegionStore } from '../src/form/region-store.js';

/** Beside the built receiver (dist/server/ → dist/regions/), or dist/regions/ from the sources. */
export function defaultRegionsDir(): string | undefined {
  for (const relative of ['../regions/', '../dist/regions/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, `${COUNTRY_FILE}.json`))) return dir;
  }
  return undefined;
}

/** A region store reading `<dir>/<file>.json`; a missing file means its codes do not exist. */
export function openRegions(dir: string): RegionStore {
  return new RegionStore((file) => {
    if (!/^[\w.]+$/.test(file)) return undefined;
    try {
      return JSON.parse(readFileSync(join(dir, `${file}.json`), 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  });
}
