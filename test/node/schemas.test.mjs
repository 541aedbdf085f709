// The generated JSON Schemas and the zod parsers must agree, so that an
// editor never underlines what the widget accepts and never misses the
// mistakes a schema can express. Runs against the built dist/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { demoDocuments, dist, lib } from './helpers.mjs';

const { DOCUMENT_FORMATS, detectFormat, schemaFileName } = await lib();

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map(
  DOCUMENT_FORMATS.map((format) => {
    const file = `${dist}/schemas/${schemaFileName(format)}`;
    assert.ok(existsSync(file), `the build writes ${file}`);
    return [format.kind, ajv.compile(JSON.parse(readFileSync(file, 'utf8')))];
  }),
);

/** `{ zod, ajv }`: whether each side accepts the document, with the problems for messages. */
function judge(format, doc) {
  const parsed = format.parse(doc, 'en');
  const validate = validators.get(format.kind);
  const valid = validate(doc);
  return { zod: parsed.ok, ajv: valid, problems: parsed.ok ? [] : parsed.problems, errors: validate.errors ?? [] };
}

const show = (verdict) =>
  `zod ${verdict.zod ? 'accepts' : 'rejects'} (${verdict.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}), ` +
  `JSON Schema ${verdict.ajv ? 'accepts' : 'rejects'} (${verdict.errors.map((e) => `${e.instancePath} ${e.message}`).slice(0, 3).join('; ')})`;

const clone = (value) => structuredClone(value);

/** Every place in a document: [path, value, parent, key]. */
function* places(value, path = [], parent = undefined, key = undefined) {
  yield [path, value, parent, key];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* places(v, [...path, Array.isArray(value) ? Number(k) : k], value, Array.isArray(value) ? Number(k) : k);
  }
}

const at = (doc, path) => path.reduce((v, k) => v[k], doc);
const WRONG_TYPE = { string: 42, number: 'x', boolean: 'x' };
const wrongType = (value) => (Array.isArray(value) ? {} : value === null ? 1 : typeof value === 'object' ? [] : WRONG_TYPE[typeof value]);

/** Mutations of a good document: [label, mutated document, both must reject]. */
function* mutations(doc) {
  for (const [path, value, parent, key] of places(doc)) {
    const where = path.join('.') || '(root)';
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const added = clone(doc);
      at(added, path).colour = 'hijau';
      yield [`unknown key at ${where}`, added, true];
    }
    if (parent === undefined) continue;
    const nulled = clone(doc);
    at(nulled, path.slice(0, -1))[key] = null;
    yield [`null at ${where}`, nulled, true];
    const wrong = clone(doc);
    at(wrong, path.slice(0, -1))[key] = wrongType(value);
    yield [`wrong type at ${where}`, wrong, false];
    if (!Array.isArray(parent)) {
      const removed = clone(doc);
      delete at(removed, path.slice(0, -1))[key];
      yield [`without ${where}`, removed, false];
    }
  }
}

const documents = demoDocuments();

describe('demo documents', () => {
  test('there are demo documents of every format', () => {
    for (const format of DOCUMENT_FORMATS) {
      assert.ok(documents.some((d) => detectFormat(d.json) === format), `no demo document is a ${format.kind}`);
    }
  });
  for (const { file, json } of documents) {
    test(`${file} is accepted by its parser and its JSON Schema`, () => {
      const format = detectFormat(json);
      assert.ok(format, `${file}: cannot tell which format it is`);
      const verdict = judge(format, json);
      assert.ok(verdict.zod && verdict.ajv, `${file}: ${show(verdict)}`);
    });
  }
});

describe('parser and JSON Schema agree on broken documents', () => {
  for (const format of DOCUMENT_FORMATS) {
    const sample = documents.find((d) => detectFormat(d.json) === format);
    if (!sample) continue;
    test(`every ${format.kind} the JSON Schema rejects, the parser rejects too (mutations of ${sample.file})`, () => {
      let count = 0;
      for (const [label, doc, bothReject] of mutations(sample.json)) {
        const verdict = judge(format, doc);
        count++;
        if (!verdict.ajv) assert.equal(verdict.zod, false, `${label}: the JSON Schema is stricter than the parser: ${show(verdict)}`);
        if (bothReject) assert.ok(!verdict.ajv && !verdict.zod, `${label}: ${show(verdict)}`);
      }
      assert.ok(count > 50, `only ${count} mutations`);
    });
  }
});

/** Known-bad documents per format, each with the path both sides must name. */
const KNOWN_BAD = {
  'service-status': [
    ['an unknown key', (d) => (d.office.fax = '0361'), 'office.fax', '/office'],
    ['a wrong enum value', (d) => (d.channels[0].state = 'buka'), 'channels[0].state', '/channels/0/state'],
    ['a missing required key', (d) => delete d.office.timeZone, 'office.timeZone', '/office'],
    ['a wrong type', (d) => (d.channels = { kind: 'online' }), 'channels', '/channels'],
  ],
  'permit-form': [
    ['an unknown key', (d) => (d.steps[0].judul = 'Data'), 'steps[0].judul', '/steps/0'],
    ['a wrong enum value', (d) => (d.steps[0].fields[0].type = 'telepon'), 'steps[0].fields[0].type', '/steps/0/fields/0'],
    ['a missing required key', (d) => delete d.steps[0].heading, 'steps[0].heading', '/steps/0'],
    ['a wrong type', (d) => (d.version = '1'), 'version', '/version'],
  ],
  'requirement-checklist': [
    ['an unknown key', (d) => (d.permit.nama = 'x'), 'permit.nama', '/permit'],
    ['a wrong enum value', (d) => (d.groups[0].kind = 'lain'), 'groups[0].kind', '/groups/0/kind'],
    ['a missing required key', (d) => delete d.groups, 'groups', ''],
    ['a wrong type', (d) => (d.groups[0].items = 'KTP'), 'groups[0].items', '/groups/0/items'],
  ],
  'application-status': [
    ['an unknown key', (d) => (d.office.nik = '3171234567890001'), 'office.nik', '/office'],
    ['a wrong enum value', (d) => (d.timeline[0].state = 'diterima'), 'timeline[0].state', '/timeline/0/state'],
    ['a missing required key', (d) => delete d.office.timeZone, 'office.timeZone', '/office'],
    ['a wrong type', (d) => (d.timeline = { state: 'received' }), 'timeline', '/timeline'],
  ],
};

describe('known-bad documents', () => {
  for (const format of DOCUMENT_FORMATS) {
    const sample = documents.find((d) => detectFormat(d.json) === format);
    const cases = KNOWN_BAD[format.kind];
    test(`${format.kind} has known-bad cases`, () => assert.ok(cases, `add ${format.kind} to KNOWN_BAD`));
    if (!sample || !cases) continue;
    for (const [label, mutate, path, pointer] of cases) {
      test(`a ${format.kind} with ${label} is rejected by both at ${path}`, () => {
        const doc = clone(sample.json);
        mutate(doc);
        const verdict = judge(format, doc);
        assert.ok(!verdict.zod && !verdict.ajv, show(verdict));
        assert.ok(verdict.problems.some((p) => p.path === path), `parser names ${path}: ${show(verdict)}`);
        assert.ok(verdict.errors.some((e) => e.instancePath === pointer), `JSON Schema names ${pointer}: ${show(verdict)}`);
      });
    }
  }
});
