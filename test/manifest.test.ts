import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../widgets/application-status/application-status.js';
import '../widgets/permit-form/permit-form.js';
import '../widgets/requirement-checklist/requirement-checklist.js';
import '../widgets/service-status/service-status.js';
import { mount, unmountAll } from './helpers.js';

// The custom elements manifest (dist/custom-elements.json, built from the
// JSDoc headers) must list everything a webmaster can touch: every attribute
// the element class declares, and every event and CSS part the element
// actually produces for the demo documents.

interface Named {
  readonly name: string;
}
interface ManifestElement {
  readonly tagName: string;
  readonly attributes?: readonly Named[];
  readonly events?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}

const manifest = await (await fetch('/dist/custom-elements.json')).json();
const elements: ManifestElement[] = manifest.modules.flatMap((m: { declarations: ManifestElement[] }) => m.declarations.filter((d) => d.tagName));
const examples: Record<string, string[]> = await (await fetch('/demo/examples.json')).json();

/** Where each element's demo documents live, and a few extra attributes that show more parts. */
const WIDGETS = [
  { tag: 'loket-service-status', kind: 'service-status', folder: 'status', extra: ['', 'expanded'] },
  { tag: 'loket-requirement-checklist', kind: 'requirement-checklist', folder: 'checklists', extra: [''] },
  { tag: 'loket-permit-form', kind: 'permit-form', folder: 'forms', extra: [''] },
  { tag: 'loket-application-status', kind: 'application-status', folder: 'lacak', extra: ['', 'endpoint="/test-api/scripted/none"'] },
];

const names = (list: readonly Named[] | undefined) => new Set((list ?? []).map((x) => x.name));

/** The attribute names a Lit element class observes. */
function classAttributes(tag: string): string[] {
  const cls = customElements.get(tag) as unknown as typeof LitElement;
  return [...cls.elementProperties]
    .filter(([, options]) => options.attribute !== false && !options.state)
    .map(([name, options]) => (typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase()));
}

/** Every part name in a shadow root (parts may hold several names). */
function partsIn(el: Element): Set<string> {
  const found = new Set<string>();
  for (const node of el.shadowRoot?.querySelectorAll('[part]') ?? []) {
    for (const part of node.getAttribute('part')!.split(/\s+/)) if (part) found.add(part);
  }
  return found;
}

/** Mounts an element, records every event it dispatches, and waits for it to settle. */
async function render(markup: string): Promise<{ el: Element; fired: Set<string> }> {
  const fired = new Set<string>();
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (this instanceof Element && this.localName.startsWith('loket-')) fired.add(event.type);
    return original.call(this, event);
  };
  try {
    const { el, next } = mount(markup);
    await Promise.race([next('loket-ready'), next('loket-error')]);
    await (el as LitElement).updateComplete;
    return { el, fired };
  } finally {
    EventTarget.prototype.dispatchEvent = original;
  }
}

describe('custom elements manifest', () => {
  afterEach(unmountAll);

  it('lists every element the loader knows', () => {
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal(WIDGETS.map((w) => w.tag).sort());
  });

  for (const { tag, kind, folder, extra } of WIDGETS) {
    const entry = () => elements.find((e) => e.tagName === tag)!;

    it(`lists every attribute <${tag}> observes, and no other`, () => {
      const listed = names(entry().attributes);
      const declared = classAttributes(tag);
      for (const attribute of declared) expect(listed.has(attribute), `attribute ${attribute} of <${tag}> is missing from the manifest`).to.be.true;
      for (const attribute of listed) expect(declared, `the manifest lists ${attribute}, which <${tag}> does not observe`).to.include(attribute);
    });

    it(`lists every part and event <${tag}> produces for the demo documents and a broken one`, async () => {
      const parts = new Set<string>();
      const events = new Set<string>();
      const pages = [...(examples[kind] ?? []).flatMap((name) => extra.map((attrs) => `<${tag} ${attrs} src="/demo/${folder}/${name}.json"></${tag}>`)), `<${tag} src="/demo/broken/bukan-json.json"></${tag}>`];
      for (const markup of pages) {
        const { el, fired } = await render(markup);
        partsIn(el).forEach((p) => parts.add(p));
        fired.forEach((e) => events.add(e));
      }
      expect(parts.size).to.be.greaterThan(3);
      expect(events).to.include('loket-ready').and.to.include('loket-error');
      const listedParts = names(entry().cssParts);
      const listedEvents = names(entry().events);
      for (const part of parts) expect(listedParts.has(part), `part "${part}" of <${tag}> is missing from the manifest`).to.be.true;
      for (const event of events) expect(listedEvents.has(event), `event "${event}" of <${tag}> is missing from the manifest`).to.be.true;
    });

    it(`documents the --loket-* custom properties of <${tag}> with defaults`, () => {
      const props = entry().cssProperties ?? [];
      expect(props.length).to.be.greaterThan(5);
      for (const p of props) expect(p.name).to.match(/^--loket-[a-z0-9-]+$/);
    });
  }
});
