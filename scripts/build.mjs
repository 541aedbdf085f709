// npm run build: declarations with tsc, bundles with rollup.
import { rmSync } from 'node:fs';
import { bin } from './run.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
bin('tsc', ['-p', 'tsconfig.build.json']);
bin('rollup', ['-c', 'rollup.config.mjs', '--silent']);
console.log('✓ built dist/');
