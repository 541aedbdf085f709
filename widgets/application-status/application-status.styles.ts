import { css } from 'lit';

/** The lookup form and the status panel. Tokens: global `--loket-*` → `--loket-tracking-*` → literal. */
export const applicationStatusStyles = css`
  .root > * + * {
    margin-block-start: var(--loket-tracking-gap, 1rem);
  }
  .title,
  .status-heading {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .block-title,
  .error-summary-title {
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .muted,
  .hint {
    color: var(--loket-color-muted, #4b5563);
  }
  .field {
    margin: 0 0 1rem;
  }
  .field.has-error {
    border-inline-start: 4px solid var(--loket-color-danger, #b3261e);
    padding-inline-start: 0.75rem;
  }
  label {
    display: block;
    font-weight: 700;
  }
  input {
    display: block;
    width: 100%;
    max-width: 24em;
    min-height: 2.75rem;
    margin-block-start: 0.25rem;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--loket-color-surface, #fff);
    border: 2px solid var(--loket-color-border, #6b7280);
    border-radius: var(--loket-radius, 6px);
  }
  input[aria-invalid='true'] {
    border-color: var(--loket-color-danger, #b3261e);
  }
  input:focus-visible {
    outline: 3px solid var(--loket-color-focus, #b35c00);
    outline-offset: 1px;
  }
  .error-message {
    color: var(--loket-color-danger, #b3261e);
    font-weight: 700;
    margin: 0.25rem 0 0;
  }
  .error-summary,
  .lookup-error {
    border: 3px solid var(--loket-color-danger, #b3261e);
    border-radius: var(--loket-radius, 6px);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .lookup-error {
    margin: 1rem 0 0;
  }
  .error-summary:focus,
  .lookup-error:focus,
  .status-heading:focus {
    outline: 3px solid var(--loket-color-focus, #b35c00);
    outline-offset: 2px;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--loket-color-danger, #b3261e);
    font-weight: 700;
  }
  .button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    color: var(--loket-color-surface, #fff);
    background: var(--loket-color-link, #0b57a4);
    border: 2px solid var(--loket-color-link, #0b57a4);
    border-radius: var(--loket-radius, 6px);
    cursor: pointer;
  }
  .button.secondary {
    color: var(--loket-color-link, #0b57a4);
    background: var(--loket-color-surface, #fff);
  }
  .loading {
    margin: 0.75rem 0 0;
  }
  .status {
    --state-color: var(--loket-tracking-border-color, var(--loket-color-link, #0b57a4));
    background: var(--loket-tracking-background, #f4f8fc);
    border: 2px solid var(--state-color);
    border-inline-start-width: 6px;
    border-radius: var(--loket-radius, 6px);
    padding: 0.75rem 1rem;
  }
  .state-needs-fix {
    --state-color: var(--loket-color-limited, #8a5300);
  }
  .state-approved,
  .state-ready {
    --state-color: var(--loket-color-open, #1a7f37);
  }
  .state-rejected {
    --state-color: var(--loket-color-danger, #b3261e);
  }
  .state {
    color: var(--state-color);
  }
  .facts {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 0.75rem;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5rem;
  }
  .facts dt {
    font-weight: 700;
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  .block {
    margin-block-start: 0.75rem;
  }
  /* Staff write messages with line breaks (WhatsApp habits); keep them. */
  .office-text {
    white-space: pre-line;
  }
  .message {
    background: var(--loket-color-surface, #fff);
    border-radius: var(--loket-radius, 6px);
    padding: 0.5rem 0.75rem;
  }
  .fix-link {
    font-weight: 700;
  }
  ul,
  ol {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .timeline .entry {
    margin-block-end: 0.5rem;
  }
  .entry-state {
    font-weight: 700;
  }
  .entry-date {
    display: block;
  }
  .entry-message {
    margin: 0.25rem 0 0;
  }
  @media (forced-colors: active) {
    .status,
    .error-summary,
    .lookup-error {
      border-color: CanvasText;
    }
  }
`;
