import type { Entry } from '../i18n.js';
import { CONTACT_LABELS_EN } from '../contact-labels.en.js';
import type { StatusMessageKey } from './messages.js';

/** English for the banner's compact view; fetched only when a page or element asks for English. */
const en: Record<StatusMessageKey, Entry> = {
  'status.region': 'Service status, {office}',
  'status.openNow': 'Open now',
  'status.closedNow': 'Closed now',
  'status.inPersonSuspended': 'In-person service suspended',
  'status.closesAt': 'closes at {time}',
  'status.opensAt': 'Opens again {day} at {time}',
  'status.opensOn': 'Opens again {day}, {date} at {time}',
  'status.noReopen': 'No reopening date yet',
  'status.closure': 'Closed: {reason}',
  'status.showDetails': 'Show details',
  'status.hideDetails': 'Hide details',
  'status.detailsLoading': 'Loading details…',
  'status.detailsFailed': 'The details could not be loaded. Check your internet connection, then try again.',
  'status.retry': 'Try again',
  'status.updated': 'Updated {date}',
  'status.refreshFailed': 'Could not refresh. Showing the last status, updated {date}.',
  'status.changed': 'Service status updated.',
  'state.open': 'Open',
  'state.limited': 'Limited',
  'state.closed': 'Closed',
  'channel.in-person': 'In person',
  'channel.online': 'Online',
  'channel.drop-box': 'Drop box',
  'channel.consultation': 'Consultation',
  'channel.home-visit': 'Home visit',
  'level.info': 'Information',
  'level.warning': 'Warning',
  'level.disruption': 'Service disruption',
  ...CONTACT_LABELS_EN,
};

export default en;
