import { css } from 'lit';

/**
 * The styles of errors and warnings (the red bar, the messages, the error
 * summary): no first screen shows one, since only the checks find them, so
 * they come with the checks (checks.ts) and are added when those arrive.
 * `.input.invalid` stays with the form's styles: it must come before the
 * focus rule there, so that a focused wrong answer shows the focus ring.
 */
export const checkStyles = css`
  /* The red bar beside a question with an error hangs in the margin (a
     negative margin as wide as the bar and its gap): the question's text
     stays where it was and keeps its width, so it is not re-flowed, for the
     citizen's eye or for the browser, which after an empty Continue on a
     long step otherwise lays out every question again. 15 px fits the
     16 px side padding of a phone page. */
  .field-invalid {
    border-inline-start: 5px solid var(--_danger);
    padding-inline-start: 0.625rem;
    margin-inline-start: calc(-5px - 0.625rem);
  }
  .error-message {
    color: var(--_danger);
    font-weight: 700;
    margin: 0 0 0.375rem;
  }
  .warning-message {
    color: var(--_warning);
    font-weight: 700;
    margin: 0.25rem 0 0.375rem;
  }
  .warning-message::before {
    content: '⚠ ';
    content: '⚠ ' / '';
  }
  .error-summary {
    border: 5px solid var(--_danger);
    padding: 1rem;
    margin: 0 0 1.5rem;
    scroll-margin-block-start: var(--loket-scroll-margin, 5rem);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary-title {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .error-summary-list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary-list li {
    padding-block: 0.25rem;
  }
  .error-summary-list a {
    color: var(--_danger);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .field-invalid,
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
