import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { conditionMsg } from '../../src/condition.js';
import { FIELD_TYPES, parseForm } from '../../src/form/format.js';
import { formMsg } from '../../src/form/messages.js';
import { createValidator } from '../../src/form/validate.js';
import type { Messages } from '../../src/i18n.js';
import { LOCALES } from '../../src/text.js';
import '../../src/messages/authoring.js';
import { BROKEN_FORMS, doc, radio, text } from '../fixtures/broken-forms.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

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

  const bad = BROKEN_FORMS;
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
