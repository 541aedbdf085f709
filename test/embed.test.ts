import { expect } from '@open-wc/testing';
import { until } from './helpers.js';

// Embedding: the pinned snippet of demo/sematan.html and its Subresource
// Integrity hash from dist/sri.json. `npm test` builds dist/ first.

const sri: { version: string; 'loket.js': string } = await (await fetch('/dist/sri.json')).json();
const pkg: { version: string } = await (await fetch('/package.json')).json();
// The one snippet (demo/snippet.js), which the README and docs/ show too.
const snippetModule: string = '/demo/snippet.js';
const { snippet, WIDGETS } = await import(snippetModule);

async function frame(src: string): Promise<{ doc: Document; remove(): void }> {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.style.width = '1000px';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return { doc: iframe.contentDocument!, remove: () => iframe.remove() };
}

// The browser's own integrity check needs the file's exact bytes, which this
// test server re-encodes (esbuild); test/node/embed.test.mjs runs it in
// Chromium against the demo server instead.
describe('dist/sri.json', () => {
  it('is for this version of the package', () => {
    expect(sri.version).to.equal(pkg.version);
    expect(sri['loket.js']).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
  });
});

describe('demo/sematan.html, the snippet builder', () => {
  async function builder() {
    const { doc, remove } = await frame('/demo/sematan.html');
    const code = doc.getElementById('kode')!;
    await until(() => code.textContent?.includes('integrity'), 'the snippet');
    const form = doc.getElementById('pembuat') as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const choose = (widget: string) => {
      (form.querySelector(`input[value="${widget}"]`) as HTMLInputElement).click();
    };
    const type = (name: string, value: string) => {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input', { bubbles: true }));
    };
    return { doc, code, form, field, choose, type, remove };
  }

  it('prints, untouched, the snippet the docs show, with the real integrity hash', async () => {
    const { code, remove } = await builder();
    try {
      expect(code.textContent).to.equal(snippet({ version: sri.version, integrity: sri['loket.js'] }));
      expect(code.textContent).to.include(`src="/loket/${sri.version}/loket.js"`);
      expect(code.textContent).to.include('<loket-service-status src="/loket/status.json" lang="id" refresh="300">');
    } finally {
      remove();
    }
  });

  it('keeps a document address per widget instead of carrying the last one over', async () => {
    const { code, field, choose, type, remove } = await builder();
    try {
      type('src', '/kantor/status.json');
      choose('loket-requirement-checklist');
      expect(field('src').value).to.equal(WIDGETS['loket-requirement-checklist'].src);
      expect(code.textContent).to.include(`<loket-requirement-checklist src="${WIDGETS['loket-requirement-checklist'].src}" lang="id">`);
      expect(code.textContent).to.include(WIDGETS['loket-requirement-checklist'].fallbackText);
      expect(code.textContent).not.to.include('refresh=');
      choose('loket-service-status');
      expect(field('src').value).to.equal('/kantor/status.json');
      expect(code.textContent).to.include('<loket-service-status src="/kantor/status.json" lang="id" refresh="300">');
    } finally {
      remove();
    }
  });

  it('asks for the endpoint only for the permit form, and writes it as action', async () => {
    const { doc, code, form, choose, type, remove } = await builder();
    try {
      expect((doc.getElementById('baris-penerima') as HTMLElement).hidden).to.equal(true);
      choose('loket-permit-form');
      expect((doc.getElementById('baris-penerima') as HTMLElement).hidden).to.equal(false);
      type('action', '/api/forms/pbg/submissions');
      expect(code.textContent).to.include(`<loket-permit-form src="${WIDGETS['loket-permit-form'].src}" lang="id" action="/api/forms/pbg/submissions">`);
      expect(code.textContent).to.include(`<a href="${WIDGETS['loket-permit-form'].fallbackHref}">${WIDGETS['loket-permit-form'].fallbackText}</a>`);
      choose('loket-service-status');
      expect(code.textContent).not.to.include('action=');
      expect(form).to.exist;
    } finally {
      remove();
    }
  });

  it('writes the tracking page with its service address in endpoint', async () => {
    const { doc, code, choose, remove } = await builder();
    try {
      choose('loket-application-status');
      expect(doc.getElementById('dokumen-label')!.textContent).to.equal('Alamat layanan status');
      expect(code.textContent).to.include('<loket-application-status endpoint="/api/status" lang="id">');
      expect(code.textContent).to.include(`<a href="/layanan">${WIDGETS['loket-application-status'].fallbackText}</a>`);
      const el = await until(() => doc.querySelector('#pratinjau loket-application-status'), 'the preview element');
      expect(el.getAttribute('endpoint')).to.equal('/api/status');
      expect(el.hasAttribute('src')).to.equal(false);
    } finally {
      remove();
    }
  });

  it('escapes what the webmaster types, and leaves lang out only when asked to follow the page', async () => {
    const { code, form, choose, type, remove } = await builder();
    try {
      choose('loket-requirement-checklist');
      (form.elements.namedItem('lang') as HTMLSelectElement).value = '';
      form.dispatchEvent(new Event('change', { bubbles: true }));
      type('src', '/persyaratan/pbg.json?a=1&b="2"');
      type('fallbackText', 'Syarat <PBG> & IMB');
      expect(code.textContent).to.include('<loket-requirement-checklist src="/persyaratan/pbg.json?a=1&amp;b=&quot;2&quot;">');
      expect(code.textContent).to.include('>Syarat &lt;PBG&gt; &amp; IMB</a>');
    } finally {
      remove();
    }
  });

  it('previews the chosen widget with the real element, from the demo document while the address is the placeholder', async () => {
    const { doc, choose, remove } = await builder();
    try {
      choose('loket-requirement-checklist');
      const el = await until(() => doc.querySelector('#pratinjau loket-requirement-checklist'), 'the preview element');
      expect(el.getAttribute('src')).to.equal(WIDGETS['loket-requirement-checklist'].example);
      expect((doc.getElementById('pratinjau-catatan') as HTMLElement).hidden).to.equal(false);
    } finally {
      remove();
    }
  });

  it('offers <head> hints naming every chunk of the chosen widget and its document, from the same folder', async () => {
    const { doc, choose, type, remove } = await builder();
    const graph = (await (await fetch('/dist/preload.json')).json()) as Record<string, string[]>;
    const hintsOf = () => doc.getElementById('petunjuk')!.textContent!;
    try {
      const links = (text: string) => [...text.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
      expect(links(hintsOf())).to.deep.equal(graph['service-status']!.map((f) => `/loket/${sri.version}/${f}`));
      expect(hintsOf()).to.include('<link rel="preload" as="fetch" crossorigin href="/loket/status.json">');
      type('src', '/kantor/status.json');
      type('base', '/aset/loket/');
      expect(hintsOf()).to.include('<link rel="preload" as="fetch" crossorigin href="/kantor/status.json">');
      expect(links(hintsOf())[0]).to.equal(`/aset/loket/${graph['service-status']![0]}`);
      choose('loket-requirement-checklist');
      expect(links(hintsOf())).to.deep.equal(graph['requirement-checklist']!.map((f) => `/aset/loket/${f}`));
      // The tracking page asks its service with the citizen's number: there is no document to fetch ahead.
      choose('loket-application-status');
      expect(links(hintsOf())).to.deep.equal(graph['application-status']!.map((f) => `/aset/loket/${f}`));
      expect(hintsOf()).not.to.include('as="fetch"');
    } finally {
      remove();
    }
  });

  it('has no inline script (the demo pages run under script-src self)', async () => {
    const html = await (await fetch('/demo/sematan.html')).text();
    expect(html).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
