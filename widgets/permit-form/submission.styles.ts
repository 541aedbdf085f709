import { css } from 'lit';

/** Styles of sending, drafts, the outbox and the receipt. */
export const submissionStyles = css`
  .outbox {
    padding: 0.75rem 1rem;
    border-inline-start: 5px solid var(--loket-color-warning, #8a5300);
    background: var(--loket-form-outbox-background, #fff6e5);
  }
  /* One box, not a box in a box: the outbox panel is the status already. */
  .outbox .status-message {
    padding: 0;
    border: 0;
    background: none;
  }
  .outbox.problem {
    border-inline-start-color: var(--loket-color-danger, #b3261e);
  }
  .confirm-delete {
    margin-block: 1rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--loket-color-danger, #b3261e);
    border-radius: var(--loket-radius, 6px);
  }
  .confirm-delete .actions {
    margin-block: 0.75rem 0;
  }
  .button.danger {
    background: var(--loket-color-danger, #b3261e);
    color: #fff;
  }
  .upload-list {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  .upload-list li {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 0.5rem;
  }
  .upload-list progress {
    inline-size: 100%;
    block-size: 1rem;
  }
  .draft-offer {
    padding: 0.75rem 1rem;
    margin-block-end: 1.5rem;
    border: 2px solid var(--loket-color-link, #0b57a4);
    border-radius: var(--loket-radius, 6px);
  }
  .draft-offer-title,
  .receipt-subtitle {
    font-weight: 700;
    font-size: 1.125em;
    margin-block: 0.5rem;
  }
  .draft-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  .draft-note {
    margin-block-start: 1.5rem;
    font-size: 0.9375em;
  }
  .receipt-panel {
    margin-block-end: 1rem;
    padding: 1.25rem;
    text-align: center;
    color: var(--loket-form-receipt-color, #fff);
    background: var(--loket-form-receipt-background, #0b6b3a);
    border-radius: var(--loket-radius, 6px);
  }
  .receipt-title {
    font-size: 1.75em;
    font-weight: 700;
  }
  .receipt-label {
    margin: 0.75rem 0 0;
  }
  .receipt-number {
    font-size: 1.5em;
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .receipt-panel {
      border: 2px solid CanvasText;
    }
  }
  /* The printed receipt: the number, what happens next and the contacts in plain ink. */
  @media print {
    .receipt-panel {
      color: #000;
      background: none;
      border: 2px solid #000;
    }
    .no-print,
    .draft-actions,
    .draft-note {
      display: none;
    }
    .help-list a {
      display: inline;
    }
  }
`;
