import { defineMessages, type Entry } from '../i18n.js';

/**
 * The checklist's strings. Indonesian per PUEBI: "Rp10.000", "silakan";
 * "bila diperlukan" for documents that apply only in some cases.
 */
const id = {
  // The permit and the office.
  'checklist.kicker': 'Daftar persyaratan',
  'checklist.serviceDays': { one: '{count} hari kerja', other: '{count} hari kerja' },
  'checklist.serviceLevel': 'Waktu pelayanan',
  'checklist.fee': 'Biaya',
  'checklist.free': 'Gratis (tidak dipungut biaya)',
  'checklist.legalBasis': 'Dasar hukum',
  // Variant questions.
  'checklist.questions': 'Tentang permohonan Anda',
  'checklist.questionsHint': 'Jawab pertanyaan berikut agar hanya dokumen yang Anda perlukan yang ditampilkan.',
  'checklist.unanswered': 'Jawab semua pertanyaan di atas untuk melihat daftar lengkap. Sekarang ditampilkan dokumen yang berlaku untuk semua pemohon.',
  // The list.
  'checklist.documents': 'Dokumen yang perlu disiapkan',
  'group.identity': 'Identitas',
  'group.business': 'Usaha',
  'group.technical': 'Dokumen teknis',
  'group.location': 'Lokasi',
  'group.other': 'Dokumen lain',
  'checklist.optional': 'bila diperlukan',
  'checklist.ready': 'Siap',
  'checklist.empty': 'Tidak ada dokumen yang perlu disiapkan untuk pilihan ini.',
  'checklist.formats': { other: 'Berkas {formats}' },
  'checklist.maxSize': 'maksimal {size} MB',
  'checklist.original': 'Tunjukkan asli',
  'checklist.stamped': 'Bermaterai {amount}',
  'checklist.photo': 'Foto ukuran {size}',
  'checklist.copies': { other: '{count} rangkap' },
  'checklist.issuer': 'Diterbitkan oleh',
  'checklist.template': 'Unduh formulir',
  'checklist.or': 'atau',
  // Progress.
  'checklist.progress': { other: '{ready} dari {count} dokumen siap' },
  'checklist.allReady': 'Semua dokumen wajib siap. Silakan ajukan permohonan.',
  'checklist.optionalNotCounted': 'Dokumen "bila diperlukan" tidak dihitung.',
  'checklist.listChanged': { other: 'Daftar diperbarui: {count} dokumen untuk pilihan Anda. {progress}.' },
  'checklist.cleared': 'Semua centang dihapus.',
  'checklist.nothingToClear': 'Belum ada centang.',
  // Actions.
  'checklist.apply': 'Ajukan permohonan',
  'checklist.print': 'Cetak daftar',
  'checklist.clear': 'Hapus centang',
  'checklist.remembered': 'Centang dan jawaban Anda disimpan di perangkat ini saja.',
  'checklist.notRemembered': 'Centang tidak dapat disimpan di perangkat ini; daftar akan kosong lagi bila halaman dimuat ulang.',
  // Help and print.
  'checklist.help': 'Butuh bantuan?',
  'checklist.printAnswers': 'Jawaban Anda',
  'checklist.printApply': 'Ajukan permohonan di: {url}',
  'checklist.printNoAnswer': 'belum dijawab',
  'checklist.contact.phone': 'Telepon',
  'checklist.contact.whatsapp': 'WhatsApp',
  'checklist.contact.email': 'Email',
  'checklist.contact.call-centre': 'Call center',
  'checklist.contact.sms': 'SMS',
  'checklist.contact.web': 'Situs web',
} as const satisfies Record<string, Entry>;

export type ChecklistMessageKey = keyof typeof id;

export const checklistMsg = defineMessages<ChecklistMessageKey>(id, () => import('./messages.en.js'));
