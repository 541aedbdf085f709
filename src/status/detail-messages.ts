import { defineMessages, type Entry } from '../i18n.js';

/**
 * The strings only the banner's details use (widgets/service-status/status-details.ts):
 * they arrive with the details' code, after first paint.
 */
const id = {
  'status.hours': 'Jam kerja kantor',
  'status.hoursClosed': 'Tutup',
  'status.closures': 'Hari libur dan penutupan',
  'status.channels': 'Saluran layanan',
  'status.contacts': 'Kontak',
  'status.address': 'Alamat',
  'status.untilFurther': 'Berlaku sampai pemberitahuan lebih lanjut',
  'status.validUntil': 'Berlaku sampai {date}',
  'status.opensLater': 'buka {day} pukul {time}',
  'status.alwaysOpen': '24 jam',
} as const satisfies Record<string, Entry>;

export type DetailMessageKey = keyof typeof id;

export const detailMsg = defineMessages<DetailMessageKey>(id, () => import('./detail-messages.en.js'));
