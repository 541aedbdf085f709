import type { LoadFailure } from './load.js';
import type { Problem } from './problems.js';

// The events every widget fires. The permit form's own (submit, step) are in
// form-events.ts, so the other widgets do not download them.

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

declare global {
  interface HTMLElementEventMap {
    'loket-ready': LoketReadyEvent;
    'loket-error': LoketErrorEvent;
  }
}
