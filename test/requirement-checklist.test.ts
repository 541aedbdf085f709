import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { LoketApplyEvent, LoketChecklistChangeEvent } from '../src/checklist/events.js';
import type { ChecklistDocument, Variant } from '../src/checklist/format.js';
import type { LoketErrorEvent } from '../src/events.js';
import '../widgets/requirement-checklist/requirement-checklist.js';
import { LoketRequirementChecklist } from '../widgets/requirement-checklist/requirement-checklist.js';
import { checklist } from './fixtures/checklist.js';
import { countConsoleErrors, inlineJson, mount, shadowText, unmountAll } from './helpers.js';

const examples: string[] = (await (await fetch('/demo/examples.json')).json())['requirement-checklist'];

type El = LoketRequirementChecklist;

const inline = (doc: unknown, attrs = '') =>
  `<loket-requirement-checklist ${attrs}><script type="application/json">${typeof doc === 'string' ? doc : inlineJson(doc)}</script><a href="/persyaratan">Lihat persyaratan di situs kantor</a></loket-requirement-checklist>`;

async function ready(markup: string): Promise<El> {
  const probe = mount<El>(markup);
  await probe.next('loket-ready');
  await probe.el.updateComplete;
  return probe.el;
}

const root = (el: El) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: El, selector: string) => root(el).querySelector<T & Element>(selector) as T | null;
const itemIds = (el: El) => [...root(el).querySelectorAll<HTMLInputElement>('input.tick')].map((i) => i.id.replace(/^item-/, ''));
const progressText = (el: El) => $(el, '.progress-text')!.textContent!.trim();
const status = (el: El) => $(el, '[role="status"]')!.textContent!.trim();

/** Chooses an option the way a citizen does: a click on its label. */
async function answer(el: El, variant: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `input[name="${variant}"][value="${value}"]`)!;
  expect(input, `${variant}=${value}`).to.exist;
  root(el).querySelector<HTMLLabelElement>(`label[for="${input.id}"]`)!.click();
  await el.updateComplete;
}

async function tick(el: El, id: string): Promise<void> {
  root(el).querySelector<HTMLLabelElement>(`label[for="item-${id}"]`)!.click();
  await el.updateComplete;
}

/** Every combination of answers: one option per question, any non-empty subset for a multiple one. */
function combinations(variants: readonly Variant[]): Record<string, string[]>[] {
  let out: Record<string, string[]>[] = [{}];
  for (const v of variants) {
    const values = v.options.map((o) => o.value);
    const choices = v.multiple ? Array.from({ length: 2 ** values.length - 1 }, (_, n) => values.filter((_, i) => (n + 1) & (1 << i))) : values.map((x) => [x]);
    out = out.flatMap((combo) => choices.map((c) => ({ ...combo, [v.id]: c })));
  }
  return out;
}

/** Sets the inputs to exactly a combination, clicking only what differs. */
async function setAnswers(el: El, combo: Record<string, string[]>): Promise<void> {
  for (const [variant, values] of Object.entries(combo)) {
    for (const input of root(el).querySelectorAll<HTMLInputElement>(`input[name="${variant}"]`)) {
      if (input.checked !== values.includes(input.value)) input.click();
    }
  }
  await el.updateComplete;
}

beforeEach(() => {
  localStorage.clear();
  LoketRequirementChecklist.announceDelayMs = 30;
});
afterEach(() => {
  unmountAll();
  localStorage.clear();
  LoketRequirementChecklist.announceDelayMs = 800;
});

describe('<loket-requirement-checklist> with the demo checklists', function () {
  // axe runs once per variant combination (reklame has dozens): 10-16 s on
  // the shared 2-core machine under load, with or without the fast path.
  this.timeout(60_000);
  for (const name of examples) {
    it(`renders ${name} in every variant combination, in Indonesian and English, with no axe violations`, async function () {
      // One axe run per combination (up to 16): on a loaded 2-core machine that alone passes the default 10 s.
      this.timeout(60_000);
      const doc: ChecklistDocument = await (await fetch(`/demo/checklists/${name}.json`)).json();
      const el = await ready(`<loket-requirement-checklist src="/demo/checklists/${name}.json"></loket-requirement-checklist>`);
      expect($(el, 'article[part="checklist"]')!.getAttribute('aria-labelledby')).to.equal('title');
      expect(progressText(el)).to.match(/^0 dari \d+ dokumen siap$/);
      await expect(el).to.be.accessible();
      const combos = combinations(doc.variants ?? []);
      for (const combo of combos) {
        await setAnswers(el, combo);
        expect($(el, '.unanswered'), JSON.stringify(combo)).to.equal(null);
        const href = $<HTMLAnchorElement>(el, 'a[part="apply"]')!.href;
        const params = new URL(href).searchParams;
        for (const [variant, values] of Object.entries(combo)) expect(params.getAll(variant), `${name} ${variant}`).to.deep.equal(values);
        await expect(el).to.be.accessible();
      }
      el.lang = 'en';
      await el.updateComplete;
      expect(progressText(el)).to.match(/^0 of \d+ documents? ready$/);
      expect(shadowText(el)).to.contain('Print the list').and.contain('Clear ticks');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<loket-requirement-checklist> behaviour', () => {
  it('asks the variant questions as radio groups in fieldsets with legends', async () => {
    const el = await ready(inline(checklist()));
    const fieldsets = [...root(el).querySelectorAll('fieldset[part="variant"]')];
    expect(fieldsets.map((f) => f.querySelector('legend')!.textContent!.trim())).to.deep.equal(['Pemohon', 'Jenis permohonan']);
    const radios = [...fieldsets[0]!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.name, r.value, r.checked])).to.deep.equal([['applicantType', 'perorangan', false], ['applicantType', 'badan-usaha', false]]);
  });

  it('shows only the items that apply to the answers, grouped under headings', async () => {
    const el = await ready(inline(checklist()));
    expect(itemIds(el)).to.deep.equal(['ktp', 'surat', 'kuasa']);
    expect($(el, '.unanswered')!.textContent).to.contain('Jawab semua pertanyaan di atas');
    await answer(el, 'applicantType', 'badan-usaha');
    await answer(el, 'requestType', 'perpanjangan');
    expect(itemIds(el)).to.deep.equal(['ktp', 'surat', 'kuasa', 'akta', 'nib', 'izinLama']);
    expect([...root(el).querySelectorAll('.group-title')].map((h) => [h.textContent!.trim(), h.getAttribute('aria-level')])).to.deep.equal([
      ['Identitas', '4'],
      ['Usaha', '4'],
      ['Dokumen lain', '4'],
    ]);
    expect($(el, '.unanswered')).to.equal(null);
    await answer(el, 'applicantType', 'perorangan');
    expect(itemIds(el)).to.deep.equal(['ktp', 'surat', 'kuasa', 'izinLama']);
  });

  it('labels each checkbox and links its explanation and specifics with aria-describedby', async () => {
    const el = await ready(inline(checklist()));
    const box = $<HTMLInputElement>(el, '#item-ktp')!;
    expect(root(el).querySelector(`label[for="item-ktp"]`)!.textContent!.trim()).to.equal('KTP');
    const desc = root(el).getElementById(box.getAttribute('aria-describedby')!)!;
    expect(desc.textContent!.replace(/\s+/g, ' ')).to.contain('Kartu tanda penduduk').and.contain('Berkas PDF, JPG, atau PNG, maksimal 2 MB').and.contain('Tunjukkan asli');
    const kuasa = root(el).getElementById($(el, '#item-kuasa')!.getAttribute('aria-describedby')!)!;
    expect(kuasa.textContent!.replace(/\s+/g, ' ')).to.contain('Bila diperlukan: bila dikuasakan').and.contain('Bermaterai Rp10.000');
    expect($(el, 'label[for="item-kuasa"]')!.textContent).to.contain('(bila diperlukan)');
    expect($(el, '#item-surat')!.hasAttribute('aria-describedby')).to.equal(false);
    await answer(el, 'requestType', 'perpanjangan');
    const izin = root(el).getElementById($(el, '#item-izinLama')!.getAttribute('aria-describedby')!)!;
    expect(izin.textContent!.replace(/\s+/g, ' ')).to.contain('Foto ukuran 4R').and.contain('2 rangkap');
  });

  it('counts ticked required items, announces the progress politely once changes settle, and says when all are ready', async () => {
    const probe = mount<El>(inline(checklist()));
    await probe.next('loket-ready');
    const el = probe.el;
    const changes: LoketChecklistChangeEvent[] = [];
    el.addEventListener('loket-change', (e) => changes.push(e));
    await answer(el, 'applicantType', 'badan-usaha');
    await answer(el, 'requestType', 'baru');
    expect(progressText(el)).to.equal('0 dari 4 dokumen siap');
    await new Promise((r) => setTimeout(r, 80));
    expect(status(el)).to.equal('Daftar diperbarui: 5 dokumen untuk pilihan Anda. 0 dari 4 dokumen siap.');
    await tick(el, 'ktp');
    await tick(el, 'akta');
    await tick(el, 'kuasa');
    expect(progressText(el)).to.equal('2 dari 4 dokumen siap');
    expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(2);
    expect($<HTMLProgressElement>(el, 'progress')!.max).to.equal(4);
    expect(status(el), 'not yet: debounced').to.contain('Daftar diperbarui');
    await new Promise((r) => setTimeout(r, 80));
    expect(status(el)).to.equal('2 dari 4 dokumen siap');
    expect($(el, 'label[for="item-ktp"] .ready-mark')!.textContent).to.equal('Siap');
    await tick(el, 'surat');
    await tick(el, 'nib');
    await new Promise((r) => setTimeout(r, 80));
    expect(status(el)).to.equal('4 dari 4 dokumen siap. Semua dokumen wajib siap. Silakan ajukan permohonan.');
    expect($(el, '.all-ready')).to.exist;
    expect(el.matches(':state(complete)')).to.equal(true);
    expect(changes.at(-1)!.detail).to.deep.include({ ready: 4, total: 4 });
    expect(changes.at(-1)!.detail.answers).to.deep.equal({ applicantType: 'badan-usaha', requestType: 'baru' });
  });

  it('keeps the tick of an item that stops applying, without counting it, and restores it when it applies again', async () => {
    const el = await ready(inline(checklist()));
    await answer(el, 'applicantType', 'badan-usaha');
    await answer(el, 'requestType', 'baru');
    await tick(el, 'akta');
    expect(progressText(el)).to.equal('1 dari 4 dokumen siap');
    await answer(el, 'applicantType', 'perorangan');
    expect(itemIds(el)).not.to.include('akta');
    expect(progressText(el)).to.equal('0 dari 2 dokumen siap');
    expect(el.tickedItems).to.deep.equal(['akta']);
    await answer(el, 'applicantType', 'badan-usaha');
    expect($<HTMLInputElement>(el, '#item-akta')!.checked).to.equal(true);
    expect(progressText(el)).to.equal('1 dari 4 dokumen siap');
  });

  it('keeps focus on the radio the citizen changed while the list below changes', async () => {
    const el = await ready(inline(checklist()));
    const radio = $<HTMLInputElement>(el, 'input[name="applicantType"][value="badan-usaha"]')!;
    radio.focus();
    radio.click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(radio);
    expect(itemIds(el)).to.include('akta');
  });

  it('moves focus to the progress line when the focused item disappears', async () => {
    const el = await ready(inline(checklist()));
    await answer(el, 'applicantType', 'badan-usaha');
    const box = $<HTMLInputElement>(el, '#item-akta')!;
    box.focus();
    const changed = structuredClone(checklist());
    changed.groups[1]!.when = { field: 'applicantType', equals: 'perorangan' };
    el.data = changed;
    await el.updateComplete;
    expect(box.isConnected).to.equal(false);
    expect(root(el).activeElement).to.equal($(el, '#progress'));
  });

  it('remembers ticks and answers across a reload, per checklist id', async () => {
    let el = await ready(inline(checklist()));
    await answer(el, 'applicantType', 'badan-usaha');
    await tick(el, 'ktp');
    await tick(el, 'nib');
    expect($(el, '.saved-note')!.textContent).to.contain('disimpan di perangkat ini saja');
    unmountAll();
    el = await ready(inline(checklist()));
    expect($<HTMLInputElement>(el, 'input[name="applicantType"][value="badan-usaha"]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#item-ktp')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#item-nib')!.checked).to.equal(true);
    expect(progressText(el)).to.equal('2 dari 4 dokumen siap');
    unmountAll();
    el = await ready(inline({ ...checklist(), id: 'lain' }));
    expect(el.tickedItems).to.deep.equal([]);
    expect(el.variantAnswers).to.deep.equal({});
  });

  it('ignores stored answers and ticks that the document no longer has', async () => {
    localStorage.setItem('loket.checklist.uji.v1', JSON.stringify({ answers: { applicantType: 'koperasi', requestType: 'baru' }, ticked: ['ktp', 'hilang', 3] }));
    const el = await ready(inline(checklist()));
    expect(el.variantAnswers).to.deep.equal({ requestType: 'baru' });
    expect(el.tickedItems).to.deep.equal(['ktp']);
  });

  it('does not store anything with remember-answers="false"', async () => {
    const el = await ready(inline(checklist(), 'remember-answers="false"'));
    expect(el.rememberAnswers).to.equal(false);
    await tick(el, 'ktp');
    expect(localStorage.length).to.equal(0);
    expect($(el, '.saved-note')).to.equal(null);
  });

  it('keeps working when storage is disabled, and says ticks will not be kept', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      const el = await ready(inline(checklist()));
      await tick(el, 'ktp');
      expect($<HTMLInputElement>(el, '#item-ktp')!.checked).to.equal(true);
      expect(progressText(el)).to.equal('1 dari 2 dokumen siap');
      expect($(el, '.saved-note')!.textContent).to.contain('tidak dapat disimpan');
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('clears every tick, hidden ones included, keeps the answers, and announces it', async () => {
    const el = await ready(inline(checklist()));
    await answer(el, 'applicantType', 'badan-usaha');
    await tick(el, 'akta');
    await answer(el, 'applicantType', 'perorangan');
    await tick(el, 'ktp');
    const clear = $<HTMLButtonElement>(el, 'button[part="clear"]')!;
    expect(clear.textContent!.trim()).to.equal('Hapus centang');
    clear.focus();
    clear.click();
    await el.updateComplete;
    expect(el.tickedItems).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#item-ktp')!.checked).to.equal(false);
    expect(el.variantAnswers).to.deep.equal({ applicantType: 'perorangan' });
    expect(root(el).activeElement).to.equal(clear);
    await new Promise((r) => setTimeout(r, 80));
    expect(status(el)).to.equal('Semua centang dihapus. 0 dari 2 dokumen siap.');
    expect(JSON.parse(localStorage.getItem('loket.checklist.uji.v1')!)).to.deep.equal({ answers: { applicantType: 'perorangan' }, ticked: [] });
  });

  it('prints: the button calls window.print, and the print view has the office, permit, answers, empty boxes and help', async () => {
    const el = await ready(inline(checklist()));
    await answer(el, 'applicantType', 'badan-usaha');
    await tick(el, 'ktp');
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, 'button[part="print"]')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    const answers = $(el, '.print-answers')!;
    expect(answers.textContent!.replace(/\s+/g, ' ')).to.contain('Pemohon: Badan usaha').and.contain('Jenis permohonan: belum dijawab');
    expect(root(el).querySelectorAll('.print-box').length).to.equal(itemIds(el).length);
    expect($(el, '.print-apply')!.textContent).to.contain('/demo/forms/uji.html?applicantType=badan-usaha');
    expect(getComputedStyle($(el, '.print-box')!).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    try {
      const shown = (s: string) => getComputedStyle($(el, s)!).display !== 'none';
      expect(shown('.print-box'), 'empty boxes').to.equal(true);
      expect(shown('.print-answers'), 'answers').to.equal(true);
      expect(shown('.title'), 'permit').to.equal(true);
      expect(shown('.office'), 'office').to.equal(true);
      expect(shown('[part="help"]'), 'help').to.equal(true);
      expect(shown('.tick'), 'checkboxes').to.equal(false);
      expect(shown('[part="questions"]'), 'questions').to.equal(false);
      expect(shown('[part="actions"]'), 'buttons').to.equal(false);
      expect(shown('.ready-mark'), 'ticks on paper are empty').to.equal(false);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('hands the answers to the form in the link, and lets the page take over through loket-apply', async () => {
    const el = await ready(inline(checklist()));
    const link = $<HTMLAnchorElement>(el, 'a[part="apply"]')!;
    expect(link.textContent!.trim()).to.equal('Ajukan permohonan');
    expect(link.href).to.equal(new URL('/demo/forms/uji.html', location.href).href);
    await answer(el, 'applicantType', 'badan-usaha');
    await answer(el, 'requestType', 'baru');
    expect(link.href).to.equal(new URL('/demo/forms/uji.html?applicantType=badan-usaha&requestType=baru', location.href).href);
    const seen: LoketApplyEvent[] = [];
    const onApply = (e: LoketApplyEvent) => {
      seen.push(e);
      e.preventDefault();
    };
    el.addEventListener('loket-apply', onApply);
    const before = location.href;
    link.click();
    el.removeEventListener('loket-apply', onApply);
    expect(location.href).to.equal(before);
    expect(seen[0]!.detail).to.deep.equal({ form: 'uji', url: link.href, answers: { applicantType: 'badan-usaha', requestType: 'baru' } });
  });

  it('offers a button that fires loket-apply when the document names only a loket form', async () => {
    const el = await ready(inline(checklist({ apply: { form: 'uji', label: { id: 'Isi formulir', en: 'Fill in the form' } } })));
    const button = $<HTMLButtonElement>(el, 'button[part="apply"]')!;
    expect(button.textContent!.trim()).to.equal('Isi formulir');
    let detail: unknown;
    el.addEventListener('loket-apply', (e) => (detail = e.detail));
    button.click();
    expect(detail).to.deep.equal({ form: 'uji', url: undefined, answers: {} });
  });

  it('works with the keyboard alone: Tab and arrow keys through the radios, Space on checkboxes and buttons', async () => {
    const el = await ready(inline(checklist()));
    const before = document.createElement('button');
    before.textContent = 'sebelum';
    el.before(before);
    before.focus();
    try {
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.id).to.equal('v-applicantType-0');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement!.id).to.equal('v-applicantType-1');
      expect(el.variantAnswers).to.deep.equal({ applicantType: 'badan-usaha' });
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.getAttribute('name')).to.equal('requestType');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.variantAnswers).to.deep.equal({ applicantType: 'badan-usaha', requestType: 'baru' });
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.id).to.equal('item-ktp');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.tickedItems).to.deep.equal(['ktp']);
      // Past the template link to the next checkbox.
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.id).to.equal('item-surat');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.textContent!.trim()).to.contain('Unduh formulir');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.id).to.equal('item-kuasa');
      for (let i = 0; i < 12 && root(el).activeElement?.getAttribute('part') !== 'clear'; i++) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.getAttribute('part')).to.equal('clear');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.tickedItems).to.deep.equal([]);
    } finally {
      before.remove();
    }
  });

  it('switches language with the lang attribute', async () => {
    const el = await ready(inline(checklist(), 'lang="en"'));
    expect($(el, '.title')!.textContent).to.equal('Test Permit');
    expect(shadowText(el)).to.contain('5 working days').and.contain('Free of charge').and.contain('Apply now');
    el.setAttribute('lang', 'id');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('5 hari kerja').and.contain('Gratis (tidak dipungut biaya)').and.contain('Ajukan permohonan');
  });

  it('renders every string from the document as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const t = { id: payload, en: payload };
    // Values and photo sizes have length limits; a short payload still carries markup and URL metacharacters.
    const short = '<b onclick=x>&?=#</b>';
    const doc: ChecklistDocument = {
      version: 1,
      id: 'xss',
      permit: { name: t, purpose: t, legalBasis: [t], fee: t },
      office: { name: t, shortName: t, address: t },
      help: { label: t, note: t, contacts: [{ kind: 'whatsapp', value: '0811-4345-757', label: t, hours: t }] },
      apply: { url: '/demo/forms/x.html', label: t },
      variants: [{ id: 'v', label: t, hint: t, options: [{ value: short, label: t, hint: t }, { value: 'b', label: t }] }],
      groups: [
        {
          kind: 'identity',
          title: t,
          items: [{ id: 'i', label: t, explanation: t, optional: true, whenNeeded: t, photoSize: '<i>4R</i>', issuer: { name: t, url: 'https://oss.go.id' }, template: { url: '/f.pdf', label: t } }],
        },
      ],
    };
    const el = await ready(inline(doc));
    const radio = [...root(el).querySelectorAll<HTMLInputElement>('input[name="v"]')][0]!;
    expect(radio.value).to.equal(short);
    radio.click();
    await el.updateComplete;
    for (const lang of ['id', 'en']) {
      el.lang = lang;
      await el.updateComplete;
      expect(root(el).querySelector('img')).to.equal(null);
      expect(root(el).querySelector('script')).to.equal(null);
      expect(shadowText(el)).to.contain('<img src=x onerror="window.__pwned=1">');
    }
    expect(new URL($<HTMLAnchorElement>(el, 'a[part="apply"]')!.href).searchParams.get('v')).to.equal(short);
    expect(root(el).querySelector('b, i')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('is usable at 320 px: no horizontal scroll, tall checkbox rows, 44 px buttons', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await ready(`<loket-requirement-checklist src="/demo/checklists/sipi.json"></loket-requirement-checklist>`);
      const article = $(el, '[part="checklist"]')!;
      expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const label of root(el).querySelectorAll('.item-label, .option-label')) expect(label.getBoundingClientRect().height).to.be.at.least(44);
      for (const button of root(el).querySelectorAll('.button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
      expect($(el, '.tick')!.getBoundingClientRect().width).to.be.at.least(24);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<loket-requirement-checklist> with bad input', () => {
  const cases: Array<{ name: string; markup: () => string; kind: string; text: RegExp }> = [
    { name: 'invalid JSON', markup: () => inline('{ "version": 1, '), kind: 'json', text: /bukan JSON yang sah/ },
    {
      name: 'a condition on an unknown variant',
      markup: () => inline({ ...checklist(), groups: [{ kind: 'identity', items: [{ id: 'a', label: 'A', when: { field: 'jenisPemohon', equals: 'badan-usaha' } }] }] }),
      kind: 'invalid',
      text: /groups\[0\]\.items\[0\]\.when\.field: pertanyaan "jenisPemohon" tidak ada di daftar ini/,
    },
    {
      name: 'an option value the variant does not have',
      markup: () => inline({ ...checklist(), groups: [{ kind: 'identity', items: [{ id: 'a', label: 'A', when: { field: 'applicantType', oneOf: ['perorangan', 'koperasi'] } }] }] }),
      kind: 'invalid',
      text: /groups\[0\]\.items\[0\]\.when\.oneOf\[1\]: pilihan "koperasi" tidak ada di pertanyaan "applicantType"/,
    },
    {
      name: 'duplicate item ids',
      markup: () => inline({ ...checklist(), groups: [{ kind: 'identity', items: [{ id: 'a', label: 'A' }] }, { kind: 'business', items: [{ id: 'a', label: 'B' }] }] }),
      kind: 'invalid',
      text: /groups\[1\]\.items\[0\]\.id: duplikat: "a" sudah dipakai di groups\[0\]\.items\[0\]\.id/,
    },
    {
      name: 'a javascript: template link',
      markup: () => inline({ ...checklist(), groups: [{ kind: 'identity', items: [{ id: 'a', label: 'A', template: { url: 'javascript:alert(1)' } }] }] }),
      kind: 'invalid',
      text: /groups\[0\]\.items\[0\]\.template\.url: alamat "javascript:alert\(1\)" tidak diizinkan/,
    },
    { name: 'a future version', markup: () => inline({ ...checklist(), version: 2 }), kind: 'invalid', text: /version: versi 2 tidak dikenal/ },
    { name: 'a 404', markup: () => '<loket-requirement-checklist src="/demo/checklists/tidak-ada.json"><a href="/persyaratan">Lihat persyaratan di situs kantor</a></loket-requirement-checklist>', kind: 'http', text: /tidak ditemukan \(HTTP 404\)/ },
    { name: 'no document at all', markup: () => '<loket-requirement-checklist><a href="/persyaratan">Lihat persyaratan di situs kantor</a></loket-requirement-checklist>', kind: 'no-source', text: /Belum ada dokumen/ },
  ];

  for (const c of cases) {
    it(`explains ${c.name} in the checklist's place, fires loket-error, logs once and keeps the fallback`, async () => {
      let probe!: ReturnType<typeof mount<El>>;
      let failed!: Event;
      const thrown: unknown[] = [];
      const onError = (e: ErrorEvent) => thrown.push(e.error);
      window.addEventListener('error', onError);
      const logged = await countConsoleErrors(async () => {
        probe = mount<El>(c.markup());
        failed = await probe.next('loket-error');
        await probe.el.updateComplete;
      });
      window.removeEventListener('error', onError);
      const el = probe.el;
      expect((failed as LoketErrorEvent).detail.kind).to.equal(c.kind);
      expect(logged, 'console.error calls').to.have.length(1);
      expect(thrown).to.have.length(0);
      const box = $(el, '[part="error-panel"]')!;
      expect(box.textContent!.replace(/\s+/g, ' ')).to.match(c.text);
      expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
      expect(el.querySelector('a[href="/persyaratan"]')!.getBoundingClientRect().height, 'fallback visible').to.be.greaterThan(0);
      expect(el.matches(':state(error)')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
