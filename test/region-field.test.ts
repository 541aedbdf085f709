import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LoketSubmitEvent } from '../src/form-events.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { inlineJson, mount, mountForm, unmountAll } from './helpers.js';

// The region field (a cascade of selects on Kemendagri codes) and the
// searchable list (WAI-ARIA combobox), in the element, at 320 px. Region
// files come from the built dist/regions/ (npm test builds first).

type Form = LoketPermitForm;

const doc = (fields: Record<string, unknown>[]) => ({
  version: 1,
  id: 'lokasi-usaha',
  title: 'Izin usaha',
  office: { name: 'DPMPTSP Kabupaten Tabanan' },
  help: { phone: '0361 811 111' },
  steps: [{ heading: 'Lokasi', fields }],
});
const tabanan = { type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '51.02' };

const root = (el: Form) => el.shadowRoot!;
const q = <T extends HTMLElement = HTMLElement>(el: Form, selector: string) => root(el).querySelector<T>(selector);
const summary = (el: Form) => [...root(el).querySelectorAll('.error-summary-list a')].map((a) => a.textContent!.trim());

async function pick(el: Form, id: string, label: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, `#${id}`);
  if (!select) throw new Error(`no select #${id}`);
  const option = [...select.options].find((o) => o.textContent!.trim() === label);
  if (!option) throw new Error(`no option ${label} in #${id}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function press(el: Form): Promise<void> {
  q(el, '.actions .button.primary')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

/** Everything inside the 320 px viewport, and axe clean. */
async function fits(el: Form): Promise<void> {
  const right = el.getBoundingClientRect().right + 0.5;
  for (const node of root(el).querySelectorAll<HTMLElement>('input, select, button, .listbox')) {
    if (node.offsetParent) expect(node.getBoundingClientRect().right, node.id || node.className).to.be.at.most(right);
  }
  await expect(el).to.be.accessible();
}

const realFetch = window.fetch;
beforeEach(() => setViewport({ width: 320, height: 700 }));
afterEach(async () => {
  window.fetch = realFetch;
  unmountAll();
  await setViewport({ width: 800, height: 600 });
});

describe('<loket-permit-form> region field', () => {
  it('lets the citizen choose kecamatan then desa in Tabanan, and shows and sends the names', async () => {
    const el = await mountForm(doc([tabanan]));
    const district = q<HTMLSelectElement>(el, '#f-lokasi-district')!;
    expect(district.labels[0]!.textContent!.trim()).to.equal('Kecamatan');
    expect(district.options.length).to.equal(11);
    expect(q(el, '#f-lokasi-village'), 'the desa list waits for a kecamatan').to.equal(null);
    expect(q(el, 'legend')!.textContent).to.contain('Lokasi usaha');
    await fits(el);
    await pick(el, 'f-lokasi-district', 'Selemadeg');
    expect([...q<HTMLSelectElement>(el, '#f-lokasi-village')!.options].map((o) => o.textContent!.trim())).to.include('Antap');
    await fits(el);
    await pick(el, 'f-lokasi-village', 'Antap');
    await press(el);
    expect(summary(el)).to.deep.equal([]);
    expect(q(el, '.review-list')!.textContent).to.contain('Antap, Selemadeg, Kabupaten Tabanan, Bali');
    await fits(el);
    let sent: LoketSubmitEvent | undefined;
    el.addEventListener('loket-submit', (e) => {
      sent = e;
      e.preventDefault();
    });
    await press(el);
    expect(sent?.detail.answers.lokasi).to.deep.equal({ code: '51.02.01.2007', names: ['Bali', 'Kabupaten Tabanan', 'Selemadeg', 'Antap'] });
  });

  it('names the level still to choose, in the summary and at the field, and its link focuses that list', async () => {
    const el = await mountForm(doc([tabanan]));
    await press(el);
    expect(summary(el)).to.deep.equal(['Pilih lokasi usaha']);
    await fits(el);
    await pick(el, 'f-lokasi-district', 'Kediri');
    await press(el);
    expect(summary(el)).to.deep.equal(['Lokasi usaha: pilih desa/kelurahan']);
    expect(q(el, '.field .error-message')!.textContent).to.contain('Lokasi usaha: pilih desa/kelurahan');
    expect(q(el, '#f-lokasi-village')!.getAttribute('aria-invalid')).to.equal('true');
    await fits(el);
    q(el, '.error-summary-list a')!.click();
    expect(root(el).activeElement).to.equal(q(el, '#f-lokasi-village'));
    // Changing the kecamatan clears the desa below it.
    await pick(el, 'f-lokasi-village', 'Pandak Gede');
    await pick(el, 'f-lokasi-district', 'Selemadeg');
    expect(q<HTMLSelectElement>(el, '#f-lokasi-village')!.value).to.equal('');
  });

  for (const [what, code] of [
    ['a village of another regency', '51.03.01.2001'],
    ['a code that does not exist', '51.02.01.2999'],
  ] as const) {
    it(`refuses ${what} given as an answer`, async () => {
      const el = await mountForm(doc([tabanan]));
      el.initialAnswers = { lokasi: { code, names: ['Bali'] } };
      await el.updateComplete;
      await press(el);
      expect(summary(el)).to.have.length(1);
      expect(summary(el)[0]).to.match(/^Lokasi usaha(: wilayah yang dipilih tidak ada| harus berada di Kabupaten Tabanan)/);
    });
  }

  it('says the region data failed, keeps the answer, and loads it on "Coba lagi"', async () => {
    // Bontang: a scope no other test loads first (the files are cached per page).
    let fail = true;
    window.fetch = (input, init) => (fail && String(input instanceof Request ? input.url : input).includes('/regions/64.74.json') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    const bontang = await mountForm(doc([{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '64.74' }]));
    const alert = q(bontang, '.field [role="alert"]')!;
    expect(alert.textContent).to.contain('Daftar wilayah tidak dapat dimuat');
    await fits(bontang);
    await press(bontang);
    expect(summary(bontang)).to.deep.equal(['Pilih lokasi usaha']);
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await bontang.updateComplete;
    expect(q(bontang, '.field [role="alert"]')).to.equal(null);
    expect([...q<HTMLSelectElement>(bontang, '#f-lokasi-district')!.options].map((o) => o.textContent!.trim()).sort()).to.deep.equal([
      'Bontang Barat',
      'Bontang Selatan',
      'Bontang Utara',
      'Pilih salah satu',
    ]);
  });

  it('tells the author when the scope is not a region in the data', async () => {
    const el = await mountForm(doc([{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '51.98' }]));
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Wilayah 51.98 tidak ada dalam data wilayah');
  });
});

describe('<loket-permit-form> searchable list (combobox)', () => {
  const regencies = { type: 'region', name: 'kabupaten', label: 'Kabupaten/kota', within: '33', depth: 'regency' };

  it('turns a level of 35 regencies into a combobox the keyboard can drive', async () => {
    const el = await mountForm(doc([regencies]));
    const input = q<HTMLInputElement>(el, '#f-kabupaten-regency')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const list = q(el, `#${input.getAttribute('aria-controls')}`)!;
    expect(list.getAttribute('role')).to.equal('listbox');
    await fits(el);
    input.focus();
    await sendKeys({ type: 'sragen' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect([...list.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim())).to.deep.equal(['Kabupaten Sragen']);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(list.querySelector('[role="option"]')!.id);
    expect(list.querySelector('[aria-selected="true"]')!.textContent!.trim()).to.equal('Kabupaten Sragen');
    await fits(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Kabupaten Sragen');
    // Escape closes; Home and End move within the list once it is open.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const options = [...list.querySelectorAll('[role="option"]')];
    expect(options.length).to.equal(35);
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[34]!.id);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    let sent: LoketSubmitEvent | undefined;
    el.addEventListener('loket-submit', (e) => {
      sent = e;
      e.preventDefault();
    });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(q(el, '.review-list')!.textContent).to.contain('Kabupaten Sragen, Jawa Tengah');
    q(el, '.actions .button.primary')!.click();
    await el.updateComplete;
    expect(sent?.detail.answers.kabupaten).to.deep.equal({ code: '33.14', names: ['Jawa Tengah', 'Kabupaten Sragen'] });
  });

  it('matches words in any order and announces how many match', async () => {
    const el = await mountForm(doc([regencies]));
    const input = q<HTMLInputElement>(el, '#f-kabupaten-regency')!;
    input.focus();
    await sendKeys({ type: 'kota' });
    await el.updateComplete;
    const status = () => q(el, '.combobox [role="status"]')!.textContent!.trim();
    for (let i = 0; i < 50 && !status(); i++) await aTimeout(20);
    expect(status()).to.equal('6 pilihan cocok');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'semarang kab' });
    await el.updateComplete;
    expect([...root(el).querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim())).to.deep.equal(['Kabupaten Semarang']);
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    for (let i = 0; i < 50 && !status().startsWith('Tidak ada'); i++) await aTimeout(20);
    expect(status()).to.equal('Tidak ada pilihan yang cocok dengan "semarang kabxyz"');
    await press(el);
    expect(summary(el)).to.deep.equal(['Pilih kabupaten/kota']);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await fits(el);
  });

  it('fetches options from a URL once, and offers "Coba lagi" when that fails', async () => {
    let calls = 0;
    let fail = true;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/demo/data/kbli-2020.json?uji')) {
        calls++;
        if (fail) return Promise.resolve(new Response('gangguan', { status: 503 }));
      }
      return realFetch(input, init);
    };
    const kbli = { type: 'select', name: 'kbli', label: 'Bidang usaha (KBLI)', optionsFrom: '/demo/data/kbli-2020.json?uji' };
    const el = await mountForm(doc([kbli]));
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Daftar pilihan tidak dapat dimuat');
    await fits(el);
    fail = false;
    q<HTMLButtonElement>(el, '[role="alert"] button')!.click();
    await el.updateComplete;
    const input = q<HTMLInputElement>(el, '#f-kbli')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    input.focus();
    await sendKeys({ type: 'makan warung' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('56102 Warung Makan');
    await press(el);
    expect(q(el, '.review-list')!.textContent).to.contain('56102 Warung Makan');
    unmountAll();
    const again = await mountForm(doc([kbli]));
    expect(q(again, '#f-kbli')!.getAttribute('role')).to.equal('combobox');
    expect(calls, 'fetched once, then cached').to.equal(2);
  });

  it('keeps a select of 30 options native and makes one of 31 searchable', async () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: `Pilihan ${i + 1}` }));
    const el = await mountForm(doc([{ type: 'select', name: 'a', label: 'A', options: options(30) }, { type: 'select', name: 'b', label: 'B', options: options(31) }]));
    expect(q(el, '#f-a')!.tagName).to.equal('SELECT');
    expect(q(el, '#f-b')!.getAttribute('role')).to.equal('combobox');
  });
});
