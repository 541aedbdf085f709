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

test('"__proto__" and "constructor" in documents are reported or handled as ordinary names', async () => {
  const lib = await import(new URL('../../dist/esm/index.js', import.meta.url).href);
  // JSON.parse makes "__proto__" an own key: an unknown key at its path, never a prototype.
  const polluting = lib.parseForm(JSON.parse('{ "__proto__": { "isAdmin": true }, "version": 1 }'));
  assert.equal(polluting.ok, false);
  assert.ok(polluting.problems.some((p) => p.path === '__proto__'));
  assert.equal({}.isAdmin, undefined);
  const status = JSON.parse(readFileSync(join(root, 'demo/status/lingga.json'), 'utf8'));
  status.hours = JSON.parse('{ "constructor": [], "mon": [{ "open": "08:00", "close": "16:00" }] }');
  assert.deepEqual(lib.parseStatus(status).problems.map((p) => p.path), ['hours.constructor']);
  // Field names that are also Object.prototype members work like any other.
  const form = lib.parseForm({
    version: 1, id: 'x', title: 'T', office: { name: 'O' }, help: { phone: '0811-4345-757' },
    steps: [{ heading: 'S', fields: [
      { type: 'text', name: 'constructor', label: 'Nama' },
      { type: 'text', name: 'toString', label: 'Alamat', visibleWhen: { field: 'constructor', filled: true } },
      { type: 'group', name: 'hasOwnProperty', label: 'Kapal', min: 1, fields: [{ type: 'text', name: 'valueOf', label: 'Nama kapal' }] },
    ] }],
  });
  assert.equal(form.ok, true, JSON.stringify(form.problems));
  const validator = lib.createValidator(form.value);
  assert.deepEqual(validator.validateAll({}).errors.map((e) => e.field), ['constructor', 'hasOwnProperty']);
  assert.equal(validator.isVisible('toString', {}), false);
  const answers = { constructor: 'Siti', toString: 'Jl. A', hasOwnProperty: [{ valueOf: 'KM Bahari' }] };
  assert.equal(validator.validateAll(answers).ok, true);
  assert.deepEqual(validator.finalAnswers(answers), answers);
});
