import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LoketErrorEvent } from '../src/events.js';
import type { LoketStepEvent, LoketSubmitEvent } from '../src/form-events.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { everyField, FILLED } from './fixtures/forms.js';
import { appendAndSettle, countConsoleErrors, inlineJson, mount, mountForm, shadowText, unmountAll } from './helpers.js';

const examples: string[] = (await (await fetch('/demo/examples.json')).json())['permit-form'];

type Form = LoketPermitForm;

const root = (el: Form) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Form, selector: string) => root(el).querySelector<T & HTMLElement>(selector);
const heading = (el: Form) => q(el, '.step-heading')!.textContent!.trim();

/** Types into a control the way an input event would report it. */
async function fill(el: Form, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#${id}`);
  if (!input) throw new Error(`no control #${id} on "${heading(el)}"`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function check(el: Form, id: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#${id}`);
  if (!input) throw new Error(`no control #${id}`);
  input.click();
  await el.updateComplete;
}

async function press(el: Form, selector = '.actions .button.primary'): Promise<void> {
  q(el, selector)!.click();
  await el.updateComplete;
  await el.updateComplete;
}

const summaryMessages = (el: Form) => [...root(el).querySelectorAll('.error-summary-list a')].map((a) => a.textContent!.trim());

afterEach(async () => {
  unmountAll();
  await setViewport({ width: 800, height: 600 });
});

describe('<loket-permit-form> with the demo forms', () => {
  for (const name of examples) {
    it(`walks through ${name}: every step, its error state and the review page pass axe`, async function () {
      // One axe run per step and state (up to a dozen): on a loaded 2-core machine that alone passes the default 10 s.
      this.timeout(60_000);
      const doc = await (await fetch(`/demo/forms/${name}.json`)).json();
      const answers = FILLED[name];
      expect(answers, `a filled answer set for ${name}`).to.exist;
      // Empty: the first step's error state.
      const empty = await mountForm(doc);
      await expect(empty).to.be.accessible();
      await press(empty);
      expect(summaryMessages(empty).length).to.be.greaterThan(0);
      await expect(empty).to.be.accessible();
      unmountAll();
      // Filled: every step, then the review page.
      const el = await mountForm(doc);
      el.initialAnswers = answers;
      await el.updateComplete;
      const seen: string[] = [];
      for (let guard = 0; guard < 12 && !q(el, '.review-list'); guard++) {
        seen.push(heading(el));
        await expect(el).to.be.accessible();
        await press(el);
        expect(summaryMessages(el), `errors on "${seen[seen.length - 1]}"`).to.deep.equal([]);
      }
      expect(heading(el)).to.equal('Periksa jawaban Anda');
      expect(seen.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await el.updateComplete;
      expect(heading(el)).to.equal('Check your answers');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<loket-permit-form> error states of the demo forms', () => {
  for (const name of examples) {
    it(`shows an accessible error state on every step of ${name}`, async () => {
      const doc = await (await fetch(`/demo/forms/${name}.json`)).json();
      const filled = FILLED[name] as Record<string, unknown>;
      const steps = doc.steps as { heading: unknown; fields: { name?: string }[] }[];
      let checked = 0;
      for (const [index, step] of steps.entries()) {
        const names = new Set(step.fields.map((f) => f.name).filter((n): n is string => !!n));
        const answers = Object.fromEntries(Object.entries(filled).filter(([key]) => !names.has(key)));
        const el = await mountForm(doc);
        el.initialAnswers = answers;
        await el.updateComplete;
        // Continue through the earlier steps (valid) until this one.
        for (let guard = 0; guard < steps.length && summaryMessages(el).length === 0 && !q(el, '.review-list'); guard++) await press(el);
        if (summaryMessages(el).length) {
          checked++;
          expect(root(el).activeElement, `step ${index}`).to.equal(q(el, '.error-summary'));
          await expect(el).to.be.accessible();
        }
        unmountAll();
      }
      expect(checked, 'steps with required questions').to.be.greaterThan(1);
    });
  }
});

describe('<loket-permit-form> validation (GOV.UK pattern)', () => {
  it('focuses an error summary after a failed Continue, with the same words as the inline messages', async () => {
    const el = await mountForm(everyField());
    await press(el);
    const summary = q(el, '.error-summary')!;
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.textContent).to.contain('Ada masalah');
    const messages = summaryMessages(el);
    expect(messages).to.include.members(['Pilih jenis pemohon', 'Masukkan nama lengkap', 'Masukkan NIK']);
    const inline = [...root(el).querySelectorAll('.error-message')].map((p) => p.textContent!.replace('Galat:', '').trim());
    expect(inline).to.deep.equal(messages);
    expect(q(el, '#f-fullName')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#f-fullName')!.getAttribute('aria-describedby')).to.contain('f-fullName-error');
    expect(q(el, '#f-email')!.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('words the messages for questions and long declarations the way a person would', async () => {
    const doc = everyField() as { steps: { fields: Record<string, unknown>[] }[] };
    doc.steps[0]!.fields[0]!.label = 'Apakah Anda mengurus atas nama orang lain?';
    doc.steps[2]!.fields[6]!.label = 'Saya menyatakan bahwa semua data dan dokumen yang saya kirim benar dan dapat dipertanggungjawabkan.';
    const el = await mountForm(doc);
    await press(el);
    expect(summaryMessages(el)).to.include('Jawab pertanyaan "Apakah Anda mengurus atas nama orang lain?"');
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['siup'] };
    await el.updateComplete;
    await press(el);
    await press(el);
    expect(summaryMessages(el)).to.deep.equal(['Centang pernyataan untuk melanjutkan']);
  });

  it('moves focus to the exact control when a summary link is followed', async () => {
    const el = await mountForm(everyField());
    await fill(el, 'f-birthDate-day', '31');
    await fill(el, 'f-birthDate-month', '2');
    await fill(el, 'f-birthDate-year', '1990');
    await press(el);
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary-list a')].find((a) => a.textContent!.includes('NIK'))!;
    link.click();
    expect(root(el).activeElement?.id).to.equal('f-nik');
    const dateLink = [...root(el).querySelectorAll<HTMLAnchorElement>('.error-summary-list a')].find((a) => a.textContent!.includes('anggal lahir'))!;
    expect(dateLink).to.exist;
    dateLink.click();
    expect(root(el).activeElement?.id).to.match(/^f-birthDate-(day|month|year)$/);
  });

  it('keeps every answer after an error, and re-checks a field on input only while it shows an error', async () => {
    const el = await mountForm(everyField());
    await fill(el, 'f-fullName', 'Siti Aminah');
    await fill(el, 'f-nik', '1234');
    await press(el);
    expect(q<HTMLInputElement>(el, '#f-fullName')!.value).to.equal('Siti Aminah');
    expect(q<HTMLInputElement>(el, '#f-nik')!.value).to.equal('1234');
    expect(q(el, '[data-field="nik"] .error-message')!.textContent).to.contain('NIK harus 16 digit angka');
    await fill(el, 'f-nik', '3172 0141 0890 0001');
    expect(q(el, '[data-field="nik"] .error-message')).to.equal(null);
    expect(q(el, '#f-nik')!.hasAttribute('aria-invalid')).to.equal(false);
    // A field with no error is not checked while typing.
    await fill(el, 'f-email', 'bukan-email');
    expect(q(el, '[data-field="email"] .error-message')).to.equal(null);
  });

  it('strips spaces, dots and hyphens from NIK and phone before checking, and submits normalized values', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172.0141-0890 0001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '(0812) 3456-7890', postalCode: '14440', address: 'Jl. Muara Baru', vessels: [{ vesselName: 'KM Bahari', motorised: 'tidak' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    await press(el);
    expect(heading(el)).to.equal('Kapal dan dokumen');
    await press(el);
    let detail: LoketSubmitEvent['detail'] | undefined;
    el.addEventListener('loket-submit', (e) => {
      detail = e.detail;
      e.preventDefault();
    });
    await press(el);
    expect(detail?.answers).to.include({ nik: '3172014108900001', mobile: '+6281234567890', birthDate: '1990-08-01' });
    expect(detail?.form).to.deep.equal({ id: 'uji-semua-isian', revision: undefined });
    expect(detail?.locale).to.equal('id');
  });

  it('warns, without blocking, when the NIK disagrees with the date of birth, and never shows the inferred date', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '2', month: '9', year: '1991' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    await press(el);
    expect(summaryMessages(el)).to.deep.equal([]);
    await press(el);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
    const warning = q(el, '.review-list .warning-message')!.textContent!;
    expect(warning).to.contain('tidak cocok dengan tanggal lahir');
    expect(warning).not.to.match(/1990|14 Agustus|Agustus/);
  });
});

describe('<loket-permit-form> steps, conditions and review', () => {
  it('shows and hides questions live, renumbers the steps, and focuses each step heading', async () => {
    const el = await mountForm(everyField());
    expect(q(el, '.progress')).to.equal(null);
    await check(el, 'f-applicantType-o1');
    expect(q(el, '.progress')!.textContent).to.equal('Langkah 1 dari 3');
    await check(el, 'f-applicantType-o0');
    expect(q(el, '.progress')).to.equal(null);
    await check(el, 'f-applicantType-o1');
    el.initialAnswers = { applicantType: 'badan-usaha', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.' };
    await el.updateComplete;
    const steps: LoketStepEvent['detail'][] = [];
    el.addEventListener('loket-step', (e) => steps.push(e.detail));
    await press(el);
    expect(heading(el)).to.equal('Data usaha');
    expect(q(el, '.progress')!.textContent).to.equal('Langkah 2 dari 3');
    expect(root(el).activeElement).to.equal(q(el, '.step-heading'));
    expect(steps[0]).to.deep.include({ index: 1, position: 2, total: 3, review: false });
    // Back keeps the answers.
    await press(el, '.back');
    expect(heading(el)).to.equal('Data pemohon');
    expect(q<HTMLInputElement>(el, '#f-fullName')!.value).to.equal('Siti');
  });

  it('never shows one step\'s answers in the next step\'s inputs', async () => {
    const el = await mountForm(everyField());
    await check(el, 'f-applicantType-o1');
    await fill(el, 'f-fullName', 'Siti Aminah');
    await fill(el, 'f-nik', '3172014108900001');
    await fill(el, 'f-birthDate-day', '1');
    await fill(el, 'f-birthDate-month', '8');
    await fill(el, 'f-birthDate-year', '1990');
    await fill(el, 'f-mobile', '081234567890');
    await fill(el, 'f-postalCode', '14440');
    await fill(el, 'f-address', 'Jl. Muara Baru');
    await press(el);
    expect(heading(el)).to.equal('Data usaha');
    for (const input of root(el).querySelectorAll<HTMLInputElement>('input[type="text"], input[type="tel"], input[type="email"], textarea')) {
      expect(input.value, input.id).to.equal('');
    }
    await press(el);
    expect(summaryMessages(el)).to.include.members(['Masukkan nama badan usaha', 'Masukkan NIB']);
    await press(el, '.back');
    expect(q<HTMLInputElement>(el, '#f-fullName')!.value).to.equal('Siti Aminah');
    expect(q<HTMLInputElement>(el, '#f-applicantType-o1')!.checked).to.equal(true);
  });

  it('does not validate hidden questions, keeps their answers while hidden, and leaves them out of the submission', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'badan-usaha', companyName: 'PT Bahari', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'ya', power: '30' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    await check(el, 'f-applicantType-o0');
    await press(el);
    expect(heading(el)).to.equal('Kapal dan dokumen');
    await check(el, 'f-vessels-0-motorised-o1');
    expect(q(el, '#f-vessels-0-power')).to.equal(null);
    await check(el, 'f-vessels-0-motorised-o0');
    expect(q<HTMLInputElement>(el, '#f-vessels-0-power')!.value).to.equal('30');
    await check(el, 'f-vessels-0-motorised-o1');
    await press(el);
    let answers: Record<string, unknown> = {};
    el.addEventListener('loket-submit', (e) => {
      answers = { ...e.detail.answers };
      e.preventDefault();
    });
    await press(el);
    expect(answers).not.to.have.property('companyName');
    expect(answers.vessels).to.deep.equal([{ vesselName: 'KM', motorised: 'tidak' }]);
    expect(shadowText(el)).to.contain('Jawaban Anda sudah diserahkan untuk dikirim.');
  });

  it('evaluates static content conditions (equals and oneOf on a checkbox group)', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.' };
    await el.updateComplete;
    await press(el);
    expect(shadowText(el)).not.to.contain('SIPI memerlukan foto kapal.');
    expect(q(el, '#f-photos')).to.equal(null);
    await check(el, 'f-permits-o1');
    expect(shadowText(el)).to.contain('SIPI memerlukan foto kapal.');
    expect(q(el, '#f-photos')).to.exist;
  });

  it('lists every answer on the review page, "Tidak diisi" for skipped ones, and returns there after "Ubah"', async () => {
    const el = await mountForm(everyField());
    const photo = new File([new Uint8Array(2048)], 'kapal.jpg', { type: 'image/jpeg' });
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM Bahari', motorised: 'tidak' }], permits: ['sipi'], photos: [photo], declaration: true };
    await el.updateComplete;
    await press(el);
    await press(el);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
    const rows = [...root(el).querySelectorAll('.review-row')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.include('Email Tidak diisi Ubah Email');
    expect(rows).to.include('Tanggal lahir 1 Agustus 1990 Ubah Tanggal lahir');
    expect(rows).to.include('Foto kapal kapal.jpg Ubah Foto kapal');
    expect(rows).to.include('Kapal 1: Nama kapal KM Bahari Ubah Kapal 1: Nama kapal');
    const change = [...root(el).querySelectorAll<HTMLButtonElement>('.review-row button')].find((b) => b.textContent!.includes('Email'))!;
    change.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(heading(el)).to.equal('Data pemohon');
    expect(root(el).activeElement?.id).to.equal('f-email');
    expect(q(el, '.actions .button')!.textContent!.trim()).to.equal('Simpan dan kembali ke ringkasan');
    await fill(el, 'f-email', 'siti@example.org');
    await press(el);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
    expect(shadowText(el)).to.contain('siti@example.org');
  });

  it('writes the receipt time in the office\'s zone, with WIB, WITA or WIT', async () => {
    const doc = everyField() as { office: Record<string, unknown> };
    doc.office.timeZone = 'Asia/Jayapura';
    const el = await mountForm(doc);
    el.submitHook = async () => ({ trackingNumber: 'UJI-2026-000001' });
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    await press(el);
    await press(el);
    await press(el);
    for (let i = 0; i < 100 && !shadowText(el).includes('UJI-2026-000001'); i++) await aTimeout(20);
    expect(shadowText(el)).to.match(/Dikirim \d{1,2} \w+ \d{4}, pukul \d\d\.\d\d WIT\b/);
  });

  it('asks the questions a changed answer brings before going back to the summary', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    await press(el);
    await press(el);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
    const change = [...root(el).querySelectorAll<HTMLButtonElement>('.review-row button')].find((b) => b.textContent!.includes('Jenis pemohon'))!;
    change.click();
    await el.updateComplete;
    await check(el, 'f-applicantType-o1');
    await press(el);
    expect(heading(el)).to.equal('Data usaha');
    expect(summaryMessages(el)).to.deep.equal([]);
    expect(q(el, '.actions .button')!.textContent!.trim()).to.equal('Simpan dan kembali ke ringkasan');
    await fill(el, 'f-companyName', 'PT Bahari');
    await fill(el, 'f-nib', '9120001234567');
    await fill(el, 'f-npwp', '01.234.567.8-044.000');
    await fill(el, 'f-employees', '12');
    q<HTMLSelectElement>(el, '#f-district')!.value = 'koja';
    q(el, '#f-district')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press(el);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
    expect(shadowText(el)).to.contain('PT Bahari');
  });

  it('tells the citizen honestly when no backend is connected, keeping the answers, and tells the page why', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['siup'], declaration: true };
    await el.updateComplete;
    const failures: LoketErrorEvent['detail'][] = [];
    el.addEventListener('loket-error', (e) => failures.push(e.detail));
    const logged = await countConsoleErrors(async () => {
      await press(el);
      await press(el);
      await press(el);
      for (let i = 0; i < 100 && !q(el, '[role="alert"].status-message'); i++) await aTimeout(20);
    });
    expect(q(el, '[role="alert"].status-message')!.textContent).to.contain('belum terhubung ke server kantor');
    for (let i = 0; i < 50 && root(el).activeElement !== q(el, '.submit-status'); i++) await aTimeout(20);
    expect(root(el).activeElement, 'focus moves to the message that replaced the button').to.equal(q(el, '.submit-status'));
    expect(shadowText(el)).to.contain('Siti');
    expect(failures).to.have.length(1);
    expect(failures[0]).to.include({ kind: 'submit', reason: 'missing-endpoint' });
    expect(logged).to.have.length(1);
  });
});

describe('<loket-permit-form> repeatable groups and files', () => {
  it('adds and removes items within min and max, focusing the new item', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.' };
    await el.updateComplete;
    await press(el);
    // min 1: the first vessel's questions are there from the start.
    expect(root(el).querySelectorAll('[part="group-item"]').length).to.equal(1);
    expect(q(el, '#f-vessels-0-vesselName')).to.not.equal(null);
    await press(el, '[part="group-item"] [part="remove-button"]');
    await el.updateComplete;
    expect(q(el, '[part="group-item"]')).to.equal(null);
    await press(el);
    expect(summaryMessages(el)).to.include('Tambahkan minimal 1 kapal');
    await press(el, '#f-vessels-add');
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('f-vessels-0-vesselName');
    await press(el, '#f-vessels-add');
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="group-item"]').length).to.equal(2);
    expect(q(el, '#f-vessels-add')).to.equal(null);
    expect(shadowText(el)).to.contain('Jumlah maksimal: 2.');
    await fill(el, 'f-vessels-1-vesselName', 'KM Kedua');
    await press(el, '[part="group-item"] [part="remove-button"]');
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="group-item"]').length).to.equal(1);
    expect(q<HTMLInputElement>(el, '#f-vessels-0-vesselName')!.value).to.equal('KM Kedua');
    await aTimeout(50);
    expect(q(el, '[role="status"]')!.textContent).to.contain('Kapal 1 dihapus.');
  });

  it('gives a specific message for a file of the wrong type or too large, and lists chosen files', async () => {
    const el = await mountForm(everyField());
    el.initialAnswers = {
      applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.',
      vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['sipi'], declaration: true,
      photos: [new File(['x'], 'surat.docx', { type: 'application/msword' }), new File([new Uint8Array(3 * 1024 * 1024)], 'besar.jpg', { type: 'image/jpeg' })],
    };
    await el.updateComplete;
    await press(el);
    await press(el);
    const messages = summaryMessages(el);
    expect(messages).to.include('Berkas "surat.docx" harus berformat JPG atau PNG');
    expect(messages.some((m) => m.startsWith('Ukuran berkas "besar.jpg" maksimal 2 MB'))).to.equal(true);
    expect([...root(el).querySelectorAll('.file-name')].map((n) => n.textContent)).to.deep.equal(['surat.docx', 'besar.jpg']);
    await press(el, '.file .link-button');
    expect([...root(el).querySelectorAll('.file-name')].map((n) => n.textContent)).to.deep.equal(['besar.jpg']);
  });

  it('shrinks a large camera photo as it is chosen, so it meets the size limit', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const ctx = canvas.getContext('2d')!;
    const noise = ctx.createImageData(3000, 2000);
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    ctx.putImageData(noise, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const photo = new File([blob], 'ktp-kamera.png', { type: 'image/png' });
    expect(photo.size).to.be.greaterThan(2 * 1024 * 1024);
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'tidak' }], permits: ['sipi'], declaration: true };
    await el.updateComplete;
    await press(el);
    const input = q<HTMLInputElement>(el, '#f-photos')!;
    const transfer = new DataTransfer();
    transfer.items.add(photo);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    for (let i = 0; i < 100 && !q(el, '.file-name'); i++) await aTimeout(50);
    expect(q(el, '.file-name')!.textContent).to.equal('ktp-kamera.jpg');
    for (let i = 0; i < 20 && !q(el, '[role="status"]')!.textContent; i++) await aTimeout(20);
    expect(q(el, '[role="status"]')!.textContent).to.equal('ktp-kamera.jpg dipilih untuk Foto kapal');
    await press(el);
    expect(summaryMessages(el)).to.deep.equal([]);
    expect(heading(el)).to.equal('Periksa jawaban Anda');
  });

  it('keeps repeatable groups within a 320 px screen', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await mountForm(everyField());
    el.initialAnswers = { applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.', vessels: [{ vesselName: 'KM', motorised: 'ya', power: '30' }] };
    await el.updateComplete;
    await press(el);
    const width = el.getBoundingClientRect().width;
    for (const node of root(el).querySelectorAll<HTMLElement>('input, button, select, .item, .field')) {
      expect(node.getBoundingClientRect().right, node.id || node.className).to.be.at.most(el.getBoundingClientRect().left + width + 0.5);
    }
    for (const button of root(el).querySelectorAll<HTMLElement>('.button, .link-button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });
});

describe('<loket-permit-form> keyboard, language and prefill', () => {
  it('completes the TANYA PTSP form with the keyboard alone', async () => {
    const doc = await (await fetch('/demo/forms/tanya-ptsp.json')).json();
    const el = await mountForm(doc);
    let submitted = false;
    el.addEventListener('loket-submit', (e) => {
      submitted = true;
      e.preventDefault();
    });
    const before = document.createElement('button');
    before.textContent = 'sebelum';
    el.before(before);
    before.focus();
    const answers = FILLED['tanya-ptsp'] as Record<string, unknown>;
    // Walk every control in tab order, answering from the filled answer set; Enter continues.
    for (let steps = 0; steps < 8 && !submitted; steps++) {
      const review = !!q(el, '.review-list');
      for (let tabs = 0; tabs < 80; tabs++) {
        await sendKeys({ press: 'Tab' });
        const active = root(el).activeElement as HTMLInputElement | null;
        if (!active) continue;
        if (active.classList.contains('primary')) break;
        const path = active.dataset.path;
        if (!path || review) continue;
        const want = answers[path];
        if (active.type === 'radio') {
          const group = [...root(el).querySelectorAll<HTMLInputElement>(`input[name="${path}"]`)];
          const target = group.findIndex((r) => r.value === want);
          const current = group.indexOf(active);
          for (let i = current; i < target; i++) await sendKeys({ press: 'ArrowDown' });
          if (target === 0 && !active.checked) await sendKeys({ press: 'Space' });
        } else if (active.type === 'checkbox') {
          const wanted = active.dataset.kind === 'checkbox' ? want === true : Array.isArray(want) && want.includes(active.value);
          if (wanted !== active.checked) await sendKeys({ press: 'Space' });
        } else if (active.tagName === 'SELECT') {
          const options = [...(active as unknown as HTMLSelectElement).options].map((o) => o.value);
          for (let i = 0; i < options.indexOf(String(want)); i++) await sendKeys({ press: 'ArrowDown' });
        } else if (typeof want === 'string' && want) {
          await sendKeys({ type: want });
        }
        await el.updateComplete;
      }
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(summaryMessages(el), heading(el)).to.deep.equal([]);
    }
    expect(submitted).to.equal(true);
  });

  it('speaks English when asked, including the error summary', async () => {
    const el = await mountForm(everyField(), 'lang="en"');
    await press(el);
    expect(q(el, '.error-summary')!.textContent).to.contain('There is a problem');
    expect(heading(el)).to.equal('Applicant');
    expect(q(el, '.actions .button')!.textContent!.trim()).to.equal('Continue');
  });

  it('takes choice answers from the page URL (the checklist hand-off), never free text', async () => {
    const url = location.href;
    history.replaceState(history.state, '', `${location.pathname}?applicantType=badan-usaha&fullName=Injected&permits=sipi&permits=bogus`);
    try {
      const el = await mountForm(everyField());
      expect(q<HTMLInputElement>(el, '#f-applicantType-o1')!.checked).to.equal(true);
      expect(q<HTMLInputElement>(el, '#f-fullName')!.value).to.equal('');
      expect(q(el, '.progress')!.textContent).to.equal('Langkah 1 dari 3');
      const none = await mountForm(everyField(), 'prefill="none"');
      expect(q<HTMLInputElement>(none, '#f-applicantType-o1')!.checked).to.equal(false);
    } finally {
      history.replaceState(history.state, '', url);
    }
  });
});

describe('<loket-permit-form> details citizens noticed (issue #10)', () => {
  const onStep = (doc: Record<string, unknown>, fields: unknown[]) => ({ ...doc, steps: [{ heading: 'Data', fields }] });

  it('shows one example under a date question whose hint already gives one', async () => {
    const el = await mountForm(
      onStep(everyField(), [
        { type: 'date', name: 'born', label: 'Tanggal lahir', hint: 'Contoh: 27 3 1985' },
        { type: 'date', name: 'other', label: 'Tanggal surat', hint: 'Sesuai surat pengantar' },
      ]),
    );
    const born = q(el, '[data-field="born"]')!.textContent!;
    expect(born.match(/Contoh:/g)).to.have.length(1);
    expect(born).to.contain('27 3 1985').and.not.contain('27 3 1990');
    // A hint without an example still gets the built-in one, and the fieldset describes it.
    expect(q(el, '[data-field="other"]')!.textContent).to.contain('Contoh: 27 3 1990');
    expect(q(el, '#f-born-fieldset')!.getAttribute('aria-describedby')).to.equal('f-born-hint');
  });

  it('asks to remove items when a restored group holds more than its maximum', async () => {
    const el = await mountForm(everyField());
    // Three vessels where two fit, as a draft or the page's initialAnswers can bring them.
    const vessels = ['A', 'B', 'C'].map((vesselName) => ({ vesselName, motorised: 'tidak' }));
    el.initialAnswers = { vessels, applicantType: 'perorangan', fullName: 'Siti', nik: '3172014108900001', birthDate: { day: '1', month: '8', year: '1990' }, mobile: '081234567890', postalCode: '14440', address: 'Jl.' };
    await el.updateComplete;
    await press(el);
    await press(el);
    expect(summaryMessages(el)).to.include('Kapal paling banyak 2; hapus 1 di antaranya agar dapat melanjutkan');
  });

  it('draws the file button in the form\'s language and keeps the native input reachable by keyboard', async () => {
    const doc = onStep(everyField(), [
      { type: 'text', name: 'fullName', label: 'Nama lengkap' },
      { type: 'file', name: 'ktp', label: { id: 'Scan KTP', en: 'ID card scan' }, accept: ['.pdf', '.jpg'], maxSize: 2_000_000 },
      { type: 'file', name: 'photos', label: { id: 'Foto lokasi', en: 'Site photos' }, accept: ['image/*'], maxSize: 2_000_000, maxFiles: 3 },
    ]);
    const el = await mountForm(doc);
    const input = q<HTMLInputElement>(el, '#f-ktp')!;
    const button = q(el, '#f-ktp-button')!;
    expect(button.textContent!.trim()).to.equal('Pilih berkas');
    expect(q(el, '[data-field="ktp"]')!.textContent).to.contain('Belum ada berkas yang dipilih');
    // The browser's own "Choose File" / "No file chosen" is not drawn: the input takes no room.
    expect(input.getBoundingClientRect().width).to.be.at.most(1);
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    // Its name is the question and what the button does, both in the form's language.
    const name = (input.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => root(el).getElementById(id)?.textContent?.trim()).join(' ');
    expect(name).to.equal('Scan KTP Pilih berkas');
    // Keyboard: Tab from the text field lands on the native input itself.
    q<HTMLInputElement>(el, '#f-fullName')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input);
    // A click on the drawn button opens the native picker (it is the input's label).
    let opened = false;
    input.addEventListener('click', () => (opened = true), { once: true });
    input.addEventListener('click', (e) => e.preventDefault(), { once: true });
    button.click();
    expect(opened).to.equal(true);
    // A dropped file is taken as if chosen in the dialog.
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'ktp.pdf', { type: 'application/pdf' }));
    q(el, '[data-field="ktp"] .file-picker')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    for (let i = 0; i < 40 && !q(el, '[data-field="ktp"] .file-name'); i++) await aTimeout(25);
    expect(q(el, '[data-field="ktp"] .file-name')!.textContent).to.equal('ktp.pdf');
    expect(q(el, '[data-field="ktp"]')!.textContent).to.not.contain('Belum ada berkas');

    const en = await mountForm(doc, 'lang="en"');
    expect(q(en, '#f-ktp-button')!.textContent!.trim()).to.equal('Choose a file');
    expect(q(en, '#f-photos-button')!.textContent!.trim()).to.equal('Choose files');
    expect(q(en, '[data-field="ktp"]')!.textContent).to.contain('No file chosen');
  });

  it('reopens a restored draft at the step where the citizen was', async () => {
    const doc = { ...everyField(), id: 'uji-draf-langkah' };
    const first = await mountForm(doc);
    await check(first, 'f-applicantType-o1');
    await fill(first, 'f-fullName', 'Siti');
    await fill(first, 'f-nik', '3172014108900001');
    await fill(first, 'f-birthDate-day', '1');
    await fill(first, 'f-birthDate-month', '8');
    await fill(first, 'f-birthDate-year', '1990');
    await fill(first, 'f-mobile', '081234567890');
    await fill(first, 'f-postalCode', '14440');
    await fill(first, 'f-address', 'Jl. Kenanga');
    await press(first);
    expect(heading(first)).to.equal('Data usaha');
    await fill(first, 'f-companyName', 'PT Maju');
    for (let i = 0; i < 100 && !shadowText(first).includes('Isian disimpan'); i++) await aTimeout(25);
    await aTimeout(100);
    unmountAll();

    const second = await mountForm(doc);
    for (let i = 0; i < 100 && !q(second, '.draft-offer'); i++) await aTimeout(25);
    await press(second, '.draft-offer .button.primary');
    expect(heading(second)).to.equal('Data usaha');
    expect(q<HTMLInputElement>(second, '#f-companyName')!.value).to.equal('PT Maju');
    expect(q(second, '.progress')!.textContent).to.equal('Langkah 2 dari 3');
    await press(second, '.draft-note .link-button');
  });
});

describe('<loket-permit-form> with bad documents and hostile text', () => {
  const bad = (patch: (doc: Record<string, any>) => void) => {
    const doc = everyField() as Record<string, any>;
    patch(doc);
    return doc;
  };
  const cases: Array<{ name: string; doc: unknown; path: string; text: RegExp }> = [
    { name: 'a field type version 1 does not know', doc: bad((d) => (d.steps[0].fields[1].type = 'signature')), path: 'steps[0].fields[1].type', text: /jenis isian "signature" tidak dikenal/ },
    { name: 'a pattern that is not a regular expression', doc: bad((d) => (d.steps[0].fields[1].pattern = '([a-z')), path: 'steps[0].fields[1].pattern', text: /bukan ekspresi reguler/ },
    { name: 'an empty options list', doc: bad((d) => (d.steps[1].fields[5].options = [])), path: 'steps[1].fields[5].options', text: /pilihan kosong/ },
    { name: 'a condition on an unknown field', doc: bad((d) => (d.steps[1].visibleWhen = { field: 'jenisPemohon', equals: 'x' })), path: 'steps[1].visibleWhen.field', text: /isian "jenisPemohon" tidak ada/ },
    { name: 'JSON that is not a form', doc: [1, 2, 3], path: '', text: /harus berupa objek/ },
  ];
  for (const c of cases) {
    it(`names the path of ${c.name}, fires loket-error and never throws`, async () => {
      let failed!: Event;
      let el!: Form;
      const logged = await countConsoleErrors(async () => {
        const probe = mount<Form>(`<loket-permit-form><script type="application/json">${inlineJson(c.doc)}</script><a href="/kantor">Formulir PDF</a></loket-permit-form>`);
        failed = await probe.next('loket-error');
        el = probe.el;
        await el.updateComplete;
      });
      expect(logged).to.have.length(1);
      const problems = (failed as LoketErrorEvent).detail.problems;
      const problem = problems.find((p) => p.path === c.path);
      expect(problem, JSON.stringify(problems)).to.exist;
      expect(problem!.message).to.match(c.text);
      expect(q(el, '[part="error-panel"]')!.textContent).to.contain(c.path || '(dokumen)');
      await expect(el).to.be.accessible();
    });
  }

  it('renders labels, hints, options and messages from the document as literal text', async () => {
    const payload = '<img src=x onerror="window.__formPwned=1"><script>window.__formPwned=1</script>';
    const doc = bad((d) => {
      d.title = payload;
      d.steps[0].heading = payload;
      d.steps[0].fields[0].options[0].label = payload;
      d.steps[0].fields[1].label = payload;
      d.steps[0].fields[1].hint = payload;
      d.steps[0].fields[1].messages = { required: payload };
    });
    const el = await mountForm(doc);
    await press(el);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(shadowText(el)).to.contain('<img src=x onerror="window.__formPwned=1">');
    expect(summaryMessages(el)).to.include(payload);
    expect((window as { __formPwned?: number }).__formPwned).to.equal(undefined);
  });
});

describe('<loket-permit-form> with documents and answers from nowhere', () => {
  it('never throws on a mutated document: it shows a form or an error panel', async () => {
    const { default: fc } = await import('fast-check');
    const { hostile, paths, splice } = await import('./fixtures/mutate.js');
    const base = everyField();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths(base)), hostile, async (path, value) => {
        const el = document.createElement('loket-permit-form') as Form;
        const log = console.error;
        console.error = () => undefined;
        try {
          el.data = splice(base, path, value);
          await appendAndSettle(el);
          expect(root(el).querySelector('form, [part="error-panel"]'), JSON.stringify(path)).to.exist;
          if (root(el).querySelector('form')) {
            q(el, '.actions .button')?.click();
            await el.updateComplete;
          }
        } finally {
          console.error = log;
          el.remove();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on random answers of any shape, and submits only valid ones', async () => {
    const { default: fc } = await import('fast-check');
    const { hostile } = await import('./fixtures/mutate.js');
    const names = ['applicantType', 'fullName', 'nik', 'birthDate', 'mobile', 'email', 'postalCode', 'address', 'vessels', 'permits', 'photos', 'declaration', 'constructor', '__proto__'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), hostile, { maxKeys: 8 }), async (answers) => {
        const el = document.createElement('loket-permit-form') as Form;
        el.data = everyField();
        document.body.append(el);
        try {
          await el.updateComplete;
          el.initialAnswers = answers;
          await el.updateComplete;
          for (let i = 0; i < 4; i++) {
            q(el, '.actions .button')?.click();
            await el.updateComplete;
          }
          expect(root(el).querySelector('form')).to.exist;
        } finally {
          el.remove();
        }
      }),
      { numRuns: 60 },
    );
  });
});
