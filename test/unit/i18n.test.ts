import { expect } from '@open-wc/testing';
import { CATALOGUES, MESSAGE_KEYS, msg } from '../../src/i18n.js';
import { LOCALES, text, toLocale } from '../../src/text.js';

describe('i18n', () => {
  it('has every message in every locale, with the same placeholders', () => {
    for (const key of MESSAGE_KEYS) {
      const placeholders = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const expected = new Set(placeholders(CATALOGUES.id[key]));
      for (const locale of LOCALES) {
        const entry = CATALOGUES[locale][key];
        expect(entry, `${locale} ${key}`).to.exist;
        expect(new Set(placeholders(entry)), `${locale} ${key}`).to.deep.equal(expected);
      }
    }
  });

  it('substitutes placeholders and picks plural forms', () => {
    expect(msg('id', 'status.closesAt', { time: '15.30 WITA' })).to.equal('tutup pukul 15.30 WITA');
    expect(msg('en', 'load.invalid', { count: 1 })).to.contain('(1 problem)');
    expect(msg('en', 'load.invalid', { count: 3 })).to.contain('(3 problems)');
    expect(msg('id', 'load.invalid', { count: 3 })).to.contain('(3 masalah)');
  });

  it('writes Indonesian the PUEBI way', () => {
    const all = JSON.stringify(CATALOGUES.id);
    expect(all).not.to.match(/silahkan|Jum'at|Pebruari|Nopember/);
  });

  it('resolves schema text per locale, falling back to Indonesian', () => {
    expect(text('Tutup', 'en')).to.equal('Tutup');
    expect(text({ id: 'Tutup', en: 'Closed' }, 'en')).to.equal('Closed');
    expect(text({ id: 'Tutup' }, 'en')).to.equal('Tutup');
    expect(toLocale('en-GB')).to.equal('en');
    expect(toLocale('jv')).to.equal('id');
    expect(toLocale('')).to.equal(undefined);
  });
});
