import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/i18n.js';
import { describeJsonError, findJsonError } from '../../src/json-error.js';

// JSON.parse's messages are in the browser's language and sometimes without a
// place; an author on an Indonesian page reads ours, with line and column.

describe('what is wrong with text that is not JSON', () => {
  before(() => loadLocale('en'));

  const cases: Array<[string, string, string, string]> = [
    ['a trailing comma', '{\n  "version": 1,\n}', 'koma berlebih sebelum "}" (baris 3, kolom 1)', 'a comma too many before "}" (line 3, column 1)'],
    ['a trailing comma in a list', '[1, 2, ]', 'koma berlebih sebelum "]" (baris 1, kolom 8)', 'a comma too many before "]" (line 1, column 8)'],
    ['single quotes', "{ 'version': 1 }", 'teks dan nama kunci diapit tanda kutip ganda ("), bukan tunggal (\') (baris 1, kolom 3)', 'texts and key names take double quotes ("), not single quotes (\') (line 1, column 3)'],
    ['a comment', '{\n  // jam\n  "a": 1 }', 'JSON tidak mengenal komentar (// atau /* … */) (baris 2, kolom 3)', 'JSON has no comments (// or /* … */) (line 2, column 3)'],
    ['a key without quotes', '{ version: 1 }', 'nama kunci harus diapit tanda kutip ganda, misalnya "title" (baris 1, kolom 3)', 'key names take double quotes, for example "title" (line 1, column 3)'],
    ['a missing comma', '{ "a": 1\n  "b": 2 }', 'kurang koma sebelum "\\"" (baris 2, kolom 3)', 'a comma is missing before "\\"" (line 2, column 3)'],
    ['a missing colon', '{ "a" 1 }', 'kurang titik dua (:) sesudah nama kunci (baris 1, kolom 7)', 'a colon (:) is missing after the key name (line 1, column 7)'],
    ['a document cut short', '{ "a": [1, 2', 'dokumen terpotong: ada {, [ atau " yang belum ditutup (baris 1, kolom 13)', 'the document is cut short: a {, [ or " is never closed (line 1, column 13)'],
    ['a line break inside a text', '{ "a": "baris\nbaru" }', 'teks tidak boleh memuat ganti baris atau tab secara langsung; tulis \\n atau \\t (baris 1, kolom 14)', 'a text cannot hold a line break or tab as it is; write \\n or \\t (line 1, column 14)'],
    ['a bad escape', '{ "path": "C:\\data" }', 'garis miring terbalik (\\) yang tidak sah di dalam teks; tulis \\\\ untuk satu garis miring terbalik (baris 1, kolom 14)', 'a backslash (\\) that is not allowed in a text; write \\\\ for one backslash (line 1, column 14)'],
    ['text after the end', '{ "a": 1 } }', 'masih ada teks sesudah akhir dokumen (baris 1, kolom 12)', 'there is more text after the end of the document (line 1, column 12)'],
    ['an HTML page', '<!doctype html>', 'tanda "<" tidak diharapkan di sini (baris 1, kolom 1)', '"<" is not expected here (line 1, column 1)'],
    ['nothing at all', '  \n', 'dokumen kosong', 'the document is empty'],
  ];
  for (const [what, text, id, en] of cases) {
    it(`names ${what} and where, in Indonesian and English`, () => {
      expect(() => JSON.parse(text), 'JSON.parse rejects it too').to.throw();
      expect(describeJsonError(text, 'id')).to.equal(id);
      expect(describeJsonError(text, 'en')).to.equal(en);
    });
  }

  it('finds nothing wrong in valid JSON, with or without a byte-order mark', () => {
    expect(findJsonError('{ "a": [1, -2.5e3, true, false, null, "\\u00e9\\n"] }')).to.equal(undefined);
    expect(findJsonError('\uFEFF{ "a": 1 }')).to.equal(undefined);
  });
});
