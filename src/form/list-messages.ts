import { defineMessages, type Entry } from '../i18n.js';

// The strings of the searchable list and the region cascade, fetched with
// their code (widgets/permit-form/long-lists.ts): a form without long lists
// or region fields never downloads them.

const id = {
  'list.searchHint': 'Ketik untuk mencari, lalu pilih dengan panah atas atau bawah dan Enter.',
  'list.results': '{count} pilihan cocok',
  'list.resultsMore': '{shown} dari {count} pilihan cocok ditampilkan; ketik lebih banyak untuk mempersempit',
  'list.noResults': 'Tidak ada pilihan yang cocok dengan "{query}"',
  'list.failed': 'Daftar pilihan tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi.',
  'list.loading': 'Memuat daftar pilihan…',
  'list.empty': 'Daftar pilihan kosong. Hubungi kantor pelayanan.',
  'region.loading': 'Memuat daftar wilayah…',
  'region.failed': 'Daftar wilayah tidak dapat dimuat. Periksa koneksi internet Anda, lalu tekan Coba lagi.',
  'region.missing': 'Wilayah {code} tidak ada dalam data wilayah. Hubungi kantor pelayanan.',
  'region.level.province': 'Provinsi',
  'region.level.regency': 'Kabupaten/kota',
  'region.level.district': 'Kecamatan',
  'region.level.village': 'Desa/kelurahan',
  'region.retry': 'Coba lagi',
} as const satisfies Record<string, Entry>;

export type ListMessageKey = keyof typeof id;

export const listMsg = defineMessages<ListMessageKey>(id, () => import('./list-messages.en.js'));
