// Imports TypeScript modules of server/ in Node tests: esbuild bundles each
// entry (our code only; packages stay imports) into a temporary folder.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../helpers.mjs';

/** `{ password: module, … }` for `server/inbox/password.ts` and the others named. */
export async function importTs(paths) {
  const out = mkdtempSync(join(root, 'node_modules', '.loket-ts-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  // Named entries: one flat folder even when the modules come from different folders.
  await build({ entryPoints: Object.fromEntries(paths.map((p) => [basename(p, '.ts'), join(root, p)])), bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: out, packages: 'external', logLevel: 'error' });
  const modules = {};
  for (const p of paths) {
    const name = basename(p, '.ts');
    modules[name] = await import(pathToFileURL(join(out, `${name}.js`)).href);
  }
  return modules;
}
