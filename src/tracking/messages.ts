import { defineMessages, type Entry } from '../i18n.js';
import { CONTACT_LABELS } from '../contact-labels.js';

/**
 * The strings of <loket-application-status>. State names are plain words a
 * citizen uses at the counter; "Nomor pendaftaran" is the receipt's own term.
 */
const id = {
  'tracking.title': 'Lacak permohonan',
  'tracking.intro': 'Masukkan nomor pendaftaran dan kode akses dari tanda terima Anda.',
  'tracking.number': 'Nomor pendaftaran',
  'tracking.numberHint': 'Tertulis di tanda terima, di bawah “Permohonan terkirim”.',
  'tracking.secret': 'Kode akses',
  'tracking.secretHint': 'Ada di tautan “Lacak permohonan” pada tanda terima. Jangan bagikan kepada orang lain.',
  'tracking.submit': 'Lihat status',
  'tracking.loading': 'Mencari status permohonan…',
  'tracking.summary': 'Ada yang perlu diperiksa',
  'tracking.numberRequired': 'Masukkan nomor pendaftaran',
  'tracking.secretRequired': 'Masukkan kode akses',
  'tracking.numberTooLong': 'Nomor pendaftaran terlalu panjang (maksimal {max} karakter)',
  'tracking.secretTooLong': 'Kode akses terlalu panjang (maksimal {max} karakter)',
  'tracking.notFound': 'Permohonan tidak ditemukan. Periksa kembali nomor pendaftaran dan kode akses pada tanda terima Anda.',
  'tracking.rateLimited': 'Terlalu banyak percobaan, coba lagi dalam {count} menit.',
  'tracking.rateLimitedLater': 'Terlalu banyak percobaan, coba lagi nanti.',
  'tracking.network': 'Tidak dapat terhubung ke server kantor. Periksa koneksi internet Anda, lalu coba lagi.',
  'tracking.timeout': 'Server kantor terlalu lama menjawab (lebih dari {seconds} detik). Coba lagi.',
  'tracking.http': 'Server kantor sedang bermasalah (HTTP {status}). Coba lagi beberapa saat lagi.',
  'tracking.badUrl': 'Alamat layanan status tidak sah: “{url}”. Untuk pengelola situs: periksa atribut endpoint.',
  'tracking.retry': 'Coba lagi',
  'tracking.region': 'Status permohonan {number}',
  'tracking.current': 'Status saat ini',
  'tracking.since': 'sejak {date}',
  'tracking.permit': 'Permohonan',
  'tracking.office': 'Kantor',
  'tracking.submittedAt': 'Dikirim',
  'tracking.message': 'Pesan dari kantor',
  'tracking.next': 'Yang perlu Anda lakukan',
  'tracking.fix': 'Perbaiki dokumen atau isian berikut:',
  'tracking.fixLink': 'Perbaiki permohonan di formulir',
  'tracking.collect': 'Pengambilan izin',
  'tracking.collectPlace': 'Tempat: {place}',
  'tracking.collectWhen': 'Waktu: {when}',
  'tracking.bring': 'Bawa:',
  'tracking.timeline': 'Riwayat permohonan',
  'tracking.contacts': 'Hubungi kantor',
  'tracking.address': 'Alamat: {address}',
  'tracking.announce': 'Status permohonan {number}: {state}.',
  'state.received': 'Diterima',
  'state.in-review': 'Sedang diperiksa',
  'state.needs-fix': 'Perlu perbaikan',
  'state.approved': 'Disetujui',
  'state.rejected': 'Ditolak',
  'state.ready': 'Selesai — dapat diambil',
  ...CONTACT_LABELS,
} as const satisfies Record<string, Entry>;

export type TrackingMessageKey = keyof typeof id;

export const trackingMsg = defineMessages<TrackingMessageKey>(id, () => import('./messages.en.js'));
