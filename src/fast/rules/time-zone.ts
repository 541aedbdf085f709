import { isTimeZone } from '../../time-zone.js';
import { unless } from './issue.js';

/** A known IANA time zone: the banner, the form's sending settings and the tracking answer. */
export const TIME_ZONE_RULES = {
  timeZone: (value: string) => unless(isTimeZone(value), { key: 'schema.timeZone', value }),
} as const;
