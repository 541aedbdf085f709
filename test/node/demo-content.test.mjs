// The demo site is read by people judging loket: each office's page must be
// that office's own, a preview of 2020 must not claim a 2026 update, and a
// template letter must lead back to where it came from.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from './helpers.mjs';

const demo = (path) => readFileSync(join(root, 'demo', path), 'utf8');
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

test('each office page lists its own requirements, in its own words', () => {
  const sections = ['lingga', 'tabanan', 'bontang', 'sragen', 'jakarta-utara'].map((office) => {
    const html = demo(`${office}.html`);
    const match = /<section id="persyaratan"[\s\S]*?<\/section>/.exec(html);
    return { office, requirements: match ? text(match[0]) : '' };
  });
  const withLists = sections.filter((s) => s.requirements);
  assert.ok(withLists.length >= 3);
  for (const a of withLists) {
    for (const b of withLists) {
      if (a !== b) assert.notEqual(a.requirements, b.requirements, `${a.office} and ${b.office} show the same requirements`);
    }
  }
});

test('a banner frozen at an earlier moment never shows a document updated after it', () => {
  let frozen = 0;
  for (const page of readdirSync(join(root, 'demo')).filter((f) => f.endsWith('.html'))) {
    const html = demo(page);
    for (const [tag] of html.matchAll(/<loket-service-status\b[^>]*\bnow="[^"]*"[^>]*>/g)) {
      const src = /\bsrc="\/demo\/([^"]+)"/.exec(tag)?.[1];
      const now = /\bnow="([^"]+)"/.exec(tag)[1];
      assert.ok(src, `${page}: a frozen banner without a /demo/ document: ${tag}`);
      frozen += 1;
      const doc = JSON.parse(demo(src));
      if (doc.updated === undefined) continue;
      assert.ok(doc.updated.slice(0, 16) <= now, `${page}: ${src} says "updated ${doc.updated}" in a preview of ${now}`);
    }
  }
  assert.ok(frozen > 0, 'the demo has no frozen banner to check: this test reads <loket-service-status now="…">');
});

test('every template letter leads back to the requirement list', () => {
  for (const letter of readdirSync(join(root, 'demo/formulir'))) {
    const html = demo(`formulir/${letter}`);
    assert.match(html, /<nav class="breadcrumb[^"]*" aria-label="Remah roti">/, `${letter} has a breadcrumb`);
    assert.match(html, /<a href="\/demo\/persyaratan\.html">Kembali ke daftar persyaratan<\/a>/, `${letter} links back`);
  }
});
