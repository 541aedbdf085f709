import type { Receipt } from './index.js';

/** Fired when the backend confirmed an application; `detail` is the receipt. */
export class LoketSubmittedEvent extends Event {
  static readonly eventName = 'loket-submitted';
  constructor(readonly detail: Receipt) {
    super(LoketSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'loket-submitted': LoketSubmittedEvent;
  }
}
