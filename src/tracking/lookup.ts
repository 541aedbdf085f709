import { parseJsonText, readCapped } from '../load.js';
import type { StatusLookup } from './format.js';

// The widget's side of the lookup: one POST, a timeout, a size cap, and every
// outcome named, so the element can say something clear for each. Never throws.

/** Why a lookup gave no status. Stable strings: hosts may switch on them. */
export const LOOKUP_FAILURES = ['not-found', 'rate-limited', 'network', 'timeout', 'http', 'bad-url', 'invalid'] as const;
export type LookupFailure = (typeof LOOKUP_FAILURES)[number];

/** The outcome of a lookup: the parsed JSON to check against the contract, or why not. */
export type LookupResult =
  | { readonly ok: true; readonly json: unknown }
  | {
      readonly ok: false;
      readonly kind: LookupFailure;
      readonly status?: number;
      /** For `rate-limited`: how long the server asked to wait, when it said. */
      readonly retryAfterSeconds?: number;
      readonly detail?: string;
    };

/** Options of {@link lookupStatus}. */
export interface LookupOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** A status answer is a few kilobytes; anything this large is not one. */
const MAX_BYTES = 256 * 1024;

/**
 * Retry-After as seconds: delay-seconds, or an HTTP-date (RFC 9110 §10.2.3).
 * Its own few lines rather than the form's backoff module, so the form's
 * sending code and this widget do not share (and each fetch) an extra chunk.
 */
function headerSeconds(value: string | null): number | undefined {
  const v = value?.trim() ?? '';
  if (/^\d+$/.test(v)) return Number(v);
  if (!/GMT$/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Seconds to wait from a 429: the Retry-After header, else `retryAfterSeconds` in the JSON body. */
function retryAfter(response: Response, body: string | undefined): number | undefined {
  const header = headerSeconds(response.headers.get('retry-after'));
  if (header !== undefined) return header;
  const parsed = body === undefined ? undefined : parseJsonText(body);
  const value = parsed?.ok ? (parsed.json as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}

/**
 * Asks `endpoint` for the status of one application: `POST` with
 * `{ trackingNumber, secret }` as JSON. 404 means "no application with this
 * number and secret" (a backend must not say which of the two is wrong); 429
 * means too many tries.
 */
export async function lookupStatus(endpoint: string, lookup: StatusLookup, options: LookupOptions): Promise<LookupResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      signal: controller.signal,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(lookup),
      // The secret is the credential; cookies would only add a CSRF surface.
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const body = await readCapped(response, MAX_BYTES);
    if (response.status === 404) return { ok: false, kind: 'not-found', status: 404 };
    if (response.status === 429) {
      const seconds = retryAfter(response, body);
      return { ok: false, kind: 'rate-limited', status: 429, ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}) };
    }
    if (!response.ok) return { ok: false, kind: 'http', status: response.status };
    if (body === undefined) return { ok: false, kind: 'invalid', status: response.status, detail: 'too large' };
    const parsed = parseJsonText(body, endpoint);
    return parsed.ok ? { ok: true, json: parsed.json } : { ok: false, kind: 'invalid', status: response.status, detail: parsed.error.detail ?? parsed.error.kind };
  } catch (error) {
    if (timedOut) return { ok: false, kind: 'timeout' };
    return { ok: false, kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
