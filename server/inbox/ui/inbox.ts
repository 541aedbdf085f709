import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SessionAnswer } from '../api-types.js';
import { API_BASE, Api } from './api.js';
import { type InboxLoginEvent } from './login.js';
import { parseRoute, type Route } from './shared.js';
import './login.js';
import './list.js';
import './application.js';
import './users.js';
import './audit.js';

// The staff inbox page (/petugas/): checks the session, then shows the screen
// the address names. Hash routes keep every screen linkable and the back
// button working without any server-side routing.

const TITLES: Record<Route['screen'], string> = {
  list: 'Permohonan masuk',
  application: 'Permohonan',
  users: 'Akun petugas',
  audit: 'Log audit',
};

/**
 * @summary The office's inbox: login, the list of applications, one application, accounts and the audit log.
 */
export class LoketInbox extends LitElement {
  /** Where the inbox's API is; relative to the page (`/petugas/`) by default. */
  @property() api = API_BASE;
  @state() private session?: SessionAnswer;
  @state() private checking = true;
  @state() private route: Route = parseRoute(location.hash);
  /** Why the login screen is back (session expired). */
  @state() private notice = '';
  @state() private loadError = '';
  private client = new Api();
  private readonly onHash = () => {
    this.route = parseRoute(location.hash);
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.client = new Api(this.api);
    this.client.onUnauthorized = (message) => {
      this.session = undefined;
      this.notice = message;
    };
    void this.check();
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private async check(): Promise<void> {
    const result = await this.client.get<SessionAnswer>('session');
    this.checking = false;
    if (result.ok) this.signIn(result.value);
    else if (result.status !== 401) this.loadError = result.message;
  }

  private signIn(session: SessionAnswer): void {
    this.client.csrf = session.csrf;
    this.session = session;
    this.notice = '';
    this.loadError = '';
  }

  private async logout(): Promise<void> {
    await this.client.post('logout', {});
    this.session = undefined;
    this.notice = 'Anda sudah keluar.';
  }

  override updated(): void {
    const screen = this.session ? TITLES[this.route.screen] : 'Masuk';
    document.title = `${screen} · Kotak masuk petugas`;
  }

  protected override render() {
    if (this.checking) return html`<main class="loading" id="main"><p role="status">Memuat…</p></main>`;
    if (this.loadError) {
      return html`<main id="main"><h1>Kotak masuk petugas</h1><p class="error-box" role="alert">${this.loadError}</p>
        <button type="button" class="primary" @click=${() => { this.loadError = ''; this.checking = true; void this.check(); }}>Coba lagi</button></main>`;
    }
    const session = this.session;
    if (!session) return html`<loket-inbox-login .api=${this.client} .notice=${this.notice} @inbox-login=${(e: InboxLoginEvent) => this.signIn(e.session)}></loket-inbox-login>`;
    const admin = session.user.role === 'admin';
    const here = (screen: Route['screen']) => (this.route.screen === screen ? 'page' : undefined);
    return html`<a class="skip-link" href="#main" @click=${(e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Langsung ke isi</a>
      <header class="top">
        <p class="brand">Kotak masuk petugas</p>
        <nav aria-label="Menu utama">
          <ul>
            <li><a href="#/" aria-current=${here('list') ?? (this.route.screen === 'application' ? 'true' : nothing)}>Permohonan</a></li>
            ${admin ? html`<li><a href="#/akun" aria-current=${here('users') ?? nothing}>Akun petugas</a></li>
              <li><a href="#/audit" aria-current=${here('audit') ?? nothing}>Log audit</a></li>` : nothing}
          </ul>
        </nav>
        <p class="who">${session.user.displayName} (${session.user.name})
          <button type="button" class="link-button" @click=${this.logout}>Keluar</button></p>
      </header>
      <main id="main" tabindex="-1">${this.screen(session)}</main>`;
  }

  private screen(session: SessionAnswer) {
    const r = this.route;
    switch (r.screen) {
      case 'application':
        return html`<loket-inbox-application .api=${this.client} .session=${session} .applicationId=${r.id ?? 0}></loket-inbox-application>`;
      case 'users':
        return session.user.role === 'admin' ? html`<loket-inbox-users .api=${this.client} .session=${session}></loket-inbox-users>` : this.forbidden();
      case 'audit':
        return session.user.role === 'admin' ? html`<loket-inbox-audit .api=${this.client} .session=${session} .query=${r.query}></loket-inbox-audit>` : this.forbidden();
      default:
        return html`<loket-inbox-list .api=${this.client} .session=${session} .query=${r.query}></loket-inbox-list>`;
    }
  }

  private forbidden() {
    return html`<h1 tabindex="-1">Tidak diizinkan</h1><p>Halaman ini hanya untuk admin.</p><p><a href="#/">Kembali ke daftar permohonan</a></p>`;
  }
}
customElements.define('loket-inbox', LoketInbox);

declare global {
  interface HTMLElementTagNameMap {
    'loket-inbox': LoketInbox;
  }
}
