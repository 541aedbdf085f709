import { VERSION } from './version.js';

interface Registry {
  /** The version of loket that defined each element name. */
  readonly versions: Record<string, string>;
}

const KEY = Symbol.for('loket.registry');

/** Page-wide registry shared by every copy of loket on the page. */
export function registry(): Registry {
  const global = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (global[KEY] ??= { versions: {} });
}

/**
 * Defines a custom element unless it exists already. A second copy of the same
 * version is a silent no-op; another version keeps the first definition and
 * warns once, naming both versions, instead of throwing into the host page.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const versions = registry().versions;
  if (customElements.get(tag)) {
    const existing = versions[tag];
    if (existing !== undefined && existing !== VERSION) {
      console.warn(`[loket] <${tag}> is already defined by loket ${existing}; this copy (${VERSION}) is not used. Load loket.js once per page.`);
    }
    return;
  }
  customElements.define(tag, constructor);
  versions[tag] = VERSION;
}
