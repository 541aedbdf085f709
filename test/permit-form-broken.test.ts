import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { shape } from 'loket:shapes/form';
import { accepts } from '../src/fast/accept.js';
import { documentPasses } from '../src/form/fast.js';
import { FIELD_TYPES, parseForm } from '../src/form/format.js';
import type { LoketErrorEvent } from '../src/events.js';
import type { Problem } from '../src/problem.js';
import '../src/messages/authoring.js';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { BROKEN_FORMS, doc, text, type Json } from './fixtures/broken-forms.js';
import { framePage, inlineJson, mount, unmountAll, until } from './helpers.js';

// A form's document is checked in two steps (src/form/fast.ts): its shape
// before the first render, the checks that need the whole document (names,
// references, cycles, limits, patterns) with the checks of the answers,
// right after it. These tests hold the second step to its promise: a
// document it faults ends on the same error panel naming the same problems
// as when it failed at once, nothing the citizen did in between is accepted,
// a document's pattern never runs on an answer before the check passed, and
// nothing throws on the way.

afterEach(() => unmountAll());

describe('<loket-permit-form> with a document whose cross-references are broken', () => {
  // The first test of this file: the whole-document checks have not arrived yet, as on a fresh page.
  it('shows the form first, then replaces it by the error panel, announced, with focus kept in the widget', async () => {
    const broken = doc([text('a', { visibleWhen: { field: 'b', filled: true } }), text('b', { visibleWhen: { field: 'a', filled: true } }), text('c')]);
    expect(documentPasses(broken as never), 'the checks are not here yet').to.equal(undefined);
    const probe = mount<LoketPermitForm>(`<loket-permit-form><script type="application/json">${inlineJson(broken)}</script><a href="/kantor">Formulir PDF</a></loket-permit-form>`);
    const root = probe.el.shadowRoot!;
    // The citizen is in the form when its checks arrive.
    probe.el.addEventListener('loket-ready', () => root.querySelector<HTMLInputElement>('#f-c')!.focus(), { once: true });
    await probe.next('loket-ready');
    const failed = (await probe.next('loket-error')) as LoketErrorEvent;
    await probe.el.updateComplete;
    expect(failed.detail.problems).to.deep.equal((parseForm(broken) as { problems: readonly Problem[] }).problems);
    expect(failed.detail.problems.map((p) => p.message).join()).to.contain('melingkar: a → b → a');
    expect(root.querySelector('form'), 'the form is gone').to.equal(null);
    const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.querySelector('[part="error-panel"]')!.textContent).to.contain('steps[0].fields[0].visibleWhen');
    expect(root.activeElement, 'focus on the panel, not lost to the page').to.equal(alert);
    await expect(probe.el).to.be.accessible();
  });

  it('fails at once, as before, once the checks are here: no form first, no alert', async () => {
    const broken = doc([text('a', { minLength: 9, maxLength: 2 })]);
    expect(documentPasses(broken as never)).to.equal(false);
    const probe = mount<LoketPermitForm>(`<loket-permit-form><script type="application/json">${inlineJson(broken)}</script></loket-permit-form>`);
    await probe.next('loket-error');
    expect(probe.events.map((e) => e.type)).to.deep.equal(['loket-error']);
    await probe.el.updateComplete;
    expect(probe.el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(probe.el.shadowRoot!.querySelector('[part="error-panel"]')!.textContent).to.contain('steps[0].fields[0].minLength');
  });
});

// ---- The built dist/, one fresh page per document (the checks arrive once per page) ----

interface Frame {
  readonly win: Window & { __errors: string[]; __events: { type: string; problems?: Problem[] }[]; __ran: string[] };
  readonly doc: Document;
  remove(): void;
}

/**
 * Records in the page: uncaught errors, the element's events, and every
 * document pattern run on an answer (matchesPattern wraps it in `^(?:…)$`).
 */
const PROBE = `<script>
  window.__errors = []; window.__events = []; window.__ran = [];
  addEventListener('error', (e) => window.__errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
  for (const type of ['loket-ready', 'loket-error', 'loket-step', 'loket-submit']) addEventListener(type, (e) => window.__events.push({ type, problems: e.detail && e.detail.problems }), true);
  const test = RegExp.prototype.test, exec = RegExp.prototype.exec;
  RegExp.prototype.test = function (s) { if (this.source.startsWith('^(?:')) window.__ran.push(this.source); return test.call(this, s); };
  RegExp.prototype.exec = function (s) { if (this.source.startsWith('^(?:')) window.__ran.push(this.source); return exec.call(this, s); };
</script>`;

const page = (form: unknown) =>
  framePage<Frame['win']>(`<script type="module" src="/dist/loket.js"></script><loket-permit-form><script type="application/json">${inlineJson(form)}</script><a href="/kantor">Formulir PDF</a></loket-permit-form>`, PROBE);

/** Every `pattern` of a document. */
const patternsOf = (form: unknown): string[] => JSON.stringify(form).match(/"pattern":"(?:[^"\\]|\\.)*"/g)?.map((m) => JSON.parse(m.slice(10)) as string) ?? [];

const held = async () => (await (await fetch('/test-api/hits/held-chunks')).json()).hits as number;

/**
 * Opens `form` from dist/ while the checks' chunk is held, types into its
 * first text box and presses Lanjut before the checks arrive, then lets them
 * through. Returns what the page saw.
 */
async function pressWhileHeld(form: unknown): Promise<{ events: string[]; problems?: Problem[]; panel: string; errors: string[]; ran: string[]; waited: boolean }> {
  await fetch('/test-api/hold-chunks?pattern=/checks-');
  let frame: Frame | undefined;
  try {
    frame = await page(form);
    const f = frame;
    const el = () => f.doc.querySelector('loket-permit-form')!;
    const root = () => el().shadowRoot;
    await until(() => !!root()?.querySelector('form, [part="error-panel"]'), 'a form or the error panel');
    let waited = false;
    if (root()!.querySelector('form')) {
      for (let i = 0; i < 200 && (await held()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      const box = root()!.querySelector<HTMLInputElement>('input[type="text"], textarea');
      if (box) {
        box.value = 'aaaaaaaaaaaaaaaaaaaa!';
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      root()!.querySelector<HTMLElement>('.actions .button.primary')!.click();
      await until(() => !!root()!.querySelector('[role="status"].status-message'), '"Memeriksa jawaban Anda…"');
      waited = true;
    }
    await fetch('/test-api/release-chunks');
    // The verdict: the panel (with loket-error), the next step or the review page, or the summary of unanswered questions.
    await until(() => f.win.__events.some((e) => e.type === 'loket-error' || e.type === 'loket-step') || !!root()!.querySelector('.error-summary'), 'the verdict');
    if (f.win.__events.some((e) => e.type === 'loket-error')) await until(() => !!root()!.querySelector('[part="error-panel"]'), 'the panel');
    return {
      events: f.win.__events.map((e) => e.type),
      problems: f.win.__events.find((e) => e.type === 'loket-error')?.problems,
      panel: root()!.querySelector('[part="error-panel"]')?.textContent ?? '',
      errors: f.win.__errors,
      // Only the document's own patterns (Lit has one of the same form).
      ran: f.win.__ran.filter((source) => patternsOf(form).some((p) => source === `^(?:${p})$`)),
      waited,
    };
  } finally {
    await fetch('/test-api/release-chunks');
    frame?.remove();
  }
}

before(async () => {
  const response = await fetch('/dist/loket.js');
  if (!response.ok) throw new Error('dist/loket.js is missing: run `npm run build` (npm test does it for you)');
});

describe('dist/: a broken document whose Lanjut is pressed before its checks arrive', () => {
  it('never accepts the step, never runs the document\'s pattern, and ends on the same panel as before', async function () {
    this.timeout(20_000);
    const risky = doc([text('a', { pattern: '(a+)+b' })], [{ heading: 'Langkah 2', fields: [text('b')] }]);
    const seen = await pressWhileHeld(risky);
    expect(seen.waited, 'the press waited for the checks').to.equal(true);
    expect(seen.events).to.deep.equal(['loket-ready', 'loket-error']);
    expect(seen.problems).to.deep.equal((parseForm(risky) as { problems: readonly Problem[] }).problems);
    expect(seen.panel).to.contain('steps[0].fields[0].pattern').and.contain('dapat membuat halaman macet');
    expect(seen.ran, 'the pattern never ran').to.deep.equal([]);
    expect(seen.errors).to.deep.equal([]);
  });

  it('a valid document still moves on after the same wait (so the test above can fail)', async function () {
    this.timeout(20_000);
    const good = doc([text('a', { pattern: '[a-z]+!?', optional: true })], [{ heading: 'Langkah 2', fields: [text('b')] }]);
    const seen = await pressWhileHeld(good);
    expect(seen.waited).to.equal(true);
    expect(seen.events).to.deep.equal(['loket-ready', 'loket-step']);
    expect(seen.ran.length, 'its pattern ran once checked').to.be.above(0);
    expect(seen.errors).to.deep.equal([]);
  });

  it('says honestly when the checks cannot be fetched, keeps the answers, and shows the panel on "Coba lagi" once they can', async function () {
    this.timeout(20_000);
    const broken = doc([text('a'), text('b', { visibleWhen: { field: 'later', filled: true } })], [{ heading: 'Langkah 2', fields: [text('later')] }]);
    await fetch('/test-api/fail-chunks?pattern=/checks-');
    let frame: Frame | undefined;
    try {
      frame = await page(broken);
      const f = frame;
      const root = () => f.doc.querySelector('loket-permit-form')!.shadowRoot!;
      await until(() => !!root()?.querySelector('form'), 'the form');
      const box = root().querySelector<HTMLInputElement>('#f-a')!;
      box.value = 'Siti';
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      root().querySelector<HTMLElement>('.actions .button.primary')!.click();
      await until(() => !!root().querySelector('[role="alert"].submit-status'), 'the failure message');
      expect(root().querySelector('[role="alert"].submit-status')!.textContent).to.contain('belum dapat diperiksa').and.contain('Jawaban Anda tetap ada');
      expect(root().querySelector<HTMLInputElement>('#f-a')!.value).to.equal('Siti');
      expect(f.win.__events.map((e) => e.type)).to.deep.equal(['loket-ready']);
      const retry = root().querySelector<HTMLElement>('.actions .button.primary')!;
      expect(retry.textContent!.trim()).to.equal('Coba lagi');
      await fetch('/test-api/fail-chunks');
      retry.click();
      await until(() => !!root().querySelector('[part="error-panel"]'), 'the panel');
      expect(root().querySelector('[part="error-panel"]')!.textContent).to.contain('steps[0].fields[1].visibleWhen.field').and.contain('baru ditanyakan di langkah 2');
      expect(f.win.__events.map((e) => e.type)).to.deep.equal(['loket-ready', 'loket-error']);
      expect(f.win.__errors).to.deep.equal([]);
    } finally {
      await fetch('/test-api/fail-chunks');
      frame?.remove();
    }
  });

  it('ends on the panel naming the same problems as the full parse, for every broken document of the table', async function () {
    this.timeout(120_000);
    let deferred = 0;
    for (const [name, form, path] of BROKEN_FORMS) {
      const seen = await pressWhileHeld(form);
      const expected = parseForm(form);
      expect(expected.ok, name).to.equal(false);
      expect(seen.problems, name).to.deep.equal((expected as { problems: readonly Problem[] }).problems);
      expect(seen.panel, name).to.contain(path);
      expect(seen.events.filter((e) => e !== 'loket-ready'), name).to.deep.equal(['loket-error']);
      expect(seen.errors, name).to.deep.equal([]);
      expect(seen.ran, name).to.deep.equal([]);
      // Shape-valid documents are the ones the checks after first paint fault.
      expect(seen.waited, name).to.equal(accepts(shape, form));
      if (seen.waited) deferred++;
    }
    expect(deferred, 'documents faulted after first paint').to.be.at.least(20);
  });
});

describe('dist/: generated documents', () => {
  const field = fc.oneof(
    fc.record({ type: fc.constantFrom(...FIELD_TYPES), name: fc.constantFrom('a', 'b', 'c', 'g'), label: fc.constant('L') }),
    fc.record({
      type: fc.constantFrom('radio', 'checkboxes', 'select'),
      name: fc.constantFrom('a', 'b', 'c'),
      label: fc.constant('L'),
      options: fc.array(fc.record({ value: fc.constantFrom('p', 'q'), label: fc.constant('P') }), { maxLength: 3 }),
      visibleWhen: fc.constantFrom(undefined, { field: 'a', equals: 'p' }, { field: 'b', filled: true }, { not: { field: 'c', oneOf: ['q'] } }, { field: 'zz', empty: true }),
    }, { requiredKeys: ['type', 'name', 'label'] }),
    fc.record({
      type: fc.constant('text'),
      name: fc.constantFrom('a', 'b', 'c'),
      label: fc.constant('L'),
      pattern: fc.constantFrom(undefined, '(a+)+$', '[', '\\d{3}', 'a)(b', '.*', '(a|aa)+'),
      minLength: fc.integer({ min: 0, max: 5 }),
      maxLength: fc.integer({ min: 0, max: 5 }),
      optional: fc.boolean(),
      visibleWhen: fc.constantFrom(undefined, { field: 'a', filled: true }, { field: 'b', empty: true }, { field: 'c', within: ['51'] }),
      requiredWhen: fc.constantFrom(undefined, { field: 'a', empty: true }, { any: [] }),
    }, { requiredKeys: ['type', 'name', 'label'] }),
    fc.record({ type: fc.constant('number'), name: fc.constantFrom('n', 'a'), label: fc.constant('N'), min: fc.integer({ min: 0, max: 5 }), max: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ type: fc.constant('group'), name: fc.constantFrom('g', 'a'), label: fc.constant('G'), min: fc.integer({ min: 0, max: 3 }), max: fc.integer({ min: 0, max: 3 }), fields: fc.constant([text('x', { visibleWhen: { field: 'y', filled: true } }), text('y', { visibleWhen: { field: 'x', filled: true } })]) }),
  );

  it('each ends on a form that checks its answers, or on the panel naming what the full parse names, and nothing throws', async function () {
    this.timeout(240_000);
    let broken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), async (steps) => {
        const form: Json = doc(steps[0]!, steps.slice(1).map((fields, i) => ({ heading: `L${i + 2}`, fields, visibleWhen: i % 2 ? { field: 'a', filled: true } : undefined })));
        if (!accepts(shape, form)) return;
        const expected = parseForm(form);
        const seen = await pressWhileHeld(form);
        expect(seen.errors, 'uncaught').to.deep.equal([]);
        if (expected.ok) {
          expect(seen.events).not.to.include('loket-error');
          return;
        }
        broken++;
        expect(seen.problems).to.deep.equal(expected.problems);
        expect(seen.events).not.to.include('loket-step');
        expect(seen.ran, 'no document pattern ran').to.deep.equal([]);
      }),
      { numRuns: 40 },
    );
    expect(broken, 'broken documents generated').to.be.above(5);
  });
});

