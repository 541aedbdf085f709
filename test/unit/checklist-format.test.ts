import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { applicableGroups, formatRupiah, handOffHref, isAnswered, progressOf, validAnswers, withAnswer } from '../../src/checklist/evaluate.js';
import { parseChecklist, type ChecklistDocument, type Variant } from '../../src/checklist/format.js';
import { readSaved, storageKey, writeSaved } from '../../src/checklist/storage.js';
import { LoketRequirementChecklist } from '../../widgets/requirement-checklist/requirement-checklist.js';
import { checklist } from '../fixtures/checklist.js';
import '../../src/messages/authoring.js';
import { appendAndSettle } from '../helpers.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

const examples: string[] = (await (await fetch('/demo/examples.json')).json())['requirement-checklist'];
const demos = Object.fromEntries(await Promise.all(examples.map(async (name) => [name, await (await fetch(`/demo/checklists/${name}.json`)).json()] as const)));

/** A copy of the fixture with one item replaced. */
function withItem(group: number, index: number, item: Record<string, unknown>): unknown {
  const doc = structuredClone(checklist()) as unknown as { groups: { items: unknown[] }[] };
  doc.groups[group]!.items[index] = { ...(doc.groups[group]!.items[index] as object), ...item };
  return doc;
}

describe('parseChecklist with the demo checklists', () => {
  for (const name of examples) {
    it(`accepts ${name}`, () => {
      const result = parseChecklist(demos[name]);
      expect(result.ok, JSON.stringify(!result.ok && result.problems)).to.equal(true);
    });
  }
});

describe('parseChecklist with bad documents', () => {
  const cases: Array<{ name: string; doc: () => unknown; path: string; text: RegExp }> = [
    { name: 'a condition on an unknown variant', doc: () => withItem(0, 0, { when: { field: 'jenisPemohon', equals: 'x' } }), path: 'groups[0].items[0].when.field', text: /pertanyaan "jenisPemohon" tidak ada di daftar ini; pertanyaan yang ada: "applicantType", "requestType"/ },
    { name: 'an unknown variant deep inside all/not', doc: () => withItem(0, 0, { when: { all: [{ field: 'applicantType', equals: 'perorangan' }, { not: { field: 'ukuran', filled: true } }] } }), path: 'groups[0].items[0].when.all[1].not.field', text: /pertanyaan "ukuran" tidak ada/ },
    { name: 'a condition when there are no variants', doc: () => ({ ...checklist(), variants: undefined }), path: 'groups[1].when.field', text: /belum punya "variants"/ },
    { name: 'an option value the variant does not have', doc: () => withItem(1, 0, { when: { field: 'applicantType', equals: 'badan_usaha' } }), path: 'groups[1].items[0].when.equals', text: /pilihan "badan_usaha" tidak ada di pertanyaan "applicantType"; pilihan yang ada: "perorangan", "badan-usaha"/ },
    { name: 'an unknown value inside oneOf', doc: () => withItem(0, 0, { when: { field: 'requestType', oneOf: ['baru', 'lama'] } }), path: 'groups[0].items[0].when.oneOf[1]', text: /pilihan "lama" tidak ada/ },
    { name: 'a number compared with a variant', doc: () => withItem(0, 0, { when: { field: 'requestType', notEquals: 2 } }), path: 'groups[0].items[0].when.notEquals', text: /pilihan "2" tidak ada/ },
    { name: 'a duplicate item id in another group', doc: () => withItem(2, 0, { id: 'ktp' }), path: 'groups[2].items[0].id', text: /duplikat: "ktp" sudah dipakai di groups\[0\]\.items\[0\]\.id/ },
    { name: 'a duplicate variant id', doc: () => ({ ...checklist(), variants: [checklist().variants![0], checklist().variants![0]] }), path: 'variants[1].id', text: /duplikat: "applicantType"/ },
    { name: 'a duplicate option value', doc: () => ({ ...checklist(), variants: [{ id: 'a', label: 'A', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }] }], groups: [{ kind: 'identity', items: [{ id: 'i', label: 'I' }] }] }), path: 'variants[0].options[1].value', text: /duplikat: "x"/ },
    { name: 'a javascript: template link', doc: () => withItem(0, 1, { template: { url: 'javascript:alert(1)' } }), path: 'groups[0].items[1].template.url', text: /alamat "javascript:alert\(1\)" tidak diizinkan/ },
    { name: 'a data: issuer link', doc: () => withItem(1, 1, { issuer: { name: 'OSS', url: 'data:text/html,<b>x</b>' } }), path: 'groups[1].items[1].issuer.url', text: /tidak diizinkan/ },
    { name: 'a JAVASCRIPT: apply URL with a newline', doc: () => ({ ...checklist(), apply: { url: 'JAVA\nSCRIPT:alert(1)' } }), path: 'apply.url', text: /tidak diizinkan/ },
    { name: 'apply with neither url nor form', doc: () => ({ ...checklist(), apply: { label: 'Ajukan' } }), path: 'apply', text: /"apply" memerlukan "url"/ },
    { name: 'whenNeeded on a required item', doc: () => withItem(0, 0, { whenNeeded: 'kadang' }), path: 'groups[0].items[0].whenNeeded', text: /hanya berlaku untuk dokumen dengan "optional": true/ },
    { name: 'an id that is not a plain name', doc: () => withItem(0, 0, { id: 'ktp pemohon' }), path: 'groups[0].items[0].id', text: /id "ktp pemohon" tidak sah/ },
    { name: 'a variant id that is not a plain name', doc: () => ({ ...checklist(), variants: [{ ...checklist().variants![0]!, id: '1&x' }, checklist().variants![1]] }), path: 'variants[0].id', text: /id "1&x" tidak sah/ },
    { name: 'a misspelt key', doc: () => withItem(0, 0, { orginal: true }), path: 'groups[0].items[0].orginal', text: /kunci tidak dikenal/ },
    { name: 'an unknown group kind', doc: () => ({ ...checklist(), groups: [{ kind: 'identitas', items: [{ id: 'a', label: 'A' }] }] }), path: 'groups[0].kind', text: /harus salah satu dari: "identity", "business", "technical", "location", "other"/ },
    { name: 'a future version', doc: () => ({ ...checklist(), version: 2 }), path: 'version', text: /versi 2 tidak dikenal/ },
    { name: 'a variant with one option', doc: () => ({ ...checklist(), variants: [{ id: 'a', label: 'A', options: [{ value: 'x', label: 'X' }] }], groups: [{ kind: 'identity', items: [{ id: 'i', label: 'I' }] }] }), path: 'variants[0].options', text: /terlalu sedikit \(minimal 2 butir\)/ },
    { name: 'a WhatsApp line that is not a mobile', doc: () => ({ ...checklist(), help: { contacts: [{ kind: 'whatsapp', value: '(0361) 811 222' }] } }), path: 'help.contacts[0].value', text: /bukan nomor ponsel Indonesia/ },
    { name: 'an empty group', doc: () => ({ ...checklist(), groups: [{ kind: 'identity', items: [] }] }), path: 'groups[0].items', text: /terlalu sedikit/ },
  ];
  for (const c of cases) {
    it(`names the path of ${c.name}`, () => {
      const result = parseChecklist(c.doc());
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      const problem = result.problems.find((p) => p.path === c.path);
      expect(problem, `${c.path} in ${JSON.stringify(result.problems)}`).to.exist;
      expect(problem!.message).to.match(c.text);
    });
  }

  it('speaks English when asked', () => {
    const result = parseChecklist(withItem(0, 0, { when: { field: 'jenisPemohon', equals: 'x' } }), 'en');
    expect(!result.ok && result.problems[0]!.message).to.equal('question "jenisPemohon" does not exist in this checklist; the questions are: "applicantType", "requestType"');
  });
});

describe('which items apply', () => {
  const doc = checklist();
  const ids = (answers: Record<string, string>) => applicableGroups(doc, answers).flatMap((g) => g.items.map((i) => i.id));

  it('shows only the items every applicant needs until the questions are answered', () => {
    expect(ids({})).to.deep.equal(['ktp', 'surat', 'kuasa']);
  });

  it('adds the business group for a company and the old permit for a renewal', () => {
    expect(ids({ applicantType: 'badan-usaha', requestType: 'baru' })).to.deep.equal(['ktp', 'surat', 'kuasa', 'akta', 'nib']);
    expect(ids({ applicantType: 'perorangan', requestType: 'perpanjangan' })).to.deep.equal(['ktp', 'surat', 'kuasa', 'izinLama']);
  });

  it('counts required items that apply, keeps hidden ticks out of the count, and leaves optional items out', () => {
    const groups = applicableGroups(doc, { applicantType: 'perorangan' });
    expect(progressOf(groups, new Set(['ktp', 'akta', 'kuasa']))).to.deep.equal({ ready: 1, total: 2, optional: 1 });
  });

  it('treats a multiple-choice question like a checkbox group: equals means includes', () => {
    const multi = parseChecklist(demos['sipi']);
    if (!multi.ok) throw new Error('sipi');
    const items = (permits: string[]) => applicableGroups(multi.value, { permits, applicantType: 'perorangan', requestType: 'baru' }).flatMap((g) => g.items.map((i) => i.id));
    expect(items(['sipi'])).to.include('siupBerlaku').and.include('cekFisik').and.not.include('rencanaUsaha');
    expect(items(['siup', 'sipi'])).to.include('rencanaUsaha').and.include('cekFisik').and.not.include('siupBerlaku');
    expect(items(['siup'])).to.not.include('cekFisik');
  });
});

describe('answers', () => {
  const doc = checklist();
  const multiple: Variant = { id: 'permits', label: 'Izin', multiple: true, options: [{ value: 'siup', label: 'SIUP' }, { value: 'sipi', label: 'SIPI' }] };

  it('keeps only known variants and options (stored data may be stale or hostile)', () => {
    expect(validAnswers(doc, { applicantType: 'badan-usaha', requestType: 'lama', other: 'x', __proto__: { requestType: 'baru' } })).to.deep.equal({ applicantType: 'badan-usaha' });
    expect(validAnswers(doc, null)).to.deep.equal({});
    expect(validAnswers(doc, ['badan-usaha'])).to.deep.equal({});
    const multi = { ...doc, variants: [multiple] } as ChecklistDocument;
    expect(validAnswers(multi, { permits: ['sipi', 'x', 'siup'] })).to.deep.equal({ permits: ['siup', 'sipi'] });
    expect(validAnswers(multi, { permits: [] })).to.deep.equal({});
  });

  it('toggles a multiple-choice answer in document order and drops it when empty', () => {
    let answers = withAnswer({}, multiple, 'sipi');
    answers = withAnswer(answers, multiple, 'siup');
    expect(answers).to.deep.equal({ permits: ['siup', 'sipi'] });
    expect(isAnswered(answers, 'permits')).to.equal(true);
    answers = withAnswer(withAnswer(answers, multiple, 'siup', false), multiple, 'sipi', false);
    expect(answers).to.deep.equal({});
    expect(isAnswered(answers, 'permits')).to.equal(false);
  });
});

describe('the hand-off link', () => {
  const base = 'https://pemda.example/layanan/persyaratan.html';

  it('carries each answered variant as a query parameter named by its id', () => {
    expect(handOffHref(checklist(), { applicantType: 'badan-usaha', requestType: 'baru' }, base)).to.equal('https://pemda.example/demo/forms/uji.html?applicantType=badan-usaha&requestType=baru');
    expect(handOffHref(checklist(), {}, base)).to.equal('https://pemda.example/demo/forms/uji.html');
  });

  it('encodes values, keeps the page’s own parameters and repeats a multiple answer', () => {
    const doc = checklist({
      apply: { url: 'formulir?layanan=reklame&applicantType=lama#mulai' },
      variants: [
        { id: 'applicantType', label: 'A', options: [{ value: 'a b&c=d', label: 'X' }, { value: 'y', label: 'Y' }] },
        { id: 'permits', label: 'P', multiple: true, options: [{ value: 'siup', label: 'S' }, { value: 'sipi', label: 'T' }] },
      ],
      groups: [{ kind: 'identity', items: [{ id: 'i', label: 'I' }] }],
    });
    expect(handOffHref(doc, { applicantType: 'a b&c=d', permits: ['siup', 'sipi'] }, base)).to.equal(
      'https://pemda.example/layanan/formulir?layanan=reklame&applicantType=a+b%26c%3Dd&permits=siup&permits=sipi#mulai',
    );
  });

  it('gives nothing without a URL and never a disallowed scheme', () => {
    expect(handOffHref(checklist({ apply: { form: 'uji' } }), {}, base)).to.equal(undefined);
    const bad = { ...checklist(), apply: { url: 'javascript:alert(1)' } } as ChecklistDocument;
    expect(handOffHref(bad, { applicantType: 'perorangan' }, base)).to.equal(undefined);
  });
});

describe('rupiah', () => {
  it('writes amounts as PUEBI does', () => {
    expect(formatRupiah(10_000)).to.equal('Rp10.000');
    expect(formatRupiah(1_500_000)).to.equal('Rp1.500.000');
    expect(formatRupiah(6000.5)).to.equal('Rp6.000,50');
    expect(formatRupiah(0)).to.equal('Rp0');
  });
});

describe('ticks kept on the device', () => {
  afterEach(() => localStorage.clear());

  it('round-trips, removes an empty state, and survives garbage and a throwing storage', () => {
    const key = storageKey(checklist());
    expect(key).to.equal('loket.checklist.uji.v1');
    expect(writeSaved(key, { answers: { applicantType: 'perorangan' }, ticked: ['ktp'] })).to.equal(true);
    expect(readSaved(key)).to.deep.equal({ answers: { applicantType: 'perorangan' }, ticked: ['ktp'] });
    writeSaved(key, { answers: {}, ticked: [] });
    expect(localStorage.getItem(key)).to.equal(null);
    localStorage.setItem(key, '{"answers": [1], "ticked": "ktp"}');
    expect(readSaved(key)).to.deep.equal({ answers: {}, ticked: [] });
    localStorage.setItem(key, 'not json');
    expect(readSaved(key)).to.equal(undefined);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(writeSaved(key, { answers: {}, ticked: ['ktp'] })).to.equal(false);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

// Documents nobody on the team wrote: random values spliced into a valid
// checklist at random paths never make the parser or the element throw.
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '', '\u0000', '__proto__', 'constructor', 'badan-usaha', 'applicantType', 'x y'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('field', 'equals', 'all', 'not', 'id', 'label', 'url', 'value'), fc.string(), { maxKeys: 3 }),
);

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function splice(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = splice(copy[head], rest, replacement);
  return copy;
}

const bases = [checklist(), demos['sipi'], demos['tanya-ptsp']];
const allPaths = bases.flatMap((base, b) => paths(base).map((p) => [b, p] as const));

describe('checklists from nowhere', () => {
  it('never make parseChecklist, applicableGroups or handOffHref throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), hostile, fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.array(fc.string())), { maxKeys: 3 }), ([b, path], value, answers) => {
        const result = parseChecklist(splice(bases[b], path, value), 'en');
        if (result.ok) {
          const valid = validAnswers(result.value, answers);
          progressOf(applicableGroups(result.value, valid), new Set(Object.keys(answers)));
          handOffHref(result.value, valid, location.href);
        } else {
          for (const p of result.problems) expect(p.message).to.be.a('string').and.not.equal('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never make the element throw, and always show either a checklist or an error panel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), hostile, async ([b, path], value) => {
        const el = new LoketRequirementChecklist();
        el.rememberAnswers = false;
        const log = console.error;
        console.error = () => undefined;
        try {
          el.data = splice(bases[b], path, value);
          await appendAndSettle(el);
          const shown = el.shadowRoot!.querySelector('[part="checklist"], [part="error-panel"]');
          expect(shown, JSON.stringify(path)).to.exist;
        } finally {
          console.error = log;
          el.remove();
        }
      }),
      { numRuns: 80 },
    );
  });
});
