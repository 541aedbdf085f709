import type { Answers } from './evaluate.js';

/** What the citizen has done so far, for the host page's scripts. */
export interface LoketChecklistChangeDetail {
  /** Answers to the variant questions: variant id → option value. */
  readonly answers: Answers;
  /** Ids of the ticked items, including ticked items that do not apply to the current answers. */
  readonly ticked: readonly string[];
  /** Required items that apply and are ticked. */
  readonly ready: number;
  /** Required items that apply. */
  readonly total: number;
}

/** Fired when the citizen ticks or unticks an item, answers a question, or clears the ticks. */
export class LoketChecklistChangeEvent extends Event {
  static readonly eventName = 'loket-change';
  constructor(readonly detail: LoketChecklistChangeDetail) {
    super(LoketChecklistChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Where the citizen is about to go to apply. */
export interface LoketApplyDetail {
  /** The id of the loket form (`apply.form`), when the document names one. */
  readonly form?: string;
  /** The hand-off URL with the answers as query parameters, when the document has `apply.url`. */
  readonly url?: string;
  readonly answers: Answers;
}

/**
 * Fired when the citizen activates "Ajukan permohonan". Cancelable: a page that
 * shows the form in place calls `preventDefault()` and opens it itself with the
 * answers, instead of following the link.
 */
export class LoketApplyEvent extends Event {
  static readonly eventName = 'loket-apply';
  constructor(readonly detail: LoketApplyDetail) {
    super(LoketApplyEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'loket-change': LoketChecklistChangeEvent;
    'loket-apply': LoketApplyEvent;
  }
}
