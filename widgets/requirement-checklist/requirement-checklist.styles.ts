import { css } from 'lit';

/**
 * Phone first: one column at 320 px, every control a tall tap target (44 px
 * rows; the whole label row toggles the checkbox). State is always written
 * ("Siap", "3 dari 7 dokumen siap"), never colour alone. The print stylesheet
 * drops the controls and prints empty tick boxes, the answers as text, the
 * office, the permit and the help channel.
 */
export const requirementChecklistStyles = css`
  :host {
    --_border: var(--loket-checklist-border-color, #c9d3de);
    --_accent: var(--loket-checklist-accent, #0b57a4);
    --_ready: var(--loket-checklist-ready-color, #1a7f37);
    margin-block-end: 1rem;
  }
  .checklist {
    background: var(--loket-color-surface, #fff);
    border: 1px solid var(--_border);
    border-radius: var(--loket-radius, 6px);
    padding: 0.75rem 0.875rem 1rem;
    display: grid;
    gap: 1rem;
  }
  p,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  .muted {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
  }
  .header {
    display: grid;
    gap: 0.25rem;
  }
  .kicker {
    font-size: 0.875em;
    font-weight: 700;
    color: var(--loket-color-muted, #4b5563);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .title {
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .office {
    font-weight: 700;
  }
  .office .muted {
    font-weight: 400;
  }
  .facts {
    display: grid;
    gap: 0.25rem 1.25rem;
    grid-template-columns: repeat(auto-fit, minmax(9rem, max-content));
    margin-block-start: 0.25rem;
  }
  .facts dt {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
  }
  .facts dd {
    font-weight: 700;
  }
  .facts .basis {
    grid-column: 1 / -1;
  }
  .facts .basis dd {
    font-weight: 400;
  }
  .facts .basis li {
    padding-inline-start: 1em;
    text-indent: -1em;
  }
  .facts .basis li::before {
    content: '– ';
    content: '– ' / '';
  }
  .facts ul,
  .specifics,
  .item-links,
  .contact-list {
    list-style: none;
    padding: 0;
  }
  .section-title {
    font-size: 1.125em;
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  .questions {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    background: var(--loket-checklist-questions-background, #f4f8fc);
    border-radius: var(--loket-radius, 6px);
  }
  .questions .section-title {
    margin: 0;
  }
  .variant {
    border: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .legend {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.25rem;
  }
  .hint,
  .option-hint {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
  }
  .option-hint {
    padding-inline-start: 2.25rem;
    margin-block-start: -0.375rem;
    padding-block-end: 0.25rem;
  }
  .options {
    display: grid;
    gap: 0.125rem;
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
  }
  .option .option-hint {
    grid-column: 1 / -1;
  }
  .radio,
  .tick {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.625rem 0.75rem 0 0;
    accent-color: var(--_accent);
    flex: none;
    cursor: pointer;
    scroll-margin-block: var(--loket-scroll-margin, 5rem) 1rem;
  }
  .option-label,
  .item-label {
    display: block;
    min-block-size: 44px;
    padding-block: 0.625rem;
    cursor: pointer;
  }
  .radio:focus-visible,
  .tick:focus-visible,
  .progress:focus-visible {
    outline: 3px solid var(--loket-color-focus, #b35c00);
    outline-offset: 2px;
  }
  .progress:focus {
    outline: none;
  }
  .documents {
    display: grid;
    gap: 0.5rem;
  }
  .progress {
    display: grid;
    gap: 0.25rem;
    scroll-margin-block-start: var(--loket-scroll-margin, 5rem);
  }
  .progress-text {
    font-weight: 700;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--loket-color-surface, #fff);
    overflow: hidden;
    color: var(--_accent);
  }
  progress::-webkit-progress-bar {
    background: var(--loket-color-surface, #fff);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .all-ready {
    font-weight: 700;
    color: var(--_ready);
  }
  .unanswered {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0.625rem;
  }
  .group-title {
    font-weight: 700;
    font-size: 1em;
    padding-block: 0.5rem 0.125rem;
    border-block-end: 2px solid var(--_border);
  }
  .items {
    list-style: none;
    padding: 0;
  }
  .item {
    border-block-end: 1px solid var(--_border);
    padding-block-end: 0.5rem;
  }
  .item-row {
    display: flex;
    align-items: flex-start;
  }
  .item-label {
    flex: 1;
    min-inline-size: 0;
  }
  .item-name {
    font-weight: 700;
  }
  .optional {
    font-weight: 400;
    color: var(--loket-color-muted, #4b5563);
  }
  .ready-mark {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 700;
    color: var(--_ready);
    border: 1px solid currentColor;
    border-radius: 3px;
    padding: 0 0.375rem;
    margin-inline-start: 0.25rem;
  }
  .ready-mark::before {
    content: '✓ ';
    content: '✓ ' / '';
  }
  .item-description,
  .item-links {
    padding-inline-start: 2.25rem;
    display: grid;
    gap: 0.125rem;
  }
  .item-description {
    margin-block-start: -0.375rem;
  }
  .when-needed-label {
    font-weight: 700;
  }
  .specifics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-block-start: 0.125rem;
  }
  .specifics li {
    font-size: 0.875em;
    border: 1px solid var(--_border);
    border-radius: 3px;
    padding: 0 0.375rem;
  }
  .item-links {
    margin-block-start: 0.25rem;
  }
  .item-links a,
  .contact-list a {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.125rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--loket-color-link, #0b57a4);
    border-radius: var(--loket-radius, 6px);
    background: var(--loket-color-surface, #fff);
    color: var(--loket-color-link, #0b57a4);
    cursor: pointer;
    text-decoration: none;
    font-weight: 700;
  }
  .button.primary {
    background: var(--loket-color-link, #0b57a4);
    color: var(--loket-color-primary-text, #fff);
  }
  .button:hover {
    text-decoration: underline;
  }
  .help {
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.75rem;
    display: grid;
    gap: 0.25rem;
  }
  .print-only,
  .print-box {
    display: none;
  }
  @media (min-width: 40em) {
    .checklist {
      padding: 1rem 1.25rem 1.25rem;
    }
  }
  @media (forced-colors: active) {
    .checklist,
    .button,
    progress {
      border-color: CanvasText;
    }
    .button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
  @media print {
    :host {
      color: #000;
    }
    .checklist {
      border: 0;
      padding: 0;
    }
    .questions,
    .actions,
    .progress,
    .unanswered,
    .saved-note,
    .tick,
    .ready-mark,
    .item-links .template {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    .print-box {
      display: inline-block;
      flex: none;
      inline-size: 1.1rem;
      block-size: 1.1rem;
      border: 1.5px solid #000;
      margin: 0.2rem 0.6rem 0 0;
    }
    .item-label {
      min-block-size: 0;
      padding-block: 0;
    }
    .item {
      break-inside: avoid;
      padding-block: 0.25rem;
    }
    .item-description,
    .item-links {
      padding-inline-start: 1.7rem;
      margin: 0;
    }
    .print-answers ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    a {
      color: #000;
    }
  }
`;
