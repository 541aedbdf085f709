// The npm build (dist/esm/, zod left to the app's bundler) on a runtime whose
// Object.prototype and Array.prototype carry enumerable additions, as old host
// libraries leave them. zod threw while building the first schema there; the
// guard is src/prototypes.ts. A child process, so this test's own runtime
// stays clean.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { demoDocuments, root } from './helpers.mjs';

test('the npm build loads, parses every demo document and validates answers after a host polluted the prototypes', () => {
  const program = `
    Object.prototype.extend = function () { return this; };
    Object.prototype.name = 'warisan';
    Array.prototype.remove = function () { return this; };
    const lib = await import(${JSON.stringify(new URL('../../dist/esm/index.js', import.meta.url).href)});
    const { readFileSync } = await import('node:fs');
    const docs = JSON.parse(process.argv[1]).map((file) => ({ file, json: JSON.parse(readFileSync(file, 'utf8')) }));
    const out = docs.map(({ file, json }) => {
      const result = lib.detectFormat(json).parse(json);
      return { file, ok: result.ok, problems: result.ok ? [] : result.problems };
    });
    const form = lib.parseForm(docs.find((d) => d.file.endsWith('tanya-ptsp.json') && d.file.includes('forms')).json).value;
    const empty = lib.createValidator(form).validateStep({}, 0);
    const keys = []; for (const k in []) keys.push(k);
    console.log(JSON.stringify({ out, emptyFields: empty.errors.map((e) => e.field), keys }));`;
  const files = demoDocuments().map(({ file }) => file);
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify(files)], { cwd: root, encoding: 'utf8' });
  const { out, emptyFields, keys } = JSON.parse(stdout);
  for (const doc of out) assert.deepEqual(doc.problems, [], `${doc.file} parses`);
  assert.ok(out.length >= 10, 'every demo document was tried');
  assert.ok(emptyFields.length > 0 && !emptyFields.some((f) => ['extend', 'remove', 'name'].includes(f)), 'only the form\'s own fields are reported');
  assert.deepEqual(keys.sort(), ['extend', 'name', 'remove'], 'the host\'s additions are enumerable again afterwards');
});

test('every module that builds zod schemas hides the host\'s additions first', () => {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(root, 'src'));
  const builders = files.filter((file) => /^import \* as z from 'zod\/mini';/m.test(readFileSync(file, 'utf8')));
  assert.ok(builders.length >= 6);
  for (const file of builders) {
    const source = readFileSync(file, 'utf8');
    const guard = source.indexOf('\nownKeysOnlyWhileLoading();');
    const firstSchema = source.search(/\n(export )?const \w+ = [^;]*\bz\.\w+\(/);
    assert.ok(guard > 0 && (firstSchema < 0 || guard < firstSchema), `${relative(root, file)} calls ownKeysOnlyWhileLoading() before building a schema`);
  }
});
