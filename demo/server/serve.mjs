// The demo server: `node demo/server/serve.mjs [--port 8080]`.
// Serves the repository's demo/ and dist/ folders read-only on 127.0.0.1.
// No dependencies beyond Node 20+. The static part lives in static.mjs so
// that the reference submission backend can be added beside it.
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStaticHandler, sendError } from './static.mjs';

/** The repository root: two folders up from this file. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const DEFAULT_PORT = 8080;
/** How many ports after the requested one to try when it is taken. */
export const PORT_ATTEMPTS = 20;
const HOST = '127.0.0.1';

function listen(server, port) {
  return new Promise((resolvePort, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Starts the demo server on 127.0.0.1. With `port: 0` the system picks a free
 * port (for tests); otherwise, when the port is taken, the next ones are tried
 * (up to +20) and `log` says so.
 *
 * @param {object} [options]
 * @param {number} [options.port=8080] the port to listen on; 0 for any free port
 * @param {string} [options.root] the folder to serve (default: the repository root)
 * @param {(message: string) => void} [options.log] where to report a port change (default: silent)
 * @param {Array<(req, res) => boolean | Promise<boolean>>} [options.handlers]
 *   handlers tried before the static files; each returns true once it has answered
 * @returns {Promise<{ url: string, port: number, server: import('node:http').Server, close(): Promise<void> }>}
 *   `url` is the origin, e.g. `http://127.0.0.1:8080` (the demo is at `${url}/demo/`)
 */
export async function startServer({ port = DEFAULT_PORT, root = REPO_ROOT, log = () => {}, handlers = [] } = {}) {
  const serveStatic = createStaticHandler({ root });
  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split(/[?#]/)[0];
      if (path === '/' || path === '/index.html') {
        res.writeHead(302, { Location: '/demo/', 'Cache-Control': 'no-cache', 'Content-Length': 0 });
        res.end();
        return;
      }
      for (const handle of handlers) if (await handle(req, res)) return;
      if (await serveStatic(req, res)) return;
      sendError(req, res, 404);
    } catch {
      if (!res.headersSent) sendError(req, res, 500);
      else res.destroy();
    }
  });

  const first = Number(port);
  if (!Number.isInteger(first) || first < 0 || first > 65535) throw new RangeError(`Not a port number: ${port}`);
  const last = first === 0 ? 0 : Math.min(first + PORT_ATTEMPTS, 65535);
  let bound;
  for (let candidate = first; candidate <= last; candidate++) {
    try {
      bound = await listen(server, candidate);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || candidate === last) {
        if (error.code === 'EADDRINUSE') throw new Error(`Ports ${first}–${last} on ${HOST} are all in use; pass another with --port.`);
        throw error;
      }
      log(`Port ${candidate} is in use; trying ${candidate + 1}.`);
    }
  }

  return {
    url: `http://${HOST}:${bound}`,
    port: bound,
    server,
    close() {
      return new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

/** Reads `--port 8099` / `--port=8099`, then `PORT`, else the default. */
export function portFromArgs(argv = process.argv.slice(2), env = process.env) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg === '-p') return Number(argv[i + 1]);
    if (arg.startsWith('--port=')) return Number(arg.slice('--port='.length));
  }
  return env.PORT ? Number(env.PORT) : DEFAULT_PORT;
}

/** Starts the server from the command line and stops it cleanly on Ctrl-C; `handlers` go to startServer, `onClose` runs after it stops. */
export async function main({ port = portFromArgs(), handlers = [], onClose = () => {} } = {}) {
  let running;
  try {
    running = await startServer({ port, handlers, log: (message) => console.log(message) });
  } catch (error) {
    console.error(`loket demo: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
  console.log(`loket demo: ${running.url}/demo/`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    await onClose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
