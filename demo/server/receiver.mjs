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
import { existsSync, fsyncSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFaults, readFaultsArg } from './receiver/faults.mjs';
import { contentMatches, safeName } from './receiver/files.mjs';
import { makeDir, openJournal, syncDir, writeDurably } from './receiver/journal.mjs';

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

/** Files of a submission being stored wait in `files/.tmp-<tracking number>/` until its record is in the journal. */
const TEMPORARY = '.tmp-';

/**
 * After a crash: a temporary folder whose record made it into the journal is
 * renamed into place (the record was stored, maybe answered); any other is
 * the leftover of a save that never finished, and is removed.
 */
function recoverTemporaryFolders(filesDir, journal, log) {
  for (const name of readdirSync(filesDir)) {
    if (!name.startsWith(TEMPORARY)) continue;
    const trackingNumber = name.slice(TEMPORARY.length);
    const from = join(filesDir, name);
    if (journal.trackingNumbers.has(trackingNumber) && !existsSync(join(filesDir, trackingNumber))) {
      renameSync(from, join(filesDir, trackingNumber));
      log(`receiver: moved the files of ${trackingNumber} into place`);
    } else {
      rmSync(from, { recursive: true, force: true });
      log(`receiver: removed ${name}, left by a save that did not finish`);
    }
  }
  syncDir(filesDir);
}

/** How deeply a JSON value nests, counted without recursion; stops counting past `limit`. */
function depthOf(value, limit) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}
/** Deeper than any form's answers can be (a group of items holding a date or files is 5). */
const MAX_DEPTH = 32;

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
  const filesDir = join(root, 'files');
  // Test-only (the `fail-store` fault): the next journal write fails after its bytes are written.
  let failNextAppend = false;
  const failingFsync = {
    fsyncSync(fd) {
      if (failNextAppend) {
        failNextAppend = false;
        throw Object.assign(new Error('EIO: injected journal failure'), { code: 'EIO' });
      }
      return fsyncSync(fd);
    },
  };
  const journal = openJournal(root, { log, ...(faults.length ? { io: failingFsync } : {}) });
  recoverTemporaryFolders(filesDir, journal, log);
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
    if (depthOf(payload, MAX_DEPTH) > MAX_DEPTH) throw new HttpError(400, `The payload nests deeper than ${MAX_DEPTH} levels`);
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
      const { errors, answers, files } = validate(form, validator, payload, uploads, locale);
      if (errors.length > 0) {
        throw new HttpError(422, locale === 'en' ? 'There is a problem with the answers' : 'Ada masalah pada isian', {
          errors: errors.map((e) => ({ pointer: e.field ? pointerOf(e.field) : '', field: e.field, detail: e.message })),
        });
      }
      // Only what was validated is kept: the final answers, and the payload's known keys.
      const checked = { loket: 1, form: { id: formId, ...(typeof payload.form.revision === 'string' ? { revision: payload.form.revision } : {}) }, submittedAt: typeof payload.submittedAt === 'string' ? payload.submittedAt : undefined, locale, idempotencyKey: key, answers, files };
      return { status: 201, body: store(formId, key, hash, checked, uploads, fault), replayed: false };
    } finally {
      if (slot) inFlight.delete(slot);
    }
  }

  /**
   * Validates the payload as the browser does, and more: answers the form does
   * not have are refused; every uploaded part must be one of the files the
   * answers declare (same answer path, name, type and size), one part per
   * declared file; each part must meet its field's `accept`, `maxSize` and
   * `maxFiles`, and really be what its name says. Returns the errors, and the
   * answers to store: `validator.finalAnswers` of the revived answers
   * (visible fields only, normalized), never the payload's own.
   */
  function validate(form, validator, payload, uploads, locale) {
    const en = locale === 'en';
    const raw = payload.answers ?? {};
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new HttpError(400, 'The payload\'s "answers" must be an object');
    const errors = [];
    // Answers to fields the form does not have: refused, so nothing unvalidated is kept.
    const fields = new Map();
    for (const step of form.steps) for (const f of step.fields) if (typeof f.name === 'string') fields.set(f.name, f);
    for (const [name, value] of Object.entries(raw)) {
      const field = fields.get(name);
      if (!field) {
        errors.push({ field: name, message: en ? `"${name}" is not a question of this form` : `"${name}" bukan pertanyaan pada formulir ini` });
        continue;
      }
      if (field.type === 'group' && Array.isArray(value)) {
        const children = new Set(field.fields.map((c) => c.name));
        value.forEach((item, i) => {
          if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
          for (const child of Object.keys(item)) {
            if (!children.has(child)) errors.push({ field: `${name}[${i}].${child}`, message: en ? `"${child}" is not a question of this form` : `"${child}" bukan pertanyaan pada formulir ini` });
          }
        });
      }
    }
    const answers = loket.reviveAnswers(form, raw);
    errors.push(...validator.validateAll(answers, locale).errors);
    const final = validator.finalAnswers(answers);

    // The files the (visible, final) answers declare, by answer path.
    const expected = [];
    const fileField = (path) => {
      const key = fieldKey(path);
      const [top, child] = key.split('.');
      const f = fields.get(top);
      const field = child === undefined ? f : f?.type === 'group' ? f.fields.find((c) => c.name === child) : undefined;
      return field?.type === 'file' ? field : undefined;
    };
    const collect = (path, value) => {
      const field = fileField(path);
      if (field && Array.isArray(value)) for (const meta of value) expected.push({ path, field, meta, part: undefined });
    };
    for (const [name, value] of Object.entries(final)) {
      const field = fields.get(name);
      if (field?.type === 'file') collect(name, value);
      else if (field?.type === 'group' && Array.isArray(value)) value.forEach((item, i) => Object.entries(item).forEach(([child, v]) => collect(`${name}[${i}].${child}`, v)));
    }

    // One part per declared file, and no part that is not declared.
    const sameName = (declared, sent) => declared === sent || declared.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A') === sent;
    const sameType = (declared, sent) => declared === sent || (declared === '' && sent === 'application/octet-stream');
    for (const u of uploads) {
      const match = expected.find((e) => !e.part && e.path === u.field && sameName(e.meta.name, u.name) && sameType(e.meta.type, u.type) && e.meta.size === u.bytes.length);
      if (!match) {
        errors.push({ field: u.field, message: en ? `The file "${u.name}" was not declared in the answers` : `Berkas "${u.name}" tidak tercantum dalam isian` });
        continue;
      }
      match.part = u;
    }
    for (const e of expected) {
      if (!e.part) errors.push({ field: e.path, message: en ? `The file "${e.meta.name}" is missing from the upload` : `Berkas "${e.meta.name}" tidak ikut terkirim` });
    }
    // Each part against its field: how many, which types, how large, and what the bytes really are.
    const perPath = new Map();
    for (const e of expected) {
      if (!e.part) continue;
      const count = (perPath.get(e.path) ?? 0) + 1;
      perPath.set(e.path, count);
      const u = e.part;
      if (count > (e.field.maxFiles ?? 1)) errors.push({ field: e.path, message: en ? `At most ${e.field.maxFiles ?? 1} file(s) here` : `Paling banyak ${e.field.maxFiles ?? 1} berkas di sini` });
      else if (!loket.acceptsFile(e.field.accept, { name: u.name, size: u.bytes.length, type: u.type })) errors.push({ field: e.path, message: en ? `The file "${u.name}" is not a type this question accepts` : `Jenis berkas "${u.name}" tidak diterima` });
      else if (u.bytes.length > e.field.maxSize) errors.push({ field: e.path, message: en ? `The file "${u.name}" is too large` : `Ukuran berkas "${u.name}" melebihi batas` });
      else if (!contentMatches(u.name, u.type, u.bytes)) errors.push({ field: e.path, message: en ? `The file "${u.name}" is not really a ${u.type || 'file of that type'}` : `Isi berkas "${u.name}" tidak sesuai jenisnya` });
    }
    // The payload's own list, if sent, must describe the same parts in the same order.
    if (Array.isArray(payload.files) && (payload.files.length !== uploads.length || payload.files.some((meta, i) => meta?.field !== uploads[i].field || meta?.size !== uploads[i].bytes.length))) {
      errors.push({ field: '', message: en ? 'The files do not match the list in the payload' : 'Berkas tidak sesuai dengan daftar dalam payload' });
    }
    return { errors, answers: final, files: uploads.map((u) => ({ field: u.field, name: u.name, size: u.bytes.length, type: u.type })) };
  }

  /**
   * Stores one submission. The record is serialised first (nothing is written
   * if it cannot be); the files go to a temporary folder, fsynced; the record
   * is appended; only then is the folder renamed into place. On any failure
   * before the append succeeded, the temporary folder is removed, so a failed
   * save leaves nothing behind and the number is free for the next request.
   */
  function store(formId, key, hash, payload, uploads, fault) {
    const at = now();
    const prefix = formId.split('-')[0].toUpperCase();
    const numberOf = (seq) => `${prefix}-${at.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
    // One counter for every form; a number seen anywhere (a damaged line, a folder) is skipped.
    let seq = lastSeq + 1;
    while (journal.trackingNumbers.has(numberOf(seq)) || existsSync(join(filesDir, numberOf(seq)))) seq++;
    const trackingNumber = numberOf(seq);
    const files = uploads.map((u, i) => {
      const name = `${i + 1}-${safeName(u.name)}`;
      return { field: u.field, name: u.name, type: u.type, size: u.bytes.length, sha256: sha256(u.bytes), path: `files/${trackingNumber}/${name}`, file: name };
    });
    const body = { trackingNumber, receivedAt: at.toISOString(), formId };
    const record = { v: 1, formId, seq, trackingNumber, key, hash, receivedAt: at.toISOString(), payload, files: files.map(({ file, ...rest }) => rest), response: { status: 201, body } };
    let line;
    try {
      line = journal.serialize(record);
    } catch {
      throw new HttpError(422, 'This submission cannot be stored', { code: 'unstorable' });
    }
    const dir = join(filesDir, trackingNumber);
    const temporary = join(filesDir, `${TEMPORARY}${trackingNumber}`);
    try {
      if (uploads.length) {
        rmSync(temporary, { recursive: true, force: true });
        makeDir(temporary);
        uploads.forEach((u, i) => writeDurably(join(temporary, files[i].file), u.bytes));
      }
      if (fault?.action === 'fail-store') failNextAppend = true;
      journal.append(record, line);
    } catch (error) {
      failNextAppend = false;
      rmSync(temporary, { recursive: true, force: true });
      throw error;
    }
    lastSeq = Math.max(lastSeq, seq);
    if (key) byKey.set(`${formId} ${key}`, record);
    if (uploads.length) {
      // Stored: a retry now gets this answer. Should the rename fail, the next start puts the folder in place.
      renameSync(temporary, dir);
      syncDir(filesDir);
    }
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
