import { css } from 'lit';

/** Styles of the review page ("Periksa jawaban Anda"), added when its code arrives. */
export const reviewStyles = css`
  .review-step {
    margin-block-end: 1.5rem;
  }
  .review-heading {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .review-list {
    margin: 0;
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    border-block-end: 1px solid #d0d7de;
    padding-block: 0.5rem;
  }
  .review-key {
    font-weight: 700;
    grid-column: 1 / -1;
  }
  .review-value {
    margin: 0;
  }
  .review-action {
    margin: 0;
    text-align: end;
  }
  @media (min-width: 40em) {
    .review-row {
      grid-template-columns: 14em minmax(0, 1fr) auto;
    }
    .review-key {
      grid-column: auto;
    }
  }
`;
