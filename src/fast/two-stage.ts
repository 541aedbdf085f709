import type { Locale } from '../locale.js';
import type { ParseResult } from '../problem.js';

/** The result of a two-stage parse: `undefined` while the full check is not loaded. */
export type StagedResult<T> = ParseResult<T> | undefined;

/**
 * A parser in two stages: the fast path (no zod) accepts a valid document at
 * once; any other document waits for the full zod parse, fetched the first
 * time one is needed, which names every problem by path. A phone that only
 * ever sees valid documents never downloads zod.
 */
export function twoStage<T>(fast: (json: unknown) => boolean, load: () => Promise<(json: unknown, locale: Locale) => ParseResult<T>>) {
  let full: ((json: unknown, locale: Locale) => ParseResult<T>) | undefined;
  let loading: Promise<void> | undefined;
  return {
    parse(json: unknown, locale: Locale): StagedResult<T> {
      if (fast(json)) return { ok: true, value: json as T };
      return full?.(json, locale);
    },
    /** Fetches the full parse; rejects when its code cannot be fetched (tried again next time). */
    load(): Promise<void> {
      loading ??= load().then(
        (parse) => {
          full = parse;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
