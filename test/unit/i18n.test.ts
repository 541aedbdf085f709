import { expect } from '@open-wc/testing';
import '../../src/checklist/messages.js';
import '../../src/form/messages.js';
import '../../src/form/later-messages.js';
import '../../src/form/ui-messages.js';
import { allMessages, defineMessages, loadLocale, localeReady } from '../../src/i18n.js';
import '../../src/messages/authoring.js';
import { statusMsg } from '../../src/status/messages.js';
import '../../src/submit/messages.js';
import { panelMsg } from '../../widgets/shared/error-panel.js';
import { LOCALES, text, toLocale } from '../../src/text.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

const placeholders = (entry: unknown) => new Set([...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('i18n', () => {
  it('speaks Indonesian without fetching anything, and English once fetched', async () => {
    expect(localeReady('id')).to.equal(true);
    await loadLocale('en');
    expect(localeReady('en')).to.equal(true);
  });

  it('has every message of every catalogue in every locale, with the same placeholders', () => {
    expect(allMessages().length).to.be.greaterThan(1);
    for (const messages of allMessages()) {
      for (const key of messages.keys) {
        for (const locale of LOCALES) {
          const entry = messages.catalogues[locale]?.[key];
          expect(entry, `${locale} ${key}`).to.exist;
          expect(placeholders(entry), `${locale} ${key}`).to.deep.equal(placeholders(messages.catalogues.id[key]));
        }
      }
    }
  });

  it('substitutes placeholders and picks plural forms', () => {
    expect(statusMsg('id', 'status.closesAt', { time: '15.30 WITA' })).to.equal('tutup pukul 15.30 WITA');
    expect(panelMsg('en', 'load.invalid', { count: 1 })).to.contain('(1 problem)');
    expect(panelMsg('en', 'load.invalid', { count: 3 })).to.contain('(3 problems)');
    expect(panelMsg('id', 'load.invalid', { count: 3 })).to.contain('(3 masalah)');
  });

  it('picks the plural form Intl.PluralRules would, in both languages', () => {
    const entry = { one: 'one', other: 'other' };
    const pick = defineMessages({ 'test.plural': entry }, { 'test.plural': entry });
    for (const count of [0, 1, 2, 1.5, 11, 21, 101, -1, 1e21]) {
      for (const locale of ['id', 'en'] as const) {
        expect(pick(locale, 'test.plural', { count }), `${locale} ${count}`).to.equal(new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other');
      }
    }
  });

  it('writes Indonesian the PUEBI way', () => {
    for (const messages of allMessages()) {
      expect(JSON.stringify(messages.catalogues.id)).not.to.match(/silahkan|Jum'at|Pebruari|Nopember|\d\d:\d\d (WIB|WITA|WIT)/);
    }
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
