import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { conditionMsg } from '../../src/condition.js';
import { FIELD_TYPES, parseForm } from '../../src/form/format.js';
import { formMsg } from '../../src/form/messages.js';
import { createValidator } from '../../src/form/validate.js';
import type { Messages } from '../../src/i18n.js';
import { LOCALES } from '../../src/text.js';
import '../../src/messages/authoring.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

type Json = Record<string, unknown>;

/** A small valid document; tests break one thing at a time. */
function doc(fields: unknown[], more: Json[] = []): Json {
  return {
    version: 1,
    id: 'test',
    title: { id: 'Uji', en: 'Test' },
    office: { name: 'DPMPTSP' },
    help: { whatsapp: '0812-3456-7890', hours: 'Senin–Jumat, pukul 08.00–15.00 WIB' },
    steps: [{ heading: 'Langkah 1', fields }, ...more],
  };
}
const text = (name: string, extra: Json = {}) => ({ type: 'text', name, label: name, ...extra });
const radio = (name: string, values: string[], extra: Json = {}) => ({ type: 'radio', name, label: name, options: values.map((value) => ({ value, label: value })), ...extra });

describe('parseForm', () => {
  it('accepts a small valid document', () => {
    const result = parseForm(doc([radio('kind', ['a', 'b']), text('name', { visibleWhen: { field: 'kind', equals: 'a' } })]));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  it('has every form and condition message in both languages with the same placeholders', () => {
    const placeholders = (entry: unknown) => new Set([...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    for (const messages of [formMsg, conditionMsg] as unknown as Messages<string>[]) {
      for (const key of messages.keys) {
        for (const locale of LOCALES) expect(placeholders(messages.catalogues[locale]?.[key]), `${locale} ${key}`).to.deep.equal(placeholders(messages.catalogues.id[key]));
      }
      expect(JSON.stringify(messages.catalogues.id)).not.to.match(/silahkan|Jum'at|Pebruari|Nopember/);
    }
  });

  const bad: [string, Json, string, RegExp][] = [
    ['a field type unknown to version 1, listing the known types', doc([{ type: 'txt', name: 'a', label: 'A' }]), 'steps[0].fields[0].type', /"txt" tidak dikenal.*text, textarea.*notice/],
    ['an unknown key', doc([text('a', { patern: 'x' })]), 'steps[0].fields[0].patern', /kunci tidak dikenal/],
    ['an unknown key at the top', { ...doc([text('a')]), titel: 'x' }, 'titel', /kunci tidak dikenal/],
    ['a missing label', doc([{ type: 'text', name: 'a' }]), 'steps[0].fields[0].label', /wajib/],
    ['an unsupported version', { ...doc([text('a')]), version: 2 }, 'version', /versi 2 tidak dikenal/],
    ['a field name with a dot', doc([text('a.b')]), 'steps[0].fields[0].name', /nama isian "a.b" tidak sah/],
    ['a group inside a group', doc([{ type: 'group', name: 'g', label: 'G', fields: [{ type: 'group', name: 'h', label: 'H', fields: [text('x')] }] }]), 'steps[0].fields[0].fields[0].type', /grup berulang/],
    ['a duplicate field name across steps', doc([text('a')], [{ heading: 'L2', fields: [text('a')] }]), 'steps[1].fields[0].name', /duplikat: "a" sudah dipakai di steps\[0\]\.fields\[0\]\.name/],
    ['a duplicate field name inside a group', doc([{ type: 'group', name: 'g', label: 'G', fields: [text('x'), text('x')] }]), 'steps[0].fields[0].fields[1].name', /duplikat/],
    ['a condition on an unknown field', doc([text('a', { visibleWhen: { all: [{ field: 'b', filled: true }] } })]), 'steps[0].fields[0].visibleWhen.all[0].field', /isian "b" tidak ada/],
    ['a condition naming a field inside a group from outside', doc([{ type: 'group', name: 'g', label: 'G', fields: [text('x')] }, text('a', { requiredWhen: { field: 'x', filled: true } })]), 'steps[0].fields[1].requiredWhen.field', /isian "x" tidak ada/],
    ['a condition on a field asked on a later step, naming it', doc([text('a', { visibleWhen: { field: 'later', filled: true } })], [{ heading: 'L2', fields: [text('later')] }]), 'steps[0].fields[0].visibleWhen.field', /"later" baru ditanyakan di langkah 2/],
    ['a step shown on a condition about its own field', doc([text('a')], [{ heading: 'L2', visibleWhen: { field: 'b', filled: true }, fields: [text('b')] }]), 'steps[1].visibleWhen.field', /"b" baru ditanyakan di langkah 2/],
    ['a cycle between visibility conditions', doc([text('a', { visibleWhen: { field: 'b', filled: true } }), text('b', { visibleWhen: { field: 'a', filled: true } })]), 'steps[0].fields[0].visibleWhen', /melingkar: a → b → a/],
    ['a field shown on a condition about itself', doc([text('a', { visibleWhen: { field: 'a', empty: true } })]), 'steps[0].fields[0].visibleWhen', /melingkar: a → a/],
    ['a compared value that is not an option', doc([radio('kind', ['company', 'person']), text('a', { visibleWhen: { field: 'kind', oneOf: ['person', 'compnay'] } })]), 'steps[0].fields[1].visibleWhen.oneOf[1]', /"compnay" bukan nilai pilihan/],
    ['a single checkbox compared with text', doc([{ type: 'checkbox', name: 'agree', label: 'Setuju', optional: true }, text('a', { visibleWhen: { field: 'agree', equals: 'yes' } })]), 'steps[0].fields[1].visibleWhen.equals', /true atau false/],
    ['a pattern that is not a regular expression', doc([text('a', { pattern: '[A-Z' })]), 'steps[0].fields[0].pattern', /pola "\[A-Z" bukan/],
    ['a pattern only valid once wrapped', doc([text('a', { pattern: 'a)(b' })]), 'steps[0].fields[0].pattern', /bukan ekspresi reguler/],
    ['an empty options list', doc([radio('kind', [])]), 'steps[0].fields[0].options', /daftar pilihan kosong/],
    ['a duplicate option value', doc([radio('kind', ['a', 'b', 'a'])]), 'steps[0].fields[0].options[2].value', /duplikat: "a" sudah dipakai di steps\[0\]\.fields\[0\]\.options\[0\]\.value/],
    ['minLength greater than maxLength', doc([text('a', { minLength: 10, maxLength: 5 })]), 'steps[0].fields[0].minLength', /minLength \(10\) lebih besar daripada maxLength \(5\)/],
    ['min greater than max on a number', doc([{ type: 'number', name: 'n', label: 'N', min: 5, max: 1 }]), 'steps[0].fields[0].min', /min \(5\) lebih besar/],
    ['min greater than max on a group', doc([{ type: 'group', name: 'g', label: 'G', min: 3, max: 2, fields: [text('x')] }]), 'steps[0].fields[0].min', /min \(3\)/],
    ['min greater than max on a date', doc([{ type: 'date', name: 'd', label: 'D', min: '2021-01-01', max: '2020-01-01' }]), 'steps[0].fields[0].min', /lebih besar/],
    ['more required ticks than options', doc([{ type: 'checkboxes', name: 'c', label: 'C', min: 3, options: [{ value: 'a', label: 'A' }] }]), 'steps[0].fields[0].min', /jumlah pilihan \(1\)/],
    ['a bad date bound', doc([{ type: 'date', name: 'd', label: 'D', max: '17-08-1945' }]), 'steps[0].fields[0].max', /batas tanggal/],
    ['a bad accepted file type', doc([{ type: 'file', name: 'f', label: 'F', accept: ['pdf'], maxSize: 1000 }]), 'steps[0].fields[0].accept[0]', /jenis berkas "pdf"/],
    ['a NIK cross-check against a field that is not a date', doc([text('dob'), { type: 'nik', name: 'nik', label: 'NIK', crossCheck: { birthDate: 'dob' } }]), 'steps[0].fields[1].crossCheck.birthDate', /bukan isian tanggal/],
    ['a help channel without any contact', { ...doc([text('a')]), help: { hours: 'Senin' } }, 'help', /kontak bantuan/],
    ['a WhatsApp help number that is not a mobile', { ...doc([text('a')]), help: { whatsapp: '021 6540 123' } }, 'help.whatsapp', /bukan nomor ponsel/],
    ['an empty condition', doc([text('a', { visibleWhen: {} })]), 'steps[0].fields[0].visibleWhen', /tepat satu operator/],
  ];
  for (const [name, input, path, message] of bad) {
    it(`names the path of ${name}`, () => {
      const result = parseForm(input);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      const found = result.problems.find((p) => p.path === path);
      expect(found, JSON.stringify(result.problems)).to.exist;
      expect(found?.message).to.match(message);
    });
  }

  it('reports problems in English too', () => {
    const result = parseForm(doc([text('a', { visibleWhen: { field: 'b', filled: true } })]), 'en');
    expect(result.ok ? [] : result.problems).to.deep.equal([{ path: 'steps[0].fields[0].visibleWhen.field', message: 'field "b" does not exist in this form' }]);
  });

  it('allows "at least one of" required-when conditions that refer to each other', () => {
    const result = parseForm(doc([
      { type: 'phone', name: 'phone', label: 'Telepon', optional: true, requiredWhen: { field: 'email', empty: true } },
      { type: 'email', name: 'email', label: 'Email', optional: true, requiredWhen: { field: 'phone', empty: true } },
    ]));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  it('lets fields in a group refer to their siblings and to earlier fields', () => {
    const result = parseForm(doc([
      radio('kind', ['a', 'b']),
      { type: 'group', name: 'g', label: 'G', fields: [radio('x', ['y', 'n']), text('z', { visibleWhen: { all: [{ field: 'x', equals: 'y' }, { field: 'kind', equals: 'a' }] } })] },
    ]));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  it('never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = parseForm(json);
        expect(result.ok).to.equal(false);
      }),
      { numRuns: 300 },
    );
  });

  const field = fc.oneof(
    fc.record({ type: fc.constantFrom(...FIELD_TYPES, 'bogus'), name: fc.constantFrom('a', 'b', 'c', 'g', 'x', 'a.b', ''), label: fc.string() }, { requiredKeys: ['type'] }),
    fc.record({
      type: fc.constantFrom('radio', 'checkboxes', 'select'),
      name: fc.constantFrom('a', 'b', 'c'),
      label: fc.constant('L'),
      options: fc.array(fc.record({ value: fc.constantFrom('p', 'q', ''), label: fc.constant('P') }), { maxLength: 3 }),
      visibleWhen: fc.constantFrom(undefined, { field: 'a', equals: 'p' }, { field: 'b', filled: true }, { not: { field: 'c', oneOf: ['q'] } }),
    }),
    fc.record({
      type: fc.constant('text'),
      name: fc.constantFrom('a', 'b', 'c'),
      label: fc.constant('L'),
      pattern: fc.constantFrom('(a+)+$', '[', '\\d{3}', 'a)(b', '.*'),
      minLength: fc.integer({ min: -1, max: 5 }),
      maxLength: fc.integer({ min: 0, max: 5 }),
      optional: fc.boolean(),
      requiredWhen: fc.constantFrom(undefined, { field: 'a', empty: true }, { any: [] }),
    }),
    fc.record({ type: fc.constant('group'), name: fc.constantFrom('g', 'a'), label: fc.constant('G'), min: fc.integer({ min: 0, max: 3 }), fields: fc.constant([{ type: 'text', name: 'x', label: 'X', visibleWhen: { field: 'a', filled: true } }]) }),
  );
  const answers = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'g', 'x', '__proto__', 'constructor'), fc.oneof(fc.jsonValue(), fc.constant([{ x: 'v' }, null]), fc.constant({ day: '31', month: '2', year: '2020' })));

  it('never throws on mutated documents, and their validators never throw on any answers', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), answers, (steps, given) => {
        const input = doc(steps[0] ?? [], steps.slice(1).map((fields, i) => ({ heading: `L${i + 2}`, fields, visibleWhen: i % 2 ? { field: 'a', filled: true } : undefined })));
        const result = parseForm(JSON.parse(JSON.stringify(input)));
        if (!result.ok) {
          for (const problem of result.problems) expect(problem.message).not.to.match(/^(form|schema|condition)\./);
          return;
        }
        const validator = createValidator(result.value);
        validator.validateAll(given);
        validator.finalAnswers(given);
        validator.visibleSteps(given);
        for (const path of ['a', 'b', 'g', 'g[0].x', 'g[9].x', 'nope[0]']) {
          validator.validateField(given, path);
          validator.isVisible(path, given);
        }
      }),
      { numRuns: 300 },
    );
  });
});
