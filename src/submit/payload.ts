import { dateOf } from '../form/answers.js';
import { indexFields } from '../form/fields.js';
import type { FormDocument, SubmitEncoding } from '../form/format.js';
import type { Locale } from '../locale.js';

// The submission payload, version 1, and its three encodings. Documented in
// docs/reference/submission.md ("The payload"); a backend can rely on every key below.

/** The payload format version; a backend should refuse versions it does not know. */
export const PAYLOAD_VERSION = 1;

/** What a backend learns about one attached file; the bytes travel as a multipart part named `field`. */
export interface FileMeta {
  /** The answer path of the file field: `ktpScan`, or `vessels[1].photo` inside a group. */
  readonly field: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** The JSON every backend receives. */
export interface Payload {
  /** The payload format version: 1. */
  readonly loket: typeof PAYLOAD_VERSION;
  /** The form's `id` and the author's `revision` (absent when the document has none). */
  readonly form: { readonly id: string; readonly revision?: string };
  /** When the citizen pressed "Kirim permohonan", ISO 8601 UTC; retries keep it. */
  readonly submittedAt: string;
  /** The language the citizen used: `id` or `en`. */
  readonly locale: Locale;
  /** The same key as the `Idempotency-Key` header, for backends that cannot read headers. */
  readonly idempotencyKey: string;
  /** Visible answers only, normalized; a file answer is a list of `{ name, size, type }`. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Every attached file, in the order of the multipart parts. */
  readonly files: readonly FileMeta[];
}

/** A file to upload with its answer path. */
export interface PayloadFile {
  readonly field: string;
  readonly file: Blob & { readonly name?: string };
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;
const nameOf = (blob: Blob & { name?: string }) => (typeof blob.name === 'string' ? blob.name : 'berkas');

/**
 * Builds the payload from final answers (`validator.finalAnswers`, files as
 * `File` objects): each file is replaced by its metadata in `answers`, and
 * listed once in `files` with its answer path; the files come back separately.
 */
export function buildPayload(
  form: FormDocument,
  answers: Readonly<Record<string, unknown>>,
  options: { readonly locale: Locale; readonly idempotencyKey: string; readonly submittedAt: Date },
): { payload: Payload; files: PayloadFile[] } {
  const files: PayloadFile[] = [];
  const meta: FileMeta[] = [];
  const strip = (value: unknown, path: string): unknown => {
    if (!Array.isArray(value)) return value;
    return value.map((item) => {
      if (!isBlob(item)) return item;
      const m = { field: path, name: nameOf(item), size: item.size, type: item.type };
      files.push({ field: path, file: item });
      meta.push(m);
      return { name: m.name, size: m.size, type: m.type };
    });
  };
  const index = indexFields(form);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    const entry = index.entries.get(name);
    if (entry?.field.type === 'file') out[name] = strip(value, name);
    else if (entry?.field.type === 'group' && Array.isArray(value)) {
      out[name] = value.map((item, i) => {
        if (item === null || typeof item !== 'object') return item;
        const copy: Record<string, unknown> = {};
        for (const [child, v] of Object.entries(item as Record<string, unknown>)) {
          copy[child] = index.entries.get(`${name}.${child}`)?.field.type === 'file' ? strip(v, `${name}[${i}].${child}`) : v;
        }
        return copy;
      });
    } else out[name] = value;
  }
  const payload: Payload = {
    loket: PAYLOAD_VERSION,
    form: form.revision === undefined ? { id: form.id } : { id: form.id, revision: form.revision },
    submittedAt: options.submittedAt.toISOString(),
    locale: options.locale,
    idempotencyKey: options.idempotencyKey,
    answers: out,
    files: meta,
  };
  return { payload, files };
}

/** A request body and the content type to send it with (`undefined`: the browser sets the multipart boundary). */
export interface Encoded {
  readonly encoding: SubmitEncoding;
  readonly body: string | FormData;
  readonly contentType: string | undefined;
}

/**
 * Encodes a payload. Files force `multipart`: a part `payload` holding the
 * JSON, then one part per file named by its answer path (`ktpScan`,
 * `vessels[1].photo`), in the order of `payload.files`. `text` is the JSON in
 * a `text/plain` body: a "simple" request that needs no CORS preflight.
 */
export function encodePayload(payload: Payload, files: readonly PayloadFile[], preferred: SubmitEncoding = 'json'): Encoded {
  const json = JSON.stringify(payload);
  if (files.length > 0 || preferred === 'multipart') {
    const data = new FormData();
    data.append('payload', json);
    for (const { field, file } of files) data.append(field, file, nameOf(file));
    return { encoding: 'multipart', body: data, contentType: undefined };
  }
  if (preferred === 'text') return { encoding: 'text', body: json, contentType: 'text/plain;charset=UTF-8' };
  return { encoding: 'json', body: json, contentType: 'application/json' };
}

/** An own property of a plain object, never an inherited one (`constructor`, `__proto__`). */
const own = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The answers in the validator's input shape again: final answers hold dates
 * as `YYYY-MM-DD`, the validator reads `{ day, month, year }`; a file answer
 * becomes a list of `{ name, size, type }` with nothing else. A backend calls
 * this before `createValidator(form).validateAll(...)`. Objects are built
 * with `Object.fromEntries`, so a `__proto__` key in the JSON stays a plain
 * (unknown) key and can never replace a prototype.
 */
export function reviveAnswers(form: FormDocument, answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const index = indexFields(form);
  const revive = (key: string, value: unknown): unknown => {
    const type = index.entries.get(key)?.field.type;
    if (type === 'date' && typeof value === 'string') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return m ? { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])) } : dateOf(value);
    }
    if (type === 'file' && Array.isArray(value)) {
      return value.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? { name: own(item, 'name'), size: own(item, 'size'), type: own(item, 'type') } : item));
    }
    return value;
  };
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return {};
  return Object.fromEntries(
    Object.entries(answers).map(([name, value]) => {
      const entry = index.entries.get(name);
      if (entry?.field.type === 'group' && Array.isArray(value)) {
        return [
          name,
          value.map((item) => {
            if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
            return Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([child, v]) => [child, revive(`${name}.${child}`, v)]));
          }),
        ];
      }
      return [name, revive(name, value)];
    }),
  );
}
