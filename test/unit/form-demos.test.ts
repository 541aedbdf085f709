import { expect } from '@open-wc/testing';
import type { Answers } from '../../src/form/answers.js';
import { parseForm } from '../../src/form/format.js';
import { createValidator } from '../../src/form/validate.js';

const pdf = (name: string) => ({ name, size: 480_000, type: 'application/pdf' });
const jpg = (name: string) => ({ name, size: 1_200_000, type: 'image/jpeg' });
const person = {
  fullName: 'Siti Aminah',
  birthDate: { day: '1', month: '8', year: '1990' },
  nik: '3172 0141 0890 0001',
  mobile: '0812-3456-7890',
  address: 'Jl. Muara Baru Ujung No. 5, Penjaringan',
  postalCode: '14440',
};
const company = { applicantType: 'badan-usaha', companyName: 'PT Bahari Sejahtera', position: 'Direktur', nib: '9120001234567', companyNpwp: '01.234.567.8-044.000', deedNumber: '12' };
const nextWeek = (() => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
})();

/** A complete, valid answer set for each demo form: the spec of what a citizen sends. */
const FILLED: Record<string, Answers> = {
  'sipi-jakarta-utara': {
    permits: ['siup', 'sipi'],
    requestType: 'perpanjangan',
    previousPermit: 'SIPI/0123/2019',
    ...person,
    ...company,
    vessels: [
      { vesselName: 'KM Sinar Bahari', grossTonnage: '12,5', motorised: 'ya', enginePower: '30', gear: 'rawai' },
      { vesselName: 'KM Harapan Jaya', grossTonnage: '5', motorised: 'tidak', gear: 'pancing-ulur', registration: 'JU-0456' },
    ],
    homePort: 'PPI Muara Angke',
    ktpScan: [jpg('ktp.jpg')],
    deedScan: [pdf('akta.pdf')],
    grosseAkta: [pdf('grosse-sinar-bahari.pdf'), pdf('grosse-harapan-jaya.pdf')],
    vesselPhotos: [jpg('sinar-bahari.jpg'), jpg('harapan-jaya.jpg')],
    previousPermitScan: [pdf('sipi-2019.pdf')],
    declaration: true,
  },
  'izin-reklame': {
    requestType: 'baru',
    represented: 'ya',
    ...person,
    ...company,
    signType: 'papan',
    content: 'Toko Bangunan Sejahtera — buka setiap hari',
    width: '4',
    height: '3',
    largeSign: 'tidak',
    location: 'Jl. Yos Sudarso Kav. 10, Tanjung Priok',
    coordinates: '-6.1214, 106.8987',
    displayFrom: nextWeek,
    duration: '1-tahun',
    letter: [pdf('surat-permohonan.pdf')],
    ktpScan: [jpg('ktp.jpg')],
    npwpScan: [jpg('npwp.jpg')],
    deedScan: [pdf('akta.pdf')],
    landConsent: [pdf('persetujuan-pemilik.pdf')],
    design: [jpg('desain.jpg')],
    sketch: [pdf('denah.pdf')],
    photos: [jpg('lokasi-1.jpg'), jpg('lokasi-2.jpg')],
    powerOfAttorney: [pdf('surat-kuasa.pdf')],
    declaration: true,
  },
  pbg: {
    applicantType: 'perorangan',
    ...person,
    ownsLand: 'tidak',
    landOwnerName: 'Haji Mansur',
    function: 'hunian',
    works: 'baru',
    floors: '2',
    aboveTwoFloors: 'tidak',
    floorArea: '120',
    landArea: '1.250',
    siteAddress: 'Jl. Kebon Bawang V No. 3, Tanjung Priok',
    landCertificate: [pdf('shm.pdf')],
    ktpScan: [jpg('ktp.jpg')],
    kkpr: [pdf('kkpr.pdf')],
    landUseAgreement: [pdf('perjanjian.pdf')],
    drawings: [{ name: 'gambar-rencana.pdf', size: 8_000_000, type: 'application/pdf' }],
    declaration: true,
  },
  'go-license-sragen': {
    ...person,
    nik: '3314 0141 0890 0001',
    postalCode: '57211',
    address: 'Dukuh Ngepringan RT 02 RW 01',
    kecamatan: 'tanon',
    village: 'Gabus',
    reason: 'lainnya',
    otherReason: 'Merawat orang tua yang sakit',
    permit: 'iumk',
    visitDate: nextWeek,
    timeSlot: 'pagi',
    healthProtocol: true,
  },
  'tanya-ptsp': {
    kind: 'pengaduan',
    topic: 'reklame',
    registrationNumber: '',
    message: 'Permohonan izin reklame saya belum ada kabar sejak tiga minggu lalu.',
    fullName: 'Budi Santoso',
    email: 'budi@example.org',
    replyVia: 'email',
    consent: true,
  },
};

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
      for (const error of errors) expect(error.message).to.match(/^(Masukkan|Pilih|Centang|Tambahkan)/);
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
