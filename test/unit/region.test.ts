import { expect } from '@open-wc/testing';
import { evaluateCondition } from '../../src/condition.js';
import { parseForm, type FormDocument } from '../../src/form/format.js';
import { regionFileOf, regionLevel, regionWithin } from '../../src/form/region.js';
import { RegionStore } from '../../src/form/region-store.js';
import { createValidator } from '../../src/form/validate.js';
import { loadLocale } from '../../src/i18n.js';
import '../../src/messages/authoring.js';
import { LongLists, matchOptions, normalizeSearch } from '../../widgets/permit-form/long-lists.js';

// The region data is the built dist/regions/ (npm test builds first).
before(() => loadLocale('en'));

async function loadedStore(...files: string[]): Promise<RegionStore> {
  const store = new RegionStore();
  for (const file of files) {
    const response = await fetch(`/dist/regions/${file}.json`);
    if (response.status === 404) store.markMissing(file);
    else expect(store.add(file, await response.json()), file).to.equal(true);
  }
  return store;
}

const form = (field: Record<string, unknown>, extra: Record<string, unknown>[] = []): unknown => ({
  version: 1,
  id: 'lokasi',
  title: 'Lokasi',
  office: { name: 'DPMPTSP Kabupaten Tabanan' },
  help: { phone: '0361 811 111' },
  steps: [{ heading: 'Lokasi', fields: [{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', ...field }, ...extra] }],
});

function parsed(json: unknown): FormDocument {
  const result = parseForm(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('region codes', () => {
  it('knows the level, parent file and scope of a Kemendagri code', () => {
    expect(['51', '51.02', '51.02.01', '51.02.01.2001', '5102', '51.2', '51.02.01.20011'].map(regionLevel)).to.deep.equal([
      'province', 'regency', 'district', 'village', undefined, undefined, undefined,
    ]);
    expect(['', '51', '51.02', '51.02.01'].map(regionFileOf)).to.deep.equal(['indonesia', '51', '51.02', '51.02']);
    expect(regionWithin('51.02.01.2001', '51.02')).to.equal(true);
    expect(regionWithin('51.020', '51.02')).to.equal(false);
    expect(regionWithin('51.03.01', '51.02')).to.equal(false);
  });

  const SEEDS: [string, string[]][] = [
    ['21.04', ['Kepulauan Riau', 'Kabupaten Lingga']],
    ['33.14', ['Jawa Tengah', 'Kabupaten Sragen']],
    ['64.74', ['Kalimantan Timur', 'Kota Bontang']],
    ['31.72', ['DKI Jakarta', 'Kota Administrasi Jakarta Utara']],
    ['51.02', ['Bali', 'Kabupaten Tabanan']],
    // Papua Selatan (93) was split from Papua in 2022; Merauke moved from 94.01 to 93.01.
    ['93.01', ['Papua Selatan', 'Kabupaten Merauke']],
  ];
  for (const [code, names] of SEEDS) {
    it(`resolves ${code} to ${names[1]}`, async () => {
      const store = await loadedStore(code.slice(0, 2), code);
      expect(store.names(code)).to.deep.equal(names);
      expect(store.children(code)?.length).to.be.greaterThan(2);
    });
  }

  it('resolves a village of Tabanan with one file, and refuses codes that do not exist', async () => {
    const store = await loadedStore('51.02');
    expect(store.names('51.02.01')).to.deep.equal(['Bali', 'Kabupaten Tabanan', 'Selemadeg']);
    expect(store.names('51.02.01.2007')).to.deep.equal(['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap']);
    expect(store.names('51.02.01.2999')).to.equal(null);
    expect(store.names('51.02.99')).to.equal(null);
    expect(store.names('51.03.01.2001'), 'another regency: not loaded yet').to.equal(undefined);
    expect(store.names('51.02.1')).to.equal(null);
  });

  it('reads a 404 as "does not exist", not as "still loading"', async () => {
    const store = await loadedStore('51.99');
    expect(store.names('51.99.01.2001')).to.equal(null);
    expect(store.children('51.99')).to.deep.equal([]);
  });

  it('lists the 38 provinces, Papua Selatan and Papua Barat Daya included', async () => {
    const store = await loadedStore('indonesia', '93');
    expect(store.children('')?.length).to.equal(38);
    expect(store.names('96')).to.deep.equal(['Papua Barat Daya']);
    expect(store.names('93.01')).to.deep.equal(['Papua Selatan', 'Kabupaten Merauke']);
  });
});

describe('region field', () => {
  it('refuses a scope that is not a code, a depth above the scope, and (with data) an unknown scope', async () => {
    const bad = parseForm(form({ within: '5102' }));
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.problems[0]?.path).to.equal('steps[0].fields[0].within');
    const shallow = parseForm(form({ within: '51.02', depth: 'regency' }), 'en');
    expect(shallow.ok).to.equal(false);
    if (!shallow.ok) expect(shallow.problems.map((p) => p.path)).to.deep.equal(['steps[0].fields[0].depth']);
    const store = await loadedStore('indonesia', '51');
    const unknown = parseForm(form({ within: '51.99' }), 'en', { regions: store });
    expect(unknown.ok).to.equal(false);
    if (!unknown.ok) expect(unknown.problems[0]?.message).to.contain('51.99');
    expect(parseForm(form({ within: '51.02' }), 'en', { regions: store }).ok).to.equal(true);
  });

  it('accepts a village of the scope and sends its code with the names from the data', async () => {
    const store = await loadedStore('51.02');
    const validator = createValidator(parsed(form({ within: '51.02' })), { regions: store });
    const answers = { lokasi: { code: '51.02.01.2007', names: ['forged'] } };
    expect(validator.validateAll(answers).errors).to.deep.equal([]);
    expect(validator.finalAnswers(answers)).to.deep.equal({ lokasi: { code: '51.02.01.2007', names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'] } });
  });

  const CASES: [string, unknown, string, string?][] = [
    ['nothing chosen', {}, 'Pilih lokasi usaha'],
    ['a kecamatan without its desa', { code: '51.02.01', names: [] }, 'Lokasi usaha: pilih desa/kelurahan', 'village'],
    ['a village of another regency', { code: '51.03.01.2001', names: [] }, 'Lokasi usaha harus berada di Kabupaten Tabanan'],
    ['the regency itself', { code: '51.02', names: [] }, 'Lokasi usaha harus berada di Kabupaten Tabanan'],
    ['a code that does not exist', { code: '51.02.01.2999', names: ['Bali'] }, 'Lokasi usaha: wilayah yang dipilih tidak ada dalam daftar wilayah; pilih lagi'],
    ['a malformed code', '51.02.01.29', 'Lokasi usaha: wilayah yang dipilih tidak ada dalam daftar wilayah; pilih lagi'],
  ];
  for (const [what, answer, message, part] of CASES) {
    it(`refuses ${what}`, async () => {
      const store = await loadedStore('51.02');
      const validator = createValidator(parsed(form({ within: '51.02' })), { regions: store });
      const { errors } = validator.validateAll({ lokasi: answer });
      expect(errors.map((e) => e.message)).to.deep.equal([message]);
      expect(errors[0]?.part).to.equal(part);
    });
  }

  it('asks to wait while the data is loading, and checks only form and scope without data', () => {
    const loading = createValidator(parsed(form({ within: '51.02' })), { regions: { names: () => undefined } });
    expect(loading.validateAll({ lokasi: { code: '51.02.01.2007' } }).errors[0]?.message).to.match(/belum termuat/);
    const bare = createValidator(parsed(form({ within: '51.02' })));
    expect(bare.validateAll({ lokasi: { code: '51.02.01.2999' } }).ok).to.equal(true);
    expect(bare.validateAll({ lokasi: { code: '51.03.01.2001' } }).ok).to.equal(false);
    expect(bare.finalAnswers({ lokasi: { code: '51.02.01.2007', names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'] } }).lokasi).to.deep.equal({
      code: '51.02.01.2007',
      names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'],
    });
  });

  it('stops at the depth the author asked for', async () => {
    const store = await loadedStore('33.14');
    const validator = createValidator(parsed(form({ within: '33.14', depth: 'district' })), { regions: store });
    expect(validator.validateAll({ lokasi: { code: '33.14.12' } }).ok).to.equal(true);
    expect(validator.validateAll({ lokasi: { code: '33.14.12.2010' } }).ok).to.equal(false);
  });

  it('shows a question for one kecamatan only, by code prefix', () => {
    const doc = parsed(
      form({ within: '51.02' }, [{ type: 'text', name: 'subak', label: 'Nama subak', visibleWhen: { field: 'lokasi', within: ['51.02.01'] } }]),
    );
    const validator = createValidator(doc);
    expect(validator.isVisible('subak', { lokasi: { code: '51.02.01.2007' } })).to.equal(true);
    expect(validator.isVisible('subak', { lokasi: { code: '51.02.02.2001' } })).to.equal(false);
    expect(validator.isVisible('subak', {})).to.equal(false);
    expect(evaluateCondition({ field: 'x', equals: '51.02.01.2007' }, () => ({ code: '51.02.01.2007', names: [] }))).to.equal(true);
    const outside = parseForm(form({ within: '51.02' }, [{ type: 'text', name: 'subak', label: 'Subak', visibleWhen: { field: 'lokasi', within: ['33.14'] } }]), 'en');
    expect(outside.ok).to.equal(false);
    const notRegion = parseForm(form({ within: '51.02' }, [{ type: 'text', name: 'subak', label: 'Subak', visibleWhen: { field: 'subak2', within: ['51.02'] } }, { type: 'text', name: 'subak2', label: 'S' }]));
    expect(notRegion.ok).to.equal(false);
  });
});

describe('long lists', () => {
  const options = [
    { value: '56101', label: 'Restoran' },
    { value: '56102', label: 'Warung Makan' },
    { value: '47112', label: 'Perdagangan Eceran Berbagai Macam Barang yang Utamanya Makanan' },
    { value: 'x', label: 'Pura Tanah Lót' },
  ];

  it('matches words in any order, ignoring case and diacritics, and codes', () => {
    expect(matchOptions(options, 'makan warung', 'id').map((o) => o.value)).to.deep.equal(['56102']);
    expect(matchOptions(options, 'MAKAN', 'id').map((o) => o.value)).to.deep.equal(['56102', '47112']);
    expect(matchOptions(options, 'tanah lot', 'id').map((o) => o.value)).to.deep.equal(['x']);
    expect(matchOptions(options, '5610', 'id').map((o) => o.value)).to.deep.equal(['56101', '56102']);
    expect(matchOptions(options, '  ', 'id')).to.have.length(4);
    expect(normalizeSearch('Désa  Ñgepringan!')).to.equal('desa ngepringan');
  });

  it('finds the same matches while typing on, backspacing and starting over as for each query alone', () => {
    const list = options.map((o) => ({ ...o }));
    const fresh = (query: string) => matchOptions(options, query, 'id').map((o) => o.value);
    for (const query of ['m', 'ma', 'makan', 'makan w', 'makan warung', 'makan', 'r', 're', 'resto', '561', '5610', '56101', '']) {
      expect(matchOptions(list, query, 'id').map((o) => o.value), query).to.deep.equal(fresh(query));
    }
  });

  it('re-renders only forms on the page when a fetched list arrives', async () => {
    const calls = { placed: 0, removed: 0 };
    const host = (name: keyof typeof calls) => ({
      locale: () => 'id' as const,
      regionsUrl: () => undefined,
      baseUri: () => location.href,
      refresh: () => undefined,
      refreshAll: () => calls[name]++,
      root: () => document.createElement('div').attachShadow({ mode: 'open' }),
      rendered: () => Promise.resolve(),
    });
    // One created for a form that left the page before the code arrived (never connected), one on the page.
    const removed = new LongLists(host('removed'));
    const placed = new LongLists(host('placed'));
    placed.connect();
    expect(placed.optionsFrom('/demo/data/kbli-2020.json?listeners-1')).to.equal(undefined);
    await placed.pending();
    expect(calls).to.deep.equal({ placed: 1, removed: 0 });
    placed.disconnect();
    removed.optionsFrom('/demo/data/kbli-2020.json?listeners-2');
    await removed.pending();
    expect(calls).to.deep.equal({ placed: 1, removed: 0 });
  });

  it('needs either options or optionsFrom on a select, not both', () => {
    const base = { version: 1, id: 'f', title: 'F', office: { name: 'O' }, help: { phone: '0361 811 111' } };
    const withField = (field: Record<string, unknown>) => parseForm({ ...base, steps: [{ heading: 'S', fields: [{ type: 'select', name: 'kbli', label: 'KBLI', ...field }] }] });
    expect(withField({ optionsFrom: '/demo/data/kbli.json' }).ok).to.equal(true);
    expect(withField({}).ok).to.equal(false);
    expect(withField({ optionsFrom: 'javascript:alert(1)' }).ok).to.equal(false);
    expect(withField({ optionsFrom: '/x.json', options: [{ value: 'a', label: 'A' }] }).ok).to.equal(false);
  });
});
