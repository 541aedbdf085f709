// Patterns come from form documents, so they are compiled with the RegExp
// constructor (never eval) and only ever run on bounded input: a badly
// written pattern with nested repetition cannot freeze the page for long.

/** The longest answer a document's pattern is applied to; a longer answer fails the pattern. */
export const PATTERN_INPUT_LIMIT = 1000;

const cache = new Map<string, RegExp | null>();

/**
 * Compiles a document pattern so that it must match the whole answer, as the
 * HTML `pattern` attribute does, with the `u` flag. `undefined` when the
 * source is not a valid JavaScript regular expression.
 */
export function compilePattern(source: string): RegExp | undefined {
  let compiled = cache.get(source);
  if (compiled === undefined) {
    try {
      // Compiled alone first: `a)(b` is invalid, but valid once wrapped.
      new RegExp(source, 'u');
      compiled = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      compiled = null;
    }
    cache.set(source, compiled);
  }
  return compiled ?? undefined;
}

/** Whether an answer matches a document pattern; an invalid pattern or an over-long answer does not match. */
export function matchesPattern(source: string, value: string): boolean {
  const pattern = compilePattern(source);
  return pattern !== undefined && value.length <= PATTERN_INPUT_LIMIT && pattern.test(value);
}
