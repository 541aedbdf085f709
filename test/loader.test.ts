import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElement, registry } from '../src/define.js';
import { framePage, until, type FramePage } from './helpers.js';

// These tests load the built dist/loket.js, as a webmaster's page would:
// `npm test` builds first.

type Frame = FramePage<Window & { __warnings: string[]; __errors: string[]; __violations: string[] }>;

const PROBE = `<script>
  window.__warnings = []; window.__errors = []; window.__violations = [];
  addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const warn = console.warn; console.warn = (...a) => { window.__warnings.push(a.join(' ')); warn(...a); };
  addEventListener('error', (e) => window.__errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
</script>`;

const page = (body: string, head = '') => framePage<Frame['win']>(body, PROBE + head);

/** Answers to every question of the demo question form (demo/forms/tanya-ptsp.json). */
const ANSWERED = { kind: 'pengaduan', topic: 'reklame', message: 'Belum ada kabar.', fullName: 'Budi', email: 'budi@example.org', replyVia: 'email', consent: true };

interface FormFrame {
  readonly frame: Frame;
  form(): HTMLElement & { initialAnswers: unknown };
  root(): ShadowRoot;
}

/**
 * Opens `body` from dist/ while the test server fails (`fail`) or holds
 * (`hold`) the chunks whose names match, waits until `shown` holds, runs
 * `test`, and always lets every chunk through again afterwards.
 */
async function withChunks(chunks: { fail?: string; hold?: string }, body: string, shown: (frame: Frame) => boolean, test: (frame: Frame) => Promise<void>): Promise<void> {
  if (chunks.fail) await fetch(`/test-api/fail-chunks?pattern=${chunks.fail}`);
  if (chunks.hold) await fetch(`/test-api/hold-chunks?pattern=${chunks.hold}`);
  let frame: Frame | undefined;
  try {
    frame = await page(`<script type="module" src="/dist/loket.js"></script>${body}`);
    const f = frame;
    await until(() => shown(f), 'the widget');
    await test(f);
  } finally {
    await fetch('/test-api/fail-chunks');
    await fetch('/test-api/release-chunks');
    frame?.remove();
  }
}

/** The demo question form (withChunks), once it shows. */
async function withPermitForm(chunks: { fail?: string; hold?: string }, body: (at: FormFrame) => Promise<void>): Promise<void> {
  const form = (f: Frame) => f.doc.querySelector('loket-permit-form') as HTMLElement & { initialAnswers: unknown };
  await withChunks(chunks, '<loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>', (f) => !!form(f).shadowRoot?.querySelector('form'), (f) =>
    body({ frame: f, form: () => form(f), root: () => form(f).shadowRoot! }),
  );
}

/** The one snippet and its hints (demo/snippet.js), as the snippet builder prints them. */
const snippetModule: string = '/demo/snippet.js';

const scripts = (frame: Frame) => frame.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'));

before(async () => {
  const response = await fetch('/dist/loket.js');
  if (!response.ok) throw new Error('dist/loket.js is missing: run `npm run build` (npm test does it for you)');
});

describe('dist/loket.js, the script-tag loader', () => {
  it('downloads no widget code on a page without loket elements, and fetches it when one appears', async () => {
    const frame = await page('<script type="module" src="/dist/loket.js"></script><p>Halaman biasa</p>');
    await until(() => scripts(frame).some((s) => s === '/dist/loket.js'), 'loket.js');
    await new Promise((r) => setTimeout(r, 300));
    expect(scripts(frame).filter((s) => s.includes('/chunks/'))).to.deep.equal([]);
    frame.doc.body.insertAdjacentHTML('beforeend', '<div><loket-service-status src="/demo/status/bontang.json"></loket-service-status></div>');
    await until(() => !!frame.win.customElements.get('loket-service-status'), 'the element definition');
    const el = frame.doc.querySelector('loket-service-status')!;
    await until(() => !!el.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    expect(scripts(frame).some((s) => s.startsWith('/dist/chunks/service-status'))).to.equal(true);
    frame.remove();
  });

  it('starts the document and every chunk of the widget at once, and fetches the document only once', async () => {
    const frame = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status src="/demo/status/bontang.json?first-paint"></loket-service-status>');
    const el = frame.doc.querySelector('loket-service-status')!;
    await until(() => !!el.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    // Resource timing entries are queued after the response is used: wait for the document's.
    const timing = () => frame.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    await until(() => timing().some((e) => e.name.includes('bontang.json?first-paint')), 'the timing of the document');
    const entries = timing();
    const graph = (await (await fetch('/dist/preload.json')).json()) as Record<string, string[]>;
    const own = entries.find((e) => new URL(e.name).pathname === `/dist/${graph['service-status']![0]}`)!;
    const documents = entries.filter((e) => e.name.includes('bontang.json?first-paint'));
    expect(documents, 'one request for the document').to.have.length(1);
    // Before the widget's own chunk had arrived: nothing waited for it.
    expect(documents[0]!.startTime).to.be.at.most(own.responseEnd);
    for (const file of graph['service-status']!.slice(1)) {
      const chunk = entries.find((e) => new URL(e.name).pathname === `/dist/${file}`);
      expect(chunk, file).to.not.equal(undefined);
      // Loaded one after another, a shared chunk would start only once the widget's own had arrived and been parsed.
      expect(chunk!.startTime, file).to.be.at.most(own.responseEnd);
    }
    expect(graph['service-status']!.length).to.be.greaterThan(1);
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('hands a failed early fetch to the element, which reports it as always', async () => {
    const count = `<script>window.__fetches = []; const f = window.fetch; window.fetch = (...a) => (window.__fetches.push(String(a[0])), f(...a));</script>`;
    const frame = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status src="/no/such/status.json"><a href="/x">Situs kantor</a></loket-service-status>', count);
    const el = frame.doc.querySelector('loket-service-status')!;
    const kinds: string[] = [];
    el.addEventListener('loket-error', (e) => kinds.push((e as unknown as { detail: { kind: string; status?: number } }).detail.kind));
    await until(() => !!el.shadowRoot?.querySelector('[part="error-panel"]'), 'the error panel');
    expect(el.shadowRoot!.querySelector('[part="error-panel"]')!.textContent).to.contain('/no/such/status.json');
    expect(kinds).to.deep.equal(['http']);
    const requests = (frame.win as unknown as { __fetches: string[] }).__fetches.filter((url) => url.includes('/no/such/status.json'));
    expect(requests).to.have.length(1);
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('fetches the error panel\'s code only when a document fails, and says so plainly when that code cannot be fetched', async () => {
    const good = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status src="/demo/status/bontang.json"></loket-service-status>');
    await until(() => !!good.doc.querySelector('loket-service-status')!.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    expect(scripts(good).filter((s) => s.includes('/chunks/error-panel-'))).to.deep.equal([]);
    good.remove();
    await fetch('/test-api/fail-chunks?pattern=error-panel-');
    let frame: Frame | undefined;
    try {
      frame = await page(`<script type="module" src="/dist/loket.js"></script>
        <loket-service-status src="/no/such/status.json"><a href="/x">Situs kantor</a></loket-service-status>
        <loket-permit-form lang="en"><script type="application/json">{ "version": 1, "id": "x" }</script><a href="/y">Office site</a></loket-permit-form>`);
      const f = frame;
      const kinds: string[] = [];
      f.doc.addEventListener('loket-error', (e) => kinds.push((e as unknown as { detail: { kind: string } }).detail.kind));
      const panel = (tag: string) => f.doc.querySelector(tag)!.shadowRoot?.querySelector('[part="error-panel"]');
      await until(() => !!panel('loket-service-status') && !!panel('loket-permit-form'), 'both plain panels');
      expect(panel('loket-service-status')!.textContent).to.contain('Informasi ini belum dapat ditampilkan').and.contain('Tidak dapat terhubung ke server');
      expect(panel('loket-permit-form')!.textContent).to.contain('This information cannot be shown yet').and.contain('Could not reach the server');
      // The webmaster's fallback link stays visible beside the message.
      for (const link of f.doc.querySelectorAll('loket-service-status > a, loket-permit-form > a')) expect(link.getBoundingClientRect().height, link.textContent!).to.be.greaterThan(0);
      expect(kinds.sort()).to.deep.equal(['http', 'invalid']);
      expect(scripts(f).some((s) => s.includes('/chunks/error-panel-')), 'the panel was asked for').to.equal(true);
      expect(f.win.__errors).to.deep.equal([]);
    } finally {
      await fetch('/test-api/fail-chunks');
      frame?.remove();
    }
  });

  it('fetches English strings only for English pages', async () => {
    const indonesian = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status src="/demo/status/bontang.json"></loket-service-status>');
    const banner = (frame: Frame) => frame.doc.querySelector('loket-service-status')!.shadowRoot?.querySelector('[part="banner"]');
    await until(() => !!banner(indonesian), 'the Indonesian banner');
    expect(banner(indonesian)!.getAttribute('aria-label')).to.match(/^Status layanan/);
    expect(scripts(indonesian).filter((s) => s.includes('.en-'))).to.deep.equal([]);
    indonesian.remove();
    const english = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status lang="en" src="/demo/status/bontang.json"></loket-service-status>');
    await until(() => !!banner(english), 'the English banner');
    expect(banner(english)!.getAttribute('aria-label')).to.match(/^Service status/);
    expect(scripts(english).some((s) => s.includes('.en-'))).to.equal(true);
    english.remove();
  });

  it('takes over the document and the chunks the snippet builder\'s <head> hints started, fetching each once', async () => {
    const { hints } = (await import(snippetModule)) as { hints: (options: Record<string, unknown>) => string };
    const graph = (await (await fetch('/dist/preload.json')).json()) as Record<string, string[]>;
    const src = '/demo/status/bontang.json?hinted';
    const head = hints({ version: 'test', base: '/dist/', widget: 'loket-service-status', src, chunks: graph['service-status'] });
    expect(head).to.include(`<link rel="preload" as="fetch" crossorigin href="${src}">`);
    const frame = await page(`<script type="module" src="/dist/loket.js"></script><loket-service-status src="${src}"></loket-service-status>`, head);
    const el = frame.doc.querySelector('loket-service-status')!;
    await until(() => !!el.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    // Resource timing entries are queued after the response is used: wait for the document's.
    const timing = () => frame.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    await until(() => timing().some((e) => e.name.includes('bontang.json?hinted')), 'the timing of the document');
    const entries = timing();
    const loader = entries.find((e) => new URL(e.name).pathname === '/dist/loket.js')!;
    const documents = entries.filter((e) => e.name.includes('bontang.json?hinted'));
    // loket's own fetch of src used the preloaded response instead of asking again.
    expect(documents, 'one request for the document').to.have.length(1);
    // At most, not below: on localhost both can fall in the same tick of the timer (14.4 and 14.4 ms).
    expect(documents[0]!.startTime, 'the document, before loket.js had arrived').to.be.at.most(loader.responseEnd);
    for (const file of graph['service-status']!) {
      const chunk = entries.filter((e) => new URL(e.name).pathname === `/dist/${file}`);
      expect(chunk, `${file} fetched once`).to.have.length(1);
      expect(chunk[0]!.startTime, `${file}, before loket.js had arrived`).to.be.at.most(loader.responseEnd);
    }
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('starts an English page\'s strings with the widget\'s chunks, not after them', async () => {
    const frame = await page('<script type="module" src="/dist/loket.js"></script><loket-service-status lang="en" src="/demo/status/bontang.json?english-first-paint"></loket-service-status>');
    const banner = () => frame.doc.querySelector('loket-service-status')!.shadowRoot?.querySelector('[part="banner"]');
    await until(() => !!banner(), 'the English banner');
    expect(banner()!.getAttribute('aria-label')).to.match(/^Service status/);
    const entries = frame.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const graph = (await (await fetch('/dist/preload.json')).json()) as Record<string, string[]>;
    const own = entries.find((e) => new URL(e.name).pathname === `/dist/${graph['service-status']![0]}`)!;
    // The details' English comes with the details, after first paint (status-details.ts).
    const english = entries.filter((e) => new URL(e.name).pathname.includes('.en-') && !new URL(e.name).pathname.includes('/detail-messages.en-'));
    expect(english.length, 'English catalogues fetched').to.be.greaterThan(0);
    // Asked for by the element, they would start only once its code had arrived and run.
    for (const chunk of english) expect(chunk.startTime, chunk.name).to.be.below(own.responseEnd);
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('keeps the spaces between words in the minified bundle', async () => {
    const frame = await page(`<script type="module" src="/dist/loket.js"></script>
      <loket-service-status src="/demo/status/bontang.json" expanded now="2020-09-14T09:00"></loket-service-status>
      <loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>`);
    const text = (tag: string) => (frame.doc.querySelector(tag)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
    await until(() => text('loket-permit-form').includes('tidak wajib') && text('loket-service-status').includes('24 jam'), 'both widgets');
    expect(text('loket-permit-form')).to.match(/\S \(tidak wajib\)/);
    expect(text('loket-permit-form')).not.to.match(/\S\(tidak wajib\)/);
    expect(text('loket-service-status')).to.contain('Buka · 24 jam');
    frame.remove();
  });

  it('says honestly when the form\'s sending code cannot be fetched, keeps the answers, and tries again', async () => {
    await withPermitForm({ fail: 'submission-' }, async ({ form, root }) => {
      const errors: { kind: string; reason?: string }[] = [];
      form().addEventListener('loket-error', (e) => errors.push((e as unknown as { detail: { kind: string; reason?: string } }).detail));
      form().initialAnswers = ANSWERED;
      for (let i = 0; i < 8 && !root().querySelector('.submit-status'); i++) {
        root().querySelector<HTMLElement>('.actions .button.primary')?.click();
        await new Promise((r) => setTimeout(r, 150));
      }
      await until(() => !!root().querySelector('.submit-status'), 'the failure message');
      expect(root().querySelector('.submit-status')!.textContent).to.contain('bagian formulir untuk mengirim tidak dapat dimuat');
      expect(errors.some((e) => e.kind === 'submit' && e.reason === 'network'), 'loket-error for the page').to.equal(true);
      expect(root().textContent).to.contain('Budi');
      await fetch('/test-api/fail-chunks');
      root().querySelector<HTMLElement>('.actions .button.primary')!.click();
      await until(() => !root().querySelector('.submit-status')?.textContent?.includes('tidak dapat dimuat'), 'a second try with the code');
    });
  });

  it('says when the review page\'s code cannot be fetched, keeps the answers, and fetches it again from the button', async () => {
    await withPermitForm({ fail: 'review-' }, async ({ form, root }) => {
      form().initialAnswers = ANSWERED;
      for (let i = 0; i < 8 && !root().textContent?.includes('Ringkasan jawaban tidak dapat dimuat'); i++) {
        root().querySelector<HTMLElement>('.actions .button.primary')?.click();
        await new Promise((r) => setTimeout(r, 150));
      }
      await until(() => !!root().textContent?.includes('Ringkasan jawaban tidak dapat dimuat'), 'the failure message');
      expect(root().querySelector('.step-heading')!.textContent).to.contain('Periksa jawaban Anda');
      expect(root().querySelector('[role="alert"]')!.textContent).to.contain('Jawaban Anda tetap ada');
      await fetch('/test-api/fail-chunks');
      root().querySelector<HTMLElement>('.actions .button.primary')!.click();
      await until(() => !!root().querySelector('.review-list'), 'the answers after a second try');
      expect(root().textContent).to.contain('Budi').and.contain('budi@example.org');
      expect(root().querySelector<HTMLElement>('.actions .button.primary')!.textContent).to.contain('Kirim permohonan');
    });
  });

  it('checks a Lanjut pressed before the checking code has arrived, with the same messages and summary as when it is there', async () => {
    const summaryOf = async (hold: boolean): Promise<{ summary: string[]; messages: string[]; waited: string }> => {
      let seen = { summary: [] as string[], messages: [] as string[], waited: '' };
      await withPermitForm({ hold: hold ? 'checks-' : undefined }, async ({ frame: f, root }) => {
        const name = root().querySelector<HTMLInputElement>('input[type="radio"]')!;
        name.focus();
        name.click();
        if (hold) {
          // The code is on its way (asked for once the first step was on screen), not yet here.
          for (let i = 0; i < 200 && (await (await fetch('/test-api/hits/held-chunks')).json()).hits === 0; i++) await new Promise((r) => setTimeout(r, 20));
          expect((await (await fetch('/test-api/hits/held-chunks')).json()).hits).to.equal(1);
        }
        root().querySelector<HTMLElement>('.actions .button.primary')!.click();
        let waited = '';
        if (hold) {
          await until(() => !!root().querySelector('[role="status"].status-message'), 'the waiting note');
          waited = root().querySelector('[role="status"].status-message')!.textContent!.trim();
          expect(root().querySelector('.error-summary'), 'no summary before the checks').to.equal(null);
          await fetch('/test-api/release-chunks');
        }
        await until(() => !!root().querySelector('.error-summary li'), 'the error summary');
        await until(() => f.doc.activeElement === f.doc.querySelector('loket-permit-form') && root().activeElement === root().querySelector('.error-summary'), 'focus on the summary');
        expect(root().querySelector('.step-heading')!.textContent).to.contain('Pertanyaan atau pengaduan');
        seen = {
          summary: [...root().querySelectorAll('.error-summary li')].map((li) => li.textContent!.trim()),
          messages: [...root().querySelectorAll('[part="error"]')].map((e) => e.textContent!.trim()),
          waited,
        };
      });
      return seen;
    };
    const late = await summaryOf(true);
    const ready = await summaryOf(false);
    expect(late.waited).to.equal('Memeriksa jawaban Anda…');
    expect(late.summary.length).to.be.above(1);
    expect(late.summary).to.deep.equal(ready.summary);
    expect(late.messages).to.deep.equal(ready.messages);
  });

  it('says when the checking code cannot be fetched, keeps the answers, and checks them on "Coba lagi"', async () => {
    await withPermitForm({ fail: 'checks-' }, async ({ frame: f, root }) => {
      const message = root().querySelector<HTMLTextAreaElement>('textarea')!;
      message.focus();
      message.value = 'Izin reklame saya belum ada kabar.';
      message.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      root().querySelector<HTMLElement>('.actions .button.primary')!.click();
      await until(() => !!root().querySelector('[role="alert"].submit-status'), 'the failure message');
      const alert = root().querySelector('[role="alert"].submit-status')!;
      expect(alert.textContent).to.contain('belum dapat diperiksa').and.contain('Jawaban Anda tetap ada');
      await until(() => root().activeElement === alert, 'focus on the message');
      expect(root().querySelector('.error-summary'), 'never passes unchecked').to.equal(null);
      expect(root().querySelector('.step-heading')!.textContent).to.contain('Pertanyaan atau pengaduan');
      expect(root().querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('Izin reklame saya belum ada kabar.');
      const button = root().querySelector<HTMLElement>('.actions .button.primary')!;
      expect(button.textContent!.trim()).to.equal('Coba lagi');
      await fetch('/test-api/fail-chunks');
      // A press in the same moment as the failure can join a retry already under way (started by
      // typing), which then fails as well: the citizen presses again, as the alert asks.
      for (let press = 0; press < 3 && !root().querySelector('.error-summary li'); press++) {
        root().querySelector<HTMLElement>('.actions .button.primary')!.click();
        await until(() => !!root().querySelector('.error-summary li'), 'the checks on a second try', 2500).catch(() => undefined);
      }
      await until(() => !!root().querySelector('.error-summary li'), 'the checks on a second try');
      expect(root().querySelector('[role="alert"].submit-status')).to.equal(null);
      expect(root().querySelector('.error-summary')!.textContent).to.contain('Pilih');
      expect(root().querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('Izin reklame saya belum ada kabar.');
      expect(root().querySelector<HTMLElement>('.actions .button.primary')!.textContent!.trim()).to.equal('Lanjutkan');
      expect(f.win.__errors, 'no uncaught error').to.deep.equal([]);
    });
  });

  it('shows the other questions while a file question\'s code cannot be fetched, and that question on "Coba lagi"', async () => {
    await withPermitForm({ fail: 'files-groups-' }, async ({ frame: f, root }) => {
      await until(() => !!root().querySelector('[data-field="attachments"] [role="alert"]'), 'the failure message');
      const question = () => root().querySelector('[data-field="attachments"]')!;
      expect(question().textContent).to.contain('Lampiran').and.contain('Pertanyaan ini tidak dapat dimuat');
      expect(root().querySelector('textarea'), 'the other questions').to.not.equal(null);
      expect(root().querySelectorAll('input[type="radio"]').length).to.be.above(1);
      await fetch('/test-api/fail-chunks');
      question().querySelector<HTMLElement>('button')!.click();
      await until(() => !!question().querySelector('input[type="file"]'), 'the file question');
      expect(question().textContent).to.contain('Pilih berkas').and.not.contain('tidak dapat dimuat');
      expect(f.win.__errors, 'no uncaught error').to.deep.equal([]);
    });
  });

  it('keeps working when the script is included twice', async () => {
    const frame = await page(`<script type="module" src="/dist/loket.js"></script><script type="module" src="/dist/loket.js?again"></script>
      <loket-service-status src="/demo/status/bontang.json"><a href="/x">Situs kantor</a></loket-service-status>`);
    const el = frame.doc.querySelector('loket-service-status')!;
    await until(() => !!el.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    expect(frame.win.__errors).to.deep.equal([]);
    expect(frame.win.__warnings).to.deep.equal([]);
    frame.remove();
  });

  it('warns, without throwing, when another version of loket is already on the page', async () => {
    const frame = await page(`<script>window[Symbol.for('loket.loader')] = { version: '0.0.1-lama', load() {} };</script>
      <script type="module" src="/dist/loket.js"></script>`);
    await until(() => frame.win.__warnings.length > 0, 'a warning');
    expect(frame.win.__warnings[0]).to.contain('0.0.1-lama').and.to.contain('once per page');
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('runs all three widgets under a strict Content-Security-Policy without a single violation', async () => {
    // The probe above runs first; the policy applies to everything after it: no eval, no inline script.
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'">`;
    const frame = await page(
      `<script type="module" src="/dist/loket.js"></script>
      <loket-service-status src="/demo/status/tabanan.json"></loket-service-status>
      <loket-requirement-checklist src="/demo/checklists/pbg.json" remember-answers="false"></loket-requirement-checklist>
      <loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>
      <loket-permit-form><script type="application/json">{ "version": 1, "id": "x" }</script></loket-permit-form>`,
      csp,
    );
    const shown = (selector: string, inner: string) => () => !!frame.doc.querySelector(selector)?.shadowRoot?.querySelector(inner);
    await until(shown('loket-service-status', '[part="banner"]'), 'the banner');
    await until(shown('loket-requirement-checklist', 'input[type="radio"]'), 'the checklist');
    await until(shown('loket-permit-form[src]', 'form'), 'the form');
    await until(shown('loket-permit-form:not([src])', '[part="error-panel"] li'), 'the error panel of a broken form');
    expect(frame.win.__violations).to.deep.equal([]);
    expect(frame.win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it("fetches the form's sending code only once the citizen starts answering, when nothing is saved on the device", async () => {
    // A device with nothing saved: other tests on this origin leave loket's database behind.
    for (const key of Object.keys(localStorage)) if (key.startsWith('loket:')) localStorage.removeItem(key);
    const fresh = '<script>indexedDB.databases = () => Promise.resolve([]);</script>';
    const frame = await page('<script type="module" src="/dist/loket.js"></script><loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>', fresh);
    const root = () => frame.doc.querySelector('loket-permit-form')!.shadowRoot;
    await until(() => !!root()?.querySelector('input'), 'the form');
    await new Promise((r) => setTimeout(r, 500));
    expect(scripts(frame).filter((s) => s.includes('/chunks/submission-'))).to.deep.equal([]);
    root()!.querySelector('input')!.focus();
    await until(() => scripts(frame).some((s) => s.includes('/chunks/submission-')), 'the sending code');
    frame.remove();
  });

  it('leaves the fallback content visible until the element upgrades', async () => {
    const frame = await page('<loket-service-status src="/demo/status/bontang.json"><a href="/x">Lihat status di situs kantor</a></loket-service-status>');
    const link = frame.doc.querySelector('a')!;
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    frame.remove();
  });
});

interface BannerFrame {
  readonly frame: Frame;
  root(): ShadowRoot;
  details(): HTMLElement;
  toggle(): HTMLButtonElement;
  /** The compact view (everything but the details and the announcements) as a citizen reads it. */
  compact(): string[];
  /** What the banner last announced politely. */
  announced(): string;
}

/** The Bontang banner at a fixed time (withChunks), once it shows. */
async function withBanner(chunks: { fail?: string; hold?: string }, body: (at: BannerFrame) => Promise<void>): Promise<void> {
  const banner = (f: Frame) => f.doc.querySelector('loket-service-status')?.shadowRoot?.querySelector('[part="banner"]');
  await withChunks(chunks, '<loket-service-status src="/demo/status/bontang.json" now="2020-09-14T09:00"></loket-service-status>', (f) => !!banner(f), (f) => {
    const root = () => f.doc.querySelector('loket-service-status')!.shadowRoot!;
    return body({
      frame: f,
      root,
      details: () => root().querySelector<HTMLElement>('[part="details"]')!,
      toggle: () => root().querySelector<HTMLButtonElement>('[part="toggle"]')!,
      compact: () => [...root().querySelector('[part="banner"]')!.children].filter((c) => c.id !== 'details' && c.getAttribute('role') !== 'status').map((c) => `${c.getAttribute('part')}: ${c.textContent!.replace(/\s+/g, ' ').trim()}`),
      announced: () => root().querySelector('.visually-hidden[role="status"]')!.textContent!.trim(),
    });
  });
}

/** axe's violations inside a frame's element (axe-core loaded into that frame, which has its own document). */
async function axeViolations(frame: Frame, el: Element): Promise<string[]> {
  type Axe = { run(context: Element): Promise<{ violations: { id: string; help: string }[] }> };
  const win = frame.win as Frame['win'] & { axe?: Axe };
  if (!win.axe) {
    const script = frame.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject)));
    frame.doc.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(el);
  return violations.map((v) => `${v.id}: ${v.help}`);
}

const heldHits = async (): Promise<number> => ((await (await fetch('/test-api/hits/held-chunks')).json()) as { hits: number }).hits;

describe("the banner's details, fetched after first paint (dist/)", () => {
  it('paints the compact banner without them, says they are loading when opened early, and shows them when they arrive', async () => {
    await withBanner({ hold: 'status-details-' }, async ({ frame: f, root, details, toggle, compact, announced }) => {
      const banner = f.doc.querySelector('loket-service-status')!;
      // First paint: the compact view is whole, and the toggle controls an element that exists.
      const first = compact();
      expect(first.join('\n')).to.contain('DPMPTSP Bontang Pelayanan tatap muka ditiadakan').and.contain('Daring (online): Buka').and.contain('Lihat detail').and.contain('Diperbarui');
      expect(root().querySelectorAll('[part="channels"] [part="channel"]').length).to.be.above(1);
      expect(root().getElementById(toggle().getAttribute('aria-controls')!)).to.equal(details());
      expect(details().hidden).to.equal(true);
      // Asked for right after first paint, not waiting for a tap.
      for (let i = 0; i < 200 && (await heldHits()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await heldHits(), 'the details requested once').to.equal(1);
      expect(await axeViolations(f, banner)).to.deep.equal([]);
      // Opened (by keyboard) before the code is here: it says so, and says it politely.
      toggle().focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !details().hidden, 'the details open');
      expect(toggle().getAttribute('aria-expanded')).to.equal('true');
      expect(details().textContent!.trim()).to.equal('Memuat detail…');
      await until(() => announced() === 'Memuat detail…', 'the polite announcement');
      expect(await axeViolations(f, banner)).to.deep.equal([]);
      await fetch('/test-api/release-chunks');
      await until(() => !!details().querySelector('[part="hours"]'), 'the details');
      expect(details().textContent).to.not.contain('Memuat detail');
      expect(details().textContent).to.contain('Saluran layanan').and.contain('Jam kerja kantor');
      // Styled by the styles that came with them: the hours table is laid out as a table of its own.
      expect(getComputedStyle(details().querySelector('.channel-list')!).listStyleType).to.equal('none');
      expect(compact(), 'the compact view did not change').to.deep.equal(first.map((line) => line.replace('Lihat detail', 'Sembunyikan detail')));
      expect(f.win.document.activeElement === banner && root().activeElement === toggle(), 'focus stays on the toggle').to.equal(true);
      expect(await axeViolations(f, banner)).to.deep.equal([]);
      expect(f.win.__errors).to.deep.equal([]);
    });
  });

  it('says honestly when their code cannot be fetched, keeps the compact banner working, and shows them on "Coba lagi"', async () => {
    await withBanner({ fail: 'status-details-' }, async ({ frame: f, root, details, toggle, compact, announced }) => {
      const banner = f.doc.querySelector('loket-service-status')!;
      expect(compact().join('\n')).to.contain('Pelayanan tatap muka ditiadakan');
      // The fetch right after first paint failed; opening the details tries once more, and that fails too.
      toggle().click();
      await until(() => !details().hidden && !!details().querySelector('button'), 'the failure message');
      expect(details().textContent!.replace(/\s+/g, ' ').trim()).to.equal('Detail belum dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi. Coba lagi');
      expect(announced()).to.equal('Detail belum dapat dimuat. Periksa koneksi internet Anda, lalu coba lagi.');
      expect(await axeViolations(f, banner)).to.deep.equal([]);
      // The compact banner keeps working.
      toggle().click();
      await until(() => details().hidden === true, 'the details closed');
      expect(toggle().textContent!.trim()).to.equal('Lihat detail');
      toggle().click();
      await until(() => !!details().querySelector('button') && !details().hidden, 'the details open again, still failing');
      await fetch('/test-api/fail-chunks');
      const retry = details().querySelector('button')!;
      expect(retry.textContent!.trim()).to.equal('Coba lagi');
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!details().querySelector('[part="hours"]'), 'the details on a second try');
      expect(details().textContent).to.not.contain('belum dapat dimuat');
      expect(root().activeElement, 'focus kept on the toggle, not lost with the button').to.equal(toggle());
      expect(await axeViolations(f, banner)).to.deep.equal([]);
      expect(f.win.__errors, 'no uncaught error').to.deep.equal([]);
    });
  });
});

describe('defineElement', () => {
  it('is a no-op for the same version and warns once for another, never throwing', () => {
    class One extends HTMLElement {}
    class Two extends HTMLElement {}
    defineElement('loket-test-define', One);
    expect(() => defineElement('loket-test-define', Two)).not.to.throw();
    expect(customElements.get('loket-test-define')).to.equal(One);
    registry().versions['loket-test-define'] = '9.9.9';
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('loket-test-define', Two);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('9.9.9');
  });
});
