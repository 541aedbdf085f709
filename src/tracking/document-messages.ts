import { defineMessages } from '../i18n.js';

/** Problems in a status answer, read by the backend's developer after a path. Loaded only when an answer fails. */
export const trackingDocumentMsg = defineMessages(
  {
    'tracking.instant': 'waktu "{value}" tidak sah; tulis tanggal dan jam dengan zona, misalnya 2020-08-18T09:30:00+08:00 atau 2020-08-18T01:30:00Z',
  },
  {
    'tracking.instant': 'date-time "{value}" is not valid; write a date and time with its offset, for example 2020-08-18T09:30:00+08:00 or 2020-08-18T01:30:00Z',
  },
);
