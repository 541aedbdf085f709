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
// The receiver (server/, built into dist/server) answers /api/… beside the
// demo, so the demo's forms really submit somewhere: the forms are read from
// demo/forms/<id>.json, the data goes to a SQLite file in .loket-data/
// (git-ignored). LOKET_RECEIVER_TOKEN turns on the listing and export.
const { createApp, DEFAULTS, demoAccount, sqliteFileOf } = await import('../dist/server/index.mjs');
const config = { ...DEFAULTS, formsDir: at('demo/forms'), dataDir: at('.loket-data'), token: process.env.LOKET_RECEIVER_TOKEN || undefined };
const receiver = await createApp(config, { log: (line) => console.log(line) });
await receiver.ready();
/** `/api/…` and the staff inbox `/petugas/` go to the receiver; everything else to the demo's static files. */
const toReceiver = (req, res) => {
  const url = req.url ?? '';
  if (!url.startsWith('/api/') && url !== '/petugas' && !url.startsWith('/petugas/')) return false;
  receiver.routing(req, res);
  return true;
};
const running = await main({ port: portFromArgs(), handlers: [toReceiver], onClose: () => receiver.close() });
if (running) {
  console.log(`loket receiver: ${running.url}/api/forms/<form>/submissions`);
  console.log(`  forms: ${config.formsDir} (add <id>.json there)`);
  console.log(`  data:  ${sqliteFileOf(config)}`);
  // The demo's staff login: made on the first start, in the demo's data folder only (loket serve never makes one).
  const login = await demoAccount(receiver.loket.db, at('.loket-data/akun-demo.txt'));
  console.log(`loket kotak masuk petugas: ${running.url}/petugas/`);
  console.log(login.password ? `  akun demo: ${login.name} / ${login.password}` : '  akun: npx loket user add --admin <nama> --data .loket-data');
}
