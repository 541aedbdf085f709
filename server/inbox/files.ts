// Citizens' files shown to staff: inline where a browser can show them
// safely, never executed. The type comes from the file's first bytes, not
// from its name or the type the uploader claimed: an HTML page named
// "ktp.pdf" is served as a download. And every answer carries a sandboxing
// CSP, so even a PDF/HTML polyglot rendered as a document has no script and
// no access to the office's origin.

import { SIGNATURES } from '../signatures.js';

export { SNIFF_BYTES } from '../signatures.js';

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
