import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluateStatus } from '../../src/status/evaluate.js';
import { parseStatus } from '../../src/status/format.js';
import { LoketServiceStatus } from '../../widgets/service-status/service-status.js';
import { hostile, paths, splice } from '../fixtures/mutate.js';
import { appendAndSettle } from '../helpers.js';
import { office } from '../fixtures/status.js';
import { loadLocale } from '../../src/i18n.js';

// These tests read English messages directly, without an element to fetch them.
before(() => loadLocale('en'));

// Documents nobody on the team wrote: random values spliced into a valid
// document at random paths must never make the parser, the time logic or the
// element throw. Either the document parses, or it yields located problems.

const base = office({
  notices: [{ level: 'warning', title: { id: 'a', en: 'b' }, from: '2020-01-01', until: '2020-12-31T12:00' }],
  contacts: [{ kind: 'whatsapp', value: '081234567890' }],
});
const allPaths = paths(base);

describe('status documents from nowhere', () => {
  it('never make parseStatus or evaluateStatus throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), hostile, fc.integer({ min: 0, max: 4_102_444_800_000 }), (path, value, now) => {
        const doc = splice(base, path, value);
        const result = parseStatus(doc, 'en');
        if (result.ok) evaluateStatus(result.value, now);
        else for (const p of result.problems) expect(p.message).to.be.a('string').and.not.equal('');
      }),
      { numRuns: 400 },
    );
  });

  it('never make the element throw, and always show either a banner or an error panel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPaths), hostile, async (path, value) => {
        const el = new LoketServiceStatus();
        const log = console.error;
        console.error = () => undefined;
        try {
          el.data = splice(base, path, value);
          await appendAndSettle(el);
          const shown = el.shadowRoot!.querySelector('[part="banner"], [part="error-panel"]');
          expect(shown, JSON.stringify(path)).to.exist;
        } finally {
          console.error = log;
          el.remove();
        }
      }),
      { numRuns: 80 },
    );
  });
});
