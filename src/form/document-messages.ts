import { defineMessages } from '../i18n.js';

/**
 * Problems in a permit-form document (names, references, cycles, patterns,
 * backend settings), read by its author after a path. Loaded only when a
 * document fails.
 */
export const formDocumentMsg = defineMessages(
  {
    'form.name': 'nama isian "{value}" tidak sah; gunakan huruf, angka, dan garis bawah, diawali huruf (misalnya namaPemohon)',
    'form.dateBound': 'batas tanggal "{value}" tidak sah; tulis TTTT-BB-HH (misalnya 2020-08-17) atau "today"',
    'form.accept': 'jenis berkas "{value}" tidak sah; tulis ekstensi seperti ".pdf", atau jenis MIME seperti "application/pdf" atau "image/*"',
    'form.fieldType': 'jenis isian "{value}" tidak dikenal di versi 1; jenis yang dikenal: {types}',
    'form.nestedGroup': 'grup berulang tidak dapat berada di dalam grup lain',
    'form.helpContact': 'isi minimal satu kontak bantuan: phone, whatsapp, atau email',
    'form.unknownField': 'isian "{name}" tidak ada di formulir ini',
    'form.laterField': 'isian "{name}" baru ditanyakan di langkah {step}, sesudah kondisi ini dinilai, sehingga kondisi ini tidak pernah terpenuhi',
    'form.cycle': 'kondisi tampil saling bergantung secara melingkar: {cycle}',
    'form.notAnOption': '"{value}" bukan nilai pilihan isian "{name}"; nilai yang ada: {values}',
    'form.notBoolean': 'isian "{name}" adalah kotak centang tunggal; bandingkan dengan true atau false',
    'form.notDate': 'isian "{name}" bukan isian tanggal',
    'form.pattern': 'pola "{pattern}" bukan ekspresi reguler JavaScript yang sah',
    'form.patternRisky': 'pola "{pattern}" dapat membuat halaman macet: pola ini mengulang bagian yang panjangnya berubah-ubah atau bercabang, seperti (a+)+ atau (a|aa)+, atau memuat tiga pengulangan tanpa batas berturut-turut. Tulis tanpa pengulangan bersarang',
    'form.noOptions': 'daftar pilihan kosong; tambahkan minimal satu pilihan',
    'form.minMax': '{min} ({minValue}) lebih besar daripada {max} ({maxValue})',
    'form.minOptions': 'min ({min}) lebih besar daripada jumlah pilihan ({count})',
    'form.endpoint': 'alamat pengiriman "{value}" tidak diizinkan; gunakan https:, http: atau alamat relatif',
    'form.header': 'header "{value}" tidak boleh diatur oleh formulir (dilarang peramban atau diatur loket sendiri)',
    'form.headerValue': 'nilai header tidak boleh memuat baris baru',
    'form.pointer': 'penunjuk JSON "{value}" tidak sah; tulis misalnya "/trackingNumber" atau "/data/nomor"',
  },
  {
    'form.name': 'field name "{value}" is not valid; use letters, digits and underscores, starting with a letter (for example applicantName)',
    'form.dateBound': 'date bound "{value}" is not valid; write YYYY-MM-DD (for example 2020-08-17) or "today"',
    'form.accept': 'file type "{value}" is not valid; write an extension such as ".pdf", or a MIME type such as "application/pdf" or "image/*"',
    'form.fieldType': 'field type "{value}" is not known in version 1; known types: {types}',
    'form.nestedGroup': 'a repeatable group cannot be inside another group',
    'form.helpContact': 'give at least one help contact: phone, whatsapp or email',
    'form.unknownField': 'field "{name}" does not exist in this form',
    'form.laterField': 'field "{name}" is only asked on step {step}, after this condition is evaluated, so the condition can never hold',
    'form.cycle': 'visibility conditions depend on each other in a circle: {cycle}',
    'form.notAnOption': '"{value}" is not an option value of field "{name}"; its values: {values}',
    'form.notBoolean': 'field "{name}" is a single checkbox; compare it with true or false',
    'form.notDate': 'field "{name}" is not a date field',
    'form.pattern': 'pattern "{pattern}" is not a valid JavaScript regular expression',
    'form.patternRisky': 'pattern "{pattern}" can freeze the page: it repeats a part whose length varies or that has alternatives, like (a+)+ or (a|aa)+, or has three unbounded repetitions in a row. Write it without nested repetition',
    'form.noOptions': 'the list of options is empty; add at least one option',
    'form.minMax': '{min} ({minValue}) is greater than {max} ({maxValue})',
    'form.minOptions': 'min ({min}) is greater than the number of options ({count})',
    'form.endpoint': 'submission address "{value}" is not allowed; use https:, http: or a relative address',
    'form.header': 'header "{value}" cannot be set by a form (forbidden by browsers or set by loket itself)',
    'form.headerValue': 'a header value cannot contain a line break',
    'form.pointer': 'JSON pointer "{value}" is not valid; write for example "/trackingNumber" or "/data/number"',
  },
);
export type FormDocumentMessageKey = Parameters<typeof formDocumentMsg>[1];
