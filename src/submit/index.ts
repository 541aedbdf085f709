import { indexFields } from '../form/fields.js';
import type { FormDocument } from '../form/format.js';
import type { FieldError } from '../form/validate.js';
import type { Locale } from '../locale.js';
import { TRACKING_MAX_LENGTH } from '../tracking/states.js';
import type { BackoffOptions } from './backoff.js';
import { downscaleImage } from './downscale.js';
import { canonicalJson, fingerprint } from './hash.js';
import { newIdempotencyKey } from './key.js';
import { readPointer } from './pointer.js';
import { buildPayload, encodePayload, type Payload, type PayloadFile } from './payload.js';
import type { FailureReason } from './response.js';
import { signal, originOf } from './signal.js';
import {
  DEFAULT_KEEP_DAYS,
  deleteDraft,
  deleteEntries,
  dismissExpired,
  expiredNotes,
  findNote,
  listEntries,
  memoryStore,
  noteSent,
  openStore,
  outboxExpiry,
  putEntry,
  withLock,
  type DeviceStore,
  type ExpiredNote,
  type OutboxEntry,
  type Target,
} from './store.js';
import { deliver, systemClock, xhrRequest, type Clock, type Delivery, type RequestFn } from './transport.js';

// The submitter: what <loket-permit-form> calls once the host page has not
// cancelled `loket-submit`. One object per element; it never throws.

/** A backend that needs custom code: gets the payload and the files, returns the tracking number. */
export type SubmitHook = (payload: Payload, files: readonly PayloadFile[]) => Promise<{ readonly trackingNumber: string }>;

/** What the citizen gets after a successful submission. */
export interface Receipt {
  readonly trackingNumber: string;
  readonly formId: string;
  /** When the citizen submitted (ISO 8601), not when the outbox delivered it. */
  readonly submittedAt: string;
  readonly idempotencyKey: string;
  /** The backend's parsed JSON response, for host pages that want more than the number. */
  readonly response?: unknown;
  /**
   * The per-application secret for the status page (`submit.trackingSecret`, default
   * `/trackingSecret`), when the form has `receipt.trackingPage` and the backend sent one.
   * Kept exactly as long as the receipt: in memory, and in the device's note of a sent application.
   */
  readonly trackingSecret?: string;
}

/** How a submission ended (for now). */
export type Outcome =
  /** Stored by the backend; show the receipt. `elsewhere`: another tab (or an earlier page) delivered it. */
  | { readonly kind: 'delivered'; readonly receipt: Receipt; readonly elsewhere?: boolean }
  /** The backend refused some answers: show them at the fields and in the error summary. */
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly status: number; readonly key?: string }
  /**
   * Kept on the device; sent again by itself while the page is open, when the
   * connection returns, and on the next visit ("Menunggu koneksi").
   * `expiresAt` (epoch ms) is when the device deletes it unsent.
   */
  | { readonly kind: 'queued'; readonly key: string; readonly reason: FailureReason; readonly status?: number; readonly submittedAt: string; readonly expiresAt: number }
  /** It waited until its expiry and was deleted unsent: the office never received it. */
  | { readonly kind: 'expired'; readonly key: string; readonly submittedAt: string; readonly expiredAt: number }
  /** It is no longer on the device and was neither sent nor expired: "Hapus data dari perangkat ini" (maybe in another tab). */
  | { readonly kind: 'deleted'; readonly key: string }
  /**
   * Not delivered and not waiting: show an honest message with "Coba lagi".
   * `retryable` says whether trying later may help; `kept: false` with files
   * means the device cannot keep them offline (no IndexedDB).
   */
  | { readonly kind: 'failed'; readonly reason: FailureReason; readonly retryable: boolean; readonly kept: boolean; readonly status?: number; readonly detail?: string; readonly key?: string };

/** Upload progress of one file. */
export interface FileProgress {
  readonly field: string;
  readonly name: string;
  readonly loaded: number;
  readonly total: number;
}

/** Upload progress of a submission, overall and per file. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
  readonly files: readonly FileProgress[];
}

/** What the submitter is doing, for the element's live region. */
export type SubmitStatus =
  | { readonly state: 'preparing' }
  | { readonly state: 'sending'; readonly attempt: number }
  | { readonly state: 'waiting'; readonly attempt: number; readonly delayMs: number; readonly reason: FailureReason; readonly status?: number }
  | { readonly state: 'idle' };

/** Options of {@link createSubmitter}. */
export interface SubmitterOptions {
  /** The parsed form document; `form.submit` configures the transport. */
  readonly form: FormDocument;
  /** An endpoint that overrides `form.submit.endpoint` (the element's `action` attribute). */
  readonly action?: string;
  /** Custom delivery code instead of HTTP (the element's `submitHook` property). */
  readonly hook?: SubmitHook;
  /** Upload progress, per file (multipart only). */
  readonly onProgress?: (progress: UploadProgress) => void;
  /** Each change of what the submitter is doing. */
  readonly onStatus?: (status: SubmitStatus) => void;
  /** Device storage; by default the best this browser offers. With `draft.keepDays: 0` the outbox stays in memory only. */
  readonly store?: DeviceStore;
  /** For tests: the HTTP function, the clock, the jitter source, the key maker, the connectivity probe, backoff. */
  readonly request?: RequestFn;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly newKey?: () => string;
  readonly online?: () => boolean;
  readonly backoff?: BackoffOptions;
  /** The base for a relative endpoint (default: the page's URL). */
  readonly baseUrl?: string;
}

/** The submitter of one form. */
export interface Submitter {
  /** Sends final answers (`validator.finalAnswers`, files as `File`s). A second call while one runs returns the same promise. */
  submit(answers: Readonly<Record<string, unknown>>, locale: Locale): Promise<Outcome>;
  /** Sends the last undelivered submission again with the same idempotency key ("Coba lagi"); `undefined` when there is none. */
  retry(): Promise<Outcome | undefined>;
  /** This form's submissions waiting on the device. */
  pending(): Promise<OutboxEntry[]>;
  /** Sends every waiting submission of this form once (on `online`, on visibility, on the next visit, on a timer). */
  flush(): Promise<Outcome[]>;
  /** What became of a submission this page showed: still `queued`, `delivered` (by any tab), `expired` or `deleted`. */
  lookup(key: string): Promise<Outcome>;
  /** This form's submissions that expired unsent and the citizen has not been told about. */
  expired(): Promise<ExpiredNote[]>;
  /** Forgets the expired submissions once the citizen has been told. */
  dismissExpired(): Promise<void>;
  /** The origin the submissions go to (for "the server answered" signals); `undefined` with a hook. */
  readonly origin: string | undefined;
  /** Whether a submission is being sent right now. */
  readonly busy: boolean;
}

/** Defaults of `form.submit`. */
export const SUBMIT_DEFAULTS = { method: 'POST', encoding: 'json', timeoutSeconds: 30, retries: 3, trackingNumber: '/trackingNumber', trackingSecret: '/trackingSecret' } as const;

const defaultOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

function pageBase(): string | undefined {
  try {
    return typeof document !== 'undefined' ? document.baseURI : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces photos in the answers by their downscaled versions, per the file field's `image` options. */
export async function prepareFiles(form: FormDocument, answers: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const index = indexFields(form);
  const scale = async (key: string, value: unknown) => {
    const field = index.entries.get(key)?.field;
    if (field?.type !== 'file' || !field.image || !Array.isArray(value)) return value;
    return Promise.all(value.map((item) => (typeof File !== 'undefined' && item instanceof File ? downscaleImage(item, field) : item)));
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (index.entries.get(name)?.field.type === 'group' && Array.isArray(value)) {
      out[name] = await Promise.all(
        value.map(async (item) => {
          if (item === null || typeof item !== 'object') return item;
          const copy: Record<string, unknown> = {};
          for (const [child, v] of Object.entries(item as Record<string, unknown>)) copy[child] = await scale(`${name}.${child}`, v);
          return copy;
        }),
      );
    } else out[name] = await scale(name, value);
  }
  return out;
}

/** Estimated start of each file in a multipart body, to split the upload's bytes among files. */
function progressSplitter(payloadBytes: number, files: readonly PayloadFile[], report: (p: UploadProgress) => void) {
  const PART = 200;
  let at = payloadBytes + PART;
  const spans = files.map(({ field, file }) => {
    at += PART;
    const span = { field, name: (file as File).name ?? '', start: at, size: file.size };
    at += file.size;
    return span;
  });
  const estimate = at + PART;
  return (loaded: number, total: number) => {
    const done = total > 0 && loaded >= total;
    const x = total > 0 ? (loaded * estimate) / total : loaded;
    report({
      loaded,
      total,
      files: spans.map((s) => ({ field: s.field, name: s.name, total: s.size, loaded: done ? s.size : Math.max(0, Math.min(s.size, Math.round(x - s.start))) })),
    });
  };
}

/** Creates the submitter for one form. */
export function createSubmitter(options: SubmitterOptions): Submitter {
  const { form } = options;
  const config = { ...SUBMIT_DEFAULTS, ...form.submit };

  /** The tracking secret in a response, only when the receipt will link to a tracking page. */
  function secretOf(body: unknown): string | undefined {
    if (form.receipt?.trackingPage === undefined) return undefined;
    const value = readPointer(body, config.trackingSecret);
    return typeof value === 'string' && value.trim() !== '' && value.length <= TRACKING_MAX_LENGTH ? value.trim() : undefined;
  }
  const request = options.request ?? xhrRequest;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const newKey = options.newKey ?? (() => newIdempotencyKey());
  const online = options.online ?? defaultOnline;
  const status = (s: SubmitStatus) => options.onStatus?.(s);
  let store: Promise<DeviceStore> | undefined;
  // A form that keeps nothing on the device (a kiosk, a warnet) keeps its outbox in this page only.
  const keepsNothing = (form.draft?.keepDays ?? DEFAULT_KEEP_DAYS) <= 0;
  const device = () => (store ??= keepsNothing ? Promise.resolve(memoryStore()) : options.store ? Promise.resolve(options.store) : openStore());
  let running: Promise<Outcome> | undefined;
  /** The last submission not yet delivered, kept in memory too (the device may not keep it). */
  let current: { entry: OutboxEntry; kept: boolean } | undefined;

  function target(): Target | undefined {
    const endpoint = options.action ?? form.submit?.endpoint;
    if (endpoint === undefined || endpoint.trim() === '') return undefined;
    let url = endpoint;
    try {
      const base = options.baseUrl ?? pageBase();
      if (base) url = new URL(endpoint, base).href;
    } catch {
      // Left as written; the request reports it.
    }
    return { url, method: config.method, encoding: config.encoding, headers: { ...form.submit?.headers } };
  }

  async function attempt(entry: OutboxEntry): Promise<Delivery> {
    if (!online()) return { kind: 'failed', reason: 'network', retryable: true, attempts: 0 };
    const files: PayloadFile[] = entry.files.map((f) => ({ field: f.field, file: typeof File !== 'undefined' && !(f.blob instanceof File) ? new File([f.blob], f.name, { type: f.type }) : f.blob }));
    if (options.hook) {
      status({ state: 'sending', attempt: 1 });
      try {
        const result = await options.hook(entry.payload, files);
        const tracking = result?.trackingNumber;
        return typeof tracking === 'string' && tracking.trim() !== ''
          ? { kind: 'delivered', trackingNumber: tracking.trim(), body: result, attempts: 1 }
          : { kind: 'failed', reason: 'no-tracking-number', retryable: false, attempts: 1 };
      } catch (error) {
        return { kind: 'failed', reason: 'hook', retryable: !online(), detail: error instanceof Error ? error.message : String(error), attempts: 1 };
      }
    }
    const to = entry.target;
    if (!to) return { kind: 'failed', reason: 'missing-endpoint', retryable: false, attempts: 0 };
    const encoded = encodePayload(entry.payload, files, to.encoding);
    const headers: Record<string, string> = { ...to.headers, Accept: 'application/json, application/problem+json' };
    if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
    // A custom header makes any cross-origin request preflighted; the text
    // encoding exists to avoid exactly that, so there the key travels in the
    // payload only (`idempotencyKey`).
    if (encoded.encoding !== 'text') headers['Idempotency-Key'] = entry.key;
    const progress = encoded.encoding === 'multipart' && options.onProgress ? progressSplitter(JSON.stringify(entry.payload).length, files, options.onProgress) : undefined;
    return deliver(
      { url: to.url, method: to.method, headers, body: encoded.body, timeoutMs: config.timeoutSeconds * 1000, ...(progress ? { onUploadProgress: progress } : {}) },
      {
        retries: config.retries,
        trackingPointer: config.trackingNumber,
        request,
        clock,
        random,
        ...options.backoff,
        onAttempt: (n) => status({ state: 'sending', attempt: n }),
        onRetry: (info) => status({ state: 'waiting', ...info }),
      },
    );
  }

  /** One delivery round for an entry the caller holds the lock of; updates the device. */
  async function run(entry: OutboxEntry, kept: boolean): Promise<Outcome> {
    const s = await device();
    const result = await attempt(entry);
    status({ state: 'idle' });
    const attempts = entry.attempts + result.attempts;
    const origin = originOf(entry.target?.url);
    // The server answered: other forms and tabs waiting on it may send now.
    if ((result.kind === 'delivered' || result.kind === 'invalid') && origin) signal({ kind: 'reachable', origin });
    if (result.kind === 'delivered') {
      // Remembered without the answers, so every tab that shows this application shows its receipt.
      const trackingSecret = secretOf(result.body);
      if (kept) await noteSent(s, entry, result.trackingNumber, clock.now(), trackingSecret);
      await s.delete('outbox', entry.key);
      if (kept) signal({ kind: 'outbox', formId: entry.formId });
      if (current?.entry.key === entry.key) current = undefined;
      return {
        kind: 'delivered',
        receipt: {
          trackingNumber: result.trackingNumber,
          formId: entry.formId,
          submittedAt: entry.payload.submittedAt,
          idempotencyKey: entry.key,
          response: result.body,
          ...(trackingSecret !== undefined ? { trackingSecret } : {}),
        },
      };
    }
    if (result.kind === 'invalid') {
      // The backend stored nothing; corrected answers make a new submission with a new key.
      await s.delete('outbox', entry.key);
      if (current?.entry.key === entry.key) current = undefined;
      return { kind: 'invalid', errors: result.errors, status: result.status, key: entry.key };
    }
    const next: OutboxEntry = {
      ...entry,
      attempts,
      state: result.retryable ? 'waiting' : 'failed',
      lastReason: result.reason,
      ...(result.status !== undefined ? { lastStatus: result.status } : {}),
    };
    // A failure that will not pass by itself leaves the device: the answers are
    // still on the citizen's screen, and "Coba lagi" sends this entry again from memory.
    let keptNow = false;
    if (!result.retryable) await s.delete('outbox', entry.key);
    else if (kept) keptNow = await putEntry(s, next);
    if (current?.entry.key === entry.key || !current) current = { entry: next, kept: keptNow };
    if (result.retryable && keptNow) return queuedOutcome(next);
    return {
      kind: 'failed',
      key: entry.key,
      reason: result.reason,
      retryable: result.retryable,
      kept: keptNow,
      ...(result.status !== undefined ? { status: result.status } : {}),
      ...(result.detail !== undefined ? { detail: result.detail } : {}),
    };
  }

  function queuedOutcome(entry: OutboxEntry): Outcome {
    return {
      kind: 'queued',
      key: entry.key,
      reason: entry.lastReason ?? 'network',
      ...(entry.lastStatus !== undefined ? { status: entry.lastStatus } : {}),
      submittedAt: entry.payload.submittedAt,
      expiresAt: entry.expiresAt ?? outboxExpiry(form, entry.createdAt),
    };
  }

  /** What the device remembers of an entry that is no longer waiting: sent (by any tab) or expired. */
  async function ended(key: string): Promise<Outcome | undefined> {
    const note = await findNote(await device(), key);
    if (note.sent) {
      const { trackingNumber, formId, submittedAt, trackingSecret } = note.sent;
      return { kind: 'delivered', receipt: { trackingNumber, formId, submittedAt, idempotencyKey: key, ...(trackingSecret !== undefined ? { trackingSecret } : {}) }, elsewhere: true };
    }
    if (note.expired) return { kind: 'expired', key, submittedAt: note.expired.submittedAt, expiredAt: note.expired.expiredAt };
    return undefined;
  }

  async function lookup(key: string): Promise<Outcome> {
    const waiting = (await listEntries(await device(), form.id, clock.now())).find((e) => e.key === key);
    if (waiting) return queuedOutcome(waiting);
    return (await ended(key)) ?? { kind: 'deleted', key };
  }

  /** Runs an entry under its cross-tab lock, waiting a little if another tab is sending it. */
  async function locked(entry: OutboxEntry, kept: boolean): Promise<Outcome> {
    for (let tries = 0; tries < 50; tries++) {
      const r = await withLock(`outbox:${entry.key}`, async () => {
        if (kept) {
          const fresh = await (await device()).get<OutboxEntry>('outbox', entry.key);
          // Another tab delivered it meanwhile (or it expired, or was deleted): nothing to send.
          if (!fresh) return lookup(entry.key);
          return run(fresh, kept);
        }
        return run(entry, kept);
      });
      if (r.ran) return r.value;
      await clock.sleep(200);
    }
    return queuedOutcome(entry);
  }

  async function doSubmit(answers: Readonly<Record<string, unknown>>, locale: Locale): Promise<Outcome> {
    status({ state: 'preparing' });
    const to = target();
    if (!options.hook && !to) {
      status({ state: 'idle' });
      return { kind: 'failed', reason: 'missing-endpoint', retryable: false, kept: false };
    }
    const prepared = await prepareFiles(form, answers);
    const probe = buildPayload(form, prepared, { locale, idempotencyKey: '', submittedAt: new Date(0) });
    const hash = fingerprint(canonicalJson({ form: probe.payload.form, locale, answers: probe.payload.answers, files: probe.payload.files, to }));
    const s = await device();
    let entry: OutboxEntry | undefined = current?.entry.hash === hash ? current.entry : (await listEntries(s, form.id, clock.now())).find((e) => e.hash === hash);
    if (!entry) {
      const key = newKey();
      const built = buildPayload(form, prepared, { locale, idempotencyKey: key, submittedAt: new Date(clock.now()) });
      entry = {
        key,
        formId: form.id,
        hash,
        payload: built.payload,
        files: built.files.map(({ field, file }) => ({ field, name: (file as File).name ?? 'berkas', type: file.type, blob: file })),
        ...(to ? { target: to } : {}),
        createdAt: clock.now(),
        expiresAt: outboxExpiry(form, clock.now()),
        attempts: 0,
        state: 'waiting',
      };
    }
    // Kept before the first byte is sent: a reload mid-send finds it in the outbox.
    const kept = await putEntry(s, { ...entry, state: 'waiting' });
    current = { entry, kept };
    if (kept) signal({ kind: 'outbox', formId: form.id });
    return locked(entry, kept);
  }

  const once = (task: () => Promise<Outcome>): Promise<Outcome> => {
    if (running) return running;
    const p = task().finally(() => {
      running = undefined;
    });
    running = p;
    return p;
  };

  return {
    get busy() {
      return running !== undefined;
    },
    submit: (answers, locale) => once(() => doSubmit(answers, locale)),
    async retry() {
      if (running) return running;
      let entry = current?.entry;
      if (!entry) {
        const waiting = await listEntries(await device(), form.id, clock.now());
        entry = waiting[waiting.length - 1];
      }
      if (!entry) return undefined;
      const e = entry;
      return once(async () => {
        // Sent by another tab, or expired, meanwhile: say so instead of sending it again.
        const end = await ended(e.key);
        if (end) return end;
        // Kept again before the first byte is sent, as on the first try.
        const kept = await putEntry(await device(), { ...e, state: 'waiting' });
        current = { entry: e, kept };
        return locked(e, kept);
      });
    },
    async pending() {
      return listEntries(await device(), form.id, clock.now());
    },
    lookup,
    async expired() {
      return expiredNotes(await device(), form.id, clock.now());
    },
    async dismissExpired() {
      await dismissExpired(await device(), form.id);
    },
    get origin() {
      return options.hook ? undefined : originOf(target()?.url);
    },
    async flush() {
      if (!online() || running) return [];
      const results: Outcome[] = [];
      for (const entry of await listEntries(await device(), form.id, clock.now())) {
        if (entry.state !== 'waiting') continue;
        const r = await withLock(`outbox:${entry.key}`, async () => {
          const fresh = await (await device()).get<OutboxEntry>('outbox', entry.key);
          return fresh && fresh.state === 'waiting' ? run(fresh, true) : undefined;
        });
        if (r.ran && r.value) results.push(r.value);
      }
      return results;
    },
  };
}

/**
 * Deletes everything this form keeps on the device: its draft and its
 * outbox ("Hapus data dari perangkat ini"). A submission being sent right now
 * in this page is not stopped.
 */
export async function forgetDevice(form: FormDocument | string, options: { readonly store?: DeviceStore } = {}): Promise<void> {
  const store = options.store ?? (await openStore());
  const id = typeof form === 'string' ? form : form.id;
  await deleteDraft(id, { store });
  await deleteEntries(store, id);
  // Other tabs showing an application of this form stop showing it.
  signal({ kind: 'outbox', formId: id });
}

export { backoffDelay, nextDelay, parseRetryAfter, resendDelay, DEFAULT_BACKOFF, MAX_RETRY_AFTER_MS, type BackoffOptions } from './backoff.js';
export { downscaleImage, DEFAULT_DOWNSCALE_ABOVE, DEFAULT_MAX_DIMENSION, DEFAULT_QUALITY, DOWNSCALE_TYPES } from './downscale.js';
export { isIdempotencyKey, newIdempotencyKey } from './key.js';
export { PAYLOAD_VERSION, buildPayload, encodePayload, reviveAnswers, type Encoded, type FileMeta, type Payload, type PayloadFile } from './payload.js';
export { answerPath, readPointer } from './pointer.js';
export { FAILURE_REASONS, LATER_STATUSES, RETRY_STATUSES, classifyResponse, fieldErrorsOf, type Classified, type FailureReason, type HttpResponse } from './response.js';
export {
  DEFAULT_KEEP_DAYS,
  deleteDraft,
  deleteEntries,
  draftAnswers,
  draftsEnabled,
  listEntries,
  loadDraft,
  memoryStore,
  openStore,
  outboxExpiry,
  saveDraft,
  withLock,
  type DeviceStore,
  type Draft,
  type ExpiredNote,
  type OutboxEntry,
  type StoredFile,
  type Target,
} from './store.js';
export { TransportError, deliver, systemClock, xhrRequest, type Clock, type Delivery, type HttpRequest, type RequestFn, type RetryOptions } from './transport.js';
export { LoketSubmittedEvent } from './events.js';
