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

/**
 * Whether a pattern repeats something that itself varies in length — `(a+)+`,
 * `(\d{2,3}\.)*`, `(x*)*` — the shape that makes backtracking exponential, so a
 * 30-character answer can freeze a phone. A bounded input length alone does
 * not prevent that; such patterns are refused when the document is parsed.
 */
export function isRiskyPattern(source: string): boolean {
  // For each open group: whether it contains a variable-length repetition.
  const groups: boolean[] = [];
  let lastGroupVaries = false;
  let lastWasGroup = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      lastWasGroup = false;
      continue;
    }
    if (c === '[') {
      // Skip a character class, honouring escapes inside it.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastWasGroup = false;
      continue;
    }
    if (c === '(') {
      groups.push(false);
      lastWasGroup = false;
      continue;
    }
    if (c === ')') {
      lastGroupVaries = groups.pop() ?? false;
      if (lastGroupVaries && groups.length) groups[groups.length - 1] = true;
      lastWasGroup = true;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.repeats && lastWasGroup && lastGroupVaries) return true;
      if (quantifier.varies && groups.length) groups[groups.length - 1] = true;
      i = quantifier.end;
      lastWasGroup = false;
      continue;
    }
    lastWasGroup = false;
  }
  return false;
}

/** A quantifier at `i`: whether it allows more than one repetition, and whether the count varies. */
function readQuantifier(source: string, i: number): { repeats: boolean; varies: boolean; end: number } | undefined {
  const c = source[i];
  let end = i;
  let result: { repeats: boolean; varies: boolean } | undefined;
  if (c === '*' || c === '+') result = { repeats: true, varies: true };
  else if (c === '?') result = { repeats: false, varies: true };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    result = { repeats: max > 1, varies: max > min };
    end = i + m[0].length - 1;
  }
  if (!result) return undefined;
  // A lazy or possessive marker belongs to the quantifier.
  if (source[end + 1] === '?') end++;
  return { ...result, end };
}

/** Whether an answer matches a document pattern; an invalid pattern or an over-long answer does not match. */
export function matchesPattern(source: string, value: string): boolean {
  const pattern = compilePattern(source);
  return pattern !== undefined && value.length <= PATTERN_INPUT_LIMIT && pattern.test(value);
}
