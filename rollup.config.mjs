// Two builds from one source:
// - dist/loket.js: the script-tag loader, minified, with Lit and zod bundled;
//   each widget is a lazily imported chunk under dist/chunks/.
// - dist/inbox/inbox.js: the staff inbox page's script (server/inbox/ui/).
// - dist/esm/: ES modules for npm consumers, with lit and zod left as imports
//   so an app's bundler shares one copy.
import { readFileSync } from 'node:fs';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { shapeModules } from './scripts/shapes.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** Where to write; scripts/build.mjs builds into a staging folder and swaps it in. */
const out = process.env.LOKET_DIST || 'dist';

/** `regions`: where the region data (dist/regions/) is, relative to a chunk of that build (dist/chunks/, dist/inbox/: `../regions/`). */
const transpile = (regions = '../regions/') =>
  esbuild({
    target: 'es2021',
    tsconfig: 'tsconfig.json',
    define: { __LOKET_VERSION__: JSON.stringify(version), __LOKET_REGIONS__: JSON.stringify(regions) },
  });

/**
 * Writes each widget's chunk graph into the loader (`__LOKET_CHUNKS__` in
 * src/loader.ts): the widget's chunk and every chunk it imports statically,
 * so the loader fetches them all at once instead of discovering them one
 * import at a time; and, under `<widget>.en`, the English catalogues those
 * chunks fetch on an English page, so that page does not wait one more round
 * trip for its strings. Runs before terser, on placeholder file names, which
 * rollup replaces with the hashed ones.
 */
function chunkGraph() {
  /** Widget name → its chunk and the chunks it imports statically, its own first; `<widget>.en` → its English catalogues. */
  const graphOf = (entry, chunks) => {
    const closure = (file, seen = new Set()) => {
      if (seen.has(file) || file === entry.fileName) return seen;
      seen.add(file);
      for (const next of chunks[file]?.imports ?? []) closure(next, seen);
      return seen;
    };
    const graph = {};
    for (const file of entry.dynamicImports) {
      const widget = Object.entries(widgets).find(([, source]) => chunks[file]?.moduleIds.some((id) => id.endsWith(source)));
      if (!widget) continue;
      const files = [...closure(file)];
      graph[widget[0]] = files;
      // The catalogues (`*.en.ts`) those chunks import on demand, with what they import.
      const english = new Set();
      for (const from of files) {
        for (const next of chunks[from]?.dynamicImports ?? []) {
          if (chunks[next]?.moduleIds.every((id) => /\.en\.[jt]s$/.test(id))) closure(next, english);
        }
      }
      graph[`${widget[0]}.en`] = [...english].filter((f) => !files.includes(f));
    }
    return graph;
  };
  return {
    name: 'loket-chunk-graph',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!code.includes('__LOKET_CHUNKS__')) return null;
      const graph = graphOf(chunk, chunks);
      if (Object.keys(graph).length !== 2 * Object.keys(widgets).length) this.error(`chunk graph: found ${Object.keys(graph)} of ${Object.keys(widgets)}`);
      const next = code.replace(/(["'])__LOKET_CHUNKS__\1/, JSON.stringify(JSON.stringify(graph)));
      if (next === code) this.error('chunk graph: no __LOKET_CHUNKS__ string to replace in the loader');
      return { code: next, map: null };
    },
    // The same lists with their final names, for pages that add
    // <link rel="modulepreload"> hints (docs: "Lebih cepat").
    generateBundle(_options, bundle) {
      const graph = Object.fromEntries(Object.entries(graphOf(bundle['loket.js'], bundle)).filter(([key]) => !key.endsWith('.en')));
      this.emitFile({ type: 'asset', fileName: 'preload.json', source: `${JSON.stringify(graph, null, 2)}\n` });
    },
  };
}

/** `loket:shapes/<format>`: the formats described for the fast path, from their zod definitions (scripts/shapes.mjs). */
function shapes() {
  let modules;
  return {
    name: 'loket-shapes',
    resolveId: (id) => (id.startsWith('loket:shapes/') ? `\0${id}` : null),
    load: async (id) => (id.startsWith('\0loket:shapes/') ? (await (modules ??= shapeModules()))[id.slice(1)] : null),
  };
}

/**
 * Steers the loader build's chunks by first paint: a module goes with the
 * widgets whose first render imports it statically, so each widget's first
 * paint is its own chunk plus as few shared ones as the widgets' overlap
 * needs (rollup's default splits by every lazy import too: the banner fetched
 * six files). A module only one widget imports statically joins that
 * widget's chunk, unless another widget reaches it lazily (then rollup
 * places it, so no widget ever runs another's element code). Lazily imported
 * code (zod, the error panel, English, the form's later screens) and the
 * loader's own modules are left to rollup.
 */
function firstPaintChunks() {
  let plan;
  const closure = (getModuleInfo, id, lazy, seen = new Set()) => {
    if (seen.has(id)) return seen;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const next of [...(info?.importedIds ?? []), ...(lazy ? (info?.dynamicallyImportedIds ?? []) : [])]) closure(getModuleInfo, next, lazy, seen);
    return seen;
  };
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!plan) {
      const all = [...getModuleIds()];
      const entry = (source) => all.find((m) => m.endsWith(source));
      const loader = closure(getModuleInfo, entry('src/loader.ts'), false);
      const eager = Object.entries(widgets).map(([name, source]) => [name, closure(getModuleInfo, entry(source), false)]);
      const lazy = Object.entries(widgets).map(([name, source]) => [name, closure(getModuleInfo, entry(source), true)]);
      // The shared base (widgets/shared/ and what it imports) is one file for every widget that
      // renders with it, even where one needs a piece only after first paint (the banner's
      // details use parts.ts), rather than one more small file for the others.
      const base = new Set();
      for (const module of all) if (module.includes('/widgets/shared/') && eager.some(([, set]) => set.has(module))) closure(getModuleInfo, module, false, base);
      plan = new Map();
      for (const module of all) {
        if (loader.has(module)) {
          // Rollup would pull these into the first manual chunk that imports them.
          plan.set(module, 'loket');
          continue;
        }
        const users = eager.filter(([, set]) => set.has(module)).map(([name]) => name);
        if (users.length === 0) continue;
        if (users.length === Object.keys(widgets).length || base.has(module)) plan.set(module, 'parts');
        else if (users.length > 1) plan.set(module, users.join('+'));
        else if (lazy.every(([name, set]) => name === users[0] || !set.has(module))) plan.set(module, users[0]);
      }
    }
    return plan.get(id);
  };
}

const widgets = {
  'service-status': 'widgets/service-status/service-status.ts',
  'requirement-checklist': 'widgets/requirement-checklist/requirement-checklist.ts',
  'permit-form': 'widgets/permit-form/permit-form.ts',
  'application-status': 'widgets/application-status/application-status.ts',
};

export default [
  {
    input: { loket: 'src/loader.ts' },
    output: {
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: firstPaintChunks(),
      sourcemap: true,
    },
    plugins: [
      shapes(),
      nodeResolve({ exportConditions: ['production'] }),
      transpile('../regions/'),
      chunkGraph(),
      // Lit templates and styles keep their source whitespace unless minified here.
      // Conservative: a run of spaces becomes one space, never none — "Email (tidak
      // wajib)" must not become "Email(tidak wajib)" across nested templates.
      minifyHTML({ options: { minifyOptions: { conservativeCollapse: true } } }),
      terser({ ecma: 2021, module: true, format: { comments: false } }),
    ],
  },
  // The staff inbox (/petugas/), served by the receiver: its own bundle, never
  // loaded by the citizens' pages.
  {
    input: { inbox: 'server/inbox/ui/inbox.ts' },
    output: { dir: `${out}/inbox`, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
    plugins: [
      {
        name: 'inbox-css',
        buildStart() {
          this.emitFile({ type: 'asset', fileName: 'inbox.css', source: readFileSync(new URL('./server/inbox/ui/inbox.css', import.meta.url), 'utf8') });
        },
      },
      nodeResolve({ exportConditions: ['production'] }),
      transpile(),
      minifyHTML({ options: { minifyOptions: { conservativeCollapse: true } } }),
      terser({ ecma: 2021, module: true, format: { comments: false } }),
    ],
  },
  {
    input: { index: 'src/index.ts', ...widgets },
    external: (id) => /^(lit|@lit|zod)(\/|$)/.test(id),
    output: { dir: `${out}/esm`, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js', sourcemap: true },
    // Dynamically imported code (long-lists.ts) lands in shared/, two folders below dist/.
    plugins: [shapes(), nodeResolve(), transpile('../../regions/')],
  },
];
