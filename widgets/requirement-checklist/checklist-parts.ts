import { html, nothing, type TemplateResult } from 'lit';
import { checklistMsg, type ChecklistMessageKey } from '../../src/checklist/messages.js';
import { DEFAULT_STAMP_DUTY } from '../../src/checklist/check.js';
import type { ChecklistDocument, Help, Item, Permit } from '../../src/checklist/format.js';
import { formatRupiah, type Answers } from '../../src/checklist/evaluate.js';
import type { Params } from '../../src/i18n.js';
import { contactHref } from '../../src/contact.js';
import type { Contact } from '../../src/links.js';
import { text, type Locale } from '../../src/locale.js';
import { heading, linkOrText } from '../shared/parts.js';

// Render helpers for the checklist. Every string from the document goes
// through Lit's text bindings; links only get an href after the scheme
// allow-list (safeHref), otherwise their label is shown as plain text.

/** What a part needs to know to render. */
export interface RenderContext {
  readonly locale: Locale;
  /** The page's base URL, for relative links. */
  readonly base: string;
  /** The level of the checklist's title (1–6); sections and groups go one and two deeper. */
  readonly headingLevel: number;
}

const tr = (ctx: RenderContext) => (key: ChecklistMessageKey, params?: Params) => checklistMsg(ctx.locale, key, params);

/** "Gratis (tidak dipungut biaya)", "Rp150.000" or the office's own text. */
export function feeText(fee: Permit['fee'], locale: Locale): string | undefined {
  if (fee === undefined) return undefined;
  if (typeof fee === 'number') return fee === 0 ? checklistMsg(locale, 'checklist.free') : formatRupiah(fee);
  return text(fee, locale);
}

/** The permit's service level, fee and legal basis as a description list. */
export function factsList(permit: Permit, ctx: RenderContext): TemplateResult | typeof nothing {
  const t = tr(ctx);
  const fee = feeText(permit.fee, ctx.locale);
  const basis = permit.legalBasis ?? [];
  if (permit.serviceDays === undefined && fee === undefined && basis.length === 0) return nothing;
  return html`<dl part="facts" class="facts">
    ${permit.serviceDays !== undefined
      ? html`<div><dt>${t('checklist.serviceLevel')}</dt><dd>${t('checklist.serviceDays', { count: permit.serviceDays })}</dd></div>`
      : nothing}
    ${fee !== undefined ? html`<div><dt>${t('checklist.fee')}</dt><dd>${fee}</dd></div>` : nothing}
    ${basis.length
      ? html`<div class="basis"><dt>${t('checklist.legalBasis')}</dt><dd><ul>${basis.map((b) => html`<li>${text(b, ctx.locale)}</li>`)}</ul></dd></div>`
      : nothing}
  </dl>`;
}

/** "PDF, JPG, atau PNG" / "PDF, JPG or PNG". */
function listOf(values: readonly string[], ctx: RenderContext): string {
  const or = tr(ctx)('checklist.or');
  if (values.length <= 1) return values.join('');
  const head = values.slice(0, -1).join(', ');
  return ctx.locale === 'id' ? `${head}, ${or} ${values.at(-1)}` : `${head} ${or} ${values.at(-1)}`;
}

/** The specifics of an item, each a short phrase: formats and size, original, duty stamp, photo size, copies. */
export function specifics(item: Item, ctx: RenderContext): string[] {
  const t = tr(ctx);
  const out: string[] = [];
  const upload = item.upload;
  if (upload?.formats?.length || upload?.maxSizeMb !== undefined) {
    const parts: string[] = [];
    if (upload.formats?.length) parts.push(t('checklist.formats', { formats: listOf(upload.formats.map((f) => f.toUpperCase()), ctx) }));
    if (upload.maxSizeMb !== undefined) parts.push(t('checklist.maxSize', { size: String(upload.maxSizeMb).replace('.', ctx.locale === 'id' ? ',' : '.') }));
    const phrase = parts.join(', ');
    out.push(phrase.charAt(0).toUpperCase() + phrase.slice(1));
  }
  if (item.original) out.push(t('checklist.original'));
  if (item.stamped !== undefined && item.stamped !== false) {
    out.push(t('checklist.stamped', { amount: formatRupiah(item.stamped === true ? DEFAULT_STAMP_DUTY : item.stamped) }));
  }
  if (item.photoSize !== undefined) out.push(t('checklist.photo', { size: item.photoSize }));
  if (item.copies !== undefined) out.push(t('checklist.copies', { count: item.copies }));
  return out;
}

/** The description linked to an item's checkbox: explanation, when it is needed, specifics. */
export function itemDescription(item: Item, ctx: RenderContext, id: string): TemplateResult | typeof nothing {
  const details = specifics(item, ctx);
  if (item.explanation === undefined && item.whenNeeded === undefined && details.length === 0) return nothing;
  const optional = tr(ctx)('checklist.optional');
  return html`<div class="item-description" id=${id}>
    ${item.explanation !== undefined ? html`<p>${text(item.explanation, ctx.locale)}</p>` : nothing}
    ${item.optional && item.whenNeeded !== undefined
      ? html`<p class="when-needed"><span class="when-needed-label">${optional.charAt(0).toUpperCase() + optional.slice(1)}:</span> ${text(item.whenNeeded, ctx.locale)}</p>`
      : nothing}
    ${details.length ? html`<ul class="specifics">${details.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
  </div>`;
}

/** Who issues the document (linked) and the template download, below the description. */
export function itemLinks(item: Item, ctx: RenderContext): TemplateResult | typeof nothing {
  const t = tr(ctx);
  if (!item.issuer && !item.template) return nothing;
  const label = text(item.label, ctx.locale);
  return html`<ul class="item-links">
    ${item.issuer ? html`<li>${t('checklist.issuer')}: ${linkOrText(item.issuer.url, text(item.issuer.name, ctx.locale), ctx.base)}</li>` : nothing}
    ${item.template
      ? html`<li class="template">${linkOrText(item.template.url, item.template.label !== undefined ? text(item.template.label, ctx.locale) : t('checklist.template'), ctx.base)}${item.template.label === undefined
          ? html`<span class="visually-hidden">: ${label}</span>`
          : nothing}</li>`
      : nothing}
  </ul>`;
}

/** One contact line: "WhatsApp TANYA PTSP: 0811-4345-757 (Senin–Jumat …)". */
export function contactItem(contact: Contact, ctx: RenderContext): TemplateResult {
  const href = contactHref(contact, ctx.base);
  const kind = tr(ctx)(`checklist.contact.${contact.kind}`);
  const label = contact.label !== undefined ? `${kind} ${text(contact.label, ctx.locale)}` : kind;
  return html`<li part="contact">
    ${label}: ${href ? html`<a href=${href}>${contact.value}</a>` : contact.value}${contact.hours !== undefined ? html` <span class="muted">(${text(contact.hours, ctx.locale)})</span>` : nothing}
  </li>`;
}

/** The help channel: "Butuh bantuan?", its note and contact lines. Printed too. */
export function helpSection(help: Help | undefined, ctx: RenderContext): TemplateResult | typeof nothing {
  if (!help) return nothing;
  const t = tr(ctx);
  return html`<section part="help" class="help" aria-labelledby="help-title title">
    ${heading(ctx.headingLevel + 1, help.label !== undefined ? text(help.label, ctx.locale) : t('checklist.help'), 'section-title', 'help-title')}
    ${help.note !== undefined ? html`<p>${text(help.note, ctx.locale)}</p>` : nothing}
    <ul class="contact-list">${help.contacts.map((c) => contactItem(c, ctx))}</ul>
  </section>`;
}

/** For the printed list: the answers, since the radio buttons are not printed. */
export function printedAnswers(doc: ChecklistDocument, answers: Answers, ctx: RenderContext): TemplateResult | typeof nothing {
  const variants = doc.variants ?? [];
  if (!variants.length) return nothing;
  const t = tr(ctx);
  return html`<div class="print-only print-answers">
    <p><strong>${t('checklist.printAnswers')}</strong></p>
    <ul>
      ${variants.map((v) => {
        const answer = answers[v.id];
        const chosen = v.options.filter((o) => (typeof answer === 'string' ? answer === o.value : (answer ?? []).includes(o.value)));
        const label = chosen.length ? chosen.map((o) => text(o.label, ctx.locale)).join(', ') : t('checklist.printNoAnswer');
        return html`<li>${text(v.label, ctx.locale)}: <strong>${label}</strong></li>`;
      })}
    </ul>
  </div>`;
}
