// Builds the receiver (server/, TypeScript) into <out>/server/*.mjs with
// esbuild: loket's own code (server/ and the shared src/ validator) bundled,
// npm packages left as imports; the SQL migrations copied beside it.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;

export async function buildServer(out) {
  await build({
    absWorkingDir: root,
    // The SQLite checkpoint worker is an entry of its own: a worker thread loads it by file.
    entryPoints: { index: 'server/index.ts', 'sqlite-checkpoints': 'server/db/sqlite-checkpoints.ts' },
    outdir: `${out}/server`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(`${root}server/migrations`, `${out}/server/migrations`, { recursive: true });
}
