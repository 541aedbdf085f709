import { defineMessages, type Entry } from '../i18n.js';
import { CONTACT_LABELS } from '../contact-labels.js';

/**
 * The banner's strings for its compact view (what first paint shows).
 * Indonesian per PUEBI: "pukul 08.00 WIB", "Jumat". The details' own strings
 * come with their code (detail-messages.ts), after first paint.
 */
const id = {
  'status.region': 'Status layanan {office}',
  'status.openNow': 'Buka sekarang',
  'status.closedNow': 'Tutup sekarang',
  'status.inPersonSuspended': 'Pelayanan tatap muka ditiadakan',
  'status.closesAt': 'tutup pukul {time}',
  'status.opensAt': 'Buka kembali {day}, pukul {time}',
  'status.opensOn': 'Buka kembali {day}, {date}, pukul {time}',
  'status.noReopen': 'Belum ada jadwal buka kembali',
  'status.closure': 'Libur: {reason}',
  'status.showDetails': 'Lihat detail',
  'status.hideDetails': 'Sembunyikan detail',
  'status.detailsLoading': 'Memuat detail…',
  'status.detailsFailed': 'Detail belum dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.',
  'status.retry': 'Coba lagi',
  'status.updated': 'Diperbarui {date}',
  'status.refreshFailed': 'Gagal memperbarui. Menampilkan status terakhir, diperbarui {date}.',
  'status.changed': 'Status layanan diperbarui.',
  'state.open': 'Buka',
  'state.limited': 'Terbatas',
  'state.closed': 'Tutup',
  'channel.in-person': 'Tatap muka',
  'channel.online': 'Daring (online)',
  'channel.drop-box': 'Kotak berkas (drop box)',
  'channel.consultation': 'Konsultasi',
  'channel.home-visit': 'Layanan ke rumah',
  'level.info': 'Informasi',
  'level.warning': 'Perhatian',
  'level.disruption': 'Gangguan layanan',
  ...CONTACT_LABELS,
} as const satisfies Record<string, Entry>;

export type StatusMessageKey = keyof typeof id;

export const statusMsg = defineMessages<StatusMessageKey>(id, () => import('./messages.en.js'));
