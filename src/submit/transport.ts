import type { SubmitMethod } from '../form/format.js';
import { nextDelay, parseRetryAfter, type BackoffOptions } from './backoff.js';
import { classifyResponse, LATER_STATUSES, type Classified, type FailureReason, type HttpResponse } from './response.js';

// Sending one submission: XMLHttpRequest (fetch has no upload progress),
// a stall timeout, and retries with backoff. Everything the clock, the
// network and chance decide is injectable, so the tests need no waiting.

/** One HTTP request. */
export interface HttpRequest {
  readonly url: string;
  readonly method: SubmitMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | FormData;
  /** Abandon the attempt after this long without progress (upload or download). */
  readonly timeoutMs: number;
  /** Upload progress in bytes. Only set for multipart: an upload listener forces a CORS preflight. */
  readonly onUploadProgress?: (loaded: number, total: number) => void;
}

/** Sends one request; rejects with a {@link TransportError} when no response arrived. */
export type RequestFn = (request: HttpRequest) => Promise<HttpResponse>;

/** No response: the network failed (or CORS refused: scripts cannot tell), or the attempt timed out. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(readonly kind: 'network' | 'timeout') {
    super(kind === 'timeout' ? 'The request timed out' : 'The request failed (network or CORS)');
  }
}

/** Time as the transport sees it; tests replace it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The browser transport: XMLHttpRequest with a stall timeout enforced by abort. */
export const xhrRequest: RequestFn = (request) =>
  new Promise<HttpResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        xhr.abort();
      }, request.timeoutMs);
    };
    try {
      xhr.open(request.method, request.url, true);
      for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    } catch {
      reject(new TransportError('network'));
      return;
    }
    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.onprogress = (event) => {
        arm();
        report(event.loaded, event.lengthComputable ? event.total : 0);
      };
    }
    xhr.onprogress = arm;
    xhr.onload = () => {
      clearTimeout(timer);
      if (xhr.status === 0) reject(new TransportError('network'));
      else resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), text: xhr.responseText });
    };
    xhr.onerror = () => {
      clearTimeout(timer);
      reject(new TransportError('network'));
    };
    xhr.onabort = () => {
      clearTimeout(timer);
      reject(new TransportError(timedOut ? 'timeout' : 'network'));
    };
    arm();
    try {
      xhr.send(request.body);
    } catch {
      clearTimeout(timer);
      reject(new TransportError('network'));
    }
  });

/** How {@link deliver} retries. */
export interface RetryOptions extends BackoffOptions {
  /** Automatic retries after the first attempt. */
  readonly retries: number;
  /** The JSON pointer to the tracking number. */
  readonly trackingPointer: string;
  readonly request: RequestFn;
  readonly clock: Clock;
  /** A number in [0, 1) for the jitter. */
  readonly random: () => number;
  /** Called before each attempt (1 for the first). */
  readonly onAttempt?: (attempt: number) => void;
  /** Called before waiting for a retry. */
  readonly onRetry?: (info: { readonly attempt: number; readonly delayMs: number; readonly reason: FailureReason; readonly status?: number }) => void;
}

/** The last classification and how many attempts it took. */
export type Delivery = Classified & { readonly attempts: number };

/**
 * Sends a request until it is delivered, refused, or out of retries. Retries
 * only what may succeed soon: no response, a timeout, 408, 429, 502, 503,
 * 504 (and 409 with Retry-After); never a 4xx. A retryable failure is
 * returned as it is when the retries run out, when the server asks to wait
 * longer than a page should, or at once for a 500 or 507 (server trouble
 * that seconds do not fix): the caller puts it in the outbox.
 */
export async function deliver(request: HttpRequest, options: RetryOptions): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(attempt);
    let result: Classified;
    let retryAfterMs: number | undefined;
    try {
      const response = await options.request(request);
      result = classifyResponse(response, options.trackingPointer);
      retryAfterMs = parseRetryAfter(response.header('retry-after'), options.clock.now());
    } catch (error) {
      result = { kind: 'failed', reason: error instanceof TransportError ? error.kind : 'network', retryable: true };
    }
    if (result.kind !== 'failed' || !result.retryable || attempt > options.retries) return { ...result, attempts: attempt };
    if (result.status !== undefined && (LATER_STATUSES as readonly number[]).includes(result.status)) return { ...result, attempts: attempt };
    const delayMs = nextDelay(attempt - 1, retryAfterMs, options.random, options);
    if (delayMs === undefined) return { ...result, attempts: attempt };
    options.onRetry?.({ attempt, delayMs, reason: result.reason, ...(result.status !== undefined ? { status: result.status } : {}) });
    await options.clock.sleep(delayMs);
  }
}
