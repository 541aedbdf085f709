import { expect } from '@open-wc/testing';
import { framePage, until } from './helpers.js';

// Bytes: with the built dist/loket.js, as a webmaster's page loads it, a form
// without a region field or a long list downloads none of that code or data;
// a form scoped to one regency downloads that regency's file only.

const fetched = (win: Window) => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
const formPage = (src: string) => `<script type="module" src="/dist/loket.js"></script><loket-permit-form src="${src}"></loket-permit-form>`;

describe('dist/loket.js and the region data', () => {
  it('downloads no long-list code and no region data for a form without them', async () => {
    const frame = await framePage(formPage('/demo/forms/sipi-jakarta-utara.json'));
    const el = frame.doc.querySelector('loket-permit-form')!;
    await until(() => !!el.shadowRoot?.querySelector('.step-heading'), 'the first step');
    // Whatever the form fetches after its first render (its sending code) has had time to start.
    await new Promise((r) => setTimeout(r, 1000));
    const files = fetched(frame.win);
    expect(files.some((f) => f.startsWith('/dist/chunks/permit-form-')), 'the form itself').to.equal(true);
    expect(files.filter((f) => f.includes('long-lists') || f.includes('list-messages') || f.includes('/regions/'))).to.deep.equal([]);
    frame.remove();
  });

  it('downloads the long-list code and one regency file for the home-visit form of Sragen', async () => {
    const frame = await framePage(formPage('/demo/forms/go-license-sragen.json'));
    const el = frame.doc.querySelector('loket-permit-form')!;
    await until(() => !!el.shadowRoot?.querySelector('.step-heading'), 'the first step');
    await until(() => fetched(frame.win).some((f) => f.includes('/regions/')), 'the region data');
    await new Promise((r) => setTimeout(r, 300));
    const files = fetched(frame.win);
    expect(files.filter((f) => f.includes('/regions/'))).to.deep.equal(['/dist/regions/33.14.json']);
    expect(files.filter((f) => /\/dist\/chunks\/long-lists-[\w-]+\.js$/.test(f))).to.have.length(1);
    // The region data is checked without zod: a valid form still never downloads it.
    for (const file of files.filter((f) => f.startsWith('/dist/chunks/'))) {
      expect((await (await fetch(file)).text()).includes('$ZodType'), `${file} holds zod`).to.equal(false);
    }
    frame.remove();
  });
});
