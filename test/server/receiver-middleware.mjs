// The real receiver (dist/server, SQLite in a temporary folder) inside
// web-test-runner's server, so the test pages reach it same-origin on
// 127.0.0.1 and the runner's ephemeral port, with test forms whose ids
// select injected faults. Created on first use: it needs dist/, which
// `npm test` builds before the browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inboxForm, inboxTestApi, storeHtmlAsPdf } from './inbox-fixtures.mjs';

/** The end-to-end test form; `id` picks the faults below. */
export function e2eForm(id) {
  return {
    version: 1,
    id,
    title: 'Uji pengiriman',
    office: { name: 'DPMPTSP Uji' },
    serviceLevel: { duration: '5 hari kerja', fee: 'Gratis' },
    help: { phone: '0811-4345-757', hours: 'Senin–Jumat, pukul 08.00–15.00 WIB' },
    submit: { endpoint: `/api/forms/${id}/submissions`, timeoutSeconds: 2, retries: 2 },
    receipt: { nextSteps: 'Petugas memeriksa berkas Anda.' },
    steps: [
      {
        heading: 'Data pemohon',
        fields: [
          { type: 'text', name: 'fullName', label: 'Nama lengkap' },
          { type: 'nik', name: 'nik', label: 'NIK', sensitive: true, optional: true },
          { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf', '.jpg', '.png'], maxSize: 2_000_000, optional: true, image: { downscaleAbove: 500_000 } },
        ],
      },
    ],
  };
}

const FAULTS = [
  { path: '/e2e-500-', action: 'error', times: 1 },
  { path: '/e2e-drop-', action: 'drop-after-store', times: 1 },
  { path: '/e2e-timeout-', action: 'hang', times: 1 },
  { path: '/e2e-slow-', action: 'delay', delayMs: 400 },
  // A full disk: the store fails at its commit and the receiver answers 500 (#10 item 6).
  { path: '/e2e-disk-', action: 'fail-store', times: 1 },
];

let ready;
const counts = new Map();

function get() {
  ready ??= (async () => {
    const server = await import('../../dist/server/index.mjs');
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    const forms = (id) => (id.startsWith('e2e-inbox') ? inboxForm(id) : id.startsWith('e2e-') ? e2eForm(id) : undefined);
    // Other ids are the demo's own forms (demo/forms/<id>.json), as `npm start` serves them.
    const formsDir = new URL('../../demo/forms/', import.meta.url).pathname;
    const app = await server.createApp({ ...server.DEFAULTS, dataDir, formsDir, passwordCost: 14 }, { forms, faults: FAULTS, log: () => {} });
    await app.ready();
    return { app, server };
  })();
  return ready;
}

/** Koa middleware: `/api/…` to the receiver; `/e2e-api/receiver/{stored,requests,form}/<form>` for the tests. */
export async function receiverMiddleware(ctx, next) {
  const path = ctx.path;
  if (path === '/e2e-api/inbox/account') {
    const { app, server } = await get();
    return inboxTestApi(ctx, server, app);
  }
  if (path === '/e2e-api/inbox/html-as-pdf') {
    const { app } = await get();
    return storeHtmlAsPdf(ctx, app);
  }
  if (path.startsWith('/e2e-api/receiver/')) {
    const [, , , what, form] = path.split('/');
    ctx.type = 'application/json';
    if (what === 'form') {
      ctx.body = JSON.stringify(e2eForm(form));
      return;
    }
    if (what === 'stored') {
      const { app, server } = await get();
      const records = await server.listSubmissions(app.loket.db, { formId: form, limit: 1000 });
      ctx.body = JSON.stringify({ count: records.length, records });
      return;
    }
    ctx.body = JSON.stringify({ count: counts.get(form) ?? 0 });
    return;
  }
  // The receiver's API, and the staff inbox (/petugas/).
  if (!path.startsWith('/api/') && !path.startsWith('/petugas/')) return next();
  const form = /^\/api\/forms\/([^/]+)\//.exec(path)?.[1];
  if (form && ctx.method !== 'OPTIONS') counts.set(form, (counts.get(form) ?? 0) + 1);
  const { app } = await get();
  ctx.respond = false;
  // Koa starts every response at 404, and Fastify's reply takes its default status from the raw response.
  ctx.res.statusCode = 200;
  app.routing(ctx.req, ctx.res);
}
