// npm start: install if needed, build, then serve the demo on 127.0.0.1.
// `npm start -- --port 8099` (or PORT=8099) picks another port.
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Whether node_modules holds what the lockfile names, read from npm's own
 * record of the last install (node_modules/.package-lock.json): a checkout or
 * a rebase touches package-lock.json without changing it, and reinstalling
 * then would rebuild better-sqlite3 for nothing. Optional packages for other
 * platforms are in the lockfile but never installed.
 */
function lockMatchesInstall() {
  try {
    const wanted = JSON.parse(readFileSync(at('package-lock.json'), 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(at('node_modules/.package-lock.json'), 'utf8')).packages ?? {};
    const same = (a, b) => a.version === b.version && a.resolved === b.resolved && a.integrity === b.integrity;
    for (const [path, entry] of Object.entries(wanted)) {
      if (path === '' || entry.link) continue;
      if (have[path] ? !same(entry, have[path]) : !entry.optional) return false;
    }
    return Object.keys(have).every((path) => path in wanted);
  } catch {
    return false;
  }
}

const hasLock = existsSync(at('package-lock.json'));
const installed = installedAt();
if (installed === undefined || (hasLock && installed < statSync(at('package-lock.json')).mtimeMs && !lockMatchesInstall())) {
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
