import type { FormDocument } from '../../src/form/format.js';
import { normalizePhone, isMobile } from '../../src/phone.js';

// Which answers are the applicant's name and phone. Forms name their fields
// freely (`fullName`, `nama`, `namaPemohon`), so this reads the document:
// the first top-level text field named or labelled like a name, and the
// first phone field holding a mobile number (WhatsApp needs a mobile).

/** Field names of a person's name; "namaUsaha" (a business) or "landOwnerName" are not the applicant. */
const NAME_FIELD = /^(nama|name|full_?name|nama_?lengkap|nama_?pemohon|applicant_?name)$/i;
/** Labels that start like a person's name: "Nama", "Nama lengkap sesuai KTP", "Nama pemohon". */
const NAME_LABEL = /^(nama|name)$|^(nama lengkap|nama pemohon|full name)(\s|$)/i;

const labelText = (label: unknown): string => (typeof label === 'string' ? label : label && typeof label === 'object' ? String((label as { id?: unknown }).id ?? '') : '');

/** The applicant's name from the answers, or `''`. */
export function applicantName(form: FormDocument, answers: Record<string, unknown>): string {
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (field.type !== 'text' || !(NAME_FIELD.test(field.name) || NAME_LABEL.test(labelText(field.label)))) continue;
      const value = answers[field.name];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return '';
}

/** The applicant's mobile number (E.164) from the first phone answer that is one, or `undefined`. */
export function applicantPhone(form: FormDocument, answers: Record<string, unknown>): string | undefined {
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (field.type !== 'phone') continue;
      const value = answers[field.name];
      const e164 = typeof value === 'string' ? normalizePhone(value) : undefined;
      if (e164 && isMobile(e164)) return e164;
    }
  }
  return undefined;
}
