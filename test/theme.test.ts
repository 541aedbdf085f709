import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../widgets/permit-form/permit-form.js';
import '../widgets/requirement-checklist/requirement-checklist.js';
import '../widgets/service-status/service-status.js';

// demo/tema.html: the same widgets under three host themes, changed only
// through --loket-* tokens on a wrapper. axe (colour contrast included) must
// find nothing in any of them, with the demo site's own stylesheet loaded as
// on the page: a token the site sets on the element itself would beat the
// wrapper's ("Lihat detail" at 2.5:1 in the dark theme). The sections are taken from the demo page
// itself, so the page and the test cannot drift apart.

const THEMES = ['tema-hijau', 'tema-gelap', 'tema-kontras'];

// The page's own stylesheets, in the page's order: the site's global rules
// (which also style the loket elements) and then the themes.
for (const href of ['/demo/site.css', '/demo/tema.css']) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
  document.head.append(link);
  await loaded;
}
const page = new DOMParser().parseFromString(await (await fetch('/demo/tema.html')).text(), 'text/html');

/** Mounts one theme's section from the demo page and waits for its widgets. */
async function mountTheme(theme: string): Promise<HTMLElement> {
  const source = page.querySelector(`section.${theme}`);
  expect(source, `demo/tema.html has a section.${theme}`).to.exist;
  const section = document.importNode(source!, true) as HTMLElement;
  const widgets = [...section.querySelectorAll<LitElement>('loket-service-status, loket-requirement-checklist, loket-permit-form')];
  const settled = widgets.map(
    (el) => new Promise((resolve) => ['loket-ready', 'loket-error'].forEach((type) => el.addEventListener(type, resolve, { once: true }))),
  );
  document.body.append(section);
  await Promise.all(settled);
  await Promise.all(widgets.map((el) => el.updateComplete));
  return section;
}

describe('demo/tema.html themes', () => {
  afterEach(() => document.querySelectorAll('section.tema').forEach((s) => s.remove()));

  it('shows the same three widgets in each theme', () => {
    for (const theme of THEMES) {
      const tags = [...page.querySelectorAll(`section.${theme} .tema-widgets > *`)].map((el) => `${el.localName} ${el.getAttribute('src')}`);
      expect(tags, theme).to.deep.equal([...page.querySelectorAll(`section.${THEMES[0]} .tema-widgets > *`)].map((el) => `${el.localName} ${el.getAttribute('src')}`));
    }
  });

  it('themes only through --loket-* tokens: no style attributes, no ::part rules', async () => {
    const css = await (await fetch('/demo/tema.css')).text();
    expect(css).not.to.match(/::part|loket-[a-z-]+\s*\{/);
    expect(page.querySelectorAll('section.tema [style]').length).to.equal(0);
  });

  for (const theme of THEMES) {
    it(`passes axe, colour contrast included, in ${theme} (details open)`, async () => {
      const section = await mountTheme(theme);
      for (const el of section.querySelectorAll<LitElement & { expanded: boolean }>('loket-service-status')) {
        el.expanded = true;
        await el.updateComplete;
      }
      for (const el of section.querySelectorAll<LitElement>('loket-service-status, loket-requirement-checklist, loket-permit-form')) {
        expect(el.shadowRoot?.querySelector('[part~="error-panel"]'), `${el.localName} rendered its document`).to.be.null;
      }
      await expect(section).to.be.accessible();
    });
  }
});
