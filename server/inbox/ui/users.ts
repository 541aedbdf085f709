import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { FormSummary, UserInput, UserSummary } from '../api-types.js';
import { ROLE_LABELS } from './messages.js';
import { InboxScreen } from './shared.js';

/** Admins only: the accounts, a form to create one, changing one (role, forms, a new password), switching accounts off and on. */
export class InboxUsers extends InboxScreen {
  @state() private users: readonly UserSummary[] = [];
  @state() private forms: readonly FormSummary[] = [];
  @state() private error = '';
  @state() private formError = '';
  @state() private saved = '';
  /** The account being changed, if any. */
  @state() private editing?: UserSummary;
  @state() private editError = '';

  override async firstUpdated(): Promise<void> {
    await this.load();
    const forms = await this.api.get<{ forms: FormSummary[] }>('forms');
    if (forms.ok) this.forms = forms.value.forms;
    await this.updateComplete;
    this.focusHeading();
  }

  private async load(): Promise<void> {
    const result = await this.api.get<{ users: UserSummary[] }>('users');
    if (result.ok) {
      this.users = result.value.users;
      this.error = '';
    } else {
      this.error = result.message;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const forms = data.getAll('forms').map(String);
    const input: UserInput = {
      name: String(data.get('name') ?? '').trim().toLowerCase(),
      displayName: String(data.get('displayName') ?? '').trim(),
      password: String(data.get('password') ?? ''),
      role: data.get('role') === 'admin' ? 'admin' : 'staff',
      forms: forms.length ? forms : null,
    };
    this.saved = '';
    const result = await this.api.post<{ user: UserSummary }>('users', input);
    if (!result.ok) {
      this.formError = result.message;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#user-form-error')?.focus();
      return;
    }
    this.formError = '';
    form.reset();
    this.saved = `Akun ${result.value.user.name} dibuat. Sampaikan kata sandinya secara langsung, bukan lewat grup obrolan.`;
    await this.load();
  }

  private async toggle(user: UserSummary): Promise<void> {
    const result = await this.api.post<{ user: UserSummary }>(`users/${user.id}`, { disabled: !user.disabled });
    this.saved = result.ok ? `Akun ${user.name} ${user.disabled ? 'diaktifkan kembali' : 'dinonaktifkan'}.` : '';
    this.error = result.ok ? '' : result.message;
    await this.load();
  }

  private async startEdit(user: UserSummary): Promise<void> {
    this.editing = user;
    this.editError = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('#edit-heading')?.focus();
  }

  private async stopEdit(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#edit-${id}`)?.focus();
  }

  private async saveEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const user = this.editing;
    if (!user) return;
    const data = new FormData(event.target as HTMLFormElement);
    const forms = data.getAll('forms').map(String);
    const password = String(data.get('password') ?? '');
    const change: UserInput = {
      displayName: String(data.get('displayName') ?? '').trim(),
      role: data.get('role') === 'admin' ? 'admin' : 'staff',
      forms: forms.length ? forms : null,
      ...(password ? { password } : {}),
    };
    const result = await this.api.post<{ user: UserSummary }>(`users/${user.id}`, change);
    if (!result.ok) {
      this.editError = result.message;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#edit-error')?.focus();
      return;
    }
    this.saved = `Akun ${user.name} diubah.${password ? ' Kata sandi baru berlaku; sesi lamanya berakhir.' : ''}`;
    await this.load();
    await this.stopEdit();
  }

  private renderEdit(user: UserSummary) {
    const own = user.id === this.session.user.id;
    return html`<section aria-labelledby="edit-heading" class="edit-user">
      <h2 id="edit-heading" tabindex="-1">Ubah akun ${user.name}</h2>
      <div aria-live="assertive">${this.editError ? html`<p class="error-box" id="edit-error" tabindex="-1">${this.editError}</p>` : nothing}</div>
      <form @submit=${this.saveEdit} novalidate>
        <div class="field">
          <label for="edit-display">Nama lengkap</label>
          <input id="edit-display" name="displayName" .value=${user.displayName} autocomplete="off" />
        </div>
        <fieldset class="field">
          <legend>Peran</legend>
          <label class="choice"><input type="radio" name="role" value="staff" ?checked=${user.role === 'staff'} ?disabled=${own} /> Petugas</label>
          <label class="choice"><input type="radio" name="role" value="admin" ?checked=${user.role === 'admin'} /> Admin</label>
          ${own ? html`<p class="hint">Anda tidak dapat menurunkan peran akun Anda sendiri.</p>` : nothing}
        </fieldset>
        <fieldset class="field">
          <legend>Formulir yang boleh dibuka petugas</legend>
          <p class="hint">Tidak dicentang sama sekali: semua formulir. Admin selalu melihat semua formulir.</p>
          ${this.forms.map((f) => html`<label class="choice"><input type="checkbox" name="forms" value=${f.id} ?checked=${user.forms?.includes(f.id) ?? false} /> ${f.title}</label>`)}
        </fieldset>
        <div class="field">
          <label for="edit-password">Kata sandi baru (kosongkan bila tidak diganti)</label>
          <p class="hint" id="edit-password-hint">Minimal 10 karakter. Sesi akun ini yang sedang berjalan akan berakhir.</p>
          <input id="edit-password" name="password" type="password" autocomplete="new-password" aria-describedby="edit-password-hint" />
        </div>
        <div class="actions">
          <button type="submit" class="primary">Simpan perubahan</button>
          <button type="button" class="secondary" @click=${this.stopEdit}>Batal</button>
        </div>
      </form>
    </section>`;
  }

  private formNames(ids: readonly string[] | null): string {
    if (ids === null) return 'Semua formulir';
    return ids.map((id) => this.forms.find((f) => f.id === id)?.title ?? id).join(', ') || 'Tidak ada';
  }

  protected override render() {
    return html`<h1 tabindex="-1">Akun petugas</h1>
      <div role="status">${this.saved ? html`<p class="success-box">${this.saved}</p>` : nothing}</div>
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      <table class="users">
        <caption class="visually-hidden">Daftar akun</caption>
        <thead><tr><th scope="col">Nama akun</th><th scope="col">Nama</th><th scope="col">Peran</th><th scope="col">Formulir</th><th scope="col">Keadaan</th><th scope="col"><span class="visually-hidden">Tindakan</span></th></tr></thead>
        <tbody>
          ${this.users.map(
            (u) => html`<tr>
              <th scope="row" data-label="Nama akun">${u.name}</th>
              <td data-label="Nama">${u.displayName}</td>
              <td data-label="Peran">${ROLE_LABELS[u.role] ?? u.role}</td>
              <td data-label="Formulir">${u.role === 'admin' ? 'Semua formulir' : this.formNames(u.forms)}</td>
              <td data-label="Keadaan">${u.disabled ? 'Nonaktif' : 'Aktif'}</td>
              <td class="row-actions">
                <button type="button" class="secondary" id="edit-${u.id}" @click=${() => this.startEdit(u)}>Ubah<span class="visually-hidden"> ${u.name}</span></button>
                ${u.id === this.session.user.id
                  ? html`<span class="muted">Akun Anda</span>`
                  : html`<button type="button" class="secondary" @click=${() => this.toggle(u)}>${u.disabled ? 'Aktifkan' : 'Nonaktifkan'}<span class="visually-hidden"> ${u.name}</span></button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.editing ? this.renderEdit(this.editing) : nothing}
      <section aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Buat akun baru</h2>
        <div aria-live="assertive">${this.formError ? html`<p class="error-box" id="user-form-error" tabindex="-1">${this.formError}</p>` : nothing}</div>
        <form @submit=${this.create} novalidate class="new-user">
          <div class="field">
            <label for="user-name">Nama akun</label>
            <p class="hint" id="user-name-hint">Untuk masuk: huruf kecil, angka, titik atau tanda hubung, misalnya budi.santoso</p>
            <input id="user-name" name="name" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="user-name-hint" />
          </div>
          <div class="field">
            <label for="user-display">Nama lengkap</label>
            <input id="user-display" name="displayName" autocomplete="off" />
          </div>
          <div class="field">
            <label for="user-password">Kata sandi awal</label>
            <p class="hint" id="user-password-hint">Minimal 10 karakter. Kalimat pendek lebih mudah diingat dan lebih kuat.</p>
            <input id="user-password" name="password" type="password" autocomplete="new-password" aria-describedby="user-password-hint" />
          </div>
          <fieldset class="field">
            <legend>Peran</legend>
            <label class="choice"><input type="radio" name="role" value="staff" checked /> Petugas — memeriksa dan mengubah status permohonan</label>
            <label class="choice"><input type="radio" name="role" value="admin" /> Admin — juga membuat akun dan membaca log audit</label>
          </fieldset>
          <fieldset class="field">
            <legend>Formulir yang boleh dibuka petugas</legend>
            <p class="hint">Tidak dicentang sama sekali: semua formulir. Admin selalu melihat semua formulir.</p>
            ${this.forms.map((f) => html`<label class="choice"><input type="checkbox" name="forms" value=${f.id} /> ${f.title}</label>`)}
          </fieldset>
          <button type="submit" class="primary">Buat akun</button>
        </form>
      </section>`;
  }
}
customElements.define('loket-inbox-users', InboxUsers);
