// Every --loket-* custom property a widget's styles read must be documented in
// that widget's JSDoc (@cssprop), which feeds the manifest, the editor data and
// the theming tables in docs/ (scripts/docs.mjs): an undocumented token is a theming surprise.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const tokens = (source) => new Set([...source.matchAll(/var\((--loket-[a-z0-9-]+)/g)].map((m) => m[1]));

for (const widget of ['service-status', 'permit-form', 'requirement-checklist', 'application-status']) {
  test(`every token <loket-${widget}> reads is documented with @cssprop`, () => {
    const styles = readdirSync(new URL(`widgets/${widget}/`, root))
      .filter((f) => f.endsWith('.styles.ts'))
      .map((f) => read(`widgets/${widget}/${f}`))
      .concat(read('widgets/shared/shared.styles.ts'))
      .join('\n');
    const documented = new Set([...read(`widgets/${widget}/${widget}.ts`).matchAll(/@cssprop \[?(--loket-[a-z0-9-]+)/g)].map((m) => m[1]));
    const missing = [...tokens(styles)].filter((t) => !documented.has(t));
    assert.deepEqual(missing, [], `undocumented in widgets/${widget}/${widget}.ts`);
  });
}
