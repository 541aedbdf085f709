// npm run build: declarations with tsc, bundles with rollup, the receiver with esbuild. Builds into a
// fresh folder and swaps it in, so tests running meanwhile never see half a dist/.
import { renameSync, rmSync } from 'node:fs';
import { bin } from './run.mjs';
import { writeManifest } from './manifest.mjs';
import { writeRegions } from './regions.mjs';
import { writeSchemas } from './schemas.mjs';
import { buildServer } from './server.mjs';
import { writeSri } from './sri.mjs';

const root = new URL('../', import.meta.url).pathname;
const staging = `.build-${process.pid}`;
rmSync(`${root}${staging}`, { recursive: true, force: true });
try {
  bin('tsc', ['-p', 'tsconfig.build.json', '--outDir', `${staging}/types`], { cwd: root });
  bin('rollup', ['-c', 'rollup.config.mjs', '--silent'], { cwd: root, env: { ...process.env, LOKET_DIST: staging } });
  await buildServer(`${root}${staging}`);
  await writeSchemas(`${root}${staging}`);
  writeRegions(`${root}${staging}`);
  writeManifest(`${root}${staging}`);
  writeSri(`${root}${staging}`);
  rmSync(`${root}dist.old-${process.pid}`, { recursive: true, force: true });
  try {
    renameSync(`${root}dist`, `${root}dist.old-${process.pid}`);
  } catch {
    // No earlier build.
  }
  renameSync(`${root}${staging}`, `${root}dist`);
  rmSync(`${root}dist.old-${process.pid}`, { recursive: true, force: true });
} finally {
  rmSync(`${root}${staging}`, { recursive: true, force: true });
}
console.log('✓ built dist/');
