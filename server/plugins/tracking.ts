// POST /api/status: the citizen's status lookup, answering the
// application-status contract (src/tracking/format.ts) that
// <loket-application-status> renders.
//
// - The body is `{ trackingNumber, secret }` (POST keeps the secret out of
//   URLs and access logs).
// - An unknown number and a wrong secret get the same 404, after the same
//   work (a hash and a constant-time comparison either way).
// - Failed lookups are counted in the database per client address and per
//   tracking number, in fixed windows, so the limit holds across processes and
//   restarts; over it, 429 with Retry-After (and `retryAfterSeconds`), even for
//   the right secret. Two requests racing may both pass the check before
//   either is counted: the limit is exact to within the requests in flight.
// - The answer carries status only: the form's title, the office, states,
//   dates and the messages staff wrote for the citizen, never the internal
//   note, the answers, the files or any personal data.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FormDocument } from '../../src/form/format.js';
import { isAllowedEndpoint } from '../../src/form/format.js';
import type { Contact } from '../../src/links.js';
import { APPLICATION_STATES, StatusLookup, TRACKING_VERSIONS, type ApplicationState, type ApplicationStatus } from '../../src/tracking/format.js';
import { correctionHref } from '../../src/tracking/prefill.js';
import { answersOf, countFailure, failuresIn, findTracked, forgetFailuresBefore, publicEvents, type PublicEvent, type TrackedRow } from '../data/tracking.js';
import { sendProblem } from '../errors.js';
import { every } from '../housekeeping.js';
import type { LoadedForm } from '../forms.js';
import { hashSecret } from '../tracking.js';
import { admitOrigin, preflight } from './security.js';

const ROUTE = '/api/status';
/** A lookup body is two short strings; anything bigger is not one. */
const BODY_LIMIT = 4 * 1024;
/** Compared against when the number is unknown, so both cases cost the same. */
const NO_HASH = Buffer.from(hashSecret('loket: no such application'), 'hex');

const isState = (value: string): value is ApplicationState => (APPLICATION_STATES as readonly string[]).includes(value);

/** The office's contact lines from the form's help channel, WhatsApp first. */
function contactsOf(form: FormDocument): Contact[] {
  const { help } = form;
  const hours = help.hours !== undefined ? { hours: help.hours } : {};
  const out: Contact[] = [];
  if (help.whatsapp) out.push({ kind: 'whatsapp', value: help.whatsapp, ...hours });
  if (help.phone) out.push({ kind: 'phone', value: help.phone, ...hours });
  if (help.email) out.push({ kind: 'email', value: help.email });
  return out;
}

/** The contract answer for one application. */
export function statusAnswer(row: TrackedRow, events: readonly PublicEvent[], loaded: LoadedForm | undefined, timeZone: string, answers: unknown): ApplicationStatus {
  const form = loaded?.form;
  const state = isState(row.state) ? row.state : 'received';
  const timeline = events.filter((e) => isState(e.state)).map((e) => ({ state: e.state as ApplicationState, at: e.at, ...(e.message ? { message: e.message } : {}) }));
  if (!timeline.length) timeline.push({ state, at: row.stateChangedAt });
  const last = events.at(-1);
  const office = form
    ? {
        name: form.office.name,
        ...(form.office.unit !== undefined ? { unit: form.office.unit } : {}),
        timeZone: form.office.timeZone ?? timeZone,
        ...(form.office.address !== undefined ? { address: form.office.address } : {}),
        contacts: contactsOf(form),
      }
    : { name: { id: 'Kantor pelayanan perizinan', en: 'Permit office' }, timeZone };
  const formPage = form?.receipt?.formPage;
  // A relative form page resolves against the tracking page, where the link is shown.
  const fixable = state === 'needs-fix' && form && formPage !== undefined && isAllowedEndpoint(formPage);
  return {
    version: TRACKING_VERSIONS[TRACKING_VERSIONS.length - 1]!,
    trackingNumber: row.trackingNumber,
    permit: { title: form?.title ?? row.formId, formId: row.formId },
    office,
    state,
    submittedAt: row.submittedAt ?? row.receivedAt,
    timeline,
    ...(last?.message ? { message: last.message } : {}),
    ...(state === 'ready' && form?.office.address !== undefined
      ? { next: { collect: { place: form.office.address, ...(form.help.hours !== undefined ? { when: form.help.hours } : {}) } } }
      : {}),
    ...(fixable ? { formUrl: correctionHref(formPage, form, answers) } : {}),
  };
}

export async function tracking(app: FastifyInstance) {
  const { config, db, forms, now } = app.loket;
  const windowMs = config.statusWindowSeconds * 1000;

  /** The current window's start (ISO) and the seconds until it ends. */
  const windowNow = () => {
    const t = now().getTime();
    const start = Math.floor(t / windowMs) * windowMs;
    return { start: new Date(start).toISOString(), retryAfter: Math.max(1, Math.ceil((start + windowMs - t) / 1000)) };
  };

  app.post(ROUTE, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (!admitOrigin(request, reply, config, 'This origin may not look up applications here')) return reply;
    const parsed = StatusLookup.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, 400, 'Send { "trackingNumber": "…", "secret": "…" } as JSON');
    const { trackingNumber, secret } = parsed.data;
    const window = windowNow();
    const ip = request.ip;
    const over = async (scope: 'ip' | 'number', name: string, limit: number) => limit > 0 && (await failuresIn(db, scope, name, window.start)) >= limit;
    if ((await over('ip', ip, config.statusFailuresPerIp)) || (await over('number', trackingNumber, config.statusFailuresPerNumber))) {
      return sendProblem(reply, 429, 'Too many failed lookups; try again later', { retryAfterSeconds: window.retryAfter }, { 'Retry-After': String(window.retryAfter) });
    }
    const row = await findTracked(db, trackingNumber);
    const given = Buffer.from(hashSecret(secret), 'hex');
    const stored = row && /^[0-9a-f]{64}$/.test(row.secretHash) ? Buffer.from(row.secretHash, 'hex') : NO_HASH;
    const match = timingSafeEqual(given, stored) && row !== undefined;
    if (!match) {
      await countFailure(db, 'ip', ip, window.start);
      await countFailure(db, 'number', trackingNumber, window.start);
      return sendProblem(reply, 404, 'No application with this number and secret');
    }
    const loaded = forms.get(row.formId);
    const events = await publicEvents(db, row.id);
    const answers = row.state === 'needs-fix' && loaded?.form.receipt?.formPage !== undefined ? await answersOf(db, row.id) : null;
    return reply
      .code(200)
      .headers({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(statusAnswer(row, events, loaded, config.timeZone, answers)));
  });

  // Counters of windows that ended are forgotten on a timer, not by the lookup that starts a window.
  every(app, app.loket.housekeepingMs, 'forgetting old lookup counters', () => forgetFailuresBefore(db, windowNow().start));

  preflight(app, ROUTE, { methods: 'POST', headers: 'Content-Type, Accept' });

  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD'],
    url: ROUTE,
    handler: (_request, reply) => sendProblem(reply, 405, 'Use POST with { trackingNumber, secret }', {}, { Allow: 'POST, OPTIONS' }),
  });
}
