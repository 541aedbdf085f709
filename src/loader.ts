// The script-tag entry (dist/loket.js). It stays tiny: it knows the element
// names and fetches a widget's code only when that element is on the page, so
// a page with a status banner never downloads the form.
//
// When it does load a widget, it starts everything at once: every chunk of
// the widget's code (the build writes each widget's chunk graph below) and
// the document named by the element's `src`, which it hands to the element
// once the code has arrived. First paint is then page → loket.js → the rest,
// in parallel, instead of one round trip per link of the import chain.
import { registry } from './define.js';
import { VERSION } from './version.js';

const WIDGETS: Record<string, () => Promise<unknown>> = {
  'loket-service-status': () => import('../widgets/service-status/service-status.js'),
  'loket-requirement-checklist': () => import('../widgets/requirement-checklist/requirement-checklist.js'),
  'loket-permit-form': () => import('../widgets/permit-form/permit-form.js'),
  'loket-application-status': () => import('../widgets/application-status/application-status.js'),
};

/**
 * Each widget's chunks, its own first, relative to this file: written in by the
 * build (rollup.config.mjs, `chunkGraph`). Keyed by the element name without
 * `loket-`, which is the widget's file name; `<name>.en` lists the English
 * catalogues those chunks fetch on an English page.
 */
const CHUNKS = JSON.parse('__LOKET_CHUNKS__') as Record<string, readonly string[]>;

/** A document fetch the loader started for an element, before its code arrived. */
export interface StartedFetch {
  readonly url: string;
  readonly response: Promise<Response>;
  abort(): void;
}

interface LoaderState {
  version: string;
  /** Loads the code for one element name now (for elements inside other shadow roots). */
  load(tag: string): Promise<void>;
  /** The fetch of `url` started for this element, if any; handed over once. */
  take?(element: Element, url: string): StartedFetch | undefined;
}

/** Whether an element will speak English: localeOf (src/locale.ts), written out so this file stays without it. */
const english = (element: Element) => /^\s*en/i.test(element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.lang);

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
    // The widget's shared chunks (its own comes first in the list, imported
    // below) load beside its own, not after it. A chunk that fails here fails
    // the widget's import below, which reports it.
    const name = tag.slice(6);
    const files = (CHUNKS[name] ?? []).slice(1);
    // An English element asks for its strings before its first render (src/i18n.ts,
    // loadLocale): start them now too, or that render waits one more round trip.
    if ([...document.querySelectorAll(tag)].some(english)) files.push(...(CHUNKS[`${name}.en`] ?? []));
    for (const file of files) import(new URL(file, import.meta.url).href).catch(() => undefined);
    try {
      await importer();
    } catch (error) {
      started.delete(tag);
      // The element's fallback content stays visible; say why in the console.
      console.error(`[loket] could not load the code for <${tag}>:`, error);
    }
  };
  // Same request as the element's own (src/load.ts, fetchJson), so the
  // element can use the response as if it had asked itself.
  const fetches = new WeakMap<Element, StartedFetch>();
  const prefetch = (element: Element) => {
    const src = element.getAttribute('src');
    if (!src || fetches.has(element) || customElements.get(element.localName)) return;
    let url: string;
    try {
      url = new URL(src, element.ownerDocument.baseURI).href;
    } catch {
      return; // The element reports the bad URL itself.
    }
    const controller = new AbortController();
    const response = fetch(url, { signal: controller.signal, headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-cache' });
    // Unclaimed (the page set `data` instead): no unhandled rejection.
    response.catch(() => undefined);
    fetches.set(element, { url, response, abort: () => controller.abort() });
  };
  const take = (element: Element, url: string): StartedFetch | undefined => {
    const found = fetches.get(element);
    if (!found) return undefined;
    fetches.delete(element);
    if (found.url === url) return found;
    found.abort();
    return undefined;
  };
  const selector = Object.keys(WIDGETS).join(',');
  const scan = (root: ParentNode) => {
    for (const element of root.querySelectorAll(selector)) prefetch(element);
    for (const tag of Object.keys(WIDGETS)) {
      if (!started.has(tag) && root.querySelector(tag)) void load(tag);
    }
  };
  global[KEY] = { version: VERSION, load, take };
  registry();
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) {
          prefetch(node);
          void load(node.localName);
        }
        if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
