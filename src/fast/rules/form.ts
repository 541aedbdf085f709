import { contactProblem, type ContactKind } from '../../contact.js';
import { isRegionCode } from '../../form/region.js';
import { one, unless, version, type Found, type RuleIssue } from './issue.js';

/** The permit-form versions this build understands. */
export const FORM_VERSIONS = [1] as const;

/** Request headers a form may not set: forbidden to scripts by the Fetch standard, or set by loket itself. */
export const RESERVED_HEADERS = [
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'content-type', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host',
  'idempotency-key', 'keep-alive', 'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'via',
] as const;

/** Whether a header name may be set by a form document: a valid token, not reserved, not `proxy-*` or `sec-*`. */
export function isAllowedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && !(RESERVED_HEADERS as readonly string[]).includes(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-');
}

/** An endpoint: `https:`, `http:` or a relative URL, nothing else (no `javascript:`, `data:`, `mailto:`). */
export function isAllowedEndpoint(value: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(value, 'https://loket.invalid/').protocol) && value.trim() !== '' && !/\s/.test(value.trim());
  } catch {
    return false;
  }
}

/** Fields that collect an answer, except the repeatable group. */
export const INPUT_TYPES = [
  'text', 'textarea', 'number', 'email', 'phone',
  'nik', 'npwp', 'nib', 'kbli', 'postal-code',
  'date', 'select', 'radio', 'checkboxes', 'checkbox', 'file', 'region',
] as const;
/**
 * A select or radio group with more options than this is shown as a
 * searchable list (a WAI-ARIA combobox) instead of the native control; so is
 * every level of a region field's cascade.
 */
export const LONG_LIST_THRESHOLD = 30;
/** Text only, no answer: headings, paragraphs and notices between questions. */
export const CONTENT_TYPES = ['heading', 'paragraph', 'notice'] as const;
/** Every field type of version 1. */
export const FIELD_TYPES = [...INPUT_TYPES, 'group', ...CONTENT_TYPES] as const;
/** Field types allowed inside a repeatable group (groups do not nest in version 1). */
export const ITEM_FIELD_TYPES = [...INPUT_TYPES, ...CONTENT_TYPES] as const;

const fieldType = (known: readonly string[]) => (value: string) => {
  if (known.includes(value)) return undefined;
  return one(value === 'group' ? { key: 'form.nestedGroup' } : { key: 'form.fieldType', value, types: known.join(', ') });
};

const contact = (kind: ContactKind) => (value: string) => {
  const key = contactProblem(kind, value);
  return key ? one({ key, value }) : undefined;
};

/** The permit-form format's own rules. */
export const FORM_RULES = {
  formVersion: version(FORM_VERSIONS),
  fieldName: (value: string) => unless(/^[A-Za-z][A-Za-z0-9_]*$/.test(value), { key: 'form.name', value }),
  dateBound: (value: string) => unless(value === 'today' || /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value), { key: 'form.dateBound', value }),
  accept: (value: string) => unless(/^\.[A-Za-z0-9]+$/.test(value) || /^[a-z]+\/(\*|[A-Za-z0-9.+-]+)$/.test(value), { key: 'form.accept', value }),
  fieldType: fieldType(FIELD_TYPES),
  itemType: fieldType(ITEM_FIELD_TYPES),
  helpPhone: contact('phone'),
  helpWhatsapp: contact('whatsapp'),
  helpEmail: contact('email'),
  helpContact: (help: { phone?: string; whatsapp?: string; email?: string }) => unless(!!(help.phone ?? help.whatsapp ?? help.email), { key: 'form.helpContact' }),
  endpoint: (value: string) => unless(isAllowedEndpoint(value), { key: 'form.endpoint', value }),
  trackingPage: (value: string) => unless(isAllowedEndpoint(value), { key: 'form.trackingPage', value }),
  optionsUrl: (value: string) => unless(isAllowedEndpoint(value), { key: 'form.optionsFrom', value }),
  regionCode: (value: string) => unless(isRegionCode(value), { key: 'form.regionCode', value }),
  headers: (headers: Record<string, string>): Found => {
    const out: RuleIssue[] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (!isAllowedHeader(name)) out.push({ params: { key: 'form.header', value: name }, path: [name] });
      else if (/[\r\n]/.test(value)) out.push({ params: { key: 'form.headerValue' }, path: [name] });
    }
    return out.length ? out : undefined;
  },
  jsonPointer: (value: string) => unless(/^(\/([^~]|~[01])*)*$/.test(value), { key: 'form.pointer', value }),
} as const;
