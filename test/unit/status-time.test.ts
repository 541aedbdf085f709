import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { docInstant, evaluateStatus, noticeValid } from '../../src/status/evaluate.js';
import type { Notice } from '../../src/status/format.js';
import { formatDateRange } from '../../src/date-range.js';
import { formatClock, formatDate, formatInstant, instantOf, offsetMinutes, zoneLabel, zonedParts } from '../../src/time.js';
import { at, office } from '../fixtures/status.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

const WIB = 7;
const WITA = 8;
const WIT = 9;

describe('time zones', () => {
  it('reads the same instant on the clocks of WIB, WITA and WIT', () => {
    const instant = Date.parse('2020-09-14T00:30:00Z');
    expect(zonedParts(instant, 'Asia/Jakarta')).to.include({ hour: 7, minute: 30 });
    expect(zonedParts(instant, 'Asia/Makassar')).to.include({ hour: 8, minute: 30 });
    expect(zonedParts(instant, 'Asia/Jayapura')).to.include({ hour: 9, minute: 30 });
    expect(offsetMinutes(instant, 'Asia/Jayapura')).to.equal(540);
  });

  it('reads Indonesian clocks without Intl exactly as Intl reads them, and older instants through Intl', () => {
    const intl = (instant: number, timeZone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' })
          .formatToParts(instant)
          .map((p) => [p.type, p.value]),
      );
      const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
      return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second), weekday };
    };
    const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Ujung_Pandang', 'Asia/Jayapura'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2200, 0, 1) }), (zone, instant) => {
        expect(zonedParts(instant, zone), `${zone} ${new Date(instant).toISOString()}`).to.deep.equal(intl(instant, zone));
      }),
      { numRuns: 2000 },
    );
    // Pontianak kept WITA until 1988; that instant still reads 8 hours ahead.
    expect(zonedParts(Date.UTC(1987, 5, 1, 0, 0), 'Asia/Pontianak')).to.include({ hour: 8 });
    expect(zonedParts(Date.UTC(2027, 5, 1, 16, 59, 59, 999), 'Asia/Jakarta')).to.include({ day: 1, hour: 23, minute: 59, second: 59 });
  });

  it('converts an office wall-clock time to the right instant', () => {
    expect(instantOf({ year: 2020, month: 8, day: 18, hour: 8, minute: 0 }, 'Asia/Makassar')).to.equal(Date.parse('2020-08-18T00:00:00Z'));
    expect(instantOf({ year: 2020, month: 1, day: 1 }, 'Asia/Jakarta')).to.equal(Date.parse('2019-12-31T17:00:00Z'));
  });

  it('names Indonesian zones WIB, WITA, WIT and others by offset', () => {
    expect(zoneLabel('Asia/Jakarta', 0)).to.equal('WIB');
    expect(zoneLabel('Asia/Pontianak', 0)).to.equal('WIB');
    expect(zoneLabel('Asia/Makassar', 0)).to.equal('WITA');
    expect(zoneLabel('Asia/Jayapura', 0)).to.equal('WIT');
    expect(zoneLabel('Asia/Kolkata', 0)).to.equal('UTC+5:30');
  });

  it('writes times with a period in Indonesian and dates in full', () => {
    expect(formatClock(8, 0, 'id')).to.equal('08.00');
    expect(formatClock(15, 30, 'en')).to.equal('15:30');
    expect(formatDate({ year: 2020, month: 8, day: 17 }, 'id')).to.equal('17 Agustus 2020');
    expect(formatInstant(at('2020-08-17T08:00', WIB), 'Asia/Jakarta', 'id')).to.equal('17 Agustus 2020, pukul 08.00 WIB');
  });
});

describe('office hours in the office zone', () => {
  it('is open within hours and says when it closes', () => {
    const status = evaluateStatus(office(), at('2020-09-14T09:00', WITA));
    expect(status.counter.open).to.equal(true);
    expect(status.counter.closesAt).to.equal(15 * 60 + 30);
  });

  it('uses the office zone, not the visitor zone: 07:30 WIB is 08:30 WITA', () => {
    const instant = at('2020-09-14T07:30', WIB);
    expect(evaluateStatus(office(), instant).counter.open).to.equal(true);
    expect(evaluateStatus(office({ office: { name: 'X', timeZone: 'Asia/Jakarta' } }), instant).counter.open).to.equal(false);
    expect(evaluateStatus(office({ office: { name: 'X', timeZone: 'Asia/Jayapura' } }), instant).counter.open).to.equal(true);
  });

  it('closes over the Friday midday break and reopens the same day', () => {
    const status = evaluateStatus(office(), at('2020-09-18T12:00', WITA));
    expect(status.counter.open).to.equal(false);
    expect(status.counter.next?.daysAhead).to.equal(0);
    expect(status.counter.next?.local).to.include({ hour: 13, minute: 0 });
  });

  it('closes at the closing minute exactly', () => {
    expect(evaluateStatus(office(), at('2020-09-14T15:29', WITA)).counter.open).to.equal(true);
    expect(evaluateStatus(office(), at('2020-09-14T15:30', WITA)).counter.open).to.equal(false);
  });

  it('reopens on Monday after a Friday evening, across midnight and the weekend', () => {
    for (const local of ['2020-09-18T23:59', '2020-09-19T00:00', '2020-09-20T23:59']) {
      const next = evaluateStatus(office(), at(local, WITA)).counter.next;
      expect(next?.local, local).to.include({ year: 2020, month: 9, day: 21, hour: 8, minute: 0, weekday: 1 });
    }
  });

  it('treats a closure day as closed and names the reason', () => {
    const status = evaluateStatus(office(), at('2020-09-16T09:00', WITA));
    expect(status.counter.open).to.equal(false);
    expect(status.counter.closure?.reason).to.deep.equal({ id: 'Hari Raya Galungan', en: 'Galungan holiday' });
    expect(status.counter.next?.local).to.include({ day: 17, hour: 8 });
  });

  it('skips every day of a closure range when finding the next opening', () => {
    const doc = office({ closures: [{ from: '2020-12-24', until: '2020-12-31', reason: 'Cuti bersama' }] });
    const next = evaluateStatus(doc, at('2020-12-23T16:00', WITA)).counter.next;
    expect(next?.local).to.include({ year: 2021, month: 1, day: 1, hour: 8 });
    expect(next?.daysAhead).to.equal(9);
  });

  it('keeps online portals open around the clock, even on closure days', () => {
    const status = evaluateStatus(office(), at('2020-09-16T03:00', WITA));
    const online = status.channels.find((c) => c.kind === 'online');
    expect(online?.open).to.equal(true);
    expect(online?.always).to.equal(true);
  });

  it('gives no reopening time for a channel the office has closed', () => {
    const doc = office({ channels: [{ kind: 'in-person', state: 'closed' }] });
    const status = evaluateStatus(doc, at('2020-09-14T09:00', WITA));
    expect(status.counter.open).to.equal(false);
    expect(status.counter.next).to.equal(undefined);
  });

  it('lets a channel keep its own hours', () => {
    const doc = office({ channels: [{ kind: 'consultation', state: 'limited', hours: { sat: [{ open: '09:00', close: '12:00' }] } }] });
    expect(evaluateStatus(doc, at('2020-09-19T10:00', WITA)).channels[0]?.open).to.equal(true);
    expect(evaluateStatus(doc, at('2020-09-14T10:00', WITA)).channels[0]?.open).to.equal(false);
  });

  it('schedules the next re-evaluation at the next opening or closing', () => {
    const status = evaluateStatus(office(), at('2020-09-14T07:59', WITA));
    expect(status.nextChange).to.equal(at('2020-09-14T08:00', WITA));
  });
});

describe('date ranges', () => {
  const d = (year: number, month: number, day: number) => ({ year, month, day });

  it('says the shared month and year once, in both languages', () => {
    expect(formatDateRange(d(2027, 1, 13), d(2027, 1, 14), 'id')).to.equal('13–14 Januari 2027');
    expect(formatDateRange(d(2027, 1, 13), d(2027, 1, 14), 'en')).to.equal('13–14 January 2027');
    expect(formatDateRange(d(2027, 1, 30), d(2027, 2, 2), 'id')).to.equal('30 Januari – 2 Februari 2027');
    expect(formatDateRange(d(2027, 1, 30), d(2027, 2, 2), 'en')).to.equal('30 January – 2 February 2027');
    expect(formatDateRange(d(2026, 12, 30), d(2027, 1, 2), 'id')).to.equal('30 Desember 2026 – 2 Januari 2027');
    expect(formatDateRange(d(2026, 12, 30), d(2027, 1, 2), 'en')).to.equal('30 December 2026 – 2 January 2027');
    expect(formatDateRange(d(2027, 1, 23), d(2027, 1, 23), 'id')).to.equal('23 Januari 2027');
  });
});

describe('notices', () => {
  const zone = 'Asia/Jayapura';
  const notice = (from?: string, until?: string): Notice => ({ level: 'info', title: 'x', from, until });

  it('keeps a notice without an end until further notice', () => {
    expect(noticeValid(notice('2020-08-18'), zone, at('2020-08-18T00:00', WIT))).to.equal(true);
    expect(noticeValid(notice('2020-08-18'), zone, at('2020-08-17T23:59', WIT))).to.equal(false);
    expect(noticeValid(notice('2020-08-18'), zone, Date.parse('2035-01-01T00:00:00Z'))).to.equal(true);
  });

  it('includes the whole last day of a date-only end, in the office zone', () => {
    expect(noticeValid(notice(undefined, '2020-09-30'), zone, at('2020-09-30T23:59', WIT))).to.equal(true);
    expect(noticeValid(notice(undefined, '2020-09-30'), zone, at('2020-10-01T00:00', WIT))).to.equal(false);
  });

  it('includes the whole written minute of a timed end: 23.59 lasts until midnight', () => {
    expect(noticeValid(notice(undefined, '2026-11-30T23:59'), zone, at('2026-11-30T23:59', WIT) + 30_000)).to.equal(true);
    expect(noticeValid(notice(undefined, '2026-11-30T23:59'), zone, at('2026-11-30T23:59', WIT) + 59_999)).to.equal(true);
    expect(noticeValid(notice(undefined, '2026-11-30T23:59'), zone, at('2026-12-01T00:00', WIT))).to.equal(false);
    expect(docInstant('2026-11-30T23:59', zone, 'end')).to.equal(at('2026-12-01T00:00', WIT));
    expect(docInstant('2026-11-30T23:59:30', zone, 'end')).to.equal(at('2026-11-30T23:59', WIT) + 31_000);
    expect(docInstant('2026-11-30T23:59+07:00', zone, 'end')).to.equal(at('2026-12-01T00:00', WIB));
  });

  it('honours exact start and end times and explicit offsets', () => {
    expect(noticeValid(notice('2020-09-14T12:00'), zone, at('2020-09-14T11:59', WIT))).to.equal(false);
    expect(noticeValid(notice('2020-09-14T12:00'), zone, at('2020-09-14T12:00', WIT))).to.equal(true);
    expect(docInstant('2020-09-14T12:00+07:00', zone, 'start')).to.equal(at('2020-09-14T12:00', WIB));
    expect(docInstant('2020-09-14T05:00Z', zone, 'start')).to.equal(Date.parse('2020-09-14T05:00:00Z'));
  });

  it('shows only valid notices, most serious first, and schedules their expiry', () => {
    const doc = office({
      notices: [
        { level: 'info', title: 'a' },
        { level: 'disruption', title: 'b', until: '2020-09-14T12:00' },
        { level: 'warning', title: 'c', until: '2020-09-01' },
        { level: 'warning', title: 'd', from: '2020-10-01' },
      ],
    });
    const status = evaluateStatus(doc, at('2020-09-14T11:00', WITA));
    expect(status.notices.map((n) => n.title)).to.deep.equal(['b', 'a']);
    // Inclusive of its last minute: "until 12:00" counts 12.00 itself, so the banner changes at 12:01.
    expect(status.nextChange).to.equal(at('2020-09-14T12:01', WITA));
    expect(evaluateStatus(doc, at('2020-09-14T12:00', WITA)).notices.map((n) => n.title)).to.deep.equal(['b', 'a']);
    expect(evaluateStatus(doc, at('2020-09-14T12:01', WITA)).notices.map((n) => n.title)).to.deep.equal(['a']);
  });

  it('lists closures that have not ended yet, soonest first', () => {
    const doc = office({
      closures: [
        { from: '2020-12-25', reason: 'Natal' },
        { from: '2020-09-16', reason: 'Galungan' },
        { from: '2020-09-26', reason: 'Kuningan' },
      ],
    });
    expect(evaluateStatus(doc, at('2020-09-20T09:00', WITA)).closures.map((c) => c.reason)).to.deep.equal(['Kuningan', 'Natal']);
  });
});
