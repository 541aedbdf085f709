import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * Adds styles that arrived with a part fetched after the first render (the
 * form's sending code and checks, the banner's details) after the element's own.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  // Older engines: Lit's own fallback, a <style> element with the page's CSP nonce (as the error panel does).
  else adoptStyles(root, [styles]);
}
