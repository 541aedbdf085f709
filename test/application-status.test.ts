import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LoketErrorEvent } from '../src/events.js';
import { APPLICATION_STATES, type ApplicationState } from '../src/tracking/states.js';
import '../widgets/application-status/application-status.js';
import type { LoketApplicationStatus } from '../widgets/application-status/application-status.js';
import { application } from './fixtures/tracking.js';
import { countConsoleErrors, inlineJson, mount, script, shadowText, unmountAll, until } from './helpers.js';

const examples: string[] = (await (await fetch('/demo/examples.json')).json())['application-status'];

const LABELS: Record<ApplicationState, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  'in-review': { id: 'Sedang diperiksa', en: 'Under review' },
  'needs-fix': { id: 'Perlu perbaikan', en: 'Needs correction' },
  approved: { id: 'Disetujui', en: 'Approved' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  ready: { id: 'Selesai — dapat diambil', en: 'Done — ready for collection' },
};

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Mounts the lookup form against an endpoint and waits until it is shown. */
async function lookupForm(endpoint: string, attrs = '') {
  const probe = mount<LoketApplicationStatus>(`<loket-application-status endpoint="${endpoint}" ${attrs}></loket-application-status>`);
  await probe.next('loket-ready');
  await probe.el.updateComplete;
  return probe;
}

function type(el: Element, name: 'number' | 'secret', value: string): void {
  const input = $<HTMLInputElement>(el, `#${name}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function ask(el: LoketApplicationStatus, number = 'UJI-20200914-AB12', secret = 'rahasia-123'): Promise<void> {
  type(el, 'number', number);
  type(el, 'secret', secret);
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
}

const status = (el: Element) => $(el, '[part="status"]');
const problem = (el: Element) => $(el, '[part="lookup-error"]');

afterEach(unmountAll);

describe('<loket-application-status> with the demo answers', () => {
  for (const name of examples) {
    it(`renders ${name} in Indonesian and English, with no axe violations`, async () => {
      const probe = mount<LoketApplicationStatus>(`<loket-application-status src="/demo/lacak/${name}.json"></loket-application-status>`);
      await probe.next('loket-ready');
      const el = probe.el;
      await el.updateComplete;
      const json = await (await fetch(`/demo/lacak/${name}.json`)).json();
      const state = json.state as ApplicationState;
      expect($(el, '[part="state"]')!.textContent).to.equal(LABELS[state].id);
      expect(el.matches(`:state(${state})`)).to.equal(true);
      expect(shadowText(el)).to.contain(json.trackingNumber);
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await el.updateComplete;
      expect($(el, '[part="state"]')!.textContent).to.equal(LABELS[state].en);
      await expect(el).to.be.accessible();
    });
  }

  it('dates the timeline in the office zone with WITA, whatever zone the backend wrote', async () => {
    const probe = mount<LoketApplicationStatus>(`<loket-application-status src="/demo/lacak/tanya-ptsp-diperiksa.json"></loket-application-status>`);
    await probe.next('loket-ready');
    const dates = [...probe.el.shadowRoot!.querySelectorAll('[part="timeline-entry"] time')].map((t) => t.textContent);
    expect(dates).to.deep.equal(['16 September 2020, pukul 08.45 WITA', '16 September 2020, pukul 10.30 WITA']);
    expect(shadowText(probe.el)).to.contain('Status saat ini: Sedang diperiksa');
    expect(shadowText(probe.el)).to.contain('sejak 16 September 2020, pukul 10.30 WITA');
  });
});

describe('<loket-application-status> lookup form', () => {
  it('shows a labelled form with hints, and no axe violations', async () => {
    const { el } = await lookupForm('/test-api/scripted/none');
    const form = $(el, 'form[part="lookup"]')!;
    expect(form.getAttribute('aria-labelledby')).to.equal('lookup-title');
    expect($(el, 'label[for="number"]')!.textContent).to.equal('Nomor pendaftaran');
    expect($(el, 'label[for="secret"]')!.textContent).to.equal('Kode akses');
    expect($(el, '#number')!.getAttribute('aria-describedby')).to.equal('number-hint');
    await expect(el).to.be.accessible();
  });

  it('names both empty fields at the field and in a focused summary, and sends nothing', async () => {
    const endpoint = await script('empty', [{ status: 200, body: application() }]);
    const { el } = await lookupForm(endpoint);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary.textContent).to.contain('Masukkan nomor pendaftaran').and.to.contain('Masukkan kode akses');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect($(el, '#number')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#number')!.getAttribute('aria-describedby')).to.equal('number-hint number-error');
    expect($(el, '#number-error')!.textContent).to.equal('Masukkan nomor pendaftaran');
    await expect(el).to.be.accessible();
    // A summary link focuses its input.
    summary.querySelector('a')!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#number'));
    // Fixing one field clears its error while typing; the other stays.
    type(el, 'number', 'UJI-1');
    await el.updateComplete;
    expect($(el, '#number-error')).to.equal(null);
    expect($(el, '#secret-error')).not.to.equal(null);
    expect((await (await fetch('/test-api/hits/empty')).json()).hits).to.equal(0);
  });

  it('refuses a number longer than the contract allows before asking', async () => {
    const { el } = await lookupForm('/test-api/scripted/none');
    await ask(el, 'X'.repeat(101));
    await el.updateComplete;
    expect($(el, '#number-error')!.textContent).to.contain('maksimal 100 karakter');
  });

  it('posts the number and secret as JSON, never in the URL, and focuses the status it gets', async () => {
    const endpoint = await script('post', [{ status: 200, body: application('in-review') }]);
    const { el } = await lookupForm(endpoint);
    await ask(el, '  UJI-20200914-AB12 ', 'rahasia-123');
    await until(() => status(el), 'the status');
    await el.updateComplete;
    const sent = await (await fetch('/test-api/last-body/post')).json();
    expect(sent.method).to.equal('POST');
    expect(sent.url).to.equal('/test-api/scripted/post');
    expect(JSON.parse(sent.body)).to.deep.equal({ trackingNumber: 'UJI-20200914-AB12', secret: 'rahasia-123' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('status-heading');
    expect(shadowText(el)).to.contain('Status saat ini: Sedang diperiksa');
  });

  it('keeps the shown status while the citizen types a new number, and redraws it in English on lang="en"', async () => {
    const endpoint = await script('retype', [{ status: 200, body: application('in-review') }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => status(el), 'the status');
    await el.updateComplete;
    const drawn: unknown[] = [];
    const view = el as unknown as { renderDocument: (doc: unknown) => unknown };
    const original = view.renderDocument.bind(el);
    view.renderDocument = (doc) => (drawn.push(doc), original(doc));
    const entries = [...el.shadowRoot!.querySelectorAll('[part="timeline-entry"]')];
    for (const value of ['U', 'UJ', 'UJI-2', 'UJI-20201']) {
      type(el, 'number', value);
      await el.updateComplete;
    }
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal('UJI-20201');
    expect(drawn, 'the status was not worked out again per keystroke').to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('[part="timeline-entry"]')]).to.deep.equal(entries);
    el.lang = 'en';
    await el.updateComplete;
    expect(drawn.length).to.be.greaterThan(0);
    expect(shadowText(el)).to.contain('Current status: Under review');
  });

  it('can be completed with the keyboard alone', async () => {
    const endpoint = await script('keys', [{ status: 200, body: application('approved') }]);
    const { el } = await lookupForm(endpoint);
    $<HTMLInputElement>(el, '#number')!.focus();
    await sendKeys({ type: 'UJI-20200914-AB12' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'rahasia-123' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el), 'the status');
    expect(shadowText(el)).to.contain('Status saat ini: Disetujui');
  });

  it('shows "Mencari…" and :state(loading) while the lookup runs', async () => {
    const endpoint = await script('slow', [{ status: 200, body: application(), delayMs: 1500 }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => $(el, '[part="loading"]'), 'the loading line');
    expect($(el, '[part="loading"]')!.textContent).to.equal('Mencari status permohonan…');
    expect(el.matches(':state(loading)')).to.equal(true);
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await until(() => status(el), 'the status');
    expect(el.matches(':state(loading)')).to.equal(false);
  });

  for (const state of APPLICATION_STATES) {
    it(`shows "${LABELS[state].id}" / "${LABELS[state].en}" for ${state}, with no axe violations`, async () => {
      const endpoint = await script(`state-${state}`, [{ status: 200, body: application(state) }]);
      const { el } = await lookupForm(endpoint);
      await ask(el);
      await until(() => status(el), 'the status');
      await el.updateComplete;
      expect($(el, '[part="state"]')!.textContent).to.equal(LABELS[state].id);
      expect(el.matches(`:state(${state})`)).to.equal(true);
      expect($(el, '[part="overview"]')!.textContent).to.contain('Izin Uji Coba').and.to.contain('DPMPTSP Uji');
      expect($(el, '[part="contact"] a')!.getAttribute('href')).to.equal('https://wa.me/628114345757');
      if (state !== 'received') expect($(el, '[part="message"]')!.textContent).to.contain(`Pesan untuk ${state}`);
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await el.updateComplete;
      expect($(el, '[part="state"]')!.textContent).to.equal(LABELS[state].en);
      expect(shadowText(el)).to.contain('Reference number');
      await expect(el).to.be.accessible();
    });
  }

  it('links "Perlu perbaikan" back to the form and lists what to fix', async () => {
    const doc = application('needs-fix', { next: { fix: ['Scan KTP yang terbaca'] }, formUrl: '/demo/forms/reklame.html?signType=baliho' });
    const endpoint = await script('fix', [{ status: 200, body: doc }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => status(el), 'the status');
    expect($(el, '[part="next"]')!.textContent).to.contain('Scan KTP yang terbaca');
    expect($(el, '[part="fix-link"]')!.getAttribute('href')).to.equal(new URL('/demo/forms/reklame.html?signType=baliho', location.href).href);
    expect($(el, '[part="fix-link"]')!.textContent).to.equal('Perbaiki permohonan di formulir');
  });

  it('says "not found" the same way for any 404, and keeps what the citizen typed', async () => {
    const endpoint = await script('missing', [{ status: 404, body: { error: 'not-found' } }]);
    const { el } = await lookupForm(endpoint);
    await ask(el, 'UJI-SALAH', 'kode-salah');
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('Permohonan tidak ditemukan. Periksa kembali nomor pendaftaran dan kode akses');
    expect(problem(el)!.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(problem(el));
    expect($(el, '[part="retry-button"]')).to.equal(null);
    expect(el.matches(':state(not-found)')).to.equal(true);
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal('UJI-SALAH');
    expect($<HTMLInputElement>(el, '#secret')!.value).to.equal('kode-salah');
    await expect(el).to.be.accessible();
  });

  it('removes an earlier status when a new lookup finds nothing', async () => {
    const endpoint = await script('then-missing', [{ status: 200, body: application('approved') }, { status: 404, body: {} }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => status(el), 'the status');
    await ask(el, 'UJI-LAIN');
    await until(() => problem(el), 'the message');
    expect(status(el)).to.equal(null);
    expect(el.matches(':state(approved)')).to.equal(false);
  });

  it('says how many minutes to wait after 429, from Retry-After or the body', async () => {
    const endpoint = await script('limited', [
      { status: 429, headers: { 'Retry-After': '150' }, body: {} },
      { status: 429, body: { retryAfterSeconds: 30 } },
      { status: 429, body: {} },
    ]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('Terlalu banyak percobaan, coba lagi dalam 3 menit.');
    await ask(el);
    await until(() => problem(el)?.textContent?.includes('1 menit'), 'the second message');
    el.lang = 'en';
    await el.updateComplete;
    await ask(el);
    await until(() => problem(el)?.textContent?.includes('Too many attempts, try again later.'), 'the third message');
  });

  it('offers "Coba lagi" after a dropped connection, which asks again', async () => {
    const endpoint = await script('flaky', [{ status: 200, body: application('ready') }]);
    const { el } = await lookupForm(endpoint);
    // A dropped connection, once (a server-side drop may be retried by Chromium itself).
    const original = window.fetch;
    window.fetch = () => {
      window.fetch = original;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    await ask(el);
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('Tidak dapat terhubung ke server kantor');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await until(() => status(el), 'the status');
    expect(shadowText(el)).to.contain('Selesai — dapat diambil');
    expect(problem(el)).to.equal(null);
  });

  it('gives up after `timeout` seconds with a retry button', async () => {
    const endpoint = await script('timeout', [{ status: 200, body: application(), delayMs: 4000 }]);
    const { el } = await lookupForm(endpoint, 'timeout="1"');
    await ask(el);
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('lebih dari 1 detik');
    expect($(el, '[part="retry-button"]')).not.to.equal(null);
  });

  it('explains a server error with its status and offers a retry', async () => {
    const endpoint = await script('broken', [{ status: 503, body: 'down', type: 'text/plain' }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('HTTP 503');
    expect($(el, '[part="retry-button"]')).not.to.equal(null);
  });

  it('names an unusable endpoint attribute instead of throwing', async () => {
    const { el } = await lookupForm('http://[oops');
    await ask(el);
    await until(() => problem(el), 'the message');
    expect(problem(el)!.textContent).to.contain('http://[oops').and.to.contain('endpoint');
  });

  it('shows the error panel and fires loket-error for an answer that breaks the contract', async () => {
    const endpoint = await script('off-contract', [{ status: 200, body: { ...application(), state: 'diproses', nik: '3171234567890001' } }]);
    const probe = await lookupForm(endpoint);
    let event!: LoketErrorEvent;
    const logged = await countConsoleErrors(async () => {
      await ask(probe.el);
      event = (await probe.next('loket-error')) as LoketErrorEvent;
    });
    expect(logged, 'one console line for the webmaster').to.have.length(1);
    expect(event.detail.kind).to.equal('invalid');
    expect(event.detail.problems.map((p) => p.path)).to.include('state').and.to.include('nik');
    await probe.el.updateComplete;
    expect($(probe.el, '[part="error-panel"]')).not.to.equal(null);
    expect(probe.el.matches(':state(error)')).to.equal(true);
    // The form stays, with what was typed.
    expect($<HTMLInputElement>(probe.el, '#number')!.value).to.equal('UJI-20200914-AB12');
  });

  it('renders HTML in the office messages as text, and refuses a javascript: form link', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>tebal</b>';
    const doc = application('needs-fix', { message: evil, next: { fix: [evil], note: evil }, timeline: [{ state: 'needs-fix', at: '2020-09-15T06:05:00Z', message: evil }] });
    const endpoint = await script('xss', [{ status: 200, body: doc }]);
    const { el } = await lookupForm(endpoint);
    await ask(el);
    await until(() => status(el), 'the status');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect($(el, '[part="message"]')!.textContent).to.contain(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);

    let event!: LoketErrorEvent;
    let probe!: ReturnType<typeof mount<LoketApplicationStatus>>;
    await countConsoleErrors(async () => {
      probe = mount<LoketApplicationStatus>(
        `<loket-application-status><script type="application/json">${inlineJson(application('needs-fix', { formUrl: 'javascript:alert(1)' }))}</script></loket-application-status>`,
      );
      event = (await probe.next('loket-error')) as LoketErrorEvent;
    });
    expect(event.detail.problems.map((p) => p.path)).to.include('formUrl');
    expect(probe.el.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
  });
});

describe('<loket-application-status> from the receipt link', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('reads the number and secret from the fragment, looks up, announces, and cleans the address bar', async () => {
    const endpoint = await script('link', [{ status: 200, body: application('needs-fix') }]);
    history.replaceState(null, '', `${location.pathname}${location.search}#nomor=UJI-20200914-AB12&kode=r%C3%A4hasia%2B1`);
    const probe = mount<LoketApplicationStatus>(`<loket-application-status endpoint="${endpoint}"></loket-application-status>`);
    await probe.next('loket-ready');
    await probe.el.updateComplete;
    expect(location.hash).to.equal('');
    expect(JSON.parse((await (await fetch('/test-api/last-body/link')).json()).body)).to.deep.equal({ trackingNumber: 'UJI-20200914-AB12', secret: 'rähasia+1' });
    expect($(probe.el, '[role="status"]')!.textContent).to.equal('Status permohonan UJI-20200914-AB12: Perlu perbaikan.');
    // Arriving does not move focus into the widget.
    expect(probe.el.shadowRoot!.activeElement).to.equal(null);
    expect($<HTMLInputElement>(probe.el, '#number')!.value).to.equal('UJI-20200914-AB12');
  });

  it('also reads the query, keeping the page’s other parameters', async () => {
    const endpoint = await script('link-query', [{ status: 404, body: {} }]);
    const before = location.search;
    history.replaceState(null, '', `${location.pathname}?${before.replace(/^\?/, '')}${before ? '&' : ''}nomor=UJI-1&kode=abc`);
    const probe = mount<LoketApplicationStatus>(`<loket-application-status endpoint="${endpoint}"></loket-application-status>`);
    await until(() => problem(probe.el), 'the message');
    expect(location.search).to.equal(before);
    expect(problem(probe.el)!.textContent).to.contain('Permohonan tidak ditemukan');
  });
});
