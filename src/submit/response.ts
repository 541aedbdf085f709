import type { FieldError } from '../form/validate.js';
import { answerPath, readPointer } from './pointer.js';

// What a backend's answer means. Three outcomes: delivered (with a tracking
// number), field errors to show at the fields, or a failure with a reason.

/** Why a submission did not arrive. `network` covers CORS failures too: browsers hide the difference from scripts. */
export const FAILURE_REASONS = ['network', 'timeout', 'http', 'not-json', 'no-tracking-number', 'missing-endpoint', 'hook'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Statuses worth another attempt on their own. */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504, 507] as const;

/**
 * Server trouble that a few seconds will not fix (an internal error, a full
 * disk): not retried within the attempt, but kept on the device and sent
 * again later. The idempotency key makes that safe.
 */
export const LATER_STATUSES = [500, 507] as const;

/** A response as the transport saw it. */
export interface HttpResponse {
  readonly status: number;
  /** A response header, case-insensitive; `null` when absent (or hidden by CORS). */
  header(name: string): string | null;
  readonly text: string;
}

/** How one response was understood. */
export type Classified =
  | { readonly kind: 'delivered'; readonly trackingNumber: string; readonly body: unknown }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldError[]; readonly status: number }
  | { readonly kind: 'failed'; readonly reason: FailureReason; readonly retryable: boolean; readonly status?: number; readonly detail?: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * Field errors in a response body: RFC 9457 problem details with
 * `errors: [{ pointer | field | name, detail | message }]` (also under
 * `invalid-params`, the RFC 7807 example's name), and the common
 * `{ errors: [{ field, message }] }`. An entry without a usable location
 * becomes an error on the form as a whole (`field: ''`).
 */
export function fieldErrorsOf(body: unknown): FieldError[] {
  if (body === null || typeof body !== 'object') return [];
  const b = body as Record<string, unknown>;
  const list = Array.isArray(b.errors) ? b.errors : Array.isArray(b['invalid-params']) ? (b['invalid-params'] as unknown[]) : [];
  const out: FieldError[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') {
      if (str(item)) out.push({ field: '', message: item as string });
      continue;
    }
    const e = item as Record<string, unknown>;
    const message = str(e.detail) ?? str(e.message) ?? str(e.reason) ?? str(e.title);
    if (!message) continue;
    const where = str(e.pointer) ?? str(e.field) ?? str(e.name) ?? str(e.path);
    out.push({ field: (where && answerPath(where)) ?? '', message });
  }
  return out;
}

/** Classifies a response; `trackingPointer` is the form's `submit.trackingNumber`. */
export function classifyResponse(response: HttpResponse, trackingPointer = '/trackingNumber'): Classified {
  const { status } = response;
  const parsed = response.text.trim() === '' ? ({ ok: false } as const) : parseJson(response.text);
  if (status >= 200 && status < 300) {
    if (!parsed.ok) return { kind: 'failed', reason: 'not-json', retryable: false, status, detail: response.text.slice(0, 200) };
    const tracking = readPointer(parsed.value, trackingPointer);
    if ((typeof tracking === 'string' && tracking.trim() !== '') || (typeof tracking === 'number' && Number.isFinite(tracking))) {
      return { kind: 'delivered', trackingNumber: String(tracking).trim(), body: parsed.value };
    }
    return { kind: 'failed', reason: 'no-tracking-number', retryable: false, status };
  }
  if (status >= 400 && status < 500 && parsed.ok) {
    const errors = fieldErrorsOf(parsed.value);
    if (errors.length > 0) return { kind: 'invalid', errors, status };
  }
  // 409 is what a receiver says while an earlier attempt with the same key is
  // still being stored (the attempt timed out here, not there); with a
  // Retry-After it is safe and useful to wait and ask again.
  const retryable = (RETRY_STATUSES as readonly number[]).includes(status) || (status === 409 && response.header('retry-after') !== null);
  const detail = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? str((parsed.value as Record<string, unknown>).detail) ?? str((parsed.value as Record<string, unknown>).title) : undefined;
  return { kind: 'failed', reason: 'http', retryable, status, ...(detail ? { detail } : {}) };
}
