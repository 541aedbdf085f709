// Checks one submission the way the browser does, and more, before anything
// is stored: answers to questions the form does not have are refused; every
// uploaded part must be one of the files the (visible, final) answers
// declare, one part per file; each part must meet its field's accept,
// maxSize and maxFiles and really be what its name says. Matching parts to
// declared files goes through a map, so it stays linear in the number of parts.
import { createHash } from 'node:crypto';
import type { FileAnswer } from '../src/form/answers.js';
import { acceptsFile } from '../src/form/files.js';
import type { AnswerField, FormDocument } from '../src/form/format.js';
import type { Validator } from '../src/form/validate.js';
import { reviveAnswers } from '../src/submit/payload.js';
import type { Locale } from '../src/text.js';
import { SIGNATURES } from './signatures.js';

/** One uploaded part, read whole (bounded by the form's limits). */
export interface Upload {
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
  /** SHA-256 of `bytes`, hex: hashed once, as the part is read, for both the idempotency hash and the stored file. */
  readonly sha256: string;
}

/** An error in the shape the browser shows: the answer path and a message. */
export interface CheckError {
  readonly field: string;
  readonly message: string;
}

/** The file metadata stored beside the bytes. */
export interface StoredFileMeta {
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** JSON with sorted keys, so equal payloads hash equally. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(object[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How deeply a JSON value nests, counted without recursion; stops counting past `limit`. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Whether the bytes agree with the file's name and declared type: a known type (by extension or MIME) must carry its signature. */
export function contentMatches(name: string, type: string, bytes: Uint8Array): boolean {
  const lower = name.toLowerCase();
  const known = SIGNATURES.find((s) => s.type === type || s.extensions.some((e) => lower.endsWith(e)));
  return known ? known.test(bytes) : true;
}

/** `vessels[1].photo` → `vessels.photo`, the key the form's field index uses. */
const fieldKey = (path: string) => path.replace(/\[\d+\]/g, '');
/** `vessels[1].name` → `/answers/vessels/1/name`. */
export const pointerOf = (path: string) =>
  `/answers/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;

type FileField = Extract<AnswerField, { type: 'file' }>;
interface Expected {
  readonly path: string;
  readonly field: FileField;
  readonly meta: FileAnswer;
  part?: Upload;
}

/** How a browser escapes a file name in a multipart header (WHATWG: " CR LF as %22 %0D %0A). */
const escapedName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * Validates a payload with the form's validator and matches the uploads to
 * the files the answers declare. Returns the errors, the answers to store
 * (`finalAnswers` of the revived answers: visible fields only, normalized,
 * never the payload's own), and the files' metadata in part order.
 */
export function checkSubmission(
  form: FormDocument,
  validator: Validator,
  payload: { readonly answers?: unknown; readonly files?: unknown },
  uploads: readonly Upload[],
  locale: Locale,
): { errors: CheckError[]; answers: Record<string, unknown>; files: StoredFileMeta[] } | { badRequest: string } {
  const en = locale === 'en';
  const raw = payload.answers ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { badRequest: 'The payload\'s "answers" must be an object' };
  const errors: CheckError[] = [];
  const notAQuestion = (path: string, name: string) => errors.push({ field: path, message: en ? `"${name}" is not a question of this form` : `"${name}" bukan pertanyaan pada formulir ini` });
  const fields = new Map<string, AnswerField>();
  for (const step of form.steps) for (const f of step.fields) if ('name' in f && typeof f.name === 'string') fields.set(f.name, f as AnswerField);
  for (const [name, value] of Object.entries(raw)) {
    const field = fields.get(name);
    if (!field) {
      notAQuestion(name, name);
      continue;
    }
    if (field.type === 'group' && Array.isArray(value)) {
      const children = new Set(field.fields.map((c) => ('name' in c ? c.name : undefined)));
      value.forEach((item, i) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
        for (const child of Object.keys(item)) if (!children.has(child)) notAQuestion(`${name}[${i}].${child}`, child);
      });
    }
  }
  const answers = reviveAnswers(form, raw as Record<string, unknown>);
  errors.push(...validator.validateAll(answers, locale).errors.map((e) => ({ field: e.field, message: e.message })));
  const final = validator.finalAnswers(answers);

  // The files the final answers declare, by answer path.
  const fileField = (path: string): FileField | undefined => {
    const [top, child] = fieldKey(path).split('.');
    const f = fields.get(top!);
    const field = child === undefined ? f : f?.type === 'group' ? f.fields.find((c) => 'name' in c && c.name === child) : undefined;
    return field?.type === 'file' ? field : undefined;
  };
  const expected: Expected[] = [];
  const collect = (path: string, value: unknown) => {
    const field = fileField(path);
    if (field && Array.isArray(value)) for (const meta of value as FileAnswer[]) expected.push({ path, field, meta });
  };
  for (const [name, value] of Object.entries(final)) {
    const field = fields.get(name);
    if (field?.type === 'file') collect(name, value);
    else if (field?.type === 'group' && Array.isArray(value)) value.forEach((item: Record<string, unknown>, i) => Object.entries(item).forEach(([child, v]) => collect(`${name}[${i}].${child}`, v)));
  }

  // One part per declared file, and no part that is not declared: each declared
  // file is filed under every key a faithful browser could send it with.
  const slots = new Map<string, Expected[]>();
  const keyOf = (path: string, name: string, type: string, size: number) => `${path}\u0000${name}\u0000${type}\u0000${size}`;
  for (const e of expected) {
    const names = new Set([e.meta.name, escapedName(e.meta.name)]);
    const types = new Set([e.meta.type, ...(e.meta.type === '' ? ['application/octet-stream'] : [])]);
    for (const name of names) for (const type of types) {
      const key = keyOf(e.path, name, type, e.meta.size);
      const list = slots.get(key);
      if (list) list.push(e);
      else slots.set(key, [e]);
    }
  }
  for (const u of uploads) {
    const list = slots.get(keyOf(u.field, u.name, u.type, u.bytes.length));
    // Entries already matched through another key are dropped as they are met: each is dropped at most once per key.
    while (list?.length && list[0]!.part) list.shift();
    const match = list?.shift();
    if (!match) {
      errors.push({ field: u.field, message: en ? `The file "${u.name}" was not declared in the answers` : `Berkas "${u.name}" tidak tercantum dalam isian` });
      continue;
    }
    match.part = u;
  }
  const perPath = new Map<string, number>();
  for (const e of expected) {
    const u = e.part;
    if (!u) {
      errors.push({ field: e.path, message: en ? `The file "${e.meta.name}" is missing from the upload` : `Berkas "${e.meta.name}" tidak ikut terkirim` });
      continue;
    }
    const count = (perPath.get(e.path) ?? 0) + 1;
    perPath.set(e.path, count);
    const max = e.field.maxFiles ?? 1;
    if (count > max) errors.push({ field: e.path, message: en ? `At most ${max} file(s) here` : `Paling banyak ${max} berkas di sini` });
    else if (!acceptsFile(e.field.accept, { name: u.name, size: u.bytes.length, type: u.type })) errors.push({ field: e.path, message: en ? `The file "${u.name}" is not a type this question accepts` : `Jenis berkas "${u.name}" tidak diterima` });
    else if (u.bytes.length > e.field.maxSize) errors.push({ field: e.path, message: en ? `The file "${u.name}" is too large` : `Ukuran berkas "${u.name}" melebihi batas` });
    else if (!contentMatches(u.name, u.type, u.bytes)) errors.push({ field: e.path, message: en ? `The file "${u.name}" is not really a ${u.type || 'file of that type'}` : `Isi berkas "${u.name}" tidak sesuai jenisnya` });
  }
  // The payload's own list, if sent, must describe the same parts in the same order.
  const listed = payload.files;
  if (
    Array.isArray(listed) &&
    (listed.length !== uploads.length || listed.some((meta: { field?: unknown; size?: unknown } | null, i) => meta?.field !== uploads[i]!.field || meta?.size !== uploads[i]!.bytes.length))
  ) {
    errors.push({ field: '', message: en ? 'The files do not match the list in the payload' : 'Berkas tidak sesuai dengan daftar dalam payload' });
  }
  return { errors, answers: final, files: uploads.map((u) => ({ field: u.field, name: u.name, type: u.type, size: u.bytes.length, sha256: u.sha256 })) };
}
