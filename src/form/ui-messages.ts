import { defineMessages, type Entry } from '../i18n.js';

/**
 * The permit form's own words (buttons, headings, the error summary), from
 * INDONESIA.md and the GOV.UK patterns: "Lanjutkan", "Kembali", "Kirim
 * permohonan", "Ada masalah", "Periksa jawaban Anda", "Ubah", "(tidak wajib)".
 */
const id = {
  'ui.continue': 'Lanjutkan',
  'ui.back': 'Kembali',
  'ui.submit': 'Kirim permohonan',
  'ui.backToReview': 'Simpan dan kembali ke ringkasan',
  'ui.optional': '(tidak wajib)',
  'ui.stepOf': 'Langkah {n} dari {total}',
  'ui.errorSummary': 'Ada masalah',
  'ui.errorPrefix': 'Galat:',
  // The error summary's last link after its first ten problems (error-dom.ts SUMMARY_LINKS).
  'ui.errorSummaryMore': 'Dan {count} masalah lain; buka yang berikutnya',
  'ui.warningPrefix': 'Periksa kembali:',
  'ui.review': 'Periksa jawaban Anda',
  'ui.reviewIntro': 'Pastikan semua jawaban sudah benar sebelum mengirim permohonan.',
  'ui.change': 'Ubah',
  'ui.notAnswered': 'Tidak diisi',
  'ui.yes': 'Ya',
  'ui.no': 'Tidak',
  'ui.choose': 'Pilih salah satu',
  'ui.day': 'Tanggal',
  'ui.month': 'Bulan',
  'ui.year': 'Tahun',
  'ui.dateExample': 'Contoh: {example}',
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
  'ui.help': 'Butuh bantuan?',
  'ui.helpPhone': 'Telepon',
  'ui.helpWhatsapp': 'WhatsApp',
  'ui.helpEmail': 'Email',
  'ui.serviceLevel': 'Waktu layanan: {duration}',
  'ui.fee': 'Biaya: {fee}',
  'ui.notice': 'Penting:',
  'ui.sendCodeFailed': 'Permohonan belum terkirim: bagian formulir untuk mengirim tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.checking': 'Memeriksa jawaban Anda…',
  'ui.checkCodeFailed': 'Jawaban Anda belum dapat diperiksa: bagian formulir untuk memeriksa jawaban tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.reviewLoading': 'Memuat ringkasan jawaban Anda…',
  'ui.reviewCodeFailed': 'Ringkasan jawaban tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.retry': 'Coba lagi',
  'ui.submitted': 'Jawaban Anda sudah diserahkan untuk dikirim.',
  'ui.loadingQuestion': 'Memuat pertanyaan…',
  'ui.questionCodeFailed': 'Pertanyaan ini tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.loadingList': 'Memuat daftar pilihan…',
  'ui.listCodeFailed': 'Daftar pilihan tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
} as const satisfies Record<string, Entry>;

export type FormUiKey = keyof typeof id;

export const formUiMsg = defineMessages<FormUiKey>(id, () => import('./ui-messages.en.js'));
