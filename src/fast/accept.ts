import type { Rule } from './rules/issue.js';

// The fast path: says whether a document is certainly valid, without zod. It
// walks a description of the format generated from the zod definition at
// build time (scripts/shapes.mjs, modules `loket:shapes/<format>`) and runs the same
// shared rules zod runs (src/fast/rules/; each description carries only the
// ones its format names). It may say "no" to a valid document (anything it does
// not know is "no"); that document then goes to zod, which has the last word
// and names every problem by path. It never says "yes" to a document zod
// rejects: test/unit/fast-path.test.ts holds it to that.

/** One node of a format description; see scripts/shapes.mjs for how each is made. */
export type ShapeNode =
  | { readonly t: 's'; readonly min?: number; readonly max?: number; readonly re?: readonly (readonly [string, string])[]; readonly r?: readonly string[] }
  | { readonly t: 'n'; readonly int?: 1; readonly gt?: readonly (readonly [number, 0 | 1])[]; readonly lt?: readonly (readonly [number, 0 | 1])[]; readonly r?: readonly string[] }
  | { readonly t: 'b' | '*' | 'x'; readonly r?: readonly string[] }
  | { readonly t: 'l'; readonly v: readonly unknown[]; readonly r?: readonly string[] }
  | { readonly t: '?' | '='; readonly i: ShapeNode; readonly r?: readonly string[] }
  | { readonly t: '#'; readonly i: number; readonly r?: readonly string[] }
  | { readonly t: 'a'; readonly e: ShapeNode; readonly min?: number; readonly max?: number; readonly r?: readonly string[] }
  | { readonly t: 'u'; readonly o: readonly ShapeNode[]; readonly r?: readonly string[] }
  | { readonly t: 'p'; readonly a: ShapeNode; readonly b: ShapeNode; readonly r?: readonly string[] }
  | { readonly t: 'm'; readonly k: ShapeNode; readonly v: ShapeNode; readonly r?: readonly string[] }
  | { readonly t: 'o'; readonly p: Readonly<Record<string, ShapeNode>>; readonly loose?: 1; readonly r?: readonly string[] };

/** A format's description: the document's node, the shared ones it refers to by index, and the rules it names. */
export interface Shape {
  readonly root: ShapeNode;
  readonly defs: readonly ShapeNode[];
  readonly rules: Readonly<Record<string, Rule>>;
}

const own = Object.prototype.hasOwnProperty;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const patterns = new Map<string, RegExp>();
const pattern = ([source, flags]: readonly [string, string]) => {
  const key = `${flags}/${source}`;
  let found = patterns.get(key);
  if (!found) patterns.set(key, (found = new RegExp(source, flags)));
  found.lastIndex = 0;
  return found;
};

/** Whether `value` is certainly valid for `shape`: `true` only if zod would accept it. */
export function accepts(shape: Shape, value: unknown): boolean {
  const ok = (n: ShapeNode, v: unknown): boolean => fits(n, v) && (!n.r || n.r.every((name) => !(shape.rules[name] as (value: unknown) => unknown)(v)));
  const length = (n: { min?: number; max?: number }, size: number) => size >= (n.min ?? 0) && size <= (n.max ?? Infinity);
  const fits = (n: ShapeNode, v: unknown): boolean => {
    switch (n.t) {
      case 's':
        return typeof v === 'string' && length(n, v.length) && (!n.re || n.re.every((re) => pattern(re).test(v)));
      case 'n':
        return (
          typeof v === 'number' &&
          Number.isFinite(v) &&
          (!n.int || Number.isSafeInteger(v)) &&
          (n.gt ?? []).every(([limit, inclusive]) => (inclusive ? v >= limit : v > limit)) &&
          (n.lt ?? []).every(([limit, inclusive]) => (inclusive ? v <= limit : v < limit))
        );
      case 'b':
        return typeof v === 'boolean';
      case '*':
        return true;
      case 'l':
        return n.v.includes(v);
      case '?':
        return v === undefined || ok(n.i, v);
      case '=':
        return ok(n.i, v);
      case '#':
        return ok(shape.defs[n.i] ?? { t: 'x' }, v);
      case 'a':
        // Indexes, not every(): every() skips the holes of a sparse array, zod does not.
        return Array.isArray(v) && length(n, v.length) && Array.from(v, (item) => ok(n.e, item)).every(Boolean);
      case 'u':
        return n.o.some((option) => ok(option, v));
      case 'p':
        return ok(n.a, v) && ok(n.b, v);
      case 'm':
        return isObject(v) && Object.entries(v).every(([key, item]) => ok(n.k, key) && ok(n.v, item));
      case 'o':
        return (
          isObject(v) &&
          (n.loose === 1 || Object.keys(v).every((key) => own.call(n.p, key))) &&
          Object.entries(n.p).every(([key, child]) => ok(child, v[key]))
        );
      default:
        return false;
    }
  };
  try {
    return ok(shape.root, value);
  } catch {
    // A document nested deeper than the stack, or a getter that throws: zod decides.
    return false;
  }
}
