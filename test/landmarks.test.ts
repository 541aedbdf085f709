import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../widgets/permit-form/permit-form.js';
import '../widgets/requirement-checklist/requirement-checklist.js';
import '../widgets/service-status/service-status.js';

// A regency page often carries more than one widget: the banner above a
// checklist and its form, or the forms of two permits. Each landmark must
// still have a name of its own (axe landmark-unique) that says which widget
// it belongs to.

async function mountAll(markup: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  container.innerHTML = markup;
  const widgets = [...container.querySelectorAll<LitElement>('loket-service-status, loket-requirement-checklist, loket-permit-form')];
  const settled = widgets.map((el) => new Promise((resolve) => ['loket-ready', 'loket-error'].forEach((type) => el.addEventListener(type, resolve, { once: true }))));
  document.body.append(container);
  await Promise.all(settled);
  await Promise.all(widgets.map((el) => el.updateComplete));
  for (const el of widgets) expect(el.shadowRoot!.querySelector('[part~="error-panel"]'), el.localName).to.equal(null);
  return container;
}

/** Every landmark in the widgets' shadow roots: role and accessible name as axe computes them (roughly). */
function landmarks(container: HTMLElement): string[] {
  const out: string[] = [];
  for (const el of container.querySelectorAll('loket-service-status, loket-requirement-checklist, loket-permit-form')) {
    const root = el.shadowRoot!;
    for (const node of root.querySelectorAll<HTMLElement>('section, aside, nav, form, [role="region"], [role="complementary"], [role="navigation"], [role="form"]')) {
      const label = node.getAttribute('aria-label') ?? (node.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '').join(' ');
      if (!label) continue;
      const role = node.getAttribute('role') ?? ({ section: 'region', aside: 'complementary', nav: 'navigation', form: 'form' } as Record<string, string>)[node.localName];
      out.push(`${role}: ${label}`);
    }
  }
  return out;
}

describe('several widgets on one page', () => {
  afterEach(() => document.querySelectorAll('body > div').forEach((d) => d.remove()));

  it('gives every landmark a name of its own: two banners, two checklists, two forms', async () => {
    const container = await mountAll(`
      <loket-service-status src="/demo/status/tabanan.json" expanded></loket-service-status>
      <loket-service-status src="/demo/status/bontang.json" expanded></loket-service-status>
      <loket-requirement-checklist src="/demo/checklists/pbg.json" remember-answers="false"></loket-requirement-checklist>
      <loket-requirement-checklist src="/demo/checklists/reklame.json" remember-answers="false"></loket-requirement-checklist>
      <loket-permit-form src="/demo/forms/tanya-ptsp.json"></loket-permit-form>
      <loket-permit-form src="/demo/forms/izin-reklame.json"></loket-permit-form>`);
    const names = landmarks(container);
    expect(names.length).to.be.greaterThan(2);
    expect(names.filter((n, i) => names.indexOf(n) !== i), 'duplicate landmark names').to.deep.equal([]);
    await expect(container).to.be.accessible();
  });
});
