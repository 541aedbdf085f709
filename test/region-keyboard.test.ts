import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LoketSubmitEvent } from '../src/form-events.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { inlineJson, mount, mountForm, unmountAll } from './helpers.js';

// The region cascade with the keyboard alone, and its loading state, at 320 px.

type Form = LoketPermitForm;

const doc = (fields: Record<string, unknown>[]) => ({
  version: 1,
  id: 'lokasi-usaha',
  title: 'Izin usaha',
  office: { name: 'DPMPTSP Kabupaten Lingga' },
  help: { phone: '0776 21 111' },
  steps: [{ heading: 'Lokasi', fields }],
});

const root = (el: Form) => el.shadowRoot!;
const active = (el: Form) => root(el).activeElement as HTMLElement | null;

const realFetch = window.fetch;
beforeEach(() => setViewport({ width: 320, height: 700 }));
afterEach(async () => {
  window.fetch = realFetch;
  unmountAll();
  await setViewport({ width: 800, height: 600 });
});

describe('<loket-permit-form> region field by keyboard', () => {
  it('chooses a kecamatan and a desa of Lingga with Tab and the arrow keys, then to Lanjutkan', async () => {
    const el = await mountForm(doc([{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '21.04' }]));
    let sent: LoketSubmitEvent | undefined;
    el.addEventListener('loket-submit', (e) => {
      sent = e;
      e.preventDefault();
    });
    const before = document.createElement('button');
    before.textContent = 'sebelum';
    el.before(before);
    before.focus();
    // Tab into the form (past anything before the question, such as a draft note).
    for (let i = 0; i < 10 && active(el)?.id !== 'f-lokasi-district'; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-lokasi-district');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const district = root(el).querySelector<HTMLSelectElement>('#f-lokasi-district')!;
    expect(district.value).to.match(/^21\.04\.\d\d$/);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-lokasi-village');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const village = root(el).querySelector<HTMLSelectElement>('#f-lokasi-village')!;
    expect(village.value.startsWith(`${district.value}.`)).to.equal(true);
    await expect(el).to.be.accessible();
    // A select does not submit on Enter: Tab to "Lanjutkan".
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.matches('.actions .button.primary')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('.review-list')!.textContent).to.contain('Kabupaten Lingga, Kepulauan Riau');
    await expect(el).to.be.accessible();
    // Tab to "Kirim permohonan" and press it.
    for (let i = 0; i < 10 && !active(el)?.matches('.actions .button.primary'); i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((sent?.detail.answers.lokasi as { code: string }).code).to.equal(village.value);
  });

  it('says the list is loading (axe clean) while its file is on the way', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/regions/93.01.json')) await held;
      return realFetch(input, init);
    };
    const probe = mount<Form>(`<loket-permit-form><script type="application/json">${inlineJson(doc([{ type: 'region', name: 'lokasi', label: 'Lokasi usaha', within: '93.01' }]))}</script></loket-permit-form>`);
    const el = probe.el;
    await probe.next('loket-ready');
    const status = () => root(el).querySelector('.field [role="status"]');
    // First the code for the list may still be on its way ("Memuat daftar pilihan…"), then the data.
    for (let i = 0; i < 200 && !status()?.textContent?.includes('wilayah'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(status()!.textContent).to.contain('Memuat daftar wilayah');
    await expect(el).to.be.accessible();
    release();
    await el.updateComplete;
    // Merauke, in Papua Selatan since 2022: its districts by Kemendagri code 93.01.
    const options = [...root(el).querySelectorAll<HTMLOptionElement>('#f-lokasi-district option')].map((o) => o.textContent!.trim());
    expect(options).to.include('Merauke');
    expect(status()).to.equal(null);
  });
});
