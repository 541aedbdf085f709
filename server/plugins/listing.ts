// GET /api/submissions (JSON, paged) and GET /api/submissions.csv (export),
// for the office's own tools; only with the bearer token, never to pages of
// other origins (no CORS headers, 403 for a foreign Origin).
//
//   ?form=pbg             one form
//   ?from=2026-01-01      received on or after (a date is midnight in the office's time zone; or a full ISO time)
//   ?to=2026-02-01        received before
//   ?limit=100            page size (1–1000)
//   ?after=1234           the page after the one whose `next` was 1234
//
// JSON: { submissions: [{ trackingNumber, formId, receivedAt, submittedAt,
// idempotencyKey, locale, formRevision, state, stateChangedAt, closedAt,
// erasedAt, answers, files: [{ position, field, name, type, size, sha256 }] }],
// next: number | null }.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { instantOf } from '../../src/time.js';
import type { Config } from '../config.js';
import { csvCell, startCsvDownload } from '../csv.js';
import { listSubmissions, type ListFilter, type ListedSubmission } from '../data/submissions.js';
import { HttpError } from '../errors.js';
import { FORM_ID } from '../forms.js';
import { tokenGuard } from './security.js';

export const PAGE_SIZE_DEFAULT = 100;
export const PAGE_SIZE_MAX = 1000;

type Query = Record<string, string | undefined>;

/** A date (midnight in the office's zone) or an ISO time, as stored (UTC ISO). */
function timeParam(value: string | undefined, name: string, config: Config): string | undefined {
  if (value === undefined || value === '') return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = day ? instantOf({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }, config.timeZone) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new HttpError(400, `"${name}" must be a date (2026-01-31) or an ISO time`);
  return new Date(ms).toISOString();
}

export function filterOf(query: Query, config: Config): ListFilter {
  const formId = query.form || undefined;
  if (formId !== undefined && !FORM_ID.test(formId)) throw new HttpError(400, '"form" is not a form id');
  const limit = query.limit === undefined ? PAGE_SIZE_DEFAULT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE_MAX) throw new HttpError(400, `"limit" must be 1–${PAGE_SIZE_MAX}`);
  const after = query.after === undefined || query.after === '' ? undefined : Number(query.after);
  if (after !== undefined && (!Number.isSafeInteger(after) || after < 0)) throw new HttpError(400, '"after" must be the "next" of the previous page');
  return { formId, from: timeParam(query.from, 'from', config), to: timeParam(query.to, 'to', config), after, limit };
}

const listed = (s: ListedSubmission) => {
  const { id: _id, ...rest } = s;
  return rest;
};

/** An answer as a cell: files by name, lists joined, groups as JSON. */
function answerCell(value: unknown): unknown {
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'name' in v && 'size' in v)) return value.map((v: { name: string }) => v.name).join('; ');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join('; ');
  return value;
}

export async function listing(app: FastifyInstance) {
  const { config, db, forms } = app.loket;

  app.get<{ Querystring: Query }>('/api/submissions', async (request, reply) => {
    if (!tokenGuard(request, reply, config)) return reply;
    const filter = filterOf(request.query, config);
    const rows = await listSubmissions(db, filter);
    const next = rows.length === filter.limit ? rows[rows.length - 1]!.id : null;
    return reply.header('Cache-Control', 'no-store').send({ submissions: rows.map(listed), next });
  });

  app.get<{ Querystring: Query }>('/api/submissions.csv', async (request, reply: FastifyReply) => {
    if (!tokenGuard(request, reply, config)) return reply;
    const filter = filterOf({ ...request.query, limit: String(PAGE_SIZE_MAX) }, config);
    const form = filter.formId === undefined ? undefined : forms.get(filter.formId)?.form;
    const questions: string[] = [];
    if (form) for (const step of form.steps) for (const f of step.fields) if ('name' in f && typeof f.name === 'string' && !['heading', 'paragraph', 'notice'].includes(f.type)) questions.push(f.name);
    const head = ['trackingNumber', 'formId', 'receivedAt', 'submittedAt', 'state', 'idempotencyKey', 'locale', ...(form ? questions : ['answers']), 'files'];
    startCsvDownload(reply, filter.formId, `${head.map(csvCell).join(',')}\r\n`);
    let after = filter.after;
    for (;;) {
      const rows = await listSubmissions(db, { ...filter, after });
      if (rows.length === 0) break;
      const lines = rows.map((s) => {
        const answers = (s.answers ?? {}) as Record<string, unknown>;
        const cells = [s.trackingNumber, s.formId, s.receivedAt, s.submittedAt, s.state, s.idempotencyKey, s.locale, ...(form ? questions.map((q) => answerCell(answers[q])) : [s.answers]), s.files.map((f) => f.name).join('; ')];
        return cells.map(csvCell).join(',');
      });
      if (!reply.raw.write(`${lines.join('\r\n')}\r\n`)) await new Promise((r) => reply.raw.once('drain', r));
      after = rows[rows.length - 1]!.id;
      if (rows.length < filter.limit) break;
    }
    reply.raw.end();
    return reply;
  });

}
