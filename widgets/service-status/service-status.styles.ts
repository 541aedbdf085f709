import { css } from 'lit';

/**
 * The compact view, the details' frame and what it says until the details'
 * code has arrived; the details' own styles come with that code, after first
 * paint (status-details.styles.ts).
 * Compact by default: one or two lines above a site's content on a 360 px phone.
 * Colours never carry meaning alone: every state is also written out.
 * No alarm red for ordinary notices (ACCESSIBILITY.md); a disruption is a deep
 * brown-orange with a written level.
 */
export const serviceStatusStyles = css`
  :host {
    --_bg: var(--loket-status-background, #f4f8fc);
    --_border: var(--loket-status-border-color, #0b57a4);
    --_open: var(--loket-color-open, #1a7f37);
    --_closed: var(--loket-color-closed, #57606a);
    --_limited: var(--loket-color-limited, #8a5300);
    margin-block-end: var(--loket-status-gap, 1rem);
  }
  .banner {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_border);
    border-radius: var(--loket-radius, 6px);
    padding: 0.625rem 0.875rem;
    scroll-margin-block-start: var(--loket-scroll-margin, 5rem);
  }
  .banner.level-warning {
    --_bg: var(--loket-status-warning-background, #fff6e5);
    --_border: var(--loket-status-warning-border-color, #8a5300);
  }
  .banner.level-disruption {
    --_bg: var(--loket-status-disruption-background, #fdeee6);
    --_border: var(--loket-status-disruption-border-color, #9b3a12);
  }
  p,
  ul,
  dl,
  table {
    margin: 0;
  }
  .headline {
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  .badge {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.02em;
    padding: 0 0.375rem;
    margin-inline-end: 0.375rem;
    border: 1px solid currentColor;
    border-radius: 3px;
    color: var(--_border);
    background: var(--loket-color-surface, #fff);
  }
  .office-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.5rem;
    align-items: baseline;
  }
  .office {
    font-weight: 700;
  }
  .state::before {
    content: '';
    display: inline-block;
    inline-size: 0.625em;
    block-size: 0.625em;
    margin-inline-end: 0.375em;
    border-radius: 50%;
    background: currentColor;
    vertical-align: 0.05em;
  }
  .state.closed::before {
    background: transparent;
    border: 2px solid currentColor;
  }
  .state.limited::before {
    border-radius: 1px;
    transform: rotate(45deg);
  }
  .state.open {
    color: var(--_open);
  }
  .state.closed {
    color: var(--_closed);
  }
  .state.limited {
    color: var(--_limited);
  }
  .state strong {
    font-weight: 700;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    list-style: none;
    padding: 0;
    margin-block: 0.25rem;
  }
  .chip {
    max-inline-size: 100%;
  }
  .chip .state {
    white-space: nowrap;
  }
  .chip-name {
    color: var(--loket-color-text, #1f2328);
  }
  .toggle {
    font: inherit;
    color: var(--loket-color-link, #0b57a4);
    background: transparent;
    border: 0;
    padding: 0.5rem 0;
    min-block-size: 44px;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .toggle::after {
    content: '▾';
    content: '▾' / '';
    display: inline-block;
    margin-inline-start: 0.375em;
  }
  .toggle[aria-expanded='true']::after {
    transform: rotate(180deg);
  }
  .details {
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    padding-block-start: 0.5rem;
    display: grid;
    gap: 1rem;
  }
  .details[hidden] {
    display: none;
  }
  .updated {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
    margin-block-start: 0.25rem;
  }
  /* Until the details' code and styles have arrived (status-details.ts). */
  .retry {
    justify-self: start;
    font: inherit;
    color: var(--loket-color-link, #0b57a4);
    background: var(--loket-color-surface, #fff);
    border: 1px solid currentColor;
    border-radius: var(--loket-radius, 6px);
    padding: 0.5rem 1rem;
    min-block-size: 44px;
    cursor: pointer;
  }
  .stale {
    color: var(--loket-color-text, #1f2328);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
    .state::before {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
  @media print {
    .toggle,
    .retry {
      display: none;
    }
    .details[hidden] {
      display: grid;
    }
  }
`;
