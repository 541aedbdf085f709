import { expect } from '@open-wc/testing';
import { Condition, evaluateCondition, isEmptyValue, referencedFields } from '../../src/condition.js';
import { toProblems } from '../../src/problems.js';
import '../../src/messages/authoring.js';

const answers: Record<string, unknown> = {
  applicantType: 'company',
  spaced: ' company ',
  size: '12',
  gt: 30,
  renewal: true,
  consent: false,
  documents: ['ktp', 'npwp'],
  blank: '   ',
  nothing: [],
  dob: { day: '', month: '', year: '' },
  dobFilled: { day: '17', month: '8', year: '1945' },
};
const valueOf = (name: string) => answers[name];

const table: [string, Condition, boolean][] = [
  ['equals matches a text answer', { field: 'applicantType', equals: 'company' }, true],
  ['equals ignores surrounding spaces in the answer', { field: 'spaced', equals: 'company' }, true],
  ['equals fails on another text', { field: 'applicantType', equals: 'individual' }, false],
  ['equals compares a typed number with a number', { field: 'size', equals: 12 }, true],
  ['equals compares a number answer with a number', { field: 'gt', equals: 30 }, true],
  ['equals compares a ticked checkbox with true', { field: 'renewal', equals: true }, true],
  ['equals compares an unticked checkbox with false', { field: 'consent', equals: false }, true],
  ['equals on a checkbox group means contains', { field: 'documents', equals: 'npwp' }, true],
  ['equals on a checkbox group fails when not ticked', { field: 'documents', equals: 'nib' }, false],
  ['equals on an unanswered field is false', { field: 'missing', equals: 'x' }, false],
  ['notEquals holds for another value', { field: 'applicantType', notEquals: 'individual' }, true],
  ['notEquals fails for the same value', { field: 'applicantType', notEquals: 'company' }, false],
  ['notEquals on a checkbox group means does not contain', { field: 'documents', notEquals: 'nib' }, true],
  ['notEquals holds for an unanswered field', { field: 'missing', notEquals: 'x' }, true],
  ['oneOf holds when the answer is listed', { field: 'applicantType', oneOf: ['cv', 'company'] }, true],
  ['oneOf fails when the answer is not listed', { field: 'applicantType', oneOf: ['cv', 'individual'] }, false],
  ['oneOf on a checkbox group means contains any', { field: 'documents', oneOf: ['nib', 'ktp'] }, true],
  ['oneOf on a checkbox group fails when none is ticked', { field: 'documents', oneOf: ['nib', 'akta'] }, false],
  ['filled holds for a text', { field: 'applicantType', filled: true }, true],
  ['filled fails for blank text', { field: 'blank', filled: true }, false],
  ['filled fails for an empty list', { field: 'nothing', filled: true }, false],
  ['filled fails for an unticked checkbox', { field: 'consent', filled: true }, false],
  ['filled fails for a date with no parts', { field: 'dob', filled: true }, false],
  ['filled holds for a date with parts', { field: 'dobFilled', filled: true }, true],
  ['filled holds for a number', { field: 'gt', filled: true }, true],
  ['empty holds for an unanswered field', { field: 'missing', empty: true }, true],
  ['empty holds for blank text', { field: 'blank', empty: true }, true],
  ['empty fails for a checkbox group with ticks', { field: 'documents', empty: true }, false],
  ['all holds when every condition holds', { all: [{ field: 'applicantType', equals: 'company' }, { field: 'renewal', equals: true }] }, true],
  ['all fails when one condition fails', { all: [{ field: 'applicantType', equals: 'company' }, { field: 'renewal', equals: false }] }, false],
  ['any holds when one condition holds', { any: [{ field: 'applicantType', equals: 'x' }, { field: 'renewal', equals: true }] }, true],
  ['any fails when no condition holds', { any: [{ field: 'applicantType', equals: 'x' }, { field: 'renewal', equals: false }] }, false],
  ['not inverts a condition', { not: { field: 'applicantType', equals: 'company' } }, false],
  ['conditions nest', { all: [{ not: { field: 'missing', filled: true } }, { any: [{ field: 'documents', equals: 'ktp' }] }] }, true],
];

describe('condition language', () => {
  for (const [name, cond, expected] of table) {
    it(name, () => {
      expect(Condition.safeParse(cond).success, 'parses').to.equal(true);
      expect(evaluateCondition(cond, valueOf)).to.equal(expected);
    });
  }

  it('lists the fields a condition reads, once each', () => {
    const cond: Condition = { all: [{ field: 'a', equals: 1 }, { not: { field: 'b', filled: true } }, { any: [{ field: 'a', empty: true }, { field: 'c', oneOf: ['x'] }] }] };
    expect(referencedFields(cond)).to.deep.equal(['a', 'b', 'c']);
  });

  it('treats only nothing, blank text, empty lists, false and empty dates as empty', () => {
    for (const value of [undefined, null, '', ' ', [], false, { day: '', month: ' ', year: '' }]) expect(isEmptyValue(value), JSON.stringify(value)).to.equal(true);
    for (const value of ['0', 0, true, ['a'], { day: '1', month: '', year: '' }]) expect(isEmptyValue(value), JSON.stringify(value)).to.equal(false);
  });

  const bad: [string, unknown, string][] = [
    ['a misspelt operator at its own key', { field: 'a', equal: 'x' }, 'equal'],
    ['two operators in one object', { field: 'a', equals: 'x', filled: true }, ''],
    ['a field operator without a field', { equals: 'x' }, 'field'],
    ['a field next to a combinator', { field: 'a', all: [{ field: 'b', filled: true }] }, 'field'],
    ['an empty oneOf list', { field: 'a', oneOf: [] }, 'oneOf'],
    ['an empty all list', { all: [] }, 'all'],
    ['an object compared with equals', { field: 'a', equals: { x: 1 } }, 'equals'],
    ['a problem deep inside', { all: [{ not: { field: 'a', filled: false } }] }, 'all[0].not.filled'],
  ];
  for (const [name, input, path] of bad) {
    it(`reports ${name} with its path`, () => {
      const result = Condition.safeParse(input);
      expect(result.success).to.equal(false);
      if (result.success) return;
      const problems = toProblems(result.error.issues, input, 'id');
      expect(problems.map((p) => p.path)).to.include(path);
    });
  }
});
