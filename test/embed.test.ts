import { expect } from '@open-wc/testing';

// Embedding: the pinned snippet of demo/sematan.html and its Subresource
// Integrity hash from dist/sri.json. `npm test` builds dist/ first.

const sri: { version: string; 'loket.js': string } = await (await fetch('/dist/sri.json')).json();
const pkg: { version: string } = await (await fetch('/package.json')).json();

async function frame(src: string): Promise<{ doc: Document; remove(): void }> {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.style.width = '1000px';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return { doc: iframe.contentDocument!, remove: () => iframe.remove() };
}

async function until<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
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
  it('builds a snippet pinned to the version, with the integrity hash, for the chosen widget and language', async () => {
    const { doc, remove } = await frame('/demo/sematan.html');
    try {
      const code = doc.getElementById('kode')!;
      await until(() => code.textContent?.includes('integrity'), 'the snippet');
      expect(code.textContent).to.include(`/loket/${sri.version}/loket.js`);
      expect(code.textContent).to.include(`integrity="${sri['loket.js']}"`);
      expect(code.textContent).to.include('<loket-service-status src="/demo/status/tabanan.json" refresh="300">');

      const form = doc.getElementById('pembuat') as HTMLFormElement;
      (form.querySelector('input[value="loket-requirement-checklist"]') as HTMLInputElement).click();
      (form.elements.namedItem('lang') as HTMLSelectElement).value = 'en';
      form.dispatchEvent(new Event('change', { bubbles: true }));
      const src = form.elements.namedItem('src') as HTMLInputElement;
      src.value = '/persyaratan/pbg.json?a=1&b="2"';
      src.dispatchEvent(new Event('input', { bubbles: true }));
      expect(code.textContent).to.include('<loket-requirement-checklist src="/persyaratan/pbg.json?a=1&amp;b=&quot;2&quot;" lang="en">');
      expect(code.textContent).not.to.include('refresh=');

      // The preview renders the chosen element with the real widget.
      await until(() => doc.querySelector('#pratinjau loket-requirement-checklist'), 'the preview element');
    } finally {
      remove();
    }
  });

  it('has no inline script (the demo pages run under script-src self)', async () => {
    const html = await (await fetch('/demo/sematan.html')).text();
    expect(html).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
