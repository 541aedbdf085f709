import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseForm, type FormDocument } from '../../../src/form/format.js';
import { createValidator } from '../../../src/form/validate.js';
import { whatsAppHref } from '../../../src/phone.js';
import { text } from '../../../src/text.js';
import { APPLICATION_STATES, type ApplicationState } from '../../../src/tracking/states.js';
import { renderReview } from '../../../widgets/permit-form/review.js';
import { MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, type ApplicationDetail } from '../api-types.js';
import { applicantPhone } from '../applicant.js';
import { formatBytes, STATE_LABELS } from './messages.js';
import { InboxScreen } from './shared.js';

/** States whose message to the citizen must say something: what to fix, why it was refused. */
const NEEDS_MESSAGE: readonly ApplicationState[] = ['needs-fix', 'rejected'];

/** One application: its state and the change form, the answers as the citizen reviewed them, the files, the history. */
export class InboxApplication extends InboxScreen {
  @property({ type: Number }) applicationId = 0;
  @state() private detail?: ApplicationDetail;
  @state() private form?: FormDocument;
  @state() private error = '';
  @state() private fieldError = '';
  @state() private saved = '';
  @state() private saving = false;
  /** The message just sent to the citizen, for the WhatsApp link. */
  @state() private lastMessage = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('applicationId')) void this.load(true);
  }

  private async load(focus: boolean): Promise<void> {
    const result = await this.api.get<ApplicationDetail>(`applications/${this.applicationId}`);
    if (!result.ok) {
      this.detail = undefined;
      this.error = result.message;
    } else {
      this.error = '';
      this.detail = result.value;
      const parsed = parseForm(result.value.form, 'id');
      this.form = parsed.ok ? parsed.value : undefined;
    }
    if (focus) {
      await this.updateComplete;
      this.focusHeading();
    }
  }

  private async change(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const detail = this.detail;
    if (!detail || this.saving) return;
    const data = new FormData(event.target as HTMLFormElement);
    const state = String(data.get('state') ?? '') as ApplicationState;
    const messageToCitizen = String(data.get('message') ?? '').trim();
    const internalNote = String(data.get('note') ?? '').trim();
    this.saved = '';
    if (NEEDS_MESSAGE.includes(state) && !messageToCitizen) {
      this.fieldError = state === 'needs-fix' ? 'Tulis apa yang perlu diperbaiki pemohon.' : 'Tulis alasan permohonan ditolak.';
      await this.updateComplete;
      this.querySelector<HTMLElement>('#change-message')?.focus();
      return;
    }
    this.fieldError = '';
    this.saving = true;
    const result = await this.api.post<ApplicationDetail>(`applications/${detail.application.id}/state`, { state, messageToCitizen, internalNote });
    this.saving = false;
    if (!result.ok) {
      this.saved = '';
      this.error = result.message;
      return;
    }
    this.error = '';
    this.detail = result.value;
    this.lastMessage = messageToCitizen;
    (event.target as HTMLFormElement).reset();
    this.saved = `Status disimpan: ${STATE_LABELS[state]}.`;
  }

  protected override render() {
    const detail = this.detail;
    if (!detail) {
      return html`<p><a href="#/">‹ Kembali ke daftar</a></p>
        <h1 tabindex="-1">Permohonan</h1>
        ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : html`<p role="status">Memuat…</p>`}`;
    }
    const a = detail.application;
    return html`<p><a href="#/">‹ Kembali ke daftar</a></p>
      <h1 tabindex="-1">Permohonan ${a.trackingNumber}</h1>
      <dl class="facts">
        <div><dt>Formulir</dt><dd>${a.formTitle}</dd></div>
        <div><dt>Pemohon</dt><dd>${a.applicant || '—'}</dd></div>
        <div><dt>Status</dt><dd><span class="badge state-${a.state}">${STATE_LABELS[a.state]}</span></dd></div>
        <div><dt>Diterima</dt><dd>${this.when(a.receivedAt)}</dd></div>
      </dl>
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      ${this.renderChange(detail)}
      <section aria-labelledby="answers-heading" class="answers">
        <h2 id="answers-heading">Jawaban pemohon</h2>
        ${this.renderAnswers(detail)}
      </section>
      ${this.renderFiles(detail)}
      ${this.renderHistory(detail)}`;
  }

  private renderChange(detail: ApplicationDetail) {
    const a = detail.application;
    const phone = this.form && a.answers ? applicantPhone(this.form, a.answers) : undefined;
    const wa = phone ? whatsAppHref(phone) : undefined;
    const waText = `Permohonan ${a.trackingNumber} (${a.formTitle}): ${STATE_LABELS[a.state]}.${this.lastMessage ? `\n${this.lastMessage}` : ''}`;
    return html`<section aria-labelledby="change-heading" class="change">
      <h2 id="change-heading">Ubah status</h2>
      <form @submit=${this.change} novalidate>
        <div class="field">
          <label for="change-state">Status baru</label>
          <select id="change-state" name="state">
            ${APPLICATION_STATES.map((s) => html`<option value=${s} ?selected=${s === a.state}>${STATE_LABELS[s]}</option>`)}
          </select>
        </div>
        <div class="field ${this.fieldError ? 'has-error' : ''}">
          <label for="change-message">Pesan untuk pemohon</label>
          <p class="hint" id="change-message-hint">Dibaca pemohon di halaman "Lacak permohonan". Wajib untuk "Perlu perbaikan" dan "Ditolak".</p>
          ${this.fieldError ? html`<p class="error-message" id="change-message-error"><span class="visually-hidden">Kesalahan:</span> ${this.fieldError}</p>` : nothing}
          <textarea id="change-message" name="message" rows="4" maxlength=${MESSAGE_MAX_LENGTH}
            aria-describedby=${this.fieldError ? 'change-message-hint change-message-error' : 'change-message-hint'} aria-invalid=${this.fieldError ? 'true' : 'false'}></textarea>
        </div>
        <div class="field">
          <label for="change-note">Catatan internal</label>
          <p class="hint" id="change-note-hint">Hanya untuk petugas; tidak pernah ditampilkan kepada pemohon.</p>
          <textarea id="change-note" name="note" rows="3" maxlength=${NOTE_MAX_LENGTH} aria-describedby="change-note-hint"></textarea>
        </div>
        <button type="submit" class="primary" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Menyimpan…' : 'Simpan status'}</button>
      </form>
      <div role="status" class="saved">${this.saved ? html`<p class="success-box">${this.saved}</p>` : nothing}</div>
      <p class="whatsapp">
        ${wa
          ? html`<a class="button" href=${`${wa}?text=${encodeURIComponent(waText)}`} target="_blank" rel="noopener noreferrer">Kirim lewat WhatsApp<span class="visually-hidden"> ke ${phone} (membuka WhatsApp)</span></a>
              <span class="hint">Ke ${phone}, dengan status ${this.lastMessage ? 'dan pesan di atas' : 'saat ini'} sudah tertulis.</span>`
          : html`<span class="hint">Tidak ada nomor WhatsApp pemohon di jawaban.</span>`}
      </p>
    </section>`;
  }

  private renderAnswers(detail: ApplicationDetail) {
    const answers = detail.application.answers;
    if (detail.application.erased || !answers) return html`<p class="muted">Jawaban sudah dihapus sesuai masa simpan data.</p>`;
    const form = this.form;
    if (!form) return html`<p class="error-box">Dokumen formulir "${detail.application.formId}" tidak tersedia di server, jadi jawaban tidak dapat ditampilkan sesuai formulir.</p>`;
    return renderReview({ locale: 'id', form, answers, validator: createValidator(form), headingLevel: 2, warnings: new Map() });
  }

  private renderFiles(detail: ApplicationDetail) {
    const id = detail.application.id;
    return html`<section aria-labelledby="files-heading">
      <h2 id="files-heading">Berkas</h2>
      ${detail.files.length === 0
        ? html`<p class="muted">Tidak ada berkas.</p>`
        : html`<ul class="files">
            ${detail.files.map(
              (f) => html`<li>
                <a href=${this.api.url(`applications/${id}/files/${f.id}`)} target="_blank" rel="noopener noreferrer">${f.name}<span class="visually-hidden"> (membuka tab baru)</span></a>
                <span class="muted">${this.fieldLabel(f.field)} · ${formatBytes(f.size)}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private fieldLabel(path: string): string {
    const name = path.replace(/\[\d+\]\..*$/, '');
    for (const step of this.form?.steps ?? []) for (const field of step.fields) if ('name' in field && field.name === name) return text(field.label, 'id');
    return path;
  }

  private renderHistory(detail: ApplicationDetail) {
    const events = [...detail.events].reverse();
    return html`<section aria-labelledby="history-heading">
      <h2 id="history-heading">Riwayat</h2>
      <ol class="history">
        ${events.map(
          (e) => html`<li>
            <p class="history-head"><span class="badge state-${e.state}">${STATE_LABELS[e.state]}</span> ${this.when(e.at)}${e.actor ? html` · oleh ${e.actor}` : nothing}</p>
            ${e.messageToCitizen ? html`<p><span class="label">Pesan untuk pemohon:</span> ${e.messageToCitizen}</p>` : nothing}
            ${e.internalNote ? html`<p class="internal"><span class="label">Catatan internal:</span> ${e.internalNote}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
customElements.define('loket-inbox-application', InboxApplication);
