import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SessionAnswer } from '../api-types.js';
import type { Api } from './api.js';

/** Fired with the new session after a successful login. */
export class InboxLoginEvent extends Event {
  constructor(readonly session: SessionAnswer) {
    super('inbox-login', { bubbles: true, composed: true });
  }
}

/** The login screen: account name and password; the server's refusal shown above the form and announced. */
export class InboxLogin extends LitElement {
  @property({ attribute: false }) api!: Api;
  /** Why the page is showing the login again (the session expired), shown above the form. */
  @property() notice = '';
  @state() private error = '';
  @state() private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override firstUpdated(): void {
    this.querySelector<HTMLInputElement>('#login-name')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!name || !password) {
      this.error = 'Isi nama akun dan kata sandi.';
      await this.updateComplete;
      this.querySelector<HTMLInputElement>(name ? '#login-password' : '#login-name')?.focus();
      return;
    }
    this.busy = true;
    const result = await this.api.post<SessionAnswer>('login', { name, password });
    this.busy = false;
    if (result.ok) {
      this.dispatchEvent(new InboxLoginEvent(result.value));
      return;
    }
    this.error = result.message;
    const field = this.querySelector<HTMLInputElement>('#login-password');
    if (field) field.value = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('#login-error')?.focus();
  }

  protected override render() {
    return html`<main class="login" id="main">
      <h1 tabindex="-1">Kotak masuk petugas</h1>
      <p class="lead">Masuk dengan akun petugas dari admin kantor Anda.</p>
      ${this.notice && !this.error ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <div aria-live="assertive">${this.error ? html`<p class="error-box" id="login-error" tabindex="-1">${this.error}</p>` : nothing}</div>
      <form @submit=${this.submit} novalidate>
        <div class="field">
          <label for="login-name">Nama akun</label>
          <input id="login-name" name="name" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        </div>
        <div class="field">
          <label for="login-password">Kata sandi</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? 'Memeriksa…' : 'Masuk'}</button>
      </form>
    </main>`;
  }
}
customElements.define('loket-inbox-login', InboxLogin);
