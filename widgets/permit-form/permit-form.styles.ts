import { css } from 'lit';

/**
 * GOV.UK-like form styles, phone first: 44 px targets, inputs sized to their
 * answer (a NIK box fits 16 digits), errors marked by a bar and text, never by
 * colour alone, nothing wider than a 320 px screen.
 */
export const permitFormStyles = css`
  :host {
    --_danger: var(--loket-color-danger, #b3261e);
    --_warning: var(--loket-color-warning, #8a5300);
    --_border: var(--loket-color-border, #57606a);
    --_primary: var(--loket-color-primary, #0b6b3a);
    --_focus: var(--loket-color-focus, #b35c00);
    max-inline-size: 40rem;
  }
  /* A child combinator, never a sibling one with a universal selector: with
     \`* + *\` here Chromium re-computed the style of every node of the form
     whenever a node was inserted anywhere in it (an error message, the
     summary), 7,700 elements for one message in a 1000-question form. */
  .permit-form > * {
    margin-block-start: 0;
  }
  p {
    margin: 0 0 1rem;
  }
  form {
    margin: 0;
  }
  .caption,
  .progress {
    color: var(--loket-color-muted, #4b5563);
    margin: 0 0 0.25rem;
  }
  .step-heading {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 700;
    margin: 0 0 1rem;
    scroll-margin-block-start: var(--loket-scroll-margin, 5rem);
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .lead {
    font-size: 1.125em;
  }
  .service-level {
    padding-inline-start: 1.25rem;
    margin: 0 0 1rem;
  }
  .field {
    margin: 0 0 1.5rem;
    scroll-margin-block-start: var(--loket-scroll-margin, 5rem);
  }
  /* A control the browser scrolls to on focus uses its own margin: keep it clear
     of a sticky site header (WCAG 2.4.11), and its label above it in view. */
  input,
  select,
  textarea,
  button,
  a,
  [tabindex] {
    scroll-margin-block: var(--loket-scroll-margin, 5rem) 1rem;
  }
  .label {
    display: block;
    font-weight: 700;
    margin: 0 0 0.25rem;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    color: var(--loket-color-muted, #4b5563);
    margin: 0 0 0.375rem;
  }
  .input {
    font: inherit;
    color: var(--loket-color-text, #1f2328);
    background: var(--loket-color-surface, #fff);
    border: 2px solid var(--_border);
    border-radius: 0;
    min-block-size: 44px;
    padding: 0.375rem 0.5rem;
    inline-size: 100%;
    max-inline-size: 100%;
    appearance: none;
  }
  /* A wrong answer's box is 3 px of red, drawn as a 2 px border and a 1 px
     inset shadow: the box keeps its size, so showing hundreds of messages
     after an empty Continue repaints the inputs instead of laying them out
     again. Before the focus rule: a focused box shows the focus ring. */
  .input.invalid,
  .file-input.invalid + .file-button {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .input:focus,
  .choice-input:focus,
  .file-input:focus + .file-button {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px currentColor;
  }
  .w-3 {
    inline-size: 3.5em;
  }
  .w-5 {
    inline-size: 5em;
  }
  .w-6 {
    inline-size: 6.5em;
  }
  .w-10 {
    inline-size: 10em;
  }
  .w-16 {
    inline-size: 16em;
  }
  .w-20 {
    inline-size: 20em;
  }
  .with-suffix {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-inline-size: 100%;
  }
  .textarea {
    min-block-size: 7rem;
    resize: vertical;
  }
  .select {
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position: calc(100% - 1.1rem) 50%, calc(100% - 0.75rem) 50%;
    background-size: 0.35rem 0.35rem;
    background-repeat: no-repeat;
    padding-inline-end: 2rem;
  }
  .fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .legend {
    padding: 0;
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .date-label {
    display: block;
  }
  .choice {
    position: relative;
    display: grid;
    grid-template-columns: 44px 1fr;
    align-items: start;
    column-gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .choice-input {
    inline-size: 28px;
    block-size: 28px;
    margin: 8px;
    accent-color: var(--_primary);
  }
  .choice-label {
    padding-block: 0.5rem;
    cursor: pointer;
  }
  .option-hint,
  .choice.single .hint {
    grid-column: 2;
  }
  .item-heading,
  .content-heading {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .notice {
    border-inline-start: 5px solid var(--loket-color-link, #0b57a4);
    background: var(--loket-color-notice, #eef4fb);
    padding: 0.75rem 1rem;
    margin: 0 0 1.5rem;
  }
  .paragraph {
    margin: 0 0 1rem;
  }
  .muted {
    color: var(--loket-color-muted, #4b5563);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin-block: 1.5rem;
  }
  .button {
    font: inherit;
    font-weight: 700;
    min-block-size: 44px;
    padding: 0.5rem 1.25rem;
    border-radius: var(--loket-radius, 6px);
    cursor: pointer;
    border: 2px solid transparent;
  }
  .button.primary {
    background: var(--_primary);
    color: var(--loket-color-primary-text, #fff);
    box-shadow: 0 2px 0 #003418;
  }
  .button.secondary {
    background: var(--loket-color-secondary, #f3f4f6);
    color: var(--loket-color-text, #1f2328);
    border-color: var(--_border);
  }
  .button:focus-visible,
  .link-button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .link-button {
    font: inherit;
    color: var(--loket-color-link, #0b57a4);
    background: none;
    border: 0;
    padding: 0.5rem 0.25rem;
    min-block-size: 44px;
    min-inline-size: 44px;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .back {
    padding-inline-start: 0;
    margin-block-end: 0.5rem;
  }
  .back::before {
    /* Decoration only: the alternative text after the slash keeps it out of the button's name. */
    content: '‹ ';
    content: '‹ ' / '';
  }
  .plain-list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .status-message {
    font-weight: 700;
    padding: 0.75rem 1rem;
    border-inline-start: 5px solid var(--_primary);
    background: var(--loket-color-notice, #eef4fb);
  }
  .status-message.problem {
    border-inline-start-color: var(--_danger);
  }
  /* Here, not with the sending code: it also says that code could not be fetched. */
  .submit-status {
    margin-block: 1rem;
  }
  .submit-status.status-message {
    font-weight: 400;
  }
  .submit-status p {
    margin-block: 0.5rem;
  }
  .help {
    border-block-start: 2px solid #d0d7de;
    padding-block-start: 1rem;
    margin-block-start: 2rem;
  }
  .help-title {
    font-size: 1.125em;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .help-office {
    margin: 0 0 0.25rem;
  }
  .help-list {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
  }
  .help-list a {
    display: inline-block;
    padding-block: 0.375rem;
  }
  @media (forced-colors: active) {
    .notice {
      border-color: CanvasText;
    }
  }
  @media print {
    .actions,
    .back,
    .review-action,
    .help-list a {
      display: none;
    }
  }
`;
