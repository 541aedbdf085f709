// <loket-application-status>'s core, with no UI: the status contract, the
// lookup request, the receipt link. Shared with the receiver (server/).
export { APPLICATION_STATES, CLOSED_STATES, type ApplicationState } from './states.js';
export {
  ApplicationStatus,
  Collect,
  Instant,
  NextSteps,
  StatusLookup,
  TimelineEntry,
  TRACKING_MAX_LENGTH,
  TRACKING_VERSIONS,
  TrackedPermit,
  TrackingOffice,
  instantMs,
  parseApplicationStatus,
} from './format.js';
export { LINK_NUMBER, LINK_SECRET, readTrackingLink, trackingHref, type LinkRead } from './link.js';
export { LOOKUP_FAILURES, lookupStatus, type LookupFailure, type LookupOptions, type LookupResult } from './lookup.js';
