import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { formatInstant } from '../../../src/time.js';
import type { SessionAnswer } from '../api-types.js';
import type { Api } from './api.js';

// What every screen of the inbox has: the API, the session, and light DOM
// (the inbox is its own page, so one stylesheet and one tree for labels,
// `aria-describedby` and the tests).

export abstract class InboxScreen extends LitElement {
  @property({ attribute: false }) api!: Api;
  @property({ attribute: false }) session!: SessionAnswer;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the screen's heading, so a screen reader announces the new screen. */
  protected focusHeading(): void {
    const h1 = this.querySelector<HTMLElement>('h1');
    h1?.focus();
  }

  /** `17 Agustus 2020, pukul 08.00 WIB` in the office's time zone. */
  protected when(iso: string): string {
    const instant = Date.parse(iso);
    return Number.isNaN(instant) ? iso : formatInstant(instant, this.session.timeZone, 'id');
  }
}

/** The hash route: `#/`, `#/permohonan/12`, `#/akun`, `#/audit`, with a query after `?`. */
export interface Route {
  readonly screen: 'list' | 'application' | 'users' | 'audit';
  readonly id?: number;
  readonly query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const application = /^\/permohonan\/(\d{1,15})$/.exec(path);
  if (application) return { screen: 'application', id: Number(application[1]), query };
  if (path === '/akun') return { screen: 'users', query };
  if (path === '/audit') return { screen: 'audit', query };
  return { screen: 'list', query };
}

/** The hash of the list with some filters. */
export function listHash(query: URLSearchParams): string {
  const search = query.toString();
  return `#/${search ? `?${search}` : ''}`;
}
