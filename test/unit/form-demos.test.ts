import { expect } from '@open-wc/testing';
import { parseForm } from '../../src/form/format.js';
import { createValidator } from '../../src/form/validate.js';
import { FILLED } from '../fixtures/forms.js';
import '../../src/messages/authoring.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

async function load(name: string): Promise<unknown> {
  const response = await fetch(`/demo/forms/${name}.json`);
  return response.json();
}

describe('demo forms', () => {
  for (const [name, answers] of Object.entries(FILLED)) {
    it(`parses ${name} and accepts a complete answer set without errors or warnings`, async () => {
      const result = parseForm(await load(name));
      expect(result.ok, JSON.stringify(result.ok ? '' : result.problems)).to.equal(true);
      if (!result.ok) return;
      const validator = createValidator(result.value);
      for (const locale of ['id', 'en'] as const) expect(validator.validateAll(answers, locale)).to.deep.equal({ ok: true, errors: [], warnings: [] });
      for (const step of validator.visibleSteps(answers)) expect(validator.validateStep(answers, step).errors).to.deep.equal([]);
    });

    it(`asks for every required answer of ${name} when nothing is filled in`, async () => {
      const result = parseForm(await load(name));
      if (!result.ok) throw new Error('does not parse');
      const { errors } = createValidator(result.value).validateAll({});
      expect(errors.length).to.be.greaterThan(3);
      for (const error of errors) expect(error.message).to.match(/^(Masukkan|Pilih|Centang|Tambahkan|Jawab pertanyaan)/);
    });
  }

  it('sends normalized answers without hidden fields', async () => {
    const result = parseForm(await load('sipi-jakarta-utara'));
    if (!result.ok) throw new Error('does not parse');
    const final = createValidator(result.value).finalAnswers({ ...FILLED['sipi-jakarta-utara'], applicantType: 'perorangan' });
    expect(final.nik).to.equal('3172014108900001');
    expect(final.mobile).to.equal('+6281234567890');
    expect(final.birthDate).to.equal('1990-08-01');
    expect(final).not.to.have.property('companyName');
    expect(final).not.to.have.property('deedScan');
    expect((final.vessels as Record<string, unknown>[])[0]).to.deep.equal({ vesselName: 'KM Sinar Bahari', grossTonnage: 12.5, motorised: 'ya', enginePower: 30, gear: 'rawai' });
  });

  it('lets the phone-or-email rule of TANYA PTSP ask for one of them', async () => {
    const result = parseForm(await load('tanya-ptsp'));
    if (!result.ok) throw new Error('does not parse');
    const { errors } = createValidator(result.value).validateStep({ ...FILLED['tanya-ptsp'], email: '' }, 1);
    expect(errors.map((e) => e.message)).to.deep.equal(['Masukkan nomor ponsel atau email', 'Masukkan email atau nomor ponsel']);
  });
});
