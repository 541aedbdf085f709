// npm start: install if needed, build, then serve the demo on 127.0.0.1.
// `npm start -- --port 8099` (or PORT=8099) picks another port.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Windows can only start npm.cmd through a shell.
const options = { cwd: root, shell: process.platform === 'win32' };

/**
 * When node_modules was last brought in line with the lockfile: npm rewrites
 * node_modules/.package-lock.json on every install, so its time is the best
 * mark; the folder's own time is the fallback.
 */
function installedAt() {
  for (const path of ['node_modules/.package-lock.json', 'node_modules']) {
    if (existsSync(at(path))) return statSync(at(path)).mtimeMs;
  }
  return undefined;
}

const hasLock = existsSync(at('package-lock.json'));
const installed = installedAt();
if (installed === undefined || (hasLock && installed < statSync(at('package-lock.json')).mtimeMs)) {
  const command = hasLock ? 'ci' : 'install';
  console.log(installed === undefined ? `node_modules is missing: npm ${command}` : `package-lock.json is newer than node_modules: npm ${command}`);
  run(npm, [command], options);
}

run(process.execPath, [at('scripts/build.mjs')], options);

// The server stops cleanly on Ctrl-C (SIGINT) and SIGTERM.
const { main, portFromArgs } = await import('../demo/server/serve.mjs');
// The reference receiver answers /api/… beside the demo, so the demo's forms
// really submit somewhere; its data stays in .loket-data/ (git-ignored).
const { createReceiver } = await import('../demo/server/receiver.mjs');
const receiver = await createReceiver({ dataDir: at('.loket-data/receiver'), token: process.env.LOKET_RECEIVER_TOKEN || undefined, log: (line) => console.log(line) });
const running = await main({ port: portFromArgs(), handlers: [receiver.handle], onClose: () => receiver.close() });
if (running) console.log(`loket receiver: ${running.url}/api/forms/<form>/submissions (data in .loket-data/receiver)`);
