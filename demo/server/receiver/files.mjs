// Checks on uploaded files that do not trust the browser: the declared
// metadata must match the bytes, and the bytes must look like the type.

const SIGNATURES = [
  { type: 'application/pdf', ext: ['.pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'image/jpeg', ext: ['.jpg', '.jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: ['.png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', ext: ['.webp'], test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The type the bytes are, by signature; undefined when unknown. */
export function sniff(bytes) {
  return SIGNATURES.find((s) => s.test(bytes))?.type;
}

/**
 * Whether the bytes agree with the file's name and declared type: a known
 * type (by extension or MIME) must carry its signature; others pass.
 */
export function contentMatches(name, type, bytes) {
  const lower = name.toLowerCase();
  const known = SIGNATURES.find((s) => s.type === type || s.ext.some((e) => lower.endsWith(e)));
  return known ? known.test(bytes) : true;
}

/** A file name safe to put on disk: letters, digits, dot, dash, underscore; at most 80 characters. */
export function safeName(name) {
  const cleaned = String(name).normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-80);
  return cleaned || 'berkas';
}
