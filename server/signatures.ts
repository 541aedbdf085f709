// The file types loket recognises by their first bytes, in one table: the
// receiver refuses a file whose name or declared type is one of these but
// whose bytes are not (check.ts), and the staff inbox opens a file inline
// only when its bytes prove one of these (inbox/files.ts). SVG is absent on
// purpose: it is a script-capable document.

export interface Signature {
  readonly type: string;
  /** File-name endings that claim this type, lower case. */
  readonly extensions: readonly string[];
  readonly test: (bytes: Uint8Array) => boolean;
}

/** Whether `bytes` begins with `prefix`. */
const starts = (bytes: Uint8Array, prefix: readonly number[]) => bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export const SIGNATURES: readonly Signature[] = [
  { type: 'application/pdf', extensions: ['.pdf'], test: (b) => starts(b, ascii('%PDF-')) },
  { type: 'image/jpeg', extensions: ['.jpg', '.jpeg'], test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/png', extensions: ['.png'], test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/gif', extensions: ['.gif'], test: (b) => starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a')) },
  { type: 'image/webp', extensions: ['.webp'], test: (b) => starts(b, ascii('RIFF')) && starts(b.subarray(8), ascii('WEBP')) },
];

/** How many leading bytes the tests need. */
export const SNIFF_BYTES = 16;
