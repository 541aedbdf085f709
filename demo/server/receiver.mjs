// The reference receiver: a small submission backend a regency office can
// run as it is, and the server the end-to-end tests submit to.
//
//   node demo/server/receiver.mjs --port 8090 --data ./data \
//        --origin https://regency.example [--origin …] [--forms demo/forms]
//   LOKET_RECEIVER_TOKEN=… enables GET /api/submissions (read-only listing).
//
// POST|PUT /api/forms/:formId/submissions accepts the loket payload as JSON,
// text/plain JSON or multipart; validates it with the same validator the
// browser runs (from the built dist/esm/index.js); stores it durably (see
// receiver/journal.mjs) BEFORE answering 201 with a tracking number; and
// honours Idempotency-Key. No dependencies beyond Node 20.
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFaults, readFaultsArg } from './receiver/faults.mjs';
import { contentMatches, safeName } from './receiver/files.mjs';
import { makeDir, openJournal, writeDurably } from './receiver/journal.mjs';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_MAX_BODY = 30 * 1024 * 1024;
const ROUTE = /^\/api\/forms\/([a-z0-9][a-z0-9-]{0,63})\/submissions\/?$/;
const PROBLEM = 'application/problem+json';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** JSON with sorted keys, so equal payloads hash equally. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** `vessels[1].photo` → `vessels.photo`, the key the form's field index uses. */
const fieldKey = (path) => path.replace(/\[\d+\]/g, '');
/** `vessels[1].name` → `/answers/vessels/1/name`. */
const pointerOf = (path) => `/answers/${path.replace(/\[(\d+)\]/g, '.$1').split('.').map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

class HttpError extends Error {
  constructor(status, title, extra = {}) {
    super(title);
    this.status = status;
    this.extra = extra;
  }
}

/**
 * Creates the receiver. Returns `handle(req, res)` for demo/server/serve.mjs's
 * `handlers` (true once it answered), and `close()`.
 *
 * @param {object} options
 * @param {string} options.dataDir where the journal and files go
 * @param {string} [options.formsDir] the form documents, `<id>.json` (default demo/forms)
 * @param {Record<string, unknown>} [options.forms] form documents by id, instead of or before formsDir
 * @param {string[]} [options.origins] origins allowed by CORS (same-origin pages need none)
 * @param {string} [options.token] bearer token for GET /api/submissions; listing disabled without it
 * @param {number} [options.maxBodyBytes] largest request body (default 30 MB)
 * @param {object[]} [options.faults] test-only fault rules (see receiver/faults.mjs)
 * @param {(line: string) => void} [options.log]
 * @param {() => Date} [options.now]
 */
export async function createReceiver({
  dataDir,
  formsDir = join(REPO_ROOT, 'demo/forms'),
  forms = {},
  origins = [],
  token,
  maxBodyBytes = DEFAULT_MAX_BODY,
  faults = [],
  log = () => {},
  now = () => new Date(),
} = {}) {
  if (!dataDir) throw new TypeError('createReceiver: dataDir is required');
  const dist = join(REPO_ROOT, 'dist/esm/index.js');
  if (!existsSync(dist)) throw new Error('dist/esm/index.js is missing: run `npm run build` first (the receiver uses the same validator as the browser)');
  const loket = await import(pathToFileURL(dist).href);
  // Answers from English pages get English field errors.
  await loket.loadLocale('en');
  const root = resolve(dataDir);
  makeDir(root);
  makeDir(join(root, 'files'));
  const journal = openJournal(root, { log });
  if (journal.damaged > 0) log(`receiver: ${journal.damaged} damaged journal line(s) skipped; the records after them are kept`);
  const injected = createFaults(faults);
  if (injected.active) log('receiver: FAULT INJECTION IS ON (test use only)');

  /** Stored records by `${formId} ${key}`. */
  const byKey = new Map();
  for (const record of journal.records) if (record.key) byKey.set(`${record.formId} ${record.key}`, record);
  /**
   * The last sequence number issued, over every form: the highest the journal
   * holds, plus one for each damaged line whose number was lost (it may have
   * held the highest). Numbers never go backwards, so none is issued twice.
   */
  let lastSeq = journal.maxSeq + journal.unreadable;
  const inFlight = new Set();
  const hanging = new Set();
  const formCache = new Map();

  function loadForm(id) {
    if (formCache.has(id)) return formCache.get(id);
    let json = forms[id];
    if (json === undefined) {
      const path = join(formsDir, `${id}.json`);
      if (!existsSync(path)) return undefined;
      json = JSON.parse(readFileSync(path, 'utf8'));
    }
    const parsed = loket.parseForm(json, 'en');
    if (!parsed.ok) {
      log(`receiver: form ${id} is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return undefined;
    }
    const entry = { form: parsed.value, validator: loket.createValidator(parsed.value) };
    formCache.set(id, entry);
    return entry;
  }

  function cors(req, res) {
    const origin = req.headers.origin;
    if (!origin) return true;
    const self = `http://${req.headers.host}`;
    if (origin === self || origin === `https://${req.headers.host}`) return true;
    if (!origins.includes(origin)) return false;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
    return true;
  }

  function send(res, status, body, type = 'application/json', headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }
  const problem = (res, status, title, extra = {}, headers = {}) => send(res, status, { type: 'about:blank', title, status, ...extra }, PROBLEM, headers);

  async function readBody(req) {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) throw new HttpError(413, 'Request body too large', { limit: maxBodyBytes });
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > maxBodyBytes) throw new HttpError(413, 'Request body too large', { limit: maxBodyBytes });
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** The payload and the uploaded parts, whatever the encoding. */
  async function parseBody(req, body) {
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('multipart/form-data')) {
      let data;
      try {
        data = await new Request('http://receiver.invalid/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] }, body }).formData();
      } catch {
        throw new HttpError(400, 'Malformed multipart body');
      }
      const raw = data.get('payload');
      if (typeof raw !== 'string') throw new HttpError(400, 'The multipart body has no "payload" part');
      const parts = [];
      for (const [name, value] of data.entries()) if (name !== 'payload') parts.push({ name, value });
      return { payload: parseJson(raw), parts };
    }
    if (type.startsWith('application/json') || type.startsWith('text/plain') || type === '') return { payload: parseJson(body.toString('utf8')), parts: [] };
    throw new HttpError(415, 'Send JSON, text/plain JSON or multipart/form-data');
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The body is not valid JSON');
    }
  }

  async function receive(req, res, formId, fault) {
    const entry = loadForm(formId);
    if (!entry) throw new HttpError(404, `No form "${formId}"`);
    const { form, validator } = entry;
    const { payload, parts } = await parseBody(req, await readBody(req));
    if (!payload || typeof payload !== 'object' || payload.loket !== 1) throw new HttpError(400, 'Not a loket payload of version 1');
    if (payload.form?.id !== formId) throw new HttpError(400, `The payload is for form "${payload.form?.id}", not "${formId}"`);
    const locale = payload.locale === 'en' ? 'en' : 'id';
    const key = String(req.headers['idempotency-key'] ?? payload.idempotencyKey ?? '') || undefined;
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{16,128}$/.test(key)) throw new HttpError(400, 'Idempotency-Key must be 16–128 letters, digits, or . _ : -');

    const uploads = [];
    for (const part of parts) {
      if (typeof part.value === 'string') throw new HttpError(400, `Part "${part.name}" should be a file`);
      uploads.push({ field: part.name, name: part.value.name, type: part.value.type, bytes: Buffer.from(await part.value.arrayBuffer()) });
    }
    const hash = sha256(canonical({ form: payload.form, locale, answers: payload.answers, files: payload.files, bytes: uploads.map((u) => sha256(u.bytes)) }));

    const slot = key && `${formId} ${key}`;
    if (slot) {
      if (inFlight.has(slot)) throw new HttpError(409, 'A request with this Idempotency-Key is still being processed', { retryAfter: 1 });
      const stored = byKey.get(slot);
      if (stored) {
        if (stored.hash !== hash) throw new HttpError(422, 'This Idempotency-Key was already used for a different submission', { code: 'idempotency-key-reused' });
        return { status: stored.response.status, body: stored.response.body, replayed: true };
      }
      inFlight.add(slot);
    }
    try {
      // Test-only: hold the key in flight for a while (to show the 409).
      if (fault?.action === 'slow-store') await sleep(fault.delayMs ?? 1000);
      const errors = validate(form, validator, payload, uploads, locale);
      if (errors.length > 0) {
        throw new HttpError(422, locale === 'en' ? 'There is a problem with the answers' : 'Ada masalah pada isian', {
          errors: errors.map((e) => ({ pointer: e.field ? pointerOf(e.field) : '', field: e.field, detail: e.message })),
        });
      }
      return { status: 201, body: store(formId, key, hash, payload, uploads), replayed: false };
    } finally {
      if (slot) inFlight.delete(slot);
    }
  }

  function validate(form, validator, payload, uploads, locale) {
    const answers = loket.reviveAnswers(form, payload.answers ?? {});
    const errors = [...validator.validateAll(answers, locale).errors];
    const declared = Array.isArray(payload.files) ? payload.files : [];
    const fieldOf = (path) => {
      const key = fieldKey(path);
      for (const step of form.steps) {
        for (const f of step.fields) {
          if (f.name === key && f.type === 'file') return f;
          if (f.type === 'group') for (const c of f.fields) if (`${f.name}.${c.name}` === key && c.type === 'file') return c;
        }
      }
      return undefined;
    };
    if (declared.length !== uploads.length) {
      errors.push({ field: '', message: `${uploads.length} file(s) uploaded, ${declared.length} declared in the payload` });
      return errors;
    }
    uploads.forEach((u, i) => {
      const meta = declared[i];
      const field = fieldOf(u.field);
      if (!field) return errors.push({ field: u.field, message: `"${u.field}" is not a file field of this form` });
      if (meta?.field !== u.field || meta.size !== u.bytes.length) return errors.push({ field: u.field, message: `File "${u.name}" does not match its description in the payload` });
      if (u.bytes.length > field.maxSize) return errors.push({ field: u.field, message: locale === 'en' ? `The file "${u.name}" is too large` : `Ukuran berkas "${u.name}" melebihi batas` });
      if (!contentMatches(u.name, u.type, u.bytes)) return errors.push({ field: u.field, message: locale === 'en' ? `The file "${u.name}" is not really a ${u.type || 'file of that type'}` : `Isi berkas "${u.name}" tidak sesuai jenisnya` });
      return undefined;
    });
    return errors;
  }

  function store(formId, key, hash, payload, uploads) {
    const seq = lastSeq + 1;
    const at = now();
    const prefix = formId.split('-')[0].toUpperCase();
    const trackingNumber = `${prefix}-${at.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
    const dir = join(root, 'files', trackingNumber);
    const files = [];
    if (uploads.length) {
      makeDir(dir);
      uploads.forEach((u, i) => {
        const name = `${i + 1}-${safeName(u.name)}`;
        writeDurably(join(dir, name), u.bytes);
        files.push({ field: u.field, name: u.name, type: u.type, size: u.bytes.length, sha256: sha256(u.bytes), path: `files/${trackingNumber}/${name}` });
      });
    }
    const body = { trackingNumber, receivedAt: at.toISOString(), formId };
    const record = { v: 1, formId, seq, trackingNumber, key, hash, receivedAt: at.toISOString(), payload, files, response: { status: 201, body } };
    journal.append(record);
    lastSeq = seq;
    if (key) byKey.set(`${formId} ${key}`, record);
    log(`receiver: stored ${trackingNumber}`);
    return body;
  }

  function list(req, res) {
    if (!token) return false;
    const given = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const a = Buffer.from(sha256(given));
    const b = Buffer.from(sha256(token));
    if (!timingSafeEqual(a, b) || !given) {
      problem(res, 401, 'A valid bearer token is required', {}, { 'WWW-Authenticate': 'Bearer realm="loket"' });
      return true;
    }
    const url = new URL(req.url, 'http://receiver.invalid');
    const formId = url.searchParams.get('form');
    const submissions = journal.records
      .filter((r) => !formId || r.formId === formId)
      .map((r) => ({ trackingNumber: r.trackingNumber, formId: r.formId, receivedAt: r.receivedAt, locale: r.payload.locale, answers: r.payload.answers, files: r.files.map(({ field, name, type, size }) => ({ field, name, type, size })) }));
    send(res, 200, { submissions });
    return true;
  }

  async function handle(req, res) {
    const path = (req.url ?? '/').split('?')[0];
    const route = ROUTE.exec(path);
    if (path === '/api/submissions' && req.method === 'GET') return list(req, res);
    if (!route) return false;
    const allowed = cors(req, res);
    if (req.method === 'OPTIONS') {
      if (!allowed) {
        res.writeHead(403, { 'Content-Length': 0 });
        res.end();
        return true;
      }
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, PUT',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Accept',
        'Access-Control-Max-Age': '600',
        'Content-Length': 0,
      });
      res.end();
      return true;
    }
    if (!allowed) {
      problem(res, 403, 'This origin may not submit here');
      return true;
    }
    if (req.method !== 'POST' && req.method !== 'PUT') {
      problem(res, 405, 'Use POST or PUT', {}, { Allow: 'POST, PUT, OPTIONS' });
      return true;
    }
    const fault = injected.pick(req);
    if (fault) {
      if (fault.delayMs && fault.action !== 'slow-store') await sleep(fault.delayMs);
      switch (fault.action) {
        case 'error':
          problem(res, fault.status ?? 500, 'Injected failure');
          return true;
        case 'unavailable':
          problem(res, 503, 'Injected unavailability', {}, { 'Retry-After': String(fault.retryAfter ?? 1) });
          return true;
        case 'drop':
          req.socket.destroy();
          return true;
        case 'hang':
          hanging.add(req.socket);
          return true;
        default:
          break;
      }
    }
    try {
      const result = await receive(req, res, route[1], fault);
      if (fault?.action === 'drop-after-store') {
        req.socket.destroy();
        return true;
      }
      send(res, result.status, result.body, 'application/json', result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const { retryAfter, ...extra } = error.extra;
      problem(res, error.status, error.message, extra, retryAfter ? { 'Retry-After': String(retryAfter) } : {});
      // Do not read the rest of an oversized body.
      if (error.status === 413) res.on('finish', () => req.socket.destroy());
    }
    return true;
  }

  return {
    handle,
    journal,
    /** Stored submissions, oldest first (for tests and the listing). */
    records: () => [...journal.records],
    close() {
      for (const socket of hanging) socket.destroy();
      journal.close();
    },
  };
}

/** Starts the receiver alone on 127.0.0.1. */
export async function startReceiver({ port = 8090, ...options }) {
  const receiver = await createReceiver(options);
  const server = createServer(async (req, res) => {
    try {
      if (await receiver.handle(req, res)) return;
      res.writeHead(404, { 'Content-Type': 'application/problem+json', 'Content-Length': 0 });
      res.end();
    } catch (error) {
      options.log?.(`receiver: ${error.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Length': 0 });
      res.end();
    }
  });
  await new Promise((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', done));
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    receiver,
    close: () =>
      new Promise((done) => {
        receiver.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Reads the command line: --port, --data, --forms, --origin (repeatable), --token, --max-body, --faults. */
export async function optionsFromArgs(argv = process.argv.slice(2), env = process.env) {
  const options = { port: 8090, dataDir: './data', origins: [], token: env.LOKET_RECEIVER_TOKEN || undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--data') options.dataDir = value();
    else if (flag === '--forms') options.formsDir = value();
    else if (flag === '--origin') options.origins.push(value());
    else if (flag === '--token') options.token = value();
    else if (flag === '--max-body') options.maxBodyBytes = Number(value());
    else if (flag === '--faults') options.faults = await readFaultsArg(value());
    else throw new Error(`Unknown option ${flag}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const options = await optionsFromArgs();
    const running = await startReceiver({ ...options, log: (line) => console.log(line) });
    console.log(`loket receiver: ${running.url}/api/forms/<form>/submissions (data in ${resolve(options.dataDir)})`);
    const stop = () => running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`loket receiver: ${error.message}`);
    process.exitCode = 1;
  }
}
