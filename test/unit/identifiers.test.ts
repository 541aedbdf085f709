import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkIdentifier,
  nikMatchesBirthDate,
  nikMatchesSex,
  normalizeIdentifier,
  PROVINCE_CODES,
  type IdentifierError,
  type IdentifierKind,
} from '../../src/identifiers.js';
import { normalizePhone } from '../../src/phone.js';

const cases: [IdentifierKind, string, string, IdentifierError | undefined][] = [
  // kind, input, normalized, error
  ['nik', '3174052505850003', '3174052505850003', undefined],
  ['nik', '3201014108900001', '3201014108900001', undefined],
  ['nik', '3201 0141 0890 0001', '3201014108900001', undefined],
  ['nik', '32.01.01.410890.0001', '3201014108900001', undefined],
  ['nik', '3201-0141-0890-0001', '3201014108900001', undefined],
  ['nik', '9601017112990001', '9601017112990001', undefined],
  ['nik', '320101410890001', '320101410890001', 'digits'],
  ['nik', '32010141089000011', '32010141089000011', 'digits'],
  ['nik', '32010141O8900001', '32010141O8900001', 'digits'],
  ['nik', '', '', 'digits'],
  ['nik', '2001014108900001', '2001014108900001', 'province'],
  ['nik', '9901014108900001', '9901014108900001', 'province'],
  ['nik', '3201010008900001', '3201010008900001', 'birthDate'],
  ['nik', '3201013208900001', '3201013208900001', 'birthDate'],
  ['nik', '3201014008900001', '3201014008900001', 'birthDate'],
  ['nik', '3201017208900001', '3201017208900001', 'birthDate'],
  ['nik', '3201011513900001', '3201011513900001', 'birthDate'],
  ['nik', '3201011500900001', '3201011500900001', 'birthDate'],
  ['nik', '3201014108900000', '3201014108900000', 'serial'],
  ['npwp', '01.234.567.8-901.000', '012345678901000', undefined],
  ['npwp', '0012345678901000', '0012345678901000', undefined],
  ['npwp', '3174052505850003', '3174052505850003', undefined],
  ['npwp', '01234567890100', '01234567890100', 'digits'],
  ['npwp', '00123456789010000', '00123456789010000', 'digits'],
  ['nib', '9120001234567', '9120001234567', undefined],
  ['nib', '912000123456', '912000123456', 'digits'],
  ['kbli', '47111', '47111', undefined],
  ['kbli', '4711', '4711', 'digits'],
  ['kbli', '4711a', '4711a', 'digits'],
  ['postal-code', '14140', '14140', undefined],
  ['postal-code', '1414', '1414', 'digits'],
];

describe('identifiers', () => {
  for (const [kind, input, value, error] of cases) {
    it(`${error ? `rejects ${kind} "${input}" (${error})` : `accepts ${kind} "${input}"`}`, () => {
      expect(checkIdentifier(kind, input)).to.deep.equal(error ? { value, error } : { value });
    });
  }

  it('knows the 38 provinces, including the Papua splits 93–96', () => {
    expect(PROVINCE_CODES).to.have.length(38);
    expect(new Set(PROVINCE_CODES).size).to.equal(38);
    for (const code of ['11', '21', '31', '36', '51', '65', '76', '82', '91', '92', '93', '94', '95', '96']) expect(PROVINCE_CODES).to.include(code);
    for (const code of ['10', '20', '37', '54', '77', '90', '97']) expect(PROVINCE_CODES).not.to.include(code);
  });

  it('matches a NIK with the birth date, adding 40 to the day for women', () => {
    expect(nikMatchesBirthDate('3174052505850003', { year: 1985, month: 5, day: 25 })).to.equal(true);
    expect(nikMatchesBirthDate('3201014108900001', { year: 1990, month: 8, day: 1 })).to.equal(true);
    expect(nikMatchesBirthDate('3201014108900001', { year: 1990, month: 8, day: 2 })).to.equal(false);
    expect(nikMatchesBirthDate('3201014108900001', { year: 1991, month: 8, day: 1 })).to.equal(false);
    expect(nikMatchesBirthDate('3201014108900001', { year: 1990, month: 9, day: 1 })).to.equal(false);
  });

  it('matches a NIK with the sex', () => {
    expect(nikMatchesSex('3201014108900001', true)).to.equal(true);
    expect(nikMatchesSex('3201014108900001', false)).to.equal(false);
    expect(nikMatchesSex('3174052505850003', false)).to.equal(true);
  });

  const phones: [string, string | undefined][] = [
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(021) 654-0123', '+62216540123'],
    ['0811 4345 757', '+628114345757'],
    ['812345', undefined],
    ['0800 123 4567', undefined],
    ['halo', undefined],
  ];
  for (const [input, expected] of phones) {
    it(`normalizes the phone number "${input}" to ${expected ?? 'nothing'}`, () => {
      expect(normalizePhone(input)).to.equal(expected);
    });
  }

  it('normalizes identifiers idempotently', () => {
    const typed = fc.stringMatching(/^[\d .\-]{0,24}$/);
    fc.assert(fc.property(fc.oneof(typed, fc.string()), (input) => normalizeIdentifier(normalizeIdentifier(input)) === normalizeIdentifier(input)));
    fc.assert(
      fc.property(fc.constantFrom('nik', 'npwp', 'nib', 'kbli', 'postal-code'), fc.oneof(typed, fc.string()), (kind: IdentifierKind, input) => {
        const once = checkIdentifier(kind, input);
        expect(checkIdentifier(kind, once.value)).to.deep.equal(once);
      }),
    );
  });

  it('normalizes phone numbers idempotently', () => {
    const typed = fc.stringMatching(/^(\+62|62|0)?[\d ()\-.]{0,16}$/);
    fc.assert(
      fc.property(fc.oneof(typed, fc.string()), (input) => {
        const once = normalizePhone(input);
        return once === undefined || normalizePhone(once) === once;
      }),
    );
  });
});
