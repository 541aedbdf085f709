// npm test: type-check, build (the loader tests load dist/loket.js), then the
// browser tests in Chromium, then the Node tests (test/node/). CHROME_PATH overrides the browser.
import { existsSync } from 'node:fs';
import { bin, run } from './run.mjs';

if (!existsSync(new URL('../node_modules/.bin/web-test-runner', import.meta.url))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(`Chromium not found at ${chrome}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}

bin('tsc', ['--noEmit', '-p', 'tsconfig.json']);
bin('tsc', ['--noEmit', '-p', 'server/tsconfig.json']);
console.log('✓ types');
await import('./build.mjs');
bin('web-test-runner', ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], { env: { ...process.env, CHROME_PATH: chrome } });
// Node-side tests (the JSON Schemas, the loket command) against the built dist/.
run(process.execPath, ['--test', '--test-reporter=spec', 'test/node/']);
