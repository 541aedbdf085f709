import { defineMessages, type Entry } from '../i18n.js';

// The strings of sending, drafts, the outbox and the receipt. Read by
// citizens: plain, honest, and never blaming them.

/** Submission strings, Bahasa Indonesia first. */
const id = {
  'submit.sending': 'Mengirim permohonan…',
  'submit.retrying': 'Koneksi terputus. Mencoba lagi dalam {seconds} detik…',
  'submit.progress': 'Mengunggah berkas: {percent}%',
  'submit.fileProgress': '{name}: {percent}%',
  'submit.queued': 'Menunggu koneksi — permohonan akan dikirim otomatis',
  'submit.queuedDetail': 'Permohonan dan berkas Anda tersimpan di perangkat ini dan akan dikirim begitu koneksi kembali, juga jika Anda membuka halaman ini lagi nanti. Jangan hapus data peramban sampai permohonan terkirim.',
  'submit.failedTitle': 'Permohonan belum terkirim',
  'submit.failed.network': 'Server kantor tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.',
  'submit.failed.timeout': 'Server kantor terlalu lama tidak menjawab. Coba lagi sebentar lagi.',
  'submit.failed.http': 'Server kantor sedang bermasalah (kode {status}). Jawaban Anda tetap ada; selama halaman ini terbuka, pengiriman dicoba lagi secara otomatis. Anda juga dapat menekan "Coba lagi".',
  'submit.failed.tooLarge': 'Berkas yang dilampirkan terlalu besar untuk diterima server kantor (kode 413), jadi mengirim ulang tidak akan membantu. Silakan perkecil berkas (misalnya pindai ulang dengan resolusi lebih rendah) atau kurangi jumlahnya melalui tombol "Ubah", lalu kirim lagi. Jawaban Anda tetap ada.',
  'submit.failed.refused': 'Server kantor tidak menerima permohonan ini (kode {status}), jadi mengirim ulang tidak akan membantu. Silakan hubungi kantor melalui kontak bantuan di bawah dan sebutkan kode {status}. Jawaban Anda tetap ada di halaman ini.',
  'submit.failed.not-json': 'Server kantor memberi jawaban yang tidak dapat dibaca, sehingga belum pasti permohonan diterima. Coba lagi; permohonan tidak akan tercatat dua kali.',
  'submit.failed.no-tracking-number': 'Server kantor menjawab tanpa nomor pendaftaran, sehingga belum pasti permohonan diterima. Coba lagi; permohonan tidak akan tercatat dua kali.',
  'submit.failed.missing-endpoint': 'Formulir ini belum terhubung ke server kantor, sehingga permohonan belum terkirim. Jawaban Anda tetap ada di halaman ini.',
  'submit.failed.hook': 'Permohonan tidak dapat dikirim. Jawaban Anda tetap ada; coba lagi.',
  'submit.filesCannotWait': 'Perangkat ini tidak dapat menyimpan berkas untuk dikirim nanti. Tetap di halaman ini dan tekan "Coba lagi" setelah koneksi kembali.',
  'submit.help': 'Jika masalah berlanjut, hubungi kantor melalui kontak bantuan di bawah.',
  'submit.retry': 'Coba lagi',
  'submit.serverErrors': 'Kantor menolak sebagian isian. Perbaiki yang ditandai, lalu kirim lagi.',
  'outbox.title': 'Permohonan menunggu dikirim',
  'outbox.submittedAt': 'Diajukan {date}',
  'outbox.server': 'Server kantor sedang bermasalah (kode {status}) — permohonan akan dikirim ulang otomatis',
  'outbox.detail': 'Permohonan dan berkas Anda tersimpan di perangkat ini. Selama halaman ini terbuka, pengiriman dicoba lagi setiap beberapa menit, dan juga saat Anda membuka halaman ini lagi nanti. Jangan hapus data peramban sampai permohonan terkirim.',
  'outbox.until': 'Jika sampai {date} belum terkirim, permohonan dihapus dari perangkat ini untuk melindungi data Anda.',
  'outbox.sendNow': 'Coba kirim sekarang',
  'outbox.confirmDelete': 'Hapus permohonan ini dari perangkat ini? Permohonan belum sampai ke kantor dan tidak akan dikirim; untuk mengajukannya Anda perlu mengisi formulir lagi.',
  'outbox.confirmYes': 'Ya, hapus',
  'outbox.cancel': 'Batal',
  'outbox.deleted': 'Permohonan yang menunggu dan isian Anda sudah dihapus dari perangkat ini. Permohonan tidak dikirim.',
  'expired.title': 'Permohonan tidak terkirim',
  'expired.detail': 'Permohonan yang Anda ajukan pada {date} tidak dapat dikirim ke kantor sampai {expired}, sehingga dihapus dari perangkat ini untuk melindungi data Anda. Kantor belum menerimanya.',
  'expired.next': 'Silakan isi dan kirim formulir ini lagi. Jika pengiriman masih gagal, hubungi kantor melalui kontak bantuan di bawah.',
  'expired.again': 'Isi formulir lagi',
  'receipt.title': 'Permohonan terkirim',
  'receipt.number': 'Nomor pendaftaran',
  'receipt.keep': 'Simpan nomor ini untuk menanyakan perkembangan permohonan Anda.',
  'receipt.nextSteps': 'Apa yang terjadi selanjutnya',
  'receipt.duration': 'Lama pelayanan: {duration}',
  'receipt.fee': 'Biaya: {fee}',
  'receipt.submittedAt': 'Dikirim {date}',
  'receipt.print': 'Cetak bukti pengiriman',
  'draft.offer': 'Lanjutkan isian sebelumnya?',
  'draft.offerDetail': 'Isian yang Anda mulai pada {date} tersimpan di perangkat ini. Berkas tidak ikut tersimpan dan perlu dipilih lagi.',
  'draft.resume': 'Lanjutkan isian',
  'draft.fresh': 'Mulai dari awal',
  'draft.delete': 'Hapus data dari perangkat ini',
  'draft.deleted': 'Data isian sudah dihapus dari perangkat ini.',
  'draft.restored': 'Isian sebelumnya dipulihkan.',
  'draft.saved': 'Isian disimpan di perangkat ini sampai {date}, tanpa berkas{sensitive}.',
  'draft.savedSensitive': ' dan tanpa data pribadi yang sensitif (seperti NIK)',
} as const satisfies Record<string, Entry>;

export type SubmitMessageKey = keyof typeof id;

export const submitMsg = defineMessages<SubmitMessageKey>(id, () => import('./messages.en.js'));
