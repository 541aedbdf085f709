import { expect } from '@open-wc/testing';
import { parseForm, type FormDocument } from '../../src/form/format.js';
import { PATTERN_INPUT_LIMIT } from '../../src/form/pattern.js';
import { createValidator } from '../../src/form/validate.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

type Json = Record<string, unknown>;

function form(steps: Json[]): FormDocument {
  const result = parseForm({ version: 1, id: 't', title: 'T', office: { name: 'O' }, help: { phone: '021 6540 123' }, steps });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
const one = (...fields: Json[]) => createValidator(form([{ heading: 'S', fields }]), { today: () => ({ year: 2020, month: 8, day: 17 }) });
const errorsOf = (fields: Json[], answers: Json, locale: 'id' | 'en' = 'id') => one(...fields).validateAll(answers, locale).errors.map((e) => `${e.field}: ${e.message}`);

const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('answer validator on hostile input', () => {
  // Each of these took seconds to minutes with the old rules (the email rule was quadratic:
  // "a@" + "." × 300 000 + "@" held the thread for 55 s). Linear rules finish in milliseconds;
  // the generous timeout only catches a return of the quadratic behaviour.
  const hostile = ['a@' + '.'.repeat(300_000) + '@', 'a@b' + '.b'.repeat(150_000) + '@', 'x' + ' '.repeat(300_000) + 'y', 'x'.repeat(29_000_000)];
  for (const type of ['email', 'text', 'textarea']) {
    it(`refuses 300 000-character hostile ${type} answers quickly`, function () {
      this.timeout(20_000);
      for (const value of hostile) {
        const errors = errorsOf([{ type, name: 'a', label: 'Isian' }], { a: value });
        expect(errors).to.have.length(1);
      }
    });
  }
});

describe('answer validator', () => {
  const table: [string, Json, Json, string[]][] = [
    ['asks for a missing NIK by name', { type: 'nik', name: 'nik', label: 'NIK' }, {}, ['nik: Masukkan NIK']],
    ['lower-cases a label mid-sentence', { type: 'text', name: 'nama', label: 'Nama lengkap' }, { nama: '  ' }, ['nama: Masukkan nama lengkap']],
    ['asks to choose a kecamatan', { type: 'select', name: 'kec', label: 'Kecamatan', options: [{ value: 'koja', label: 'Koja' }] }, {}, ['kec: Pilih kecamatan']],
    ['skips an empty optional field', { type: 'text', name: 'a', label: 'A', optional: true }, {}, []],
    ['says a NIK must be 16 digits', { type: 'nik', name: 'nik', label: 'NIK' }, { nik: '12345' }, ['nik: NIK harus 16 digit angka']],
    ['strips spaces, dots and hyphens from a NIK', { type: 'nik', name: 'nik', label: 'NIK' }, { nik: '3201.0141-0890 0001' }, []],
    ['rejects a NIK with an unknown province', { type: 'nik', name: 'nik', label: 'NIK' }, { nik: '2001014108900001' }, ['nik: NIK tidak sah: dua digit pertama harus kode provinsi. Periksa kembali angka pada KTP']],
    ['rejects a NIK with serial 0000', { type: 'nik', name: 'nik', label: 'NIK' }, { nik: '3201014108900000' }, ['nik: NIK tidak sah: empat digit terakhir tidak boleh 0000. Periksa kembali angka pada KTP']],
    ['accepts an NPWP of 15 digits with separators', { type: 'npwp', name: 'npwp', label: 'NPWP' }, { npwp: '01.234.567.8-901.000' }, []],
    ['rejects an NPWP of 14 digits', { type: 'npwp', name: 'npwp', label: 'NPWP' }, { npwp: '01234567890100' }, ['npwp: NPWP harus 15 atau 16 digit angka']],
    ['rejects an NIB of 12 digits', { type: 'nib', name: 'nib', label: 'NIB' }, { nib: '912000123456' }, ['nib: NIB harus 13 digit angka']],
    ['rejects a KBLI of 4 digits', { type: 'kbli', name: 'kbli', label: 'Kode KBLI' }, { kbli: '4711' }, ['kbli: Kode KBLI harus 5 digit angka']],
    ['rejects a postal code of 4 digits', { type: 'postal-code', name: 'pos', label: 'Kode pos' }, { pos: '1414' }, ['pos: Kode pos harus 5 digit angka']],
    ['accepts a phone number written with +62', { type: 'phone', name: 'hp', label: 'Nomor HP' }, { hp: '+62 812-3456-7890' }, []],
    ['rejects a landline where a mobile is needed', { type: 'phone', name: 'hp', label: 'Nomor HP', mobile: true }, { hp: '021 6540 123' }, ['hp: Nomor HP harus nomor ponsel, misalnya 0812 3456 7890']],
    ['rejects a malformed email', { type: 'email', name: 'email', label: 'Email' }, { email: 'budi@' }, ['email: Email harus alamat email yang benar, misalnya nama@contoh.id']],
    ['rejects an email whose domain has an empty label', { type: 'email', name: 'email', label: 'Email' }, { email: 'budi@contoh..id' }, ['email: Email harus alamat email yang benar, misalnya nama@contoh.id']],
    ['accepts an email on a subdomain', { type: 'email', name: 'email', label: 'Email' }, { email: 'dpmptsp@pemda.kab-lingga.go.id' }, []],
    ['limits a text without maxLength to 500 characters', { type: 'text', name: 'a', label: 'Alamat' }, { a: 'x'.repeat(501) }, ['a: Alamat maksimal 500 karakter']],
    ['limits a textarea without maxLength to 5000 characters', { type: 'textarea', name: 'a', label: 'Uraian' }, { a: 'x'.repeat(5001) }, ['a: Uraian maksimal 5000 karakter']],
    ['accepts a textarea of exactly 5000 characters', { type: 'textarea', name: 'a', label: 'Uraian' }, { a: 'x'.repeat(5000) }, []],
    ['limits an email to 254 characters before checking its shape', { type: 'email', name: 'email', label: 'Email' }, { email: `${'a'.repeat(250)}@b.id` }, ['email: Email maksimal 254 karakter']],
    ['reports a too long answer instead of running its pattern', { type: 'text', name: 'a', label: 'Kode', pattern: '[A-Z]+', maxLength: 5 }, { a: 'abcdefg' }, ['a: Kode maksimal 5 karakter']],
    ['checks the length of a text', { type: 'text', name: 'a', label: 'Alamat', minLength: 10 }, { a: 'Jl. A' }, ['a: Alamat minimal 10 karakter']],
    ['checks the maximum length of a text', { type: 'textarea', name: 'a', label: 'Uraian', maxLength: 3 }, { a: 'abcd' }, ['a: Uraian maksimal 3 karakter']],
    ['checks a pattern against the whole answer', { type: 'text', name: 'p', label: 'Nomor kapal', pattern: 'KM-\\d+' }, { p: 'xKM-12' }, ['p: Nomor kapal tidak sesuai format; lihat contoh pada petunjuk']],
    ['rejects answers longer than the pattern limit', { type: 'text', name: 'p', label: 'P', pattern: 'a*', maxLength: 2000 }, { p: 'a'.repeat(PATTERN_INPUT_LIMIT + 1) }, ['p: P tidak sesuai format; lihat contoh pada petunjuk']],
    ['reads 2,5 as a number', { type: 'number', name: 'n', label: 'Ukuran', max: 3 }, { n: '2,5' }, []],
    ['reads 1.000 as a thousand', { type: 'number', name: 'n', label: 'Ukuran', max: 999 }, { n: '1.000' }, ['n: Ukuran maksimal 999']],
    ['rejects text in a number field', { type: 'number', name: 'n', label: 'Ukuran' }, { n: 'sepuluh' }, ['n: Ukuran harus berupa angka, misalnya 12 atau 2,5']],
    ['checks a minimum value', { type: 'number', name: 'n', label: 'Ukuran', min: 5 }, { n: '4' }, ['n: Ukuran minimal 5']],
    ['checks whole numbers', { type: 'number', name: 'n', label: 'Jumlah ABK', integer: true }, { n: '2,5' }, ['n: Jumlah ABK harus bilangan bulat']],
    ['names the missing part of a date', { type: 'date', name: 'd', label: 'Tanggal lahir' }, { d: { day: '17', month: '', year: '1945' } }, ['d: Tanggal lahir harus memuat bulan']],
    ['asks for four digits in the year', { type: 'date', name: 'd', label: 'Tanggal lahir' }, { d: { day: '17', month: '8', year: '45' } }, ['d: Tanggal lahir: tahun harus 4 digit angka']],
    ['rejects a date that does not exist', { type: 'date', name: 'd', label: 'Tanggal lahir' }, { d: { day: '30', month: '2', year: '2020' } }, ['d: Tanggal lahir harus tanggal yang sah']],
    ['accepts 29 February in a leap year', { type: 'date', name: 'd', label: 'Tanggal lahir' }, { d: { day: '29', month: '2', year: '2020' } }, []],
    ['rejects a birth date in the future', { type: 'date', name: 'd', label: 'Tanggal lahir', max: 'today' }, { d: { day: '18', month: '8', year: '2020' } }, ['d: Tanggal lahir harus hari ini atau sebelumnya']],
    ['names a fixed date bound', { type: 'date', name: 'd', label: 'Tanggal kunjungan', min: '2020-09-01' }, { d: { day: '31', month: '8', year: '2020' } }, ['d: Tanggal kunjungan harus 1 September 2020 atau sesudahnya']],
    ['rejects a choice that is not an option', { type: 'radio', name: 'r', label: 'Jenis', options: [{ value: 'a', label: 'A' }] }, { r: 'b' }, ['r: Pilih jenis dari pilihan yang tersedia']],
    ['counts ticked checkboxes', { type: 'checkboxes', name: 'c', label: 'Dokumen', min: 2, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }, { c: ['a'] }, ['c: Dokumen: pilih minimal 2']],
    ['asks to tick a required consent', { type: 'checkbox', name: 'ok', label: 'Saya menyatakan data ini benar' }, { ok: false }, ['ok: Centang "Saya menyatakan data ini benar" untuk melanjutkan']],
    ['asks to choose a file', { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf'], maxSize: 2097152 }, {}, ['ktp: Pilih berkas scan KTP']],
    ['rejects a file of the wrong type', { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf', '.jpg', 'image/png'], maxSize: 2097152 }, { ktp: [file('ktp.docx', 1000, 'application/msword')] }, ['ktp: Berkas "ktp.docx" harus berformat PDF, JPG, atau PNG']],
    ['rejects a file that is too large', { type: 'file', name: 'ktp', label: 'Scan KTP', accept: ['.pdf'], maxSize: 2097152 }, { ktp: [file('ktp.pdf', 3_000_000, 'application/pdf')] }, ['ktp: Ukuran berkas "ktp.pdf" maksimal 2 MB']],
    ['accepts a JPEG by its MIME type without an extension', { type: 'file', name: 'foto', label: 'Foto', accept: ['image/jpeg'], maxSize: 2000000 }, { foto: [file('IMG_0001', 1000, 'image/jpeg')] }, []],
    ['accepts a .jpeg file where .jpg is asked', { type: 'file', name: 'foto', label: 'Foto', accept: ['.jpg'], maxSize: 2000000 }, { foto: [file('lokasi.JPEG', 1000, '')] }, []],
    ['rejects an empty file', { type: 'file', name: 'foto', label: 'Foto', accept: ['.jpg'], maxSize: 2000000 }, { foto: [file('lokasi.jpg', 0, 'image/jpeg')] }, ['foto: Berkas "lokasi.jpg" kosong; pilih berkas lain']],
    ['rejects too many files', { type: 'file', name: 'foto', label: 'Foto lokasi', accept: ['.jpg'], maxSize: 2000000, maxFiles: 1 }, { foto: [file('a.jpg', 1, ''), file('b.jpg', 1, '')] }, ['foto: Foto lokasi: pilih maksimal 1 berkas']],
    ['uses the custom message for a rule', { type: 'text', name: 'p', label: 'P', pattern: '\\d+', messages: { pattern: { id: 'Nomor SIPI hanya berisi angka', en: 'SIPI number has digits only' } } }, { p: 'x' }, ['p: Nomor SIPI hanya berisi angka']],
    ['uses the custom required message', { type: 'text', name: 'p', label: 'P', messages: { required: 'Masukkan nama kapal' } }, {}, ['p: Masukkan nama kapal']],
  ];
  for (const [name, field, answers, expected] of table) {
    it(name, () => {
      expect(errorsOf([field], answers)).to.deep.equal(expected);
    });
  }

  it('speaks English when asked', () => {
    expect(errorsOf([{ type: 'nik', name: 'nik', label: { id: 'NIK', en: 'NIK' } }], { nik: '1' }, 'en')).to.deep.equal(['nik: NIK must be 16 digits']);
    expect(errorsOf([{ type: 'file', name: 'f', label: 'F', accept: ['.pdf', '.png'], maxSize: 1 }], { f: [file('a.gif', 1, 'image/gif')] }, 'en')).to.deep.equal(['f: The file "a.gif" must be a PDF or PNG']);
  });

  it('tells which date part to focus', () => {
    const { errors } = one({ type: 'date', name: 'd', label: 'D' }).validateAll({ d: { day: '1', month: '1', year: '20' } });
    expect(errors[0]?.part).to.equal('year');
  });

  const applicant = () =>
    createValidator(
      form([
        {
          heading: 'Pemohon',
          fields: [
            { type: 'radio', name: 'kind', label: 'Jenis pemohon', options: [{ value: 'person', label: 'Perorangan' }, { value: 'company', label: 'Badan usaha' }] },
            { type: 'text', name: 'company', label: 'Nama perusahaan', visibleWhen: { field: 'kind', equals: 'company' } },
            { type: 'nib', name: 'nib', label: 'NIB', optional: true, requiredWhen: { field: 'company', filled: true } },
            { type: 'date', name: 'dob', label: 'Tanggal lahir', optional: true },
            { type: 'radio', name: 'sex', label: 'Jenis kelamin', optional: true, options: [{ value: 'L', label: 'Laki-laki' }, { value: 'P', label: 'Perempuan' }] },
            { type: 'nik', name: 'nik', label: 'NIK', sensitive: true, crossCheck: { birthDate: 'dob', sex: { field: 'sex', female: 'P', male: 'L' } } },
          ],
        },
        {
          heading: 'Akta perusahaan',
          visibleWhen: { field: 'kind', equals: 'company' },
          fields: [{ type: 'text', name: 'deed', label: 'Nomor akta' }],
        },
        {
          heading: 'Kapal',
          fields: [
            {
              type: 'group',
              name: 'vessels',
              label: 'Kapal',
              min: 1,
              max: 2,
              fields: [
                { type: 'text', name: 'name', label: 'Nama kapal' },
                { type: 'radio', name: 'hasEngine', label: 'Bermotor?', options: [{ value: 'y', label: 'Ya' }, { value: 'n', label: 'Tidak' }] },
                { type: 'number', name: 'power', label: 'Daya mesin', visibleWhen: { field: 'hasEngine', equals: 'y' } },
                { type: 'text', name: 'owner', label: 'Pemilik', visibleWhen: { field: 'kind', equals: 'company' } },
              ],
            },
          ],
        },
      ]),
    );
  const person = { kind: 'person', company: 'PT Lama', deed: '12', nik: '3201014108900001', dob: { day: '1', month: '8', year: '1990' }, sex: 'P' };

  it('skips hidden fields and hidden steps, and leaves them out of the final answers', () => {
    const v = applicant();
    const answers = { ...person, vessels: [{ name: 'KM Sinar', hasEngine: 'n', power: 'x', owner: 'y' }] };
    expect(v.validateAll(answers)).to.deep.equal({ ok: true, errors: [], warnings: [] });
    expect(v.visibleSteps(answers)).to.deep.equal([0, 2]);
    expect(v.isVisible('company', answers)).to.equal(false);
    expect(v.isVisible('vessels[0].power', answers)).to.equal(false);
    expect(v.finalAnswers(answers)).to.deep.equal({ kind: 'person', dob: '1990-08-01', sex: 'P', nik: '3201014108900001', vessels: [{ name: 'KM Sinar', hasEngine: 'n' }] });
  });

  it('treats a hidden field as empty in other conditions', () => {
    const v = applicant();
    // company keeps its old value while hidden, so NIB must not become required.
    expect(v.isRequired('nib', person)).to.equal(false);
    expect(v.isRequired('nib', { ...person, kind: 'company' })).to.equal(true);
  });

  it('requires a field when its requiredWhen holds', () => {
    const v = applicant();
    const errors = v.validateStep({ ...person, kind: 'company', company: 'PT Maju' }, 0).errors;
    expect(errors).to.deep.equal([{ field: 'nib', message: 'Masukkan NIB' }]);
  });

  it('validates group items with indexed paths, and the item count', () => {
    const v = applicant();
    const answers = { ...person, kind: 'company', company: 'PT Maju', nib: '9120001234567', vessels: [{ name: 'KM Satu', hasEngine: 'n', owner: 'A' }, { name: '', hasEngine: 'y', owner: 'B' }] };
    expect(v.validateStep(answers, 2).errors).to.deep.equal([
      { field: 'vessels[1].name', message: 'Masukkan nama kapal' },
      { field: 'vessels[1].power', message: 'Masukkan daya mesin' },
    ]);
    expect(v.validateStep({ ...answers, vessels: [] }, 2).errors).to.deep.equal([{ field: 'vessels', message: 'Tambahkan minimal 1 kapal' }]);
    expect(v.validateField({ ...answers, vessels: [{}, {}, {}] }, 'vessels', 'id').errors).to.deep.equal([{ field: 'vessels', message: 'Kapal paling banyak 2; hapus 1 di antaranya agar dapat melanjutkan' }]);
    // Six items restored where five fit: say which way to go (remove), not "add no more".
    expect(v.validateField({ ...answers, vessels: [{}, {}, {}, {}] }, 'vessels', 'en').errors[0]?.message).to.equal('Kapal: no more than 2; remove 2 of them to continue');
    expect(v.validateField(answers, 'vessels[1].power', 'id').errors).to.deep.equal([{ field: 'vessels[1].power', message: 'Masukkan daya mesin' }]);
    expect(v.validateField(answers, 'vessels[5].power', 'id').errors).to.deep.equal([]);
  });

  it('warns, without blocking, when the NIK disagrees with the birth date or sex, never echoing them', () => {
    const v = applicant();
    const result = v.validateStep({ ...person, dob: { day: '2', month: '8', year: '1990' }, sex: 'L' }, 0);
    expect(result.ok).to.equal(true);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings.map((w) => w.field)).to.deep.equal(['nik', 'nik']);
    expect(result.warnings[0]?.message).to.match(/tidak cocok dengan tanggal lahir/);
    for (const w of result.warnings) expect(w.message).not.to.match(/1990|Agustus|perempuan|wanita/i);
  });

  it('lists what depends on a field, through hidden steps and groups', () => {
    const v = applicant();
    const kind = v.dependentsOf('kind');
    expect(kind.steps).to.deep.equal([1]);
    expect(kind.fields).to.include.members(['company', 'nib', 'deed', 'vessels.owner']);
    expect(v.dependentsOf('vessels.hasEngine').fields).to.deep.equal(['vessels.power']);
    expect(v.dependentsOf('dob').fields).to.deep.equal(['nik']);
    expect(v.dependentsOf('nik')).to.deep.equal({ fields: [], steps: [] });
  });

  it('validates one field of a thousand without evaluating the others', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => ({ type: 'text', name: `f${i}`, label: `F${i}`, visibleWhen: i > 0 ? { field: 'f0', filled: true } : undefined }));
    const v = one(...fields);
    const answers = Object.fromEntries(fields.map((f) => [f.name, 'x']));
    const start = performance.now();
    for (let i = 0; i < 1000; i++) v.validateField(answers, 'f500', 'id');
    expect((performance.now() - start) / 1000).to.be.lessThan(0.5);
    expect(v.validateAll({}).errors).to.have.length(1);
  });
});
