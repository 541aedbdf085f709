// Shared by the Node-side tests: where the build is, and the demo documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = join(root, 'dist');

/** The built library (`dist/esm/index.js`), as npm consumers and the CLI get it. */
export const lib = () => import(new URL('../../dist/esm/index.js', import.meta.url).href);

// Folders of demo/ that are not documents (data such as option lists), or are broken on purpose.
const NOT_DOCUMENTS = new Set(['broken', 'server', 'data']);

/** Every JSON document under demo/ (not examples.json, not the broken ones): `{ file, json }`. */
export function demoDocuments(dir = join(root, 'demo')) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_DOCUMENTS.has(entry.name)) out.push(...demoDocuments(path));
    } else if (entry.name.endsWith('.json') && entry.name !== 'examples.json') {
      out.push({ file: relative(root, path), json: JSON.parse(readFileSync(path, 'utf8')) });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `check()` (sync or async) is truthy, polling every `everyMs`;
 * fails naming `what` after `timeoutMs` instead of hanging the suite. Waits
 * for a state, never asserts a duration.
 */
export async function until(check, what, timeoutMs = 60_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
