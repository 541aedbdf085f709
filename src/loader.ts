// The script-tag entry (dist/loket.js). It stays tiny: it knows the element
// names and fetches a widget's code only when that element is on the page, so
// a page with a status banner never downloads the form.
import { registry } from './define.js';
import { VERSION } from './version.js';

const WIDGETS: Record<string, () => Promise<unknown>> = {
  'loket-service-status': () => import('../widgets/service-status/service-status.js'),
  'loket-requirement-checklist': () => import('../widgets/requirement-checklist/requirement-checklist.js'),
  'loket-permit-form': () => import('../widgets/permit-form/permit-form.js'),
};

interface LoaderState {
  version: string;
  /** Loads the code for one element name now (for elements inside other shadow roots). */
  load(tag: string): Promise<void>;
}

const KEY = Symbol.for('loket.loader');
const global = globalThis as unknown as Record<symbol, LoaderState | undefined>;
const existing = global[KEY];

if (existing) {
  // A second copy of the script: the first one already watches the page.
  if (existing.version !== VERSION) {
    console.warn(`[loket] loket.js ${VERSION} was loaded after loket.js ${existing.version}; the first copy stays in charge. Load loket.js once per page.`);
  }
} else {
  const started = new Set<string>();
  const load = async (tag: string): Promise<void> => {
    const importer = WIDGETS[tag];
    if (!importer || started.has(tag) || customElements.get(tag)) return;
    started.add(tag);
    try {
      await importer();
    } catch (error) {
      started.delete(tag);
      // The element's fallback content stays visible; say why in the console.
      console.error(`[loket] could not load the code for <${tag}>:`, error);
    }
  };
  const selector = Object.keys(WIDGETS).join(',');
  const scan = (root: ParentNode) => {
    for (const tag of Object.keys(WIDGETS)) {
      if (!started.has(tag) && root.querySelector(tag)) void load(tag);
    }
  };
  global[KEY] = { version: VERSION, load };
  registry();
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) void load(node.localName);
        if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
