// `loket preview`: a small local server (127.0.0.1 only) for one document.
// It serves a static page and script (no inline script, a strict CSP like a
// regency's site might set), the package's built dist/ under /loket/, the
// document itself fresh on every request, and a Server-Sent Events stream
// that says "changed" whenever the file is saved.
import { createServer } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { watch } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const CSP = ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'"].join('; ');
const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': CSP };
const HERE = new URL('./', import.meta.url).pathname;

/** Listens on the first free port from `port` on (up to `tries` ports); resolves with the port. */
function listen(server, port, tries = 20) {
  return new Promise((done, fail) => {
    const attempt = (p) => {
      const onError = (error) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' && p < Math.min(port + tries - 1, 65535)) attempt(p + 1);
        else fail(new Error(`cannot listen on 127.0.0.1:${p} (${error.code})`));
      };
      const onListening = () => {
        server.off('error', onError);
        done(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    };
    attempt(port);
  });
}

/** Starts the preview; resolves with `{ server, port, url, close }` once it listens. */
export async function startPreview({ file, format, port, lang, pkgRoot, quiet = false }) {
  const dist = resolve(pkgRoot, 'dist');
  const clients = new Set();
  let revision = 0;

  const send = (res, status, type, body) => {
    res.writeHead(status, { ...HEADERS, 'Content-Type': type });
    res.end(body);
  };

  const serveFile = async (res, path) => {
    try {
      send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', await readFile(path));
    } catch {
      send(res, 404, TYPES['.json'], '{"error":"not found"}');
    }
  };

  const respond = async (req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    switch (url.pathname) {
      case '/':
        return serveFile(res, join(HERE, 'index.html'));
      case '/preview.js':
      case '/preview.css':
        return serveFile(res, join(HERE, url.pathname.slice(1)));
      case '/info.json':
        return send(res, 200, TYPES['.json'], JSON.stringify({ element: format.element, kind: format.kind, file: basename(file), lang, revision }));
      case '/document.json':
        // The bytes as saved, even when broken: the widget's own error panel reports it.
        return serveFile(res, file);
      case '/events':
        res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(`retry: 1000\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return undefined;
    }
    if (url.pathname.startsWith('/loket/')) {
      // The package's built widgets; never anything outside dist/.
      let decoded;
      try {
        decoded = decodeURIComponent(url.pathname.slice('/loket'.length));
      } catch {
        // A malformed percent-escape (`%ff`): the request is wrong, not the server.
        return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
      }
      const path = resolve(dist, `.${decoded}`);
      const real = await realpath(path).catch(() => undefined);
      if (real && (real === dist || real.startsWith(dist + sep))) return serveFile(res, real);
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  };

  // An error in one request must never end the preview: answer it and carry on.
  const server = createServer((req, res) => {
    respond(req, res).catch((error) => {
      if (!quiet) console.error(`loket preview: ${req.method} ${req.url}: ${error?.message ?? error}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  // Editors save by writing in place or by renaming a temporary file over the
  // original, so watch the folder and match the name; several events arrive
  // per save, so wait for them to settle.
  let timer;
  const watcher = watch(dirname(file), (_event, name) => {
    if (name && name !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      revision++;
      for (const client of clients) client.write(`data: ${revision}\n\n`);
      if (!quiet) console.log(`${new Date().toLocaleTimeString('en-GB')} ${basename(file)} changed; re-rendered`);
    }, 60);
  });

  const first = port;
  let actual;
  try {
    actual = await listen(server, port);
  } catch (error) {
    watcher.close();
    throw Object.assign(error, { user: true });
  }
  const url = `http://127.0.0.1:${actual}/`;
  if (!quiet) {
    if (first !== 0 && actual !== first) console.log(`Port ${first} is in use; using ${actual} instead.`);
    console.log(`Previewing ${basename(file)} (${format.kind}) at ${url}\nSave the file to re-render; Ctrl-C to stop.`);
  }
  const close = () => {
    watcher.close();
    clearTimeout(timer);
    for (const client of clients) client.end();
    server.close();
  };
  process.once('SIGINT', () => {
    close();
    process.exit(0);
  });
  return { server, port: actual, url, close };
}
