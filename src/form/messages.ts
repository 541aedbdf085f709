import { defineMessages, type Entry } from '../i18n.js';

// Permit form strings: problems in a form document (read by its author, so
// they are fragments after a path, like the shared `schema.*` ones) and
// answer errors (read by citizens: GOV.UK style, naming the field and the
// fix). `{label}` is the field's label starting lower-case, `{Label}` upper-case.

/** The permit form's strings, Bahasa Indonesia first. */
const id = {
  // Permit form: answer errors.
  'answer.enter': 'Masukkan {label}',
  'answer.choose': 'Pilih {label}',
  'answer.tick': 'Centang "{Label}" untuk melanjutkan',
  'answer.question': 'Jawab pertanyaan "{Label}"',
  'answer.tickStatement': 'Centang pernyataan untuk melanjutkan',
  'answer.chooseFile': 'Pilih berkas {label}',
  'answer.tooShort': '{Label} minimal {min} karakter',
  'answer.tooLong': '{Label} maksimal {max} karakter',
  'answer.pattern': '{Label} tidak sesuai format; lihat contoh pada petunjuk',
  'answer.number': '{Label} harus berupa angka, misalnya 12 atau 2,5',
  'answer.integer': '{Label} harus bilangan bulat',
  'answer.min': '{Label} minimal {min}',
  'answer.max': '{Label} maksimal {max}',
  'answer.email': '{Label} harus alamat email yang benar, misalnya nama@contoh.id',
  'answer.phone': '{Label} harus nomor telepon Indonesia, misalnya 0812 3456 7890',
  'answer.mobile': '{Label} harus nomor ponsel, misalnya 0812 3456 7890',
  'answer.digits': '{Label} harus {count} digit angka',
  'answer.npwpDigits': '{Label} harus 15 atau 16 digit angka',
  'answer.nikProvince': '{Label} tidak sah: dua digit pertama harus kode provinsi. Periksa kembali angka pada KTP',
  'answer.nikDate': '{Label} tidak sah: digit ke-7 sampai ke-12 harus tanggal lahir. Periksa kembali angka pada KTP',
  'answer.nikSerial': '{Label} tidak sah: empat digit terakhir tidak boleh 0000. Periksa kembali angka pada KTP',
  'answer.nikBirthDate': '{Label} tidak cocok dengan tanggal lahir yang Anda isi. Periksa keduanya; jika sudah sesuai KTP, Anda tetap dapat melanjutkan',
  'answer.nikSex': '{Label} tidak cocok dengan jenis kelamin yang Anda pilih. Periksa keduanya; jika sudah sesuai KTP, Anda tetap dapat melanjutkan',
  'answer.option': 'Pilih {label} dari pilihan yang tersedia',
  'answer.tooFewChoices': '{Label}: pilih minimal {min}',
  'answer.tooManyChoices': '{Label}: pilih maksimal {max}',
  'answer.datePart': '{Label} harus memuat {part}',
  'answer.dateYear': '{Label}: tahun harus 4 digit angka',
  'answer.dateReal': '{Label} harus tanggal yang sah',
  'answer.dateMin': '{Label} harus {date} atau sesudahnya',
  'answer.dateMax': '{Label} harus {date} atau sebelumnya',
  'answer.part.day': 'tanggal',
  'answer.part.month': 'bulan',
  'answer.part.year': 'tahun',
  'answer.fileType': 'Berkas "{name}" harus berformat {types}',
  'answer.fileSize': 'Ukuran berkas "{name}" maksimal {size}',
  'answer.fileEmpty': 'Berkas "{name}" kosong; pilih berkas lain',
  'answer.fileCount': '{Label}: pilih maksimal {max} berkas',
  'answer.groupMin': 'Tambahkan minimal {min} {label}',
  'answer.groupMax': '{Label} paling banyak {max}; hapus {excess} di antaranya agar dapat melanjutkan',
  'answer.optionsLoading': 'Daftar pilihan {label} belum termuat; tunggu sebentar atau pilih "Coba lagi"',
  'answer.regionLevel': '{Label}: pilih {level}',
  'answer.regionOutside': '{Label} harus berada di {scope}',
  'answer.regionUnknown': '{Label}: wilayah yang dipilih tidak ada dalam daftar wilayah; pilih lagi',
  'answer.regionLoading': 'Daftar wilayah untuk {label} belum termuat; tunggu sebentar atau pilih "Coba lagi"',
  'answer.level.province': 'provinsi',
  'answer.level.regency': 'kabupaten/kota',
  'answer.level.district': 'kecamatan',
  'answer.level.village': 'desa/kelurahan',
} as const satisfies Record<string, Entry>;

export type FormMessageKey = keyof typeof id;

export const formMsg = defineMessages<FormMessageKey>(id, () => import('./messages.en.js'));

/** A key of the permit form's catalogue. */
