// End to end in Chromium against the real receiver (test/server/receiver-middleware.mjs,
// serving the demo's forms): a citizen sends a demo form, follows the receipt's
// "Lacak permohonan" to the demo's tracking page, and sees "Diterima".
import { aTimeout, expect } from '@open-wc/testing';
import '../widgets/permit-form/permit-form.js';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';
import { shadowText, unmountAll } from './helpers.js';

async function until(test: () => boolean, what: string, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(50);
  }
}

describe('from the receipt to the tracking page', function () {
  this.timeout(40_000);
  afterEach(async () => {
    unmountAll();
    document.querySelectorAll('.e2e, iframe').forEach((n) => n.remove());
    indexedDB.deleteDatabase('loket');
    await aTimeout(50);
  });

  it('sends the TANYA PTSP demo form, follows "Lacak permohonan" and shows "Diterima" with the office in WITA', async () => {
    const box = document.createElement('div');
    box.className = 'e2e';
    box.innerHTML = '<loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>';
    document.body.append(box);
    const form = box.firstElementChild as LoketPermitForm;
    await until(() => !!form.shadowRoot?.querySelector('.step-heading'), 'the form');
    form.initialAnswers = { kind: 'pengaduan', topic: 'reklame', message: 'Belum ada kabar.', fullName: 'Budi Santoso', email: 'budi@example.org', replyVia: 'email', consent: true };
    await form.updateComplete;
    for (let i = 0; i < 10 && !form.shadowRoot!.querySelector('[part="receipt"]'); i++) {
      form.shadowRoot!.querySelector<HTMLElement>('.actions .button.primary')?.click();
      await aTimeout(200);
    }
    await until(() => !!form.shadowRoot!.querySelector('[part="tracking-link"]'), 'the receipt link');
    const number = form.shadowRoot!.querySelector('[part="receipt-number"]')!.textContent!.trim();
    const link = form.shadowRoot!.querySelector<HTMLAnchorElement>('[part="tracking-link"]')!;
    expect(link.textContent).to.equal('Lacak permohonan');
    const href = new URL(link.href);
    expect(href.pathname).to.equal('/demo/lacak.html');
    expect(href.search).to.equal('');
    const fragment = new URLSearchParams(href.hash.slice(1));
    expect(fragment.get('nomor')).to.equal(number);
    const secret = fragment.get('kode')!;
    expect(secret).to.have.length.greaterThan(15);
    // The secret is not in drafts or any other page storage.
    expect(JSON.stringify({ ...localStorage })).not.to.contain(secret);

    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '900px';
    frame.src = link.href;
    document.body.append(frame);
    const status = () => frame.contentDocument?.querySelector('loket-application-status[endpoint]') ?? null;
    await until(() => !!status()?.shadowRoot?.querySelector('[part="state"]'), 'the status on the tracking page');
    const el = status()!;
    expect(el.shadowRoot!.querySelector('[part="state"]')!.textContent).to.equal('Diterima');
    const text = shadowText(el);
    expect(text).to.contain(number).and.to.contain('TANYA PTSP').and.to.contain('WITA').and.to.contain('DPMPTSP) Kota Bontang');
    expect(text).not.to.contain('Budi').and.not.to.contain('budi@example.org');
    // The code left the address bar once read.
    expect(frame.contentWindow!.location.hash).to.equal('');
    expect(frame.contentWindow!.location.pathname).to.equal('/demo/lacak.html');
  });
});
