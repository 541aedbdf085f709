// The region data in Node: the files `npm run build` writes to dist/regions/,
// read from disk on first use (one regency's file is a few KB), for the
// `loket validate` command and for servers that validate region answers with
// the same data the browser used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DIR = fileURLToPath(new URL('../dist/regions/', import.meta.url));

/**
 * A RegionStore (from the built `loket` library, `lib`) reading `<dir>/<file>.json`;
 * a missing file means its codes do not exist. Throws when the folder itself
 * is missing: validating without data would pass codes that do not exist.
 */
export function openRegionData(lib, dir = DEFAULT_DIR) {
  readFileSync(join(dir, `${lib.COUNTRY_FILE}.json`));
  return new lib.RegionStore((file) => {
    if (!/^[\w.]+$/.test(file)) return undefined;
    try {
      return JSON.parse(readFileSync(join(dir, `${file}.json`), 'utf8'));
    } catch (error) {
      if (error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  });
}
