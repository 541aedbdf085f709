import { OPERATORS, FIELD_OPERATORS } from '../condition-eval.js';
import { contactProblem, type ContactKind } from '../contact.js';
import type { CustomIssueParams } from '../problem.js';
import { clockMinutes, readDocTime, validDate } from '../status/clock.js';
import { isRegionCode } from '../form/region.js';
import { isTimeZone } from '../time.js';
import { isAllowedUrl } from '../url.js';

// Every check of the document formats that zod's built-in checks cannot say
// (a clock time, a known time zone, one operator per condition…), written once
// and without zod. The zod definitions run them through `rule()` (src/rule.ts),
// and so does the fast path (src/fast/accept.ts) that accepts a valid document
// before zod has been downloaded: the same functions, so the two cannot differ.

/** One problem a rule found, located relative to the value it checked. */
export interface RuleIssue {
  readonly params: CustomIssueParams;
  readonly path?: readonly PropertyKey[];
}
type Found = readonly RuleIssue[] | undefined;

const one = (params: CustomIssueParams, ...path: PropertyKey[]): Found => [path.length ? { params, path } : { params }];
const unless = (ok: boolean, params: CustomIssueParams): Found => (ok ? undefined : one(params));

/** The document versions this build understands, per format. */
export const STATUS_VERSIONS = [1] as const;
export const CHECKLIST_VERSIONS = [1] as const;
export const FORM_VERSIONS = [1] as const;

const version = (supported: readonly number[]) => (found: number) => unless(supported.includes(found), { key: 'schema.version', found, supported: supported.join(', ') });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHECKLIST_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

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

/** Every rule, by the name the zod definitions and the fast path share. */
export const RULES = {
  // Shared: links, contacts, time zones, conditions.
  timeZone: (value: string) => unless(isTimeZone(value), { key: 'schema.timeZone', value }),
  url: (value: string) => unless(isAllowedUrl(value), { key: 'schema.url', value }),
  contact: (c: { kind: ContactKind; value: string }) => {
    const key = contactProblem(c.kind, c.value);
    return key ? one({ key, value: c.value }, 'value') : undefined;
  },
  condition: (cond: Record<string, unknown>): Found => {
    const used = OPERATORS.filter((op) => cond[op] !== undefined);
    if (used.length !== 1) return one({ key: 'condition.operator', operators: OPERATORS.join(', ') });
    const operator = used[0] as string;
    const fieldOp = (FIELD_OPERATORS as readonly string[]).includes(operator);
    if (fieldOp && cond.field === undefined) return one({ key: 'condition.field', operator }, 'field');
    if (!fieldOp && cond.field !== undefined) return one({ key: 'condition.noField', operator }, 'field');
    return undefined;
  },

  // Service status.
  statusVersion: version(STATUS_VERSIONS),
  clock: (value: string) => unless(clockMinutes(value) !== undefined, { key: 'schema.time', value }),
  localDate: (value: string) => {
    const m = DATE.exec(value);
    return unless(!!m && validDate(Number(m[1]), Number(m[2]), Number(m[3])), { key: 'schema.date', value });
  },
  dateTime: (value: string) => unless(readDocTime(value) !== undefined, { key: 'schema.dateTime', value }),
  period: (period: { open: string; close: string }) => {
    const open = clockMinutes(period.open);
    const close = clockMinutes(period.close);
    return open !== undefined && close !== undefined && close <= open ? one({ key: 'schema.timeOrder', open: period.open, close: period.close }, 'close') : undefined;
  },
  closure: (closure: { from: string; until?: string | undefined }) =>
    closure.until !== undefined && closure.until < closure.from ? one({ key: 'schema.dateOrder', from: closure.from, until: closure.until }, 'until') : undefined,
  channels: (channels: readonly { kind: string }[]): Found => {
    const first = new Map<string, number>();
    const out: RuleIssue[] = [];
    channels.forEach((channel, index) => {
      const earlier = first.get(channel.kind);
      if (earlier === undefined) first.set(channel.kind, index);
      else out.push({ params: { key: 'schema.duplicate', value: channel.kind, other: `channels[${earlier}].kind` }, path: [index, 'kind'] });
    });
    return out.length ? out : undefined;
  },

  // Requirement checklist.
  checklistVersion: version(CHECKLIST_VERSIONS),
  checklistId: (value: string) => unless(CHECKLIST_ID.test(value), { key: 'checklist.id', value }),
  applyTarget: (apply: { url?: unknown; form?: unknown }) => unless(apply.url !== undefined || apply.form !== undefined, { key: 'checklist.applyTarget' }),

  // Permit form.
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

export type RuleName = keyof typeof RULES;
