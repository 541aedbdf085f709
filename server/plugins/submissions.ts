// POST|PUT /api/forms/:formId/submissions: the loket payload as JSON,
// text/plain JSON or multipart (a `payload` part first, then one part per
// file named by its answer path). Validated with the browser's validator,
// stored in one transaction, and only then answered 201 with the tracking
// number and the tracking secret. Idempotency-Key: the same key and payload
// get the stored answer again (Idempotent-Replayed: true), another payload
// 422, a request still in flight 409.
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonical, checkSubmission, depthOf, pointerOf, sha256, type Upload } from '../check.js';
import { DuplicateKey, findByKey, insertSubmission, type StoredKey } from '../data/submissions.js';
import { HttpError, sendProblem } from '../errors.js';
import type { FaultRule } from '../faults.js';
import type { LoadedForm } from '../forms.js';
import { MAX_PAYLOAD_DEPTH, PAYLOAD_PART } from '../limits.js';
import { hashSecret, prefixOf, trackingSecret, yearIn } from '../tracking.js';
import { admitOrigin, preflight } from './security.js';

/** An Idempotency-Key: 16–128 letters, digits or . _ : - */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{16,128}$/;
const ROUTE = '/api/forms/:formId/submissions';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Body {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly replayed: boolean;
}

type Params = { formId: string };

export async function submissions(app: FastifyInstance) {
  const { config, db, forms, faults, log, now } = app.loket;
  /** `${formId} ${key}` of requests being processed by this process. */
  const inFlight = new Set<string>();
  const hanging = new Set<import('node:net').Socket>();
  app.loket.onClose(() => hanging.forEach((s) => s.destroy()));

  // Only these bodies; the JSON parser never sees more than maxJsonBytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: config.maxJsonBytes }, (_req, body, done) => done(null, body));
  // No content type at all: read as JSON, as the old receiver did; anything else is refused before its body is read.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: config.maxJsonBytes }, (req, body, done) => {
    if (req.headers['content-type']) done(new HttpError(415, 'Send JSON, text/plain JSON or multipart/form-data'), undefined);
    else done(null, body);
  });
  await app.register(multipart, { throwFileSizeLimit: true });

  const replay = (stored: StoredKey): Body => ({ status: 201, body: responseBody(stored.trackingNumber, stored.receivedAt, stored.formId), replayed: true });
  const responseBody = (trackingNumber: string, receivedAt: string, formId: string) => ({ trackingNumber, receivedAt, formId, trackingSecret: trackingSecret(app.loket.secretKey, trackingNumber) });

  /** Who may send; answers the refusal itself. Runs before the body is read. */
  async function gate(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    if (!admitOrigin(request, reply, config, 'This origin may not submit here')) return reply;
    const entry = forms.get(request.params.formId);
    if (!entry) return sendProblem(reply, 404, `No form "${request.params.formId}"`);
    const declared = Number(request.headers['content-length']);
    const limit = String(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/') ? entry.requestBytes : config.maxJsonBytes;
    if (Number.isFinite(declared) && declared > limit) return sendProblem(reply, 413, 'Request body too large', { limit });
    return undefined;
  }

  /** Test-only faults that act before the request is read. */
  async function injectFault(request: FastifyRequest, reply: FastifyReply) {
    if (!faults.active) return undefined;
    const fault = faults.pick(request.method, request.url);
    (request as FastifyRequest & { fault?: FaultRule }).fault = fault;
    if (!fault) return undefined;
    if (fault.delayMs && fault.action !== 'slow-store') await sleep(fault.delayMs);
    switch (fault.action) {
      case 'error':
        return sendProblem(reply, fault.status ?? 500, 'Injected failure');
      case 'unavailable':
        return sendProblem(reply, 503, 'Injected unavailability', {}, { 'Retry-After': String(fault.retryAfter ?? 1) });
      case 'drop':
        reply.hijack();
        request.raw.socket?.destroy();
        return reply;
      case 'hang':
        reply.hijack();
        if (request.raw.socket) hanging.add(request.raw.socket);
        return reply;
      default:
        return undefined;
    }
  }

  /** The payload text and the uploaded parts of a multipart body, within the form's limits. */
  async function readMultipart(request: FastifyRequest, entry: LoadedForm): Promise<{ text: string; uploads: Upload[] }> {
    const files = entry.capacity.files;
    const parts = request.parts({
      limits: { fieldNameSize: 200, fieldSize: config.maxJsonBytes, fields: 1, files, parts: files + 1, fileSize: Math.max(1, entry.capacity.largestFile), headerPairs: 20 },
    });
    let text: string | undefined;
    const uploads: Upload[] = [];
    // busboy's own limits bound each part, not the whole body (a body with no boundary is
    // read to its end): count every byte, and past the form's limit end the parsing with a 413.
    let received = 0;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= entry.requestBytes) return;
      request.raw.off('data', count);
      // @fastify/multipart ends the parts with the request's error.
      request.raw.emit('error', new HttpError(413, 'Request body too large', { limit: entry.requestBytes }));
    };
    request.raw.on('data', count);
    try {
      for await (const part of parts as AsyncIterableIterator<Multipart>) {
        if (part.type === 'field') {
          if (part.fieldname !== PAYLOAD_PART || text !== undefined) throw new HttpError(400, `Unexpected multipart field "${part.fieldname}"; only "${PAYLOAD_PART}" and files`);
          text = String(part.value);
          continue;
        }
        if (text === undefined) throw new HttpError(400, `The "${PAYLOAD_PART}" part must come before the files`);
        const bytes = await part.toBuffer();
        uploads.push({ field: part.fieldname, name: part.filename, type: part.mimetype, bytes, sha256: sha256(bytes) });
      }
    } catch (error) {
      // Limits (FST_…) and our own errors as they are; anything busboy says about the body is the client's mistake.
      if (error instanceof HttpError || String((error as { code?: unknown }).code ?? '').startsWith('FST_')) throw error;
      throw new HttpError(400, 'Malformed multipart body');
    } finally {
      request.raw.off('data', count);
    }
    if (text === undefined) throw new HttpError(400, `The multipart body has no "${PAYLOAD_PART}" part`);
    return { text, uploads };
  }

  async function receive(request: FastifyRequest<{ Params: Params }>, entry: LoadedForm, fault: FaultRule | undefined): Promise<Body> {
    const { id: formId, form, validator } = entry;
    const isMultipart = request.isMultipart();
    const { text, uploads } = isMultipart ? await readMultipart(request, entry) : { text: String(request.body ?? ''), uploads: [] as Upload[] };
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The body is not valid JSON');
    }
    if (!payload || typeof payload !== 'object' || payload.loket !== 1) throw new HttpError(400, 'Not a loket payload of version 1');
    if (depthOf(payload, MAX_PAYLOAD_DEPTH) > MAX_PAYLOAD_DEPTH) throw new HttpError(400, `The payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
    const payloadForm = payload.form as { id?: unknown; revision?: unknown } | undefined;
    if (payloadForm?.id !== formId) throw new HttpError(400, `The payload is for form "${String(payloadForm?.id)}", not "${formId}"`);
    const locale = payload.locale === 'en' ? 'en' : 'id';
    const header = request.headers['idempotency-key'];
    const key = String((Array.isArray(header) ? header[0] : header) ?? payload.idempotencyKey ?? '') || undefined;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'Idempotency-Key must be 16–128 letters, digits, or . _ : -');
    const hash = sha256(canonical({ form: payload.form, locale, answers: payload.answers, files: payload.files, bytes: uploads.map((u) => u.sha256) }));

    const slot = key && `${formId} ${key}`;
    if (slot) {
      if (inFlight.has(slot)) throw new HttpError(409, 'A request with this Idempotency-Key is still being processed', {}, { 'Retry-After': '1' });
      const stored = await findByKey(db, formId, key);
      if (stored) {
        if (stored.payloadHash !== hash) throw new HttpError(422, 'This Idempotency-Key was already used for a different submission', { code: 'idempotency-key-reused' });
        return replay(stored);
      }
      inFlight.add(slot);
    }
    try {
      if (fault?.action === 'slow-store') await sleep(fault.delayMs ?? 1000);
      const checked = checkSubmission(form, validator, payload, uploads, locale);
      if ('badRequest' in checked) throw new HttpError(400, checked.badRequest);
      if (checked.errors.length > 0) {
        throw new HttpError(422, locale === 'en' ? 'There is a problem with the answers' : 'Ada masalah pada isian', {
          errors: checked.errors.map((e) => ({ pointer: e.field ? pointerOf(e.field) : '', field: e.field, detail: e.message })),
        });
      }
      const at = now();
      const receivedAt = at.toISOString();
      try {
        const { trackingNumber } = await insertSubmission(
          db,
          {
            formId,
            prefix: prefixOf(formId),
            year: yearIn(at, config.timeZone),
            idempotencyKey: key,
            payloadHash: hash,
            locale,
            formRevision: typeof payloadForm.revision === 'string' ? payloadForm.revision : undefined,
            submittedAt: typeof payload.submittedAt === 'string' ? payload.submittedAt.slice(0, 40) : undefined,
            answers: checked.answers,
            receivedAt,
            files: checked.files.map((f, i) => ({ ...f, content: uploads[i]!.bytes })),
            secretHashOf: (n) => hashSecret(trackingSecret(app.loket.secretKey, n)),
          },
          fault?.action === 'fail-store'
            ? () => {
                throw new Error('EIO: injected store failure');
              }
            : undefined,
        );
        log(`receiver: stored ${trackingNumber}`);
        return { status: 201, body: responseBody(trackingNumber, receivedAt, formId), replayed: false };
      } catch (error) {
        // Another process stored this key meanwhile: answer as a replay (or 422).
        if (!(error instanceof DuplicateKey) || !key) throw error;
        const stored = await findByKey(db, formId, key);
        if (!stored) throw error;
        if (stored.payloadHash !== hash) throw new HttpError(422, 'This Idempotency-Key was already used for a different submission', { code: 'idempotency-key-reused' });
        return replay(stored);
      }
    } finally {
      if (slot) inFlight.delete(slot);
    }
  }

  app.route<{ Params: Params }>({
    method: ['POST', 'PUT'],
    url: ROUTE,
    onRequest: [gate, injectFault],
    async handler(request, reply) {
      const fault = (request as FastifyRequest & { fault?: FaultRule }).fault;
      const entry = forms.get(request.params.formId)!;
      const result = await receive(request, entry, fault);
      if (fault?.action === 'drop-after-store') {
        reply.hijack();
        request.raw.socket?.destroy();
        return reply;
      }
      return reply
        .code(result.status)
        .headers({ 'Cache-Control': 'no-store', ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}) })
        .send(result.body);
    },
  });

  preflight(app, ROUTE, { methods: 'POST, PUT', headers: 'Content-Type, Idempotency-Key, Accept' });

  app.route({
    method: ['GET', 'DELETE', 'PATCH', 'HEAD'],
    url: ROUTE,
    handler: (_request, reply) => sendProblem(reply, 405, 'Use POST or PUT', {}, { Allow: 'POST, PUT, OPTIONS' }),
  });
}
