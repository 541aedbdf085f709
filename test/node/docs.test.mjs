// The docs: generated sections (snippet, tokens, attributes and events, the
// error panel's messages) must match the code (scripts/docs.mjs); every doc is
// listed in docs/README.md; the Indonesian and English references hold the
// same pages; links between docs lead somewhere; and every place a webmaster
// copies the snippet from says the same thing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { INTEGRITY_PLACEHOLDER, snippet } from '../../demo/snippet.js';
import { apiSection, loadContext, renderAll, tokensSection } from '../../scripts/docs.mjs';
import { root } from './helpers.mjs';

const ctx = await loadContext();
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Every Markdown file under docs/, relative to the repository. */
function docs(dir = 'docs') {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? docs(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

test('every generated section is up to date (run node scripts/docs.mjs after npm run build)', () => {
  for (const file of renderAll(ctx)) {
    assert.ok(file.updated === file.current, `${file.file} is out of date: run node scripts/docs.mjs (after npm run build)`);
  }
});

test('the README, the quick start and demo/embed.html show the one snippet', () => {
  const expected = snippet({ version: ctx.version }).trimEnd();
  const between = (file) => {
    const text = read(file);
    return text.slice(text.indexOf('<!-- snippet:start -->'), text.indexOf('<!-- snippet:end -->'));
  };
  const unescape = (html) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const file of ['README.md', 'docs/mulai-cepat.md']) {
    assert.ok(between(file).includes(`\`\`\`html\n${expected}\n\`\`\``), `${file} does not show the snippet of demo/snippet.js`);
  }
  assert.ok(unescape(between('demo/embed.html')).includes(`<pre><code>${expected}</code></pre>`), 'demo/embed.html does not show the snippet');
  // The canonical snippet: pinned to this version, with integrity, Indonesian whatever the page says.
  assert.match(expected, new RegExp(`src="/loket/${ctx.version.replace(/\./g, '\\.')}/loket\\.js"\\n  integrity="${INTEGRITY_PLACEHOLDER}" crossorigin="anonymous"`));
  assert.match(expected, /<loket-service-status src="\/loket\/status\.json" lang="id" refresh="300">\n {2}<a href="\/layanan">/);
});

test('every loket.js the docs load is pinned to a version and carries integrity', () => {
  for (const file of [...docs(), 'README.md']) {
    for (const [tag] of read(file).matchAll(/<script type="module" src="[^"]*loket\.js"[^>]*>/g)) {
      assert.match(tag, /\/(loket\/|loket@)\d+\.\d+\.\d+\/(dist\/)?loket\.js"/, `${file}: ${tag} is not version-pinned`);
      assert.match(tag, /integrity="sha384-/, `${file}: ${tag} has no integrity`);
    }
  }
});

test('docs/README.md lists every doc, and every doc it lists exists', () => {
  const index = read('docs/README.md');
  const listed = new Set([...index.matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => `docs/${m[1]}`));
  for (const file of docs()) if (file !== 'docs/README.md') assert.ok(listed.has(file), `${file} is not listed in docs/README.md`);
  for (const file of listed) assert.ok(existsSync(join(root, file)), `docs/README.md lists ${file}, which does not exist`);
});

test('the Indonesian and the English reference have the same pages', () => {
  const names = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort();
  assert.deepEqual(names('docs/referensi'), names('docs/reference'));
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading) => heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');

test('links between docs lead to files and headings that exist', () => {
  for (const file of [...docs(), 'README.md']) {
    const text = read(file).replace(/```[\s\S]*?```/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path, anchor] = target.split('#');
      const resolved = path ? relative(root, join(root, dirname(file), path)) : file;
      assert.ok(existsSync(join(root, resolved)), `${file}: link to ${target}, which does not exist`);
      if (anchor && resolved.endsWith('.md')) {
        const headings = [...read(resolved).matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]));
        assert.ok(headings.includes(anchor), `${file}: link to ${target}, but ${resolved} has no heading #${anchor}`);
      }
    }
  }
});

test('nothing points at the INDONESIA.md that is not in the repository', () => {
  for (const file of [...docs(), 'README.md']) assert.doesNotMatch(read(file), /INDONESIA\.md/, file);
});

test('a token, part, attribute or event without Indonesian text fails with a message saying where to add it', () => {
  const manifest = structuredClone(ctx.manifest);
  const banner = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'loket-service-status');
  banner.cssParts.push({ name: 'brand-new-part', description: 'A part nobody translated.' });
  banner.events.push({ name: 'loket-brand-new', description: 'An event nobody translated.' });
  assert.match(tokensSection(manifest, 'en'), /`brand-new-part` \| service-status \| A part nobody translated\./);
  assert.throws(() => tokensSection(manifest, 'id', ctx.id), /scripts\/docs\.id\.json has no Indonesian text for parts "brand-new-part"/);
  assert.throws(() => apiSection(manifest, 'loket-service-status', 'id', ctx.id), /no Indonesian text for events "loket-service-status loket-brand-new"/);
});

/** Every property name a JSON Schema allows, at any depth (the document formats' keys). */
function schemaKeys(node, out = new Set(), seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    out.add(key);
    schemaKeys(value, out, seen);
  }
  for (const key of ['items', 'additionalProperties']) schemaKeys(node[key], out, seen);
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const value of node[key] ?? []) schemaKeys(value, out, seen);
  for (const value of Object.values(node.$defs ?? {})) schemaKeys(value, out, seen);
  return out;
}

// The format tables are written by hand (the schemas carry no descriptions), so
// at least every key a format accepts must be named in its reference page, in
// both languages: a key added to a format without docs fails here.
for (const format of readdirSync(join(root, 'dist/schemas')).filter((f) => f.endsWith('.v1.json'))) {
  const page = format.replace(/\.v1\.json$/, '');
  test(`the ${page} reference names every key of its format, in Indonesian and English`, () => {
    const keys = [...schemaKeys(JSON.parse(read(`dist/schemas/${format}`)))].filter((k) => k !== '$schema');
    assert.ok(keys.length > 10, `${format}: found only ${keys.length} keys`);
    for (const dir of ['docs/referensi', 'docs/reference']) {
      // The form's submit, draft and receipt keys live in submission.md.
      const text = read(`${dir}/${page}.md`) + (page === 'permit-form' ? read(`${dir}/submission.md`) : '');
      const missing = keys.filter((k) => !new RegExp(`(^|[^\\w$])${k.replace(/\$/g, '\\$')}(\\W|$)`).test(text));
      assert.deepEqual(missing, [], `${dir}/${page}.md does not name these keys of ${format}`);
    }
  });
}
