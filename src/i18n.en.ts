import type { Entry, MessageKey } from './i18n.js';

/** English for the shared strings; fetched only when a page or element asks for English. */
const en: Record<MessageKey, Entry> = {
  'load.title': 'This information cannot be shown yet',
  'load.network': 'Could not reach the server. Check your internet connection, then reload the page.',
  'day.0': 'Sunday',
  'day.1': 'Monday',
  'day.2': 'Tuesday',
  'day.3': 'Wednesday',
  'day.4': 'Thursday',
  'day.5': 'Friday',
  'day.6': 'Saturday',
  'month.1': 'January',
  'month.2': 'February',
  'month.3': 'March',
  'month.4': 'April',
  'month.5': 'May',
  'month.6': 'June',
  'month.7': 'July',
  'month.8': 'August',
  'month.9': 'September',
  'month.10': 'October',
  'month.11': 'November',
  'month.12': 'December',
  'time.at': 'at {time}',
  'time.range': '{from}–{to}',
  'time.today': 'today',
  'time.tomorrow': 'tomorrow',
};

export default en;
