// Citizens' files shown to staff: inline where a browser can show them
// safely, never executed. The type comes from the file's first bytes, not
// from its name or the type the uploader claimed: an HTML page named
// "ktp.pdf" is served as a download. And every answer carries a sandboxing
// CSP, so even a PDF/HTML polyglot rendered as a document has no script and
// no access to the office's origin.

/** Types shown inline, with their magic bytes. SVG is absent on purpose: it is a script-capable document. */
const SIGNATURES: readonly { readonly type: string; readonly test: (b: Uint8Array) => boolean }[] = [
  { type: 'application/pdf', test: (b) => starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) }, // %PDF-
  { type: 'image/jpeg', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/png', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/gif', test: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]) },
  { type: 'image/webp', test: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]) },
];

function starts(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** How many leading bytes `sniffType` needs. */
export const SNIFF_BYTES = 16;

/** The type a file's first bytes prove, among the inline-safe ones; `undefined` for anything else. */
export function sniffType(head: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.test(head))?.type;
}

/** `"ktp budi.pdf"` → a quoted ASCII fallback plus the exact UTF-8 name (RFC 6266). */
function dispositionName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_').slice(0, 150) || 'berkas';
  const exact = encodeURIComponent(name.slice(0, 150)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * The response headers for a stored file, from its name and first bytes: a
 * recognised image or PDF opens inline (`view`), anything else downloads.
 * `download` always downloads, as the token-protected tools' route does.
 */
export function fileHeaders(name: string, head: Uint8Array, open: 'view' | 'download' = 'view'): Record<string, string> {
  const type = open === 'view' ? sniffType(head) : undefined;
  return {
    'content-type': type ?? 'application/octet-stream',
    'content-disposition': `${type ? 'inline' : 'attachment'}; ${dispositionName(name)}`,
    'x-content-type-options': 'nosniff',
    // `sandbox` without allow-scripts: no script, an opaque origin (no cookies, no storage of ours).
    'content-security-policy': "sandbox; default-src 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  };
}
