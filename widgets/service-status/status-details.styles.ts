import { css } from 'lit';

/**
 * The details' styles (notices, channels, hours, closures, contacts), fetched
 * with their code after first paint and added after the banner's own
 * (service-status.styles.ts), whose tokens (--_border) they use.
 */
export const statusDetailsStyles = css`
  .section-title {
    font-size: 1.0625em;
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .notice {
    background: var(--loket-color-surface, #fff);
    border-inline-start: 4px solid var(--_notice-border, #0b57a4);
    padding: 0.5rem 0.75rem;
    border-radius: 3px;
  }
  .notice + .notice {
    margin-block-start: 0.5rem;
  }
  .notice.level-warning {
    --_notice-border: #8a5300;
  }
  .notice.level-disruption {
    --_notice-border: #9b3a12;
  }
  .notice-title {
    font-weight: 700;
  }
  .validity,
  .muted {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
  }
  .channel-list,
  .link-list,
  .contact-list,
  .closure-list,
  .note-list {
    list-style: none;
    padding: 0;
  }
  .channel + .channel {
    margin-block-start: 0.625rem;
  }
  .note-list li,
  .link-list li,
  .contact-list li {
    padding-inline-start: 1em;
    text-indent: -1em;
  }
  .note-list li::before,
  .link-list li::before,
  .contact-list li::before {
    content: '– ';
    content: '– ' / '';
  }
  .link-list a,
  .contact-list a {
    display: inline-block;
    /* An inline-block starts its own first line and would inherit the item's
       -1em hanging indent, drawing "OSS" over its "– " bullet. */
    text-indent: 0;
    min-block-size: 24px;
    padding-block: 0.125rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    max-inline-size: 24rem;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.125rem 0.5rem 0.125rem 0;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, transparent);
    font-weight: 400;
  }
  tr.today th,
  tr.today td {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .notice {
      border-color: CanvasText;
    }
  }
`;
