// The permit form's own events, apart from src/events.ts so that the other
// widgets do not download them.

/** The answers a permit form hands over: the documented submission shape. */
export interface LoketSubmitDetail {
  /** The form's `id` and the author's `revision`, as in the document. */
  readonly form: { readonly id: string; readonly revision?: string };
  /**
   * The final answers: visible fields only, normalized (NIK digits, phone
   * E.164, dates `YYYY-MM-DD`, numbers as numbers), files as `File` objects.
   */
  readonly answers: Readonly<Record<string, unknown>>;
  /** The language the citizen used. */
  readonly locale: 'id' | 'en';
}

/**
 * Fired when the citizen confirms on the review page. Cancel it
 * (`preventDefault()`) to deliver the answers yourself; otherwise the form
 * sends them to its configured backend.
 */
export class LoketSubmitEvent extends Event {
  static readonly eventName = 'loket-submit';
  constructor(readonly detail: LoketSubmitDetail) {
    super(LoketSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Where the citizen is in a form: a step, or the review page. */
export interface LoketStepDetail {
  /** The step's index in the document's `steps`, or -1 on the review page. */
  readonly index: number;
  /** The step's `id` from the document, when it has one. */
  readonly id?: string;
  /** 1-based position among the steps shown for the current answers. */
  readonly position: number;
  readonly total: number;
  readonly review: boolean;
}

/** Fired when the citizen moves to another step or to the review page. */
export class LoketStepEvent extends Event {
  static readonly eventName = 'loket-step';
  constructor(readonly detail: LoketStepDetail) {
    super(LoketStepEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'loket-submit': LoketSubmitEvent;
    'loket-step': LoketStepEvent;
  }
}
