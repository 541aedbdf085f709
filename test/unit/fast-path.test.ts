import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { shape as checklistShape } from 'loket:shapes/checklist';
import { shape as formShape } from 'loket:shapes/form';
import { shape as statusShape } from 'loket:shapes/status';
import { shape as trackingShape } from 'loket:shapes/tracking';
import { checkChecklist } from '../../src/checklist/check.js';
import { parseChecklist, type ChecklistDocument } from '../../src/checklist/format.js';
import { accepts, type Shape } from '../../src/fast/accept.js';
import { checkForm } from '../../src/form/check.js';
import { parseForm, type FormDocument } from '../../src/form/format.js';
import { parseStatus } from '../../src/status/format.js';
import { parseApplicationStatus } from '../../src/tracking/format.js';

// The fast path accepts a document before zod is downloaded. It may turn a
// valid document away (zod then decides), but it must never accept one zod
// rejects: these tests splice hostile and near-miss values into every demo
// document at every path and hold it to that.
//
// For the permit form, the fast path below is the whole one: the shape and the
// whole-document checks (src/form/check.ts). In the browser those checks arrive
// just after the first step is drawn (src/form/fast.ts), so a document may be
// shown on its shape alone for that moment; test/permit-form-broken.test.ts holds
// such a document to ending on the same verdict, and to never being used.

interface Format {
  readonly name: string;
  readonly files: readonly string[];
  readonly fast: (json: unknown) => boolean;
  readonly full: (json: unknown) => boolean;
}

const FORMATS: readonly Format[] = [
  { name: 'service-status', files: ['status/bontang', 'status/jakarta-utara', 'status/lingga', 'status/sragen', 'status/tabanan'], fast: (j) => accepts(statusShape, j), full: (j) => parseStatus(j).ok },
  {
    name: 'requirement-checklist',
    files: ['checklists/pbg', 'checklists/reklame', 'checklists/sipi', 'checklists/tanya-ptsp'],
    fast: (j) => accepts(checklistShape, j) && checkChecklist(j as ChecklistDocument, 'id').length === 0,
    full: (j) => parseChecklist(j).ok,
  },
  {
    name: 'permit-form',
    files: ['forms/go-license-sragen', 'forms/izin-reklame', 'forms/pbg', 'forms/sipi-jakarta-utara', 'forms/tanya-ptsp'],
    fast: (j) => accepts(formShape, j) && checkForm(j as FormDocument, 'id').length === 0,
    full: (j) => parseForm(j).ok,
  },
  {
    name: 'application-status',
    files: ['lacak/go-license-selesai', 'lacak/reklame-perlu-perbaikan', 'lacak/sipi-diterima', 'lacak/tanya-ptsp-diperiksa'],
    fast: (j) => accepts(trackingShape, j),
    full: (j) => parseApplicationStatus(j).ok,
  },
];

const near = fc.constantFrom(
  '08:00', '24:00', '24:01', '25:00', '8.00', '2020-02-29', '2021-02-29', '2020-13-01', '2020-08-18T08:00+07:00', '2020-08-18T24:00',
  'Asia/Jakarta', 'Asia/Bandung', 'Mars/Olympus', 'https://example.go.id', 'javascript:alert(1)', 'mailto:x@y.id', '/relatif',
  '081234567890', '+6281234567890', '0211234567', '1500-123', 'a@b.id', 'a@b', 'today', '2020-02-31', '.pdf', 'image/*', 'pdf',
  'text', 'group', 'heading', 'nik', 'radio', 'select', 'in-person', 'online', 'open', 'closed', 'info', 'x y', 'nama_lengkap', '1nama',
  '2020-09-14T09:30:00+08:00', '2020-09-14T01:30Z', '2020-02-30T09:30:00Z', '2020-09-14T24:00:00Z', 'needs-fix', 'ready', 'Asia/Makassar',
  '', ' ', '/trackingNumber', '~2', 'POST', 'GET', 'json', 'content-type', 'X-Api-Key', 'a\r\nb', '2020', '2025',
);
const hostile = fc.oneof(
  near,
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 700 }),
  fc.constantFrom(0, 1, 2, 0.5, -1, 1e21, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 320, 8192, 8193, 600, 601),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(near, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('field', 'equals', 'all', 'any', 'not', 'filled', 'id', 'en', 'label', 'url', 'value', 'kind', 'open', 'close', 'type', 'name'), near, { maxKeys: 3 }),
);

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** A copy of `doc` with `replacement` at `path`; `drop` deletes the key instead. */
function splice(doc: unknown, path: readonly (string | number)[], replacement: unknown, drop = false): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (drop && rest.length === 0) delete copy[head];
  else copy[head] = splice(copy[head], rest, replacement, drop);
  return copy;
}

const docs = new Map<string, unknown>();
before(async () => {
  for (const format of FORMATS) {
    for (const file of format.files) docs.set(file, await (await fetch(`/demo/${file}.json`)).json());
  }
});

for (const format of FORMATS) {
  describe(`the fast path for ${format.name}`, function () {
    // Thousands of full zod parses: seconds on the shared 2-core machine.
    this.timeout(60_000);
    it('accepts every demo document, so valid documents never wait for zod', () => {
      for (const file of format.files) expect(format.fast(docs.get(file)), file).to.equal(true);
    });

    it('never accepts a document zod rejects, whatever is spliced in wherever', () => {
      const bases = format.files.map((file) => docs.get(file));
      const all = bases.flatMap((base, b) => paths(base).map((p) => [b, p] as const));
      fc.assert(
        fc.property(fc.constantFrom(...all), hostile, fc.boolean(), ([b, path], value, drop) => {
          const doc = splice(bases[b], path, value, drop);
          if (format.fast(doc)) expect(format.full(doc), JSON.stringify(path)).to.equal(true);
        }),
        { numRuns: 1500 },
      );
    });

    it('adds an unknown key anywhere, and turns the document away like zod', () => {
      const bases = format.files.map((file) => docs.get(file));
      for (const base of bases) {
        for (const path of paths(base)) {
          const doc = splice(base, path, undefined, false);
          const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
          if (!at || typeof at !== 'object' || Array.isArray(at)) continue;
          const extra = splice(base, [...path, 'tidakDikenal'], 1);
          expect(format.fast(extra), JSON.stringify(path)).to.equal(false);
          expect(format.full(extra)).to.equal(false);
          void doc;
        }
      }
    });
  });
}

describe('the format descriptions', () => {
  it('describe every check zod makes: no part of a format is unknown to the fast path', () => {
    const unknown = (shape: Shape) => JSON.stringify(shape).includes('"t":"x"');
    expect([statusShape, checklistShape, formShape, trackingShape].map(unknown)).to.deep.equal([false, false, false, false]);
  });
});
