import { clockMinutes, readDocTime, validDate } from '../../status/clock.js';
import { one, unless, version, type Found, type RuleIssue } from './issue.js';

/** The service-status versions this build understands. */
export const STATUS_VERSIONS = [1] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The service-status format's own rules. */
export const STATUS_RULES = {
  statusVersion: version(STATUS_VERSIONS),
  clock: (value: string) => unless(clockMinutes(value) !== undefined, { key: 'schema.time', value }),
  localDate: (value: string) => {
    const m = DATE.exec(value);
    return unless(!!m && validDate(Number(m[1]), Number(m[2]), Number(m[3])), { key: 'schema.date', value });
  },
  dateTime: (value: string) => unless(readDocTime(value) !== undefined, { key: 'schema.dateTime', value }),
  period: (period: { open: string; close: string }) => {
    const open = clockMinutes(period.open);
    const close = clockMinutes(period.close);
    return open !== undefined && close !== undefined && close <= open ? one({ key: 'schema.timeOrder', open: period.open, close: period.close }, 'close') : undefined;
  },
  closure: (closure: { from: string; until?: string | undefined }) =>
    closure.until !== undefined && closure.until < closure.from ? one({ key: 'schema.dateOrder', from: closure.from, until: closure.until }, 'until') : undefined,
  channels: (channels: readonly { kind: string }[]): Found => {
    const first = new Map<string, number>();
    const out: RuleIssue[] = [];
    channels.forEach((channel, index) => {
      const earlier = first.get(channel.kind);
      if (earlier === undefined) first.set(channel.kind, index);
      else out.push({ params: { key: 'schema.duplicate', value: channel.kind, other: `channels[${earlier}].kind` }, path: [index, 'kind'] });
    });
    return out.length ? out : undefined;
  },
} as const;
