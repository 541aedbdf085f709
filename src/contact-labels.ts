/** Names of the contact kinds, one copy for every catalogue that lists contacts (banner, tracking page). */
export const CONTACT_LABELS = {
  'contact.phone': 'Telepon',
  'contact.whatsapp': 'WhatsApp',
  'contact.email': 'Email',
  'contact.call-centre': 'Call center',
  'contact.sms': 'SMS',
  'contact.web': 'Situs web',
} as const;
