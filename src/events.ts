import type { LoadFailure } from './load.js';
import type { Problem } from './problems.js';

/** Fired when a widget has parsed its document and rendered it. */
export class LoketReadyEvent extends Event {
  static readonly eventName = 'loket-ready';
  constructor() {
    super(LoketReadyEvent.eventName, { bubbles: true, composed: true });
  }
}

/** What went wrong, for the host page's scripts and the browser console. */
export interface LoketErrorDetail {
  /**
   * `invalid` for a document that fails the format, `submit` for an
   * application that could not be sent; the other kinds come from loading.
   */
  readonly kind: LoadFailure | 'submit';
  /** For `submit`: `network`, `timeout`, `http`, `not-json`, `no-tracking-number`, `missing-endpoint` or `hook`. */
  readonly reason?: string;
  /** The readable message shown in the widget. */
  readonly message: string;
  /** For `invalid`: every problem, each with its path. */
  readonly problems: readonly Problem[];
  readonly url?: string;
  readonly status?: number;
  /** Whether the widget still shows an earlier good document (a failed refresh). */
  readonly stale: boolean;
}

/** Fired when a document cannot be loaded or does not match its format. */
export class LoketErrorEvent extends Event {
  static readonly eventName = 'loket-error';
  constructor(readonly detail: LoketErrorDetail) {
    super(LoketErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

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
    'loket-ready': LoketReadyEvent;
    'loket-error': LoketErrorEvent;
    'loket-submit': LoketSubmitEvent;
    'loket-step': LoketStepEvent;
  }
}
