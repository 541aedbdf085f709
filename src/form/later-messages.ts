import { defineMessages, type Entry } from '../i18n.js';

/**
 * The permit form's words that no first screen shows: the error summary,
 * file questions and repeatable groups, the review page, sending. Kept apart
 * from ui-messages.ts so that a phone does not download them before the first
 * step is drawn; they come with the code that shows them (checks.ts,
 * files-groups.ts, review.ts), which the form reaches them through.
 */
const id = {
  'ui.backToReview': 'Simpan dan kembali ke ringkasan',
  'ui.errorSummary': 'Ada masalah',
  // The error summary's last link after its first ten problems (error-dom.ts SUMMARY_LINKS).
  'ui.errorSummaryMore': 'Dan {count} masalah lain; buka yang berikutnya',
  'ui.reviewIntro': 'Pastikan semua jawaban sudah benar sebelum mengirim permohonan.',
  'ui.change': 'Ubah',
  'ui.notAnswered': 'Tidak diisi',
  'ui.addItem': 'Tambah',
  'ui.removeItem': 'Hapus {item}',
  'ui.item': '{label} {n}',
  'ui.itemAdded': '{item} ditambahkan.',
  'ui.itemRemoved': '{item} dihapus.',
  'ui.itemsMax': 'Jumlah maksimal: {max}.',
  'ui.noItems': 'Belum ada. Tekan tombol di bawah untuk menambahkan.',
  'ui.chooseFiles': 'Pilih berkas',
  'ui.chooseFile': 'Pilih berkas',
  'ui.noFile': 'Belum ada berkas yang dipilih',
  'ui.anyImage': 'gambar',
  'ui.fileLimits': 'Format {types}. Ukuran maksimal {size} per berkas.',
  'ui.fileLimitsCount': 'Format {types}. Ukuran maksimal {size} per berkas, paling banyak {count} berkas.',
  'ui.removeFile': 'Hapus {name}',
  'ui.fileRemoved': 'Berkas {name} dihapus.',
  'ui.filesChosen': '{names} dipilih untuk {label}',
  'ui.preparingPhotos': 'Menyiapkan foto…',
  'ui.sendCodeFailed': 'Permohonan belum terkirim: bagian formulir untuk mengirim tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.submitted': 'Jawaban Anda sudah diserahkan untuk dikirim.',
} as const satisfies Record<string, Entry>;

export type FormLaterKey = keyof typeof id;

export const laterMsg = defineMessages<FormLaterKey>(id, () => import('./later-messages.en.js'));
