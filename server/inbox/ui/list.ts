import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { APPLICATION_STATES, type ApplicationState } from '../../../src/tracking/states.js';
import type { ApplicationList, FormSummary } from '../api-types.js';
import { STATE_LABELS } from './messages.js';
import { InboxScreen, listHash } from './shared.js';

/** The filters the list reads from the address: `#/?form=pbg&state=received&from=2026-11-01&to=…&q=…&page=2`. */
const FILTERS = ['form', 'state', 'from', 'to', 'q'] as const;

/** The list: filters, counts per state, one page of applications newest first, CSV of the same filters. */
export class InboxList extends InboxScreen {
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private forms: readonly FormSummary[] = [];
  @state() private list?: ApplicationList;
  @state() private error = '';
  @state() private loading = false;
  private loads = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) void this.load();
  }

  override async firstUpdated(): Promise<void> {
    const forms = await this.api.get<{ forms: FormSummary[] }>('forms');
    if (forms.ok) this.forms = forms.value.forms;
    this.focusHeading();
  }

  private filters(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of FILTERS) {
      const value = this.query.get(key);
      if (value) out[key] = value;
    }
    return out;
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    this.loading = true;
    const result = await this.api.get<ApplicationList>('applications', { ...this.filters(), page: this.query.get('page') ?? undefined });
    if (load !== this.loads) return;
    this.loading = false;
    if (result.ok) {
      this.list = result.value;
      this.error = '';
    } else {
      this.error = result.message;
    }
  }

  private apply(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const query = new URLSearchParams();
    for (const key of FILTERS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) query.set(key, value);
    }
    location.hash = listHash(query);
  }

  private withQuery(changes: Record<string, string | undefined>): string {
    const query = new URLSearchParams(this.query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) query.delete(key);
      else query.set(key, value);
    }
    if (!('page' in changes)) query.delete('page');
    return listHash(query);
  }

  protected override render() {
    const f = this.filters();
    const list = this.list;
    return html`<h1 tabindex="-1">Permohonan masuk</h1>
      <form class="filters" @submit=${this.apply} aria-label="Saring permohonan">
        <div class="field">
          <label for="filter-q">Cari nomor pendaftaran atau nama</label>
          <input id="filter-q" name="q" type="search" .value=${f.q ?? ''} maxlength="100" />
        </div>
        <div class="field">
          <label for="filter-form">Formulir</label>
          <select id="filter-form" name="form">
            <option value="">Semua formulir</option>
            ${this.forms.map((form) => html`<option value=${form.id} ?selected=${form.id === f.form}>${form.title}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-state">Status</label>
          <select id="filter-state" name="state">
            <option value="">Semua status</option>
            ${APPLICATION_STATES.map((s) => html`<option value=${s} ?selected=${s === f.state}>${STATE_LABELS[s]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-from">Diterima sejak</label>
          <input id="filter-from" name="from" type="date" .value=${f.from ?? ''} />
        </div>
        <div class="field">
          <label for="filter-to">Diterima sampai</label>
          <input id="filter-to" name="to" type="date" .value=${f.to ?? ''} />
        </div>
        <div class="actions">
          <button type="submit" class="primary">Terapkan</button>
          ${Object.keys(f).length ? html`<a href="#/">Hapus semua filter</a>` : nothing}
        </div>
      </form>
      ${this.renderCounts(list)}
      <div role="status" class="result-status">${this.error ? nothing : this.summary(list)}</div>
      ${this.error ? html`<p class="error-box" role="alert">${this.error} <button type="button" class="link-button" @click=${() => this.load()}>Coba lagi</button></p>` : nothing}
      ${list && list.items.length ? this.renderTable(list) : nothing}
      ${list ? this.renderPaging(list) : nothing}
      ${list && list.total > 0 ? this.renderExport() : nothing}`;
  }

  private summary(list: ApplicationList | undefined): string {
    if (!list) return this.loading ? 'Memuat permohonan…' : '';
    if (list.total === 0) return 'Tidak ada permohonan yang cocok dengan filter ini.';
    const first = (list.page - 1) * list.pageSize + 1;
    const last = first + list.items.length - 1;
    return `Menampilkan ${first}–${last} dari ${list.total} permohonan, terbaru dahulu.`;
  }

  private renderCounts(list: ApplicationList | undefined) {
    if (!list) return nothing;
    const current = this.query.get('state');
    return html`<nav class="counts" aria-label="Jumlah per status">
      <ul>
        ${APPLICATION_STATES.map((s: ApplicationState) => {
          const n = list.counts[s] ?? 0;
          return html`<li><a href=${this.withQuery({ state: current === s ? undefined : s })} class="count state-${s}" aria-current=${current === s ? 'true' : nothing}>
            ${STATE_LABELS[s]} <span class="n">${n}</span></a></li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderTable(list: ApplicationList) {
    return html`<table class="applications">
      <caption class="visually-hidden">Daftar permohonan</caption>
      <thead><tr><th scope="col">Nomor pendaftaran</th><th scope="col">Pemohon</th><th scope="col">Formulir</th><th scope="col">Status</th><th scope="col">Diterima</th></tr></thead>
      <tbody>
        ${list.items.map(
          (a) => html`<tr>
            <th scope="row" data-label="Nomor pendaftaran"><a href="#/permohonan/${a.id}">${a.trackingNumber}</a></th>
            <td data-label="Pemohon">${a.applicant || html`<span class="muted">—</span>`}</td>
            <td data-label="Formulir">${a.formTitle}</td>
            <td data-label="Status"><span class="badge state-${a.state}">${STATE_LABELS[a.state]}</span></td>
            <td data-label="Diterima">${this.when(a.receivedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderPaging(list: ApplicationList) {
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    if (pages <= 1) return nothing;
    return html`<nav class="paging" aria-label="Halaman">
      ${list.page > 1 ? html`<a href=${this.withQuery({ page: String(list.page - 1) })} rel="prev">‹ Sebelumnya</a>` : nothing}
      <span>Halaman ${list.page} dari ${pages}</span>
      ${list.page < pages ? html`<a href=${this.withQuery({ page: String(list.page + 1) })} rel="next">Berikutnya ›</a>` : nothing}
    </nav>`;
  }

  private renderExport() {
    const f = this.filters();
    return html`<section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Unduh untuk laporan</h2>
      <p>Semua permohonan dengan filter di atas (bukan hanya halaman ini), satu kolom per pertanyaan.</p>
      <ul class="plain-list">
        <li><a href=${this.api.url('export.csv', f)} download>Unduh CSV (pemisah koma)</a></li>
        <li><a href=${this.api.url('export.csv', { ...f, pemisah: 'titik-koma' })} download>Unduh CSV untuk Excel berbahasa Indonesia (pemisah titik koma)</a></li>
      </ul>
    </section>`;
  }
}
customElements.define('loket-inbox-list', InboxList);
