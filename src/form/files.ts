import type { Locale } from '../locale.js';
import type { FileAnswer } from './answers.js';
import { laterMsg } from './later-messages.js';

// File checks by name, size and type only, so that a backend in Node runs
// the same rules as the browser. The server must still check the content.

const canonical = (ext: string) => (ext === '.jpeg' ? '.jpg' : ext);
/** The extension of the common MIME types, so `application/pdf` accepts `surat.pdf` sent without a type. */
const MIME_EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/** Whether a file matches one of the accepted extensions or MIME types (by name or by type). */
export function acceptsFile(accept: readonly string[], file: FileAnswer): boolean {
  const name = file.name.toLowerCase();
  const dot = name.lastIndexOf('.');
  const ext = canonical(dot > 0 ? name.slice(dot) : '');
  const type = file.type.toLowerCase();
  return accept.some((entry) => {
    const a = entry.toLowerCase();
    if (a.startsWith('.')) return canonical(a) === ext;
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return type === a || MIME_EXTENSIONS[a] === ext;
  });
}

/** The accepted types as citizens know them: "PDF, JPG, atau PNG". */
export function acceptedNames(accept: readonly string[], locale: Locale): string {
  const names = accept.map((entry) => {
    const a = entry.toLowerCase();
    if (a === 'image/*') return laterMsg(locale, 'ui.anyImage');
    const ext = a.startsWith('.') ? canonical(a) : (MIME_EXTENSIONS[a] ?? `.${a.slice(a.indexOf('/') + 1)}`);
    return ext.slice(1).toUpperCase();
  });
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format([...new Set(names)]);
}

/**
 * A size limit as written on the office's notice: 2097152 and 2000000 bytes
 * both read "2 MB" (whichever base divides it evenly), 524288 "512 KB".
 */
export function formatSize(bytes: number, locale: Locale): string {
  const [unit, base] =
    bytes >= 1e6 ? ['MB', bytes % 1e6 === 0 ? 1e6 : 1048576] : bytes >= 1e3 ? ['KB', bytes % 1e3 === 0 ? 1e3 : 1024] : ['B', 1];
  const number = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en', { maximumFractionDigits: 1 }).format(bytes / base);
  return `${number} ${unit}`;
}
