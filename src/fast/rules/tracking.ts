import { instantMs } from '../../tracking/instant.js';
import { unless, version } from './issue.js';

/** The application-status contract versions this build understands. */
export const TRACKING_VERSIONS = [1] as const;

/** The application-status contract's own rules. */
export const TRACKING_RULES = {
  trackingVersion: version(TRACKING_VERSIONS),
  instant: (value: string) => unless(instantMs(value) !== undefined, { key: 'tracking.instant', value }),
} as const;
