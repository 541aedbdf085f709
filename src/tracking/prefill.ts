import { indexFields } from '../form/fields.js';
import type { FormDocument } from '../form/format.js';

// The link back to the form for "Perlu perbaikan": the form's page with the
// citizen's earlier choices in the query, the way <loket-permit-form> reads
// URL prefill. Only the answers the form itself accepts from a URL (radio,
// select, checkboxes, checkbox) and never a field marked `sensitive`: no
// NIK, no name, no address, no files ever reach a URL.

/** The field types the form pre-fills from its URL. */
export const URL_PREFILL_TYPES: ReadonlySet<string> = new Set(['radio', 'select', 'checkboxes', 'checkbox']);

/** `formPage?a=b&c=d`, with only the choices that are safe in a URL; `formPage` unchanged otherwise. */
export function correctionHref(formPage: string, form: FormDocument, answers: unknown): string {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return formPage;
  const index = indexFields(form);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(answers as Record<string, unknown>)) {
    const entry = index.entries.get(name);
    if (!entry || entry.group || !URL_PREFILL_TYPES.has(entry.field.type)) continue;
    const field = entry.field as { sensitive?: boolean; options?: readonly { value: string }[] };
    if (field.sensitive) continue;
    const allowed = (v: unknown): v is string => typeof v === 'string' && (field.options?.some((o) => o.value === v) ?? false);
    if (entry.field.type === 'checkbox') {
      if (typeof value === 'boolean') params.append(name, String(value));
    } else if (Array.isArray(value)) {
      for (const v of value) if (allowed(v)) params.append(name, v);
    } else if (allowed(value)) {
      params.append(name, value);
    }
  }
  const query = params.toString();
  if (!query) return formPage;
  const [beforeHash, hash] = formPage.split('#', 2) as [string, string | undefined];
  return `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${query}${hash !== undefined ? `#${hash}` : ''}`;
}
