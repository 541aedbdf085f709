import type { Entry } from './i18n.js';

// The error panel's messages, Bahasa Indonesia and English together: they
// travel with the panel's code (widgets/shared/error-panel.ts), fetched only
// when a document cannot be shown, so a phone never downloads them on the
// happy path. The title and the offline message, shown when the panel's own
// code cannot be fetched, stay in src/i18n.ts. scripts/docs.mjs reads both
// files for the "what to do" table: keep this module free of runtime imports.

export const id = {
  'load.timeout': 'Server terlalu lama menjawab (lebih dari {seconds} detik).',
  'load.http': 'Server menjawab dengan galat HTTP {status} untuk {url}.',
  'load.notFound': 'Dokumen tidak ditemukan (HTTP 404): {url}.',
  'load.html': 'Server mengirim halaman HTML, bukan dokumen JSON: {url}.',
  'load.tooLarge': 'Dokumen terlalu besar: lebih dari {max}.',
  'load.badJson': 'Dokumen bukan JSON yang sah: {detail}.',
  'load.badJsonPlain': 'Dokumen bukan JSON yang sah.',
  'load.invalid': { other: 'Dokumen tidak sesuai format ({count} masalah):' },
  'load.badUrl': 'Alamat dokumen tidak sah: "{url}". Periksa atribut src.',
  'load.noSource': 'Belum ada dokumen: isi atribut src, tambahkan <script type="application/json"> di dalam elemen, atau setel properti data.',
  'load.forAuthor': 'Untuk pengelola situs: rincian juga dicatat di konsol peramban.',
} as const satisfies Record<string, Entry>;

export type LoadMessageKey = keyof typeof id;

export const en: Record<LoadMessageKey, Entry> = {
  'load.timeout': 'The server took too long to answer (more than {seconds} seconds).',
  'load.http': 'The server answered with HTTP error {status} for {url}.',
  'load.notFound': 'Document not found (HTTP 404): {url}.',
  'load.html': 'The server sent an HTML page instead of a JSON document: {url}.',
  'load.tooLarge': 'The document is too large: more than {max}.',
  'load.badJson': 'The document is not valid JSON: {detail}.',
  'load.badJsonPlain': 'The document is not valid JSON.',
  'load.invalid': { one: 'The document does not match the format (1 problem):', other: 'The document does not match the format ({count} problems):' },
  'load.badUrl': 'The document address is not valid: "{url}". Check the src attribute.',
  'load.noSource': 'No document yet: set the src attribute, add a <script type="application/json"> inside the element, or set the data property.',
  'load.forAuthor': 'For the site administrator: the details are also logged to the browser console.',
};
