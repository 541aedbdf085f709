import { defineMessages } from '../i18n.js';

/**
 * Problems in a requirement-checklist document (ids, conditions naming
 * questions and options), read by its author after a path. Loaded only when
 * a document fails (src/messages/authoring.ts), so a citizen's phone never
 * downloads them on the happy path.
 */
export const checklistDocumentMsg = defineMessages(
  {
    'checklist.unknownVariant': 'pertanyaan "{name}" tidak ada di daftar ini; pertanyaan yang ada: {known}',
    'checklist.noVariants': 'pertanyaan "{name}" tidak ada: daftar ini belum punya "variants"',
    'checklist.unknownOption': 'pilihan "{value}" tidak ada di pertanyaan "{name}"; pilihan yang ada: {known}',
    'checklist.applyTarget': '"apply" memerlukan "url" (halaman formulir) atau "form" (id formulir loket), atau keduanya',
    'checklist.whenNeeded': '"whenNeeded" hanya berlaku untuk dokumen dengan "optional": true',
    'checklist.id': 'id "{value}" tidak sah; gunakan huruf, angka, "-" atau "_", diawali huruf (contoh: jenisPemohon)',
  },
  {
    'checklist.unknownVariant': 'question "{name}" does not exist in this checklist; the questions are: {known}',
    'checklist.noVariants': 'question "{name}" does not exist: this checklist has no "variants"',
    'checklist.unknownOption': 'option "{value}" does not exist in question "{name}"; its options are: {known}',
    'checklist.applyTarget': '"apply" needs "url" (the form page) or "form" (the id of a loket form), or both',
    'checklist.whenNeeded': '"whenNeeded" applies only to documents with "optional": true',
    'checklist.id': 'id "{value}" is not valid; use letters, digits, "-" or "_", starting with a letter (for example jenisPemohon)',
  },
);
export type ChecklistDocumentMessageKey = Parameters<typeof checklistDocumentMsg>[1];
