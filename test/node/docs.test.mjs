// The README's tokens and parts tables are generated from the manifest
// (scripts/docs.mjs); this fails when someone changed an element's JSDoc
// header (or the README) without regenerating them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { updateReadme } from '../../scripts/docs.mjs';
import { dist, root } from './helpers.mjs';

test('the README lists every --loket-* token, part and state of the built manifest', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  assert.ok(readme === updateReadme(readme, manifest), 'README.md is out of date: run node scripts/docs.mjs (after a build)');
});
