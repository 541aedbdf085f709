import { css, html, nothing, type TemplateResult } from 'lit';
import type { Answers } from '../../src/checklist/evaluate.js';
import { LoketApplyEvent } from '../../src/checklist/events.js';
import type { ChecklistDocument } from '../../src/checklist/format.js';
import { defineMessages } from '../../src/i18n.js';
import { text, type Locale } from '../../src/locale.js';

// The actions row below the list: "Ajukan permohonan", "Cetak daftar", "Hapus
// centang", and the note on what is kept on the device. It is below every item,
// so its code, styles and words are fetched right after the checklist's first
// render (requirement-checklist.ts, loadActions), not before it; until they are
// here a line in its place says so. What paper shows (the answers, the hand-off
// link, the help channel, the print stylesheet) stays with the first render, so
// the browser's own Print is right at any moment.

/** The row's words; English inline, since this part never delays a first paint. */
export const checklistActionMsg = defineMessages(
  {
    'checklist.apply': 'Ajukan permohonan',
    'checklist.print': 'Cetak daftar',
    'checklist.clear': 'Hapus centang',
    'checklist.cleared': 'Semua centang dihapus.',
    'checklist.nothingToClear': 'Belum ada centang.',
    'checklist.remembered': 'Centang dan jawaban Anda disimpan di perangkat ini saja.',
    'checklist.notRemembered': 'Centang tidak dapat disimpan di perangkat ini; daftar akan kosong lagi bila halaman dimuat ulang.',
  },
  {
    'checklist.apply': 'Apply now',
    'checklist.print': 'Print the list',
    'checklist.clear': 'Clear ticks',
    'checklist.cleared': 'All ticks cleared.',
    'checklist.nothingToClear': 'Nothing is ticked yet.',
    'checklist.remembered': 'Your ticks and answers are kept on this device only.',
    'checklist.notRemembered': 'Ticks cannot be saved on this device; the list will be empty again if the page is reloaded.',
  },
);

/** What the row shows and does, from the checklist element. */
export interface ActionsView {
  readonly doc: ChecklistDocument;
  readonly locale: Locale;
  /** The hand-off link with the answers (evaluate.ts handOffHref), when the document has an allowed `apply.url`. */
  readonly href: string | undefined;
  readonly answers: Answers;
  /** `remember-answers` is on. */
  readonly remember: boolean;
  /** The device lets the ticks be kept. */
  readonly canRemember: boolean;
  /** Clears every tick. */
  clear(): void;
}

/** The apply link (or button), the print and clear buttons, and the note on remembering. */
export function renderActions(host: HTMLElement, view: ActionsView): TemplateResult {
  const t = (key: Parameters<typeof checklistActionMsg>[1]) => checklistActionMsg(view.locale, key);
  const { doc, href } = view;
  const onApply = (event: Event) => {
    const apply = new LoketApplyEvent({ form: doc.apply?.form, url: href, answers: { ...view.answers } });
    host.dispatchEvent(apply);
    if (apply.defaultPrevented) event.preventDefault();
  };
  const onPrint = () => {
    try {
      host.ownerDocument.defaultView?.print();
    } catch {
      // Some embedded browsers have no print dialog; the button then does nothing.
    }
  };
  const label = doc.apply?.label !== undefined ? text(doc.apply.label, view.locale) : t('checklist.apply');
  const apply = href
    ? html`<a part="apply" class="button primary" href=${href} @click=${onApply}>${label}</a>`
    : doc.apply?.form !== undefined
      ? html`<button part="apply" type="button" class="button primary" @click=${onApply}>${label}</button>`
      : nothing;
  return html`<div part="actions" class="actions">
      ${apply}
      <button part="print" type="button" class="button" @click=${onPrint}>${t('checklist.print')}</button>
      <button part="clear" type="button" class="button" @click=${() => view.clear()}>${t('checklist.clear')}</button>
    </div>
    ${view.remember ? html`<p class="muted saved-note">${view.canRemember ? t('checklist.remembered') : t('checklist.notRemembered')}</p>` : nothing}`;
}

/** The row's styles, added to the checklist's shadow root when this part arrives. */
export const actionsStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--loket-color-link, #0b57a4);
    border-radius: var(--loket-radius, 6px);
    background: var(--loket-color-surface, #fff);
    color: var(--loket-color-link, #0b57a4);
    cursor: pointer;
    text-decoration: none;
    font-weight: 700;
  }
  .button.primary {
    background: var(--loket-color-link, #0b57a4);
    color: var(--loket-color-primary-text, #fff);
  }
  .button:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    .button {
      border-color: CanvasText;
    }
    .button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
  @media print {
    .actions,
    .saved-note {
      display: none !important;
    }
  }
`;
