// Describes each document format for the fast path (src/fast/accept.ts),
// generated from its zod definition at build time, never written by hand:
// types, keys, lengths, bounds and patterns as zod checks them, and the names
// of the shared rules (src/fast/rules/) zod runs. Anything this walker does
// not know becomes "reject", which only sends that document to zod.
//
// Each module imports the groups of rules its format names, and only those
// (src/fast/rules/<group>.ts), so a widget's chunk holds its own rules.
//
// Served as the modules `loket:shapes/status`, `/checklist`, `/form` and
// `/tracking` by rollup.config.mjs and web-test-runner.config.mjs;
// `node scripts/shapes.mjs` prints them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;

/** Which format each module `loket:shapes/<name>` describes. */
const EXPORTS = { status: 'service-status', checklist: 'requirement-checklist', form: 'permit-form', tracking: 'application-status' };

/** The fast-path description of one zod schema: `{ root, defs }`. */
export function shapeOf(schema) {
  // Pass 1: how often each schema object is reached, so shared pieces
  // (author text, conditions, contacts) are written once, in `defs`.
  const seen = new Map();
  const count = (s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    if (n > 1) return;
    for (const child of children(s)) count(child);
  };
  count(schema);
  const defs = [];
  const ids = new Map();
  const emit = (s) => {
    if (s !== schema && (seen.get(s) ?? 0) > 1) {
      if (!ids.has(s)) {
        ids.set(s, defs.length);
        defs.push(null);
        defs[ids.get(s)] = node(s);
      }
      return { t: '#', i: ids.get(s) };
    }
    return node(s);
  };
  const node = (s) => {
    const d = s._zod.def;
    const out = base(d, emit);
    if (out.t === 'x') return out;
    for (const check of d.checks ?? []) {
      const c = check._zod.def;
      if (c.check === 'custom') {
        if (!c.rule) return { t: 'x' };
        (out.r ??= []).push(c.rule);
      } else if (c.check === 'min_length') out.min = Math.max(out.min ?? 0, c.minimum);
      else if (c.check === 'max_length') out.max = Math.min(out.max ?? Infinity, c.maximum);
      else if (c.check === 'greater_than' && out.t === 'n') (out.gt ??= []).push([c.value, c.inclusive ? 1 : 0]);
      else if (c.check === 'less_than' && out.t === 'n') (out.lt ??= []).push([c.value, c.inclusive ? 1 : 0]);
      else if (c.check === 'string_format' && c.format === 'regex' && out.t === 's') (out.re ??= []).push([c.pattern.source, c.pattern.flags]);
      else if (c.check === 'number_format' && c.format === 'safeint' && out.t === 'n') out.int = 1;
      else return { t: 'x' };
    }
    return out;
  };
  return { root: emit(schema), defs };
}

function children(s) {
  const d = s._zod.def;
  switch (d.type) {
    case 'object': return [...Object.values(d.shape)];
    case 'array': return [d.element];
    case 'optional': return [d.innerType];
    case 'union': return d.options;
    case 'pipe': return [d.in, d.out];
    case 'record': return [d.keyType, d.valueType];
    case 'lazy': return [d.getter()];
    default: return [];
  }
}

function base(d, emit) {
  switch (d.type) {
    case 'string': return { t: 's' };
    case 'number': return d.format === 'safeint' ? { t: 'n', int: 1 } : d.format ? { t: 'x' } : { t: 'n' };
    case 'boolean': return { t: 'b' };
    case 'literal': return { t: 'l', v: d.values };
    case 'enum': return { t: 'l', v: Object.values(d.entries) };
    case 'unknown': return { t: '*' };
    case 'optional': return { t: '?', i: emit(d.innerType) };
    case 'lazy': return { t: '=', i: emit(d.getter()) };
    case 'array': return { t: 'a', e: emit(d.element) };
    case 'union': return { t: 'u', o: d.options.map(emit) };
    case 'pipe': return { t: 'p', a: emit(d.in), b: emit(d.out) };
    case 'record':
      return d.keyType._zod.def.type === 'string' ? { t: 'm', k: emit(d.keyType), v: emit(d.valueType) } : { t: 'x' };
    case 'object': {
      const catchall = d.catchall?._zod.def.type;
      if (catchall !== 'never' && catchall !== 'unknown') return { t: 'x' };
      const p = Object.fromEntries(Object.entries(d.shape).map(([key, value]) => [key, emit(value)]));
      return catchall === 'never' ? { t: 'o', p } : { t: 'o', p, loose: 1 };
    }
    default: return { t: 'x' };
  }
}

/** The rule names a description uses. */
function ruleNames(shape) {
  const names = new Set();
  const walk = (n) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const name of n.r ?? []) names.add(name);
      for (const [key, value] of Object.entries(n)) if (key !== 'r') walk(value);
    }
  };
  walk(shape);
  return names;
}

/**
 * The sources of `loket:shapes/status`, `…/checklist`, `…/form` and
 * `…/tracking`: one module per format, so a widget's chunk holds only its own.
 * `rules` is where src/fast/rules/ is as the importer sees it: a file path for
 * rollup, a URL path for the test server.
 */
export async function shapeModules(rules = join(root, 'src/fast/rules/')) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-shapes-'));
  try {
    const file = join(dir, 'formats.mjs');
    await build({
      stdin: {
        contents: "export { DOCUMENT_FORMATS } from './src/formats.ts'; export { RULE_GROUPS } from './src/fast/rules/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: file,
      logLevel: 'error',
      define: { __LOKET_VERSION__: '"0"' },
      absWorkingDir: root,
    });
    const { DOCUMENT_FORMATS, RULE_GROUPS } = await import(pathToFileURL(file).href);
    const groupOf = new Map();
    for (const [group, table] of Object.entries(RULE_GROUPS)) {
      for (const name of Object.keys(table)) {
        if (groupOf.has(name)) throw new Error(`shapes: rule ${name} is in both ${groupOf.get(name)} and ${group}`);
        groupOf.set(name, group);
      }
    }
    const modules = {};
    for (const [name, kind] of Object.entries(EXPORTS)) {
      const format = DOCUMENT_FORMATS.find((f) => f.kind === kind);
      if (!format) throw new Error(`shapes: no format ${kind}`);
      const shape = shapeOf(format.schema);
      const groups = new Set();
      for (const rule of ruleNames(shape)) {
        if (!groupOf.has(rule)) throw new Error(`shapes: ${kind} names the rule ${rule}, which no group under src/fast/rules/ defines`);
        groups.add(groupOf.get(rule));
      }
      // links → LINK_RULES, time-zone → TIME_ZONE_RULES: each group module's one export.
      const tables = [...groups].sort().map((group) => [group, `${group.toUpperCase().replace(/-/g, '_')}_RULES`]);
      modules[`loket:shapes/${name}`] = [
        `// Generated from the zod definition of ${kind} by scripts/shapes.mjs.`,
        ...tables.map(([group, table]) => `import { ${table} } from ${JSON.stringify(`${rules}${group}.ts`)};`),
        `export const shape = { ...${JSON.stringify(shape)}, rules: { ${tables.map(([, table]) => `...${table}`).join(', ')} } };`,
        '',
      ].join('\n');
    }
    return modules;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [id, source] of Object.entries(await shapeModules())) process.stdout.write(`// ${id}\n${source}`);
}
