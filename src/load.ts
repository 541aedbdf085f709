/** Why a document could not be loaded. Stable strings: hosts may switch on them. */
export const LOAD_FAILURES = ['network', 'timeout', 'http', 'html', 'too-large', 'json', 'invalid', 'no-source', 'bad-url'] as const;
export type LoadFailure = (typeof LOAD_FAILURES)[number];

/** A failed load, before translation: the widget turns it into a message. */
export interface LoadError {
  readonly kind: LoadFailure;
  readonly url?: string;
  readonly status?: number;
  /** Technical detail for the console (the JSON parser's message, in the browser's language). */
  readonly detail?: string;
  /** The text that was not JSON, for a located, translated message (see json-error.ts). */
  readonly source?: string;
}

export type LoadResult = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: LoadError };

/** Options for {@link fetchJson}. */
export interface FetchJsonOptions {
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  /** Refuse documents larger than this many bytes (checked while streaming). */
  readonly maxBytes: number;
  /** Aborts the request, e.g. when the element leaves the page. */
  readonly signal?: AbortSignal;
  /**
   * The same request, already started by the loader (dist/loket.js) while
   * the widget's code was still loading; read instead of fetching again.
   */
  readonly started?: { readonly response: Promise<Response>; abort(): void };
}

/** 1 MiB: the largest real status or form document is a few kilobytes. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The longest delay setTimeout honours (about 24.8 days); longer ones fire at once. */
export const MAX_DELAY_SECONDS = 2_147_483;

/**
 * A seconds value from an attribute, safe for setTimeout: a positive finite
 * number capped at {@link MAX_DELAY_SECONDS}, else the fallback ("abc", NaN,
 * negative, 30 days for a timer that would otherwise fire immediately).
 */
export function delaySeconds(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(value, MAX_DELAY_SECONDS) : fallback;
}

/** Parses JSON text, reporting the parser's message instead of throwing. */
export function parseJsonText(source: string, url?: string): LoadResult {
  const trimmed = source.trimStart();
  if (trimmed.startsWith('<')) return { ok: false, error: { kind: 'html', url } };
  try {
    return { ok: true, json: JSON.parse(source) as unknown };
  } catch (error) {
    return { ok: false, error: { kind: 'json', url, detail: error instanceof Error ? error.message : String(error), source } };
  }
}

/** The body as text, or `undefined` when it is larger than `maxBytes` (checked while streaming). */
export async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return undefined;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Fetches a JSON document with a timeout and a size cap. Never throws: every
 * failure comes back as a {@link LoadError} the widget can explain.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<LoadResult> {
  const controller = new AbortController();
  const { started } = options;
  const onAbort = () => {
    controller.abort();
    started?.abort();
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    onAbort();
  }, options.timeoutMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await (started?.response ??
      fetch(url, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-cache',
      }));
    if (!response.ok) return { ok: false, error: { kind: 'http', url, status: response.status } };
    const type = response.headers.get('content-type') ?? '';
    if (/^\s*text\/html/i.test(type)) return { ok: false, error: { kind: 'html', url } };
    const body = await readCapped(response, options.maxBytes);
    if (body === undefined) return { ok: false, error: { kind: 'too-large', url } };
    return parseJsonText(body, url);
  } catch (error) {
    if (timedOut) return { ok: false, error: { kind: 'timeout', url } };
    return { ok: false, error: { kind: 'network', url, detail: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
