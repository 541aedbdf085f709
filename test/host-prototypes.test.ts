import { expect } from '@open-wc/testing';
import { framePage, until } from './helpers.js';

// A host page whose old scripts add enumerable properties to Object.prototype
// and Array.prototype (`Object.prototype.extend = …`, as pre-ES5 libraries
// did). zod used to throw while building the first schema on such a page, so
// no widget loaded. These pages load the built dist/loket.js, as a webmaster's
// page would: `npm test` builds first.

interface Frame {
  readonly win: Window & { __errors: string[]; __hostKeys(): string[] };
  readonly doc: Document;
  remove(): void;
}

const OLD_LIBRARY = `<script>
  window.__errors = [];
  addEventListener('error', (e) => window.__errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
  const error = console.error; console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); error(...a); };
  // What a 2008 library did, by plain assignment: enumerable, everywhere.
  Object.prototype.extend = function (source) { for (var k in source) if (Object.prototype.hasOwnProperty.call(source, k)) this[k] = source[k]; return this; };
  Object.prototype.toJSONString = function () { return JSON.stringify(this); };
  Object.prototype.name = 'warisan';
  Array.prototype.remove = function (item) { var i = this.indexOf(item); if (i >= 0) this.splice(i, 1); return this; };
  Array.prototype.each = function (fn) { for (var i = 0; i < this.length; i++) fn(this[i], i); };
  window.__hostKeys = () => { const keys = []; for (const k in []) keys.push(k); return keys.sort(); };
</script>`;

const page = (body: string) => framePage<Frame['win']>(body, `${OLD_LIBRARY}<script type="module" src="/dist/loket.js"></script>`, { width: '900px', height: '700px' });

const HOST_KEYS = ['each', 'extend', 'name', 'remove', 'toJSONString'];

describe('a host page that adds enumerable properties to Object.prototype and Array.prototype', () => {
  before(async () => {
    const response = await fetch('/dist/loket.js');
    if (!response.ok) throw new Error('dist/loket.js is missing: run `npm run build` (npm test does it for you)');
  });

  it('loads all four widgets through the loader and leaves the host\'s additions as they were', async () => {
    const frame = await page(`
      <loket-service-status src="/demo/status/tabanan.json" now="2020-09-14T09:00" expanded></loket-service-status>
      <loket-requirement-checklist src="/demo/checklists/pbg.json" remember-answers="false"></loket-requirement-checklist>
      <loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>
      <loket-application-status src="/demo/lacak/tanya-ptsp-diperiksa.json"></loket-application-status>`);
    const root = (tag: string) => frame.doc.querySelector(tag)?.shadowRoot;
    await until(() => !!root('loket-service-status')?.querySelector('[part="banner"]'), 'the banner');
    await until(() => !!root('loket-requirement-checklist')?.querySelector('input[type="radio"]'), 'the checklist');
    await until(() => !!root('loket-permit-form')?.querySelector('form'), 'the form');
    await until(() => !!root('loket-application-status')?.querySelector('[part="state"]'), 'the application status');
    for (const tag of ['loket-service-status', 'loket-requirement-checklist', 'loket-permit-form', 'loket-application-status']) {
      expect(root(tag)!.querySelector('[part="error-panel"]'), `${tag} shows no error panel`).to.equal(null);
      expect(root(tag)!.textContent, `${tag} shows none of the host's keys`).not.to.match(/\b(extend|toJSONString|warisan)\b/);
    }
    expect(root('loket-service-status')!.textContent).to.contain('Tabanan');
    expect(frame.win.__errors).to.deep.equal([]);
    expect(frame.win.__hostKeys(), 'still enumerable for the host\'s own code').to.deep.equal(HOST_KEYS);
    frame.remove();
  });

  it('still names the real problem of a broken document, and only that', async () => {
    const frame = await page(`<loket-service-status><script type="application/json">{ "version": 1, "office": { "name": "DPMPTSP Uji", "timeZone": "Asia/Jayapura" }, "hours": { "mon": [ { "open": "08:00", "close": "16:00" } ] }, "channels": [ { "kind": "in-person", "state": "terbuka" } ] }</script></loket-service-status>`);
    const root = () => frame.doc.querySelector('loket-service-status')!.shadowRoot;
    await until(() => !!root()?.querySelector('[part="error-panel"] li'), 'the error panel');
    const items = [...root()!.querySelectorAll('[part="error-panel"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(1);
    expect(items[0]).to.contain('channels[0].state');
    expect(frame.win.__hostKeys()).to.deep.equal(HOST_KEYS);
    frame.remove();
  });

  it('takes an application from the first answer to the receipt, storing only the citizen\'s answers', async () => {
    const id = `e2e-prototypes-${Date.now()}`;
    const frame = await page(`<loket-permit-form src="/e2e-api/receiver/form/${id}"></loket-permit-form>`);
    const root = () => frame.doc.querySelector('loket-permit-form')!.shadowRoot!;
    await until(() => !!root()?.querySelector('input[name="fullName"], #fullName'), 'the form');
    const next = () => root().querySelector<HTMLElement>('.actions .button.primary')?.click();
    next();
    await until(() => !!root().querySelector('[part="error-summary"]'), 'the error summary for the empty name');
    const name = root().querySelector<HTMLInputElement>('input[name="fullName"], #fullName')!;
    name.value = 'Ni Luh Putu Ayu';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 6 && !root().querySelector('[part="receipt"]'); i++) {
      next();
      await new Promise((r) => setTimeout(r, 200));
    }
    await until(() => !!root().querySelector('[part="receipt-number"]'), 'the receipt');
    const stored = await (await fetch(`/e2e-api/receiver/stored/${id}`)).json() as { count: number; records: Array<{ answers?: Record<string, unknown> }> };
    expect(stored.count).to.equal(1);
    expect(JSON.stringify(stored.records[0])).to.contain('Ni Luh Putu Ayu');
    expect(Object.keys(stored.records[0]!.answers ?? {})).not.to.include.members(['extend', 'remove', 'each']);
    expect(frame.win.__errors).to.deep.equal([]);
    expect(frame.win.__hostKeys()).to.deep.equal(HOST_KEYS);
    frame.remove();
  });
});
