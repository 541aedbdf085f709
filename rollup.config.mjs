// Two builds from one source:
// - dist/loket.js: the script-tag loader, minified, with Lit and zod bundled;
//   each widget is a lazily imported chunk under dist/chunks/.
// - dist/esm/: ES modules for npm consumers, with lit and zod left as imports
//   so an app's bundler shares one copy.
import { readFileSync } from 'node:fs';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** Where to write; scripts/build.mjs builds into a staging folder and swaps it in. */
const out = process.env.LOKET_DIST || 'dist';

const transpile = () =>
  esbuild({
    target: 'es2021',
    tsconfig: 'tsconfig.json',
    define: { __LOKET_VERSION__: JSON.stringify(version) },
  });

const widgets = {
  'service-status': 'widgets/service-status/service-status.ts',
  'requirement-checklist': 'widgets/requirement-checklist/requirement-checklist.ts',
  'permit-form': 'widgets/permit-form/permit-form.ts',
};

export default [
  {
    input: { loket: 'src/loader.ts' },
    output: {
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      transpile(),
      // Lit templates and styles keep their source whitespace unless minified here.
      // Conservative: a run of spaces becomes one space, never none — "Email (tidak
      // wajib)" must not become "Email(tidak wajib)" across nested templates.
      minifyHTML({ options: { minifyOptions: { conservativeCollapse: true } } }),
      terser({ ecma: 2021, module: true, format: { comments: false } }),
    ],
  },
  {
    input: { index: 'src/index.ts', ...widgets },
    external: (id) => /^(lit|@lit|zod)(\/|$)/.test(id),
    output: { dir: `${out}/esm`, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js', sourcemap: true },
    plugins: [nodeResolve(), transpile()],
  },
];
