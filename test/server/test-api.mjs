// Endpoints the browser tests use to play a misbehaving server: slow, HTML
// instead of JSON, huge, dropped connections, and scripted sequences of
// responses (good, then 500, then good…). Mounted by web-test-runner only.

const scripts = new Map();
/** While set, requests for built chunks whose path matches fail with 503 (a dropped request on 3G). */
let failingChunks;
/** While set, requests for built chunks whose path matches wait until `release-chunks` (code still on its way on 3G). */
let heldChunks;
let releaseHeld = () => undefined;
let held = Promise.resolve();
const hits = new Map();
/** The last POST to each scripted endpoint, so a test can check what the browser sent. */
const lastBodies = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function respond(ctx, { status = 200, type = 'application/json', body = '', headers = {} }) {
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.status = status;
  ctx.type = type;
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
}

/** Koa middleware for `/test-api/*`. */
export async function testApi(ctx, next) {
  const url = new URL(ctx.url, 'http://test');
  if (url.pathname.startsWith('/dist/chunks/')) {
    // Never from the browser's cache: a chunk an earlier test file fetched
    // would otherwise slip past the failure injected below. web-test-runner's
    // own cache middleware sets "max-age=31536000" after ours has returned, so
    // the header is fixed as the response is written.
    const writeHead = ctx.res.writeHead;
    ctx.res.writeHead = function (...args) {
      this.setHeader('cache-control', 'no-store');
      return writeHead.apply(this, args);
    };
    if (failingChunks?.test(url.pathname)) return respond(ctx, { status: 503, type: 'text/plain', body: 'unavailable' });
    if (heldChunks?.test(url.pathname)) {
      hits.set('held-chunks', (hits.get('held-chunks') ?? 0) + 1);
      await held;
    }
    return next();
  }
  if (!url.pathname.startsWith('/test-api/')) return next();
  const [, , what, id] = url.pathname.split('/');
  switch (what) {
    case 'slow':
      await sleep(Number(url.searchParams.get('ms') ?? 5000));
      return respond(ctx, { body: {} });
    case 'html':
      return respond(ctx, { type: 'text/html', body: '<!doctype html><title>Halaman tidak ditemukan</title><p>404</p>' });
    case 'html-as-json':
      return respond(ctx, { body: '<!DOCTYPE html><html><body>Maintenance</body></html>' });
    case 'huge': {
      const big = JSON.stringify({ version: 1, padding: 'x'.repeat(3 * 1024 * 1024) });
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = Buffer.from(big);
      return;
    }
    case 'fail-chunks': {
      const pattern = url.searchParams.get('pattern');
      failingChunks = pattern ? new RegExp(pattern) : undefined;
      return respond(ctx, { body: { ok: true } });
    }
    case 'hold-chunks':
      heldChunks = new RegExp(url.searchParams.get('pattern'));
      hits.set('held-chunks', 0);
      held = new Promise((resolve) => (releaseHeld = resolve));
      return respond(ctx, { body: { ok: true } });
    case 'release-chunks':
      heldChunks = undefined;
      releaseHeld();
      return respond(ctx, { body: { ok: true } });
    case 'drop':
      ctx.req.socket.destroy();
      return;
    case 'script':
      scripts.set(id, JSON.parse(await readBody(ctx.req)));
      hits.set(id, 0);
      return respond(ctx, { body: { ok: true } });
    case 'hits':
      return respond(ctx, { body: { hits: hits.get(id) ?? 0 } });
    case 'last-body':
      return respond(ctx, { body: lastBodies.get(id) ?? null });
    case 'scripted': {
      const queue = scripts.get(id) ?? [{ status: 404, body: 'no script' }];
      const n = hits.get(id) ?? 0;
      hits.set(id, n + 1);
      const step = queue[Math.min(n, queue.length - 1)];
      if (ctx.method === 'POST') lastBodies.set(id, { method: ctx.method, url: ctx.url, body: await readBody(ctx.req) });
      if (step.delayMs) await sleep(step.delayMs);
      if (step.drop) {
        ctx.req.socket.destroy();
        return;
      }
      return respond(ctx, step);
    }
    default:
      return respond(ctx, { status: 404, body: { error: 'unknown test endpoint' } });
  }
}
