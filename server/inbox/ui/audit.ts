import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AuditList } from '../api-types.js';
import { AUDIT_LABELS } from './messages.js';
import { InboxScreen } from './shared.js';

/** Admins only: who saw or changed which application, newest first (UU PDP asks the office to be able to say). */
export class InboxAudit extends InboxScreen {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private list?: AuditList;
  @state() private error = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.load();
  }

  override firstUpdated(): void {
    this.focusHeading();
  }

  private async load(): Promise<void> {
    const result = await this.api.get<AuditList>('audit', { page: this.query.get('page') ?? undefined });
    if (result.ok) {
      this.list = result.value;
      this.error = '';
    } else {
      this.error = result.message;
    }
  }

  protected override render() {
    const list = this.list;
    const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
    return html`<h1 tabindex="-1">Log audit</h1>
      <p class="lead">Setiap kali petugas membuka atau mengubah data pribadi pemohon, tercatat di sini.</p>
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      ${list
        ? html`<table class="audit">
              <caption class="visually-hidden">Log audit, terbaru dahulu</caption>
              <thead><tr><th scope="col">Waktu</th><th scope="col">Petugas</th><th scope="col">Tindakan</th><th scope="col">Permohonan</th><th scope="col">Keterangan</th></tr></thead>
              <tbody>
                ${list.entries.map(
                  (e) => html`<tr>
                    <td data-label="Waktu">${this.when(e.at)}</td>
                    <td data-label="Petugas">${e.user}</td>
                    <td data-label="Tindakan">${AUDIT_LABELS[e.action] ?? e.action}</td>
                    <td data-label="Permohonan">${e.trackingNumber ?? '—'}</td>
                    <td data-label="Keterangan">${e.detail ?? ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            ${pages > 1
              ? html`<nav class="paging" aria-label="Halaman">
                  ${list.page > 1 ? html`<a href="#/audit?page=${list.page - 1}" rel="prev">‹ Sebelumnya</a>` : nothing}
                  <span>Halaman ${list.page} dari ${pages}</span>
                  ${list.page < pages ? html`<a href="#/audit?page=${list.page + 1}" rel="next">Berikutnya ›</a>` : nothing}
                </nav>`
              : nothing}`
        : html`<p role="status">Memuat…</p>`}`;
  }
}
customElements.define('loket-inbox-audit', InboxAudit);
