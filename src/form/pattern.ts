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
 * Whether a pattern has a shape that makes backtracking blow up, so that a
 * 30-character answer could freeze a phone (or the receiver's one thread):
 * - a repeated group whose content varies in length — `(a+)+`, `(\d{2,3}\.)*`;
 * - a repeated group with alternatives — `(a|aa)+`, `(\d|\d\d)+`;
 * - three or more unbounded repetitions side by side — `a*a*a*` is cubic.
 *   Two (`[A-Z]+[0-9]+`) stay: quadratic on 1000 characters is a millisecond.
 * A bounded input length alone does not prevent that; such patterns are
 * refused when the document is parsed. Rejecting a few harmless patterns
 * (`a*b*c*`) is the price of never freezing.
 */
export function isRiskyPattern(source: string): boolean {
  interface Group {
    /** Something inside varies in length. */
    varies: boolean;
    /** The group has alternatives (`|`) at its own level. */
    alternates: boolean;
    /** How many unbounded repetitions stood side by side just before the group. */
    chainBefore: number;
  }
  const groups: Group[] = [];
  let closed: Group | undefined;
  // How many unbounded repetitions stand side by side up to the atom just read,
  // and up to the one before the atom being read.
  let chain = 0;
  let chainBefore = 0;
  const startAtom = () => {
    chainBefore = chain;
    chain = 0;
    closed = undefined;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      startAtom();
      i++;
      continue;
    }
    if (c === '[') {
      startAtom();
      // Skip a character class, honouring escapes inside it.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      groups.push({ varies: false, alternates: false, chainBefore: chain });
      chain = 0;
      closed = undefined;
      continue;
    }
    if (c === ')') {
      closed = groups.pop();
      const parent = groups[groups.length - 1];
      if (closed && parent && (closed.varies || closed.alternates)) parent.varies = true;
      chainBefore = closed?.chainBefore ?? 0;
      chain = 0;
      continue;
    }
    if (c === '|') {
      const group = groups[groups.length - 1];
      if (group) group.alternates = true;
      chain = 0;
      closed = undefined;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (quantifier) {
      if (quantifier.repeats && closed && (closed.varies || closed.alternates)) return true;
      chain = quantifier.unbounded ? chainBefore + 1 : 0;
      if (chain >= 3) return true;
      const group = groups[groups.length - 1];
      if (quantifier.varies && group) group.varies = true;
      closed = undefined;
      i = quantifier.end;
      continue;
    }
    if (c === '^' || c === '$') {
      chain = 0;
      closed = undefined;
      continue;
    }
    startAtom();
  }
  return false;
}

/** A quantifier at `i`: whether it allows more than one repetition, whether the count varies, and whether it has no upper bound. */
function readQuantifier(source: string, i: number): { repeats: boolean; varies: boolean; unbounded: boolean; end: number } | undefined {
  const c = source[i];
  let end = i;
  let result: { repeats: boolean; varies: boolean; unbounded: boolean } | undefined;
  if (c === '*' || c === '+') result = { repeats: true, varies: true, unbounded: true };
  else if (c === '?') result = { repeats: false, varies: true, unbounded: false };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    result = { repeats: max > 1, varies: max > min, unbounded: max === Infinity };
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
