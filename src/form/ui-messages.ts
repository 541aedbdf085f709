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
  'ui.optional': '(tidak wajib)',
  'ui.stepOf': 'Langkah {n} dari {total}',
  'ui.errorPrefix': 'Galat:',
  'ui.warningPrefix': 'Periksa kembali:',
  'ui.review': 'Periksa jawaban Anda',
  'ui.yes': 'Ya',
  'ui.no': 'Tidak',
  'ui.choose': 'Pilih salah satu',
  'ui.day': 'Tanggal',
  'ui.month': 'Bulan',
  'ui.year': 'Tahun',
  'ui.dateExample': 'Contoh: {example}',
  'ui.help': 'Butuh bantuan?',
  'ui.helpPhone': 'Telepon',
  'ui.helpWhatsapp': 'WhatsApp',
  'ui.helpEmail': 'Email',
  'ui.serviceLevel': 'Waktu layanan: {duration}',
  'ui.fee': 'Biaya: {fee}',
  'ui.notice': 'Penting:',
  'ui.checking': 'Memeriksa jawaban Anda…',
  'ui.checkCodeFailed': 'Jawaban Anda belum dapat diperiksa: bagian formulir untuk memeriksa jawaban tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.reviewLoading': 'Memuat ringkasan jawaban Anda…',
  'ui.reviewCodeFailed': 'Ringkasan jawaban tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.retry': 'Coba lagi',
  'ui.loadingQuestion': 'Memuat pertanyaan…',
  'ui.questionCodeFailed': 'Pertanyaan ini tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
  'ui.loadingList': 'Memuat daftar pilihan…',
  'ui.listCodeFailed': 'Daftar pilihan tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi. Jawaban Anda tetap ada.',
} as const satisfies Record<string, Entry>;

export type FormUiKey = keyof typeof id;

export const formUiMsg = defineMessages<FormUiKey>(id, () => import('./ui-messages.en.js'));
