// The demo's static file server, as a request handler with no dependencies.
// It serves a fixed set of folders under a root, read-only, and nothing else:
// the reference submission backend can sit in front of it in the same process.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Content types by file extension; anything else is served as bytes. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/**
 * The policy every HTML page is served with. Widgets must work under it: no
 * inline scripts and no eval. `<script type="application/json">` data blocks
 * are not scripts, so CSP leaves them alone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const COMMON_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorPage(status, title, message) {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status} ${escapeHtml(title)} — loket demo</title>
<link rel="stylesheet" href="/demo/site.css">
</head>
<body>
<main id="isi" class="container error-page">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/demo/">Kembali ke beranda</a></p>
</main>
</body>
</html>
`;
}

const PAGES = {
  400: ['Permintaan tidak sah', 'Alamat yang diminta tidak dapat dibaca.'],
  403: ['Akses ditolak', 'Alamat ini berada di luar folder yang disajikan.'],
  404: ['Halaman tidak ditemukan', 'Halaman yang Anda cari tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.'],
  405: ['Metode tidak diizinkan', 'Server demo ini hanya melayani permintaan GET dan HEAD.'],
  500: ['Terjadi galat di server', 'Server tidak dapat membaca berkas ini.'],
};

/** Sends a small HTML error page (Indonesian, like the rest of the demo). */
export function sendError(req, res, status, headers = {}) {
  const [title, message] = PAGES[status] ?? PAGES[500];
  const body = errorPage(status, title, message);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES['.html'],
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Turns a request path into a path relative to the root, or a status code.
 * Rejects anything that could step outside: `..` or `.` segments (raw or
 * percent-encoded, once or twice), backslashes, NUL, and malformed escapes.
 */
export function safeRelativePath(pathname) {
  if (!pathname.startsWith('/')) return 400;
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  // A second decoding step must not reveal anything dangerous either: some
  // proxies decode once more, and `%252e%252e` is a classic smuggling trick.
  let twice = decoded;
  try {
    twice = decodeURIComponent(decoded);
  } catch {
    // Not decodable again: the single decoding is what we check.
  }
  for (const candidate of [pathname, decoded, twice]) {
    if (candidate.includes('\0') || candidate.includes('\\')) return 400;
    const segments = candidate.split('/');
    if (segments.some((s) => s === '..' || s === '.')) return 403;
  }
  // Dot-files and dot-folders (.git, .env) are never served.
  if (decoded.split('/').some((s) => s.startsWith('.'))) return 404;
  return decoded.slice(1);
}

/**
 * A handler that serves files under `root`, limited to the URL prefixes in
 * `mounts` (folders of the root, e.g. `/demo/`, `/dist/`). It resolves
 * every path and its real path (symlinks) and checks that both stay inside
 * the root. Returns `false` for requests it does not own so that a caller can
 * chain another handler; `true` once it has answered.
 */
export function createStaticHandler({ root, mounts = ['/demo/', '/dist/'] }) {
  const rootPath = resolve(root);
  let realRoot;
  const inside = (base, path) => path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);

  return async function handleStatic(req, res) {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendError(req, res, 400);
      return true;
    }
    // Decide on the path as sent, not on the URL parser's normalized form: a
    // request with `..` in it is refused, never quietly resolved elsewhere.
    const raw = req.url?.startsWith('/') ? req.url.split(/[?#]/)[0] : url.pathname;
    const pathname = raw;
    const mount = mounts.find((m) => pathname === m.slice(0, -1) || pathname.startsWith(m));
    if (!mount) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(req, res, 405, { Allow: 'GET, HEAD' });
      return true;
    }
    const relative = safeRelativePath(pathname);
    if (typeof relative === 'number') {
      sendError(req, res, relative);
      return true;
    }
    const file = resolve(rootPath, relative);
    if (!inside(rootPath, file)) {
      sendError(req, res, 403);
      return true;
    }
    try {
      realRoot ??= await realpath(rootPath);
      let real = await realpath(file);
      if (!inside(realRoot, real)) {
        sendError(req, res, 403);
        return true;
      }
      let info = await stat(real);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          // Redirect so that the page's relative links resolve inside the folder.
          res.writeHead(301, { ...COMMON_HEADERS, Location: `${pathname}/${url.search}`, 'Content-Length': 0 });
          res.end();
          return true;
        }
        real = await realpath(resolve(real, 'index.html'));
        if (!inside(realRoot, real)) {
          sendError(req, res, 403);
          return true;
        }
        info = await stat(real);
      }
      if (!info.isFile()) {
        sendError(req, res, 404);
        return true;
      }
      sendFile(req, res, real, info);
    } catch (error) {
      sendError(req, res, error?.code === 'ENOENT' || error?.code === 'ENOTDIR' ? 404 : 500);
    }
    return true;
  };
}

function sendFile(req, res, path, info) {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = { ...COMMON_HEADERS, 'Content-Type': type, ETag: etag, 'Last-Modified': info.mtime.toUTCString() };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  // `no-cache` means "revalidate": a matching ETag answers 304 without the body.
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
