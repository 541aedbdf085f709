import { css } from 'lit';

/**
 * What every loket element sets for itself so a host page's global CSS cannot
 * leak in through inheritance: font, colour, line-height, box sizing. Tokens
 * follow global `--loket-*` → literal fallback. The error panel's own styles
 * come with its code (error-panel.ts), fetched only when a document fails.
 */
export const hostStyles = css`
  /* Inner-context !important wins over the page's !important (CSS Scoping), so a
     host stylesheet's "* { display: inline !important }" cannot collapse us. */
  :host {
    display: block !important;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Inherited properties are set inside the shadow root, on .root: a page rule
     such as "* { color: red !important; font: 11px/1 Comic Sans }" matches the
     host element but never the nodes inside. max(1rem, 16px) keeps text legible
     on sites that shrink the root font (html { font-size: 62.5% }). */
  .root {
    font-family: var(--loket-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    font-size: var(--loket-font-size, max(1rem, 16px));
    line-height: var(--loket-line-height, 1.5);
    color: var(--loket-color-text, #1f2328);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    font-weight: 400;
    font-style: normal;
    white-space: normal;
    visibility: visible;
    -webkit-text-size-adjust: 100%;
    overflow-wrap: anywhere;
  }
  /* border-box, not inherit: an inherited value makes the browser restyle every
     child of an element whose class changes (an error shown on a question). */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  a {
    color: var(--loket-color-link, #0b57a4);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--loket-color-focus, #b35c00);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    a:focus-visible,
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
