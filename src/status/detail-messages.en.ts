import type { Entry } from '../i18n.js';
import type { DetailMessageKey } from './detail-messages.js';

/** English for the banner's details; fetched only when a page or element asks for English. */
const en: Record<DetailMessageKey, Entry> = {
  'status.hours': 'Office hours',
  'status.hoursClosed': 'Closed',
  'status.closures': 'Holidays and closures',
  'status.channels': 'Service channels',
  'status.contacts': 'Contact',
  'status.address': 'Address',
  'status.untilFurther': 'Valid until further notice',
  'status.validUntil': 'Valid until {date}',
  'status.opensLater': 'opens {day} at {time}',
  'status.alwaysOpen': '24 hours',
};

export default en;
