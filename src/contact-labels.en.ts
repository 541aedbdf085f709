import type { Entry } from './i18n.js';
import type { CONTACT_LABELS } from './contact-labels.js';

/** English names of the contact kinds; part of each English catalogue that lists contacts. */
export const CONTACT_LABELS_EN: Record<keyof typeof CONTACT_LABELS, Entry> = {
  'contact.phone': 'Phone',
  'contact.whatsapp': 'WhatsApp',
  'contact.email': 'Email',
  'contact.call-centre': 'Call centre',
  'contact.sms': 'SMS',
  'contact.web': 'Website',
};
