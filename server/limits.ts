// What a form can send, worked out from its document, so the receiver's
// limits and the form's declared files agree: the receiver accepts every
// request a valid form can make, and nothing much larger. `loket validate`
// uses the same numbers to warn an author whose form declares more than the
// receiver accepts.
import type { FormDocument } from '../src/form/format.js';

/** Headers and boundary of one multipart part, generously. */
export const PART_OVERHEAD_BYTES = 1024;
/** Deeper than any form's answers can be (a group of items holding a date or files is 5). */
export const MAX_PAYLOAD_DEPTH = 32;
/** The multipart part that carries the JSON payload. */
export const PAYLOAD_PART = 'payload';

/** What one form can send at most. */
export interface FormCapacity {
  /** Bytes of files, every file field at its maxSize × maxFiles (× a group's max items). */
  readonly fileBytes: number;
  /** How many files. */
  readonly files: number;
  /** The largest single file. */
  readonly largestFile: number;
  /** False when a group holding files has no `max`: then only the receiver's limit bounds it. */
  readonly bounded: boolean;
}

/** The files a form can send at most. */
export function formCapacity(form: FormDocument): FormCapacity {
  let fileBytes = 0;
  let files = 0;
  let largestFile = 0;
  let bounded = true;
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (field.type === 'file') {
        const count = field.maxFiles ?? 1;
        fileBytes += field.maxSize * count;
        files += count;
        largestFile = Math.max(largestFile, field.maxSize);
      } else if (field.type === 'group') {
        let perItemBytes = 0;
        let perItemFiles = 0;
        for (const child of field.fields) {
          if (child.type !== 'file') continue;
          perItemBytes += child.maxSize * (child.maxFiles ?? 1);
          perItemFiles += child.maxFiles ?? 1;
          largestFile = Math.max(largestFile, child.maxSize);
        }
        if (perItemFiles === 0) continue;
        if (field.max === undefined) bounded = false;
        const items = field.max ?? 1;
        fileBytes += perItemBytes * items;
        files += perItemFiles * items;
      }
    }
  }
  return { fileBytes, files, largestFile, bounded };
}

/** The largest request a form can make: its files, their part headers, and the JSON payload. */
export function formRequestBytes(capacity: FormCapacity, maxJsonBytes: number): number {
  return capacity.fileBytes + (capacity.files + 1) * PART_OVERHEAD_BYTES + maxJsonBytes;
}

/** Why a form cannot be received whole by a receiver with this limit, or undefined when it can. */
export function capacityProblem(capacity: FormCapacity, limits: { readonly maxRequestBytes: number; readonly maxJsonBytes: number }, locale: 'id' | 'en' = 'id'): string | undefined {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  const needed = formRequestBytes(capacity, limits.maxJsonBytes);
  if (!capacity.bounded) {
    return locale === 'en'
      ? `a group holds file questions but has no "max": the receiver accepts at most ${mb(limits.maxRequestBytes)} per application; give the group a "max"`
      : `sebuah grup berisi pertanyaan berkas tetapi tanpa "max": penerima hanya menerima ${mb(limits.maxRequestBytes)} per permohonan; beri grup itu "max"`;
  }
  if (needed <= limits.maxRequestBytes) return undefined;
  return locale === 'en'
    ? `the form's files can add up to ${mb(needed)}, more than the receiver accepts (${mb(limits.maxRequestBytes)}, --max-request-bytes): lower maxSize or maxFiles, or raise the receiver's limit`
    : `berkas formulir ini bisa mencapai ${mb(needed)}, lebih dari yang diterima penerima (${mb(limits.maxRequestBytes)}, --max-request-bytes): kecilkan maxSize atau maxFiles, atau naikkan batas penerima`;
}
