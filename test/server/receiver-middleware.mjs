// The real reference receiver inside web-test-runner's server (so the test
// pages reach it same-origin on 127.0.0.1 and the runner's ephemeral port),
// with test forms whose ids select injected faults. Created on first use:
// it needs dist/, which `npm test` builds before the browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceiver } from '../../demo/server/receiver.mjs';

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
];

let receiver;
let dataDir;
const counts = new Map();

async function get() {
  if (!receiver) {
    dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
    const forms = new Proxy({}, { get: (_, id) => (typeof id === 'string' && id.startsWith('e2e-') ? e2eForm(id) : undefined) });
    receiver = await createReceiver({ dataDir, forms, faults: FAULTS });
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  }
  return receiver;
}

/** Koa middleware: `/api/…` to the receiver; `/e2e-api/receiver/{stored,requests,form}/<form>` for the tests. */
export async function receiverMiddleware(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/e2e-api/receiver/')) {
    const [, , , what, form] = path.split('/');
    const r = await get();
    ctx.type = 'application/json';
    if (what === 'form') {
      ctx.body = JSON.stringify(e2eForm(form));
      return;
    }
    ctx.body = JSON.stringify(what === 'stored' ? { count: r.records().filter((x) => x.formId === form).length, records: r.records().filter((x) => x.formId === form) } : { count: counts.get(form) ?? 0 });
    return;
  }
  if (!path.startsWith('/api/')) return next();
  const form = /^\/api\/forms\/([^/]+)\//.exec(path)?.[1];
  if (form && ctx.method !== 'OPTIONS') counts.set(form, (counts.get(form) ?? 0) + 1);
  const r = await get();
  ctx.respond = false;
  if (!(await r.handle(ctx.req, ctx.res))) {
    ctx.respond = true;
    return next();
  }
}
