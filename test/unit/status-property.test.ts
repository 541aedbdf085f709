import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluateStatus } from '../../src/status/evaluate.js';
import { parseStatus } from '../../src/status/format.js';
import { LoketServiceStatus } from '../../widgets/service-status/service-status.js';
import { office } from '../fixtures/status.js';

// Documents nobody on the team wrote: random values spliced into a valid
// document at random paths must never make the parser, the time logic or the
// element throw. Either the document parses, or it yields located problems.

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '2020-02-30', '25:00', 'Asia/Atlantis', '', '\u0000', '{{constructor}}', '__proto__'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function splice(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = splice(copy[head], rest, replacement);
  return copy;
}

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
          document.body.append(el);
          await el.updateComplete;
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
