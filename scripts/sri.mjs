// Writes dist/sri.json: the package version and the Subresource Integrity
// hash of the script-tag loader (dist/loket.js), for pinned snippets
// (demo/sematan.html). Integrity on the loader covers the loader only: the
// widget chunks it imports later are fetched by import(), which takes no
// integrity, so their hashes are listed for reference, not enforced.
// Called by scripts/build.mjs with its staging folder.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** `sha384-…` of a file's bytes, as the `integrity` attribute wants it. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

export function writeSri(dist) {
  const chunks = Object.fromEntries(
    readdirSync(`${dist}/chunks`)
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => [`chunks/${name}`, integrityOf(readFileSync(`${dist}/chunks/${name}`))]),
  );
  const sri = { version, 'loket.js': integrityOf(readFileSync(`${dist}/loket.js`)), chunks };
  writeFileSync(`${dist}/sri.json`, `${JSON.stringify(sri, null, 2)}\n`);
  return sri;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(writeSri(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)['loket.js']);
}
