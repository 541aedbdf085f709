import { expect } from '@open-wc/testing';
import '../../src/messages/authoring.js';
import { APPLICATION_STATES } from '../../src/tracking/states.js';
import { StatusLookup, instantMs, parseApplicationStatus } from '../../src/tracking/format.js';
import { readTrackingLink, trackingHref } from '../../src/tracking/link.js';
import { application } from '../fixtures/tracking.js';

const problemsOf = (doc: unknown) => {
  const parsed = parseApplicationStatus(doc);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('application-status contract', () => {
  it('accepts an answer in every state', () => {
    for (const state of APPLICATION_STATES) expect(problemsOf(application(state)), state).to.deep.equal([]);
  });

  it('refuses personal data: an unknown key anywhere is a problem at its path', () => {
    expect(problemsOf({ ...application(), nik: '3171234567890001' })).to.deep.equal(['nik: kunci tidak dikenal (salah ketik?)']);
    const doc = application();
    expect(problemsOf({ ...doc, office: { ...doc.office, applicantAddress: 'Jl. Mawar 1' } })[0]).to.match(/^office\.applicantAddress: /);
    expect(problemsOf({ ...doc, timeline: [{ ...doc.timeline[0], internalNote: 'KTP buram' }] })[0]).to.match(/^timeline\[0\]\.internalNote: /);
  });

  it('needs date-times with an offset, so they can be shown in the office zone', () => {
    expect(instantMs('2020-09-14T09:30:00+08:00')).to.equal(Date.UTC(2020, 8, 14, 1, 30));
    expect(instantMs('2020-09-14T01:30Z')).to.equal(Date.UTC(2020, 8, 14, 1, 30));
    for (const bad of ['2020-09-14T09:30', '2020-09-14', '2020-02-30T09:30:00Z', 'kemarin', '2020-09-14T24:00:00Z']) expect(instantMs(bad), bad).to.equal(undefined);
    expect(problemsOf(application('received', { submittedAt: '2020-09-14T09:30' }))[0]).to.match(/^submittedAt: waktu "2020-09-14T09:30" tidak sah/);
  });

  it('names a wrong state, an empty timeline, an unknown version and an unsafe form link', () => {
    expect(problemsOf({ ...application(), state: 'diproses' })[0]).to.match(/^state: harus salah satu dari/);
    expect(problemsOf({ ...application(), timeline: [] })[0]).to.match(/^timeline: /);
    expect(problemsOf({ ...application(), version: 2 })[0]).to.match(/^version: versi 2 tidak dikenal/);
    expect(problemsOf({ ...application('needs-fix'), formUrl: 'javascript:alert(1)' })[0]).to.match(/^formUrl: /);
  });

  it('limits the lookup to a number and a secret of sensible length', () => {
    expect(StatusLookup.safeParse({ trackingNumber: 'A-1', secret: 's' }).success).to.equal(true);
    expect(StatusLookup.safeParse({ trackingNumber: 'A-1', secret: '' }).success).to.equal(false);
    expect(StatusLookup.safeParse({ trackingNumber: 'A'.repeat(101), secret: 's' }).success).to.equal(false);
    expect(StatusLookup.safeParse({ trackingNumber: 'A-1', secret: 's', nik: '1' }).success).to.equal(false);
  });
});

describe('the receipt link', () => {
  it('puts number and secret in the fragment, and reads them back with the address cleaned', () => {
    const href = trackingHref('/lacak.html?kantor=bontang', { trackingNumber: 'TNY-1 2', secret: 'a+b/c=' }, 'https://kab.example/formulir/')!;
    expect(href).to.equal('https://kab.example/lacak.html?kantor=bontang#nomor=TNY-1+2&kode=a%2Bb%2Fc%3D');
    expect(readTrackingLink(href)).to.deep.equal({ trackingNumber: 'TNY-1 2', secret: 'a+b/c=', cleaned: 'https://kab.example/lacak.html?kantor=bontang' });
  });

  it('reads the query when the fragment was dropped, keeping other parameters', () => {
    expect(readTrackingLink('https://kab.example/lacak?x=1&nomor=A&kode=B')).to.deep.equal({ trackingNumber: 'A', secret: 'B', cleaned: 'https://kab.example/lacak?x=1' });
    expect(readTrackingLink('https://kab.example/lacak#bagian')).to.deep.equal({});
  });

  it('refuses a tracking page that is not http(s)', () => {
    expect(trackingHref('javascript:alert(1)', { trackingNumber: 'A', secret: 'B' }, 'https://kab.example/')).to.equal(undefined);
  });
});
