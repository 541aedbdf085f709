import { defineMessages } from './i18n.js';
import type { Locale } from './locale.js';

// Why JSON text is not JSON, in the reader's language. JSON.parse's own
// message is in the browser's language ("Unexpected token '}'…" on an
// Indonesian page) and carries no position in some engines, so after it fails
// a small reader walks the text once more to find the first mistake, its line
// and column, and the likely cause. Loaded with the author messages, only
// when a document fails.

/** The causes the reader tells apart; `unexpected` when none fits better. */
export const JSON_MISTAKES = ['empty', 'end', 'trailingComma', 'singleQuote', 'comment', 'unquotedKey', 'control', 'escape', 'missingComma', 'missingColon', 'extra', 'unexpected'] as const;
export type JsonMistake = (typeof JSON_MISTAKES)[number];

/** The first mistake in JSON text: where (from 1) and what. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly mistake: JsonMistake;
  /** The character found there, when there is one. */
  readonly found?: string;
}

export const jsonMsg = defineMessages(
  {
    'json.at': '{problem} (baris {line}, kolom {column})',
    'json.empty': 'dokumen kosong',
    'json.end': 'dokumen terpotong: ada {, [ atau " yang belum ditutup',
    'json.trailingComma': 'koma berlebih sebelum {found}',
    'json.singleQuote': 'teks dan nama kunci diapit tanda kutip ganda ("), bukan tunggal (\')',
    'json.comment': 'JSON tidak mengenal komentar (// atau /* … */)',
    'json.unquotedKey': 'nama kunci harus diapit tanda kutip ganda, misalnya "title"',
    'json.control': 'teks tidak boleh memuat ganti baris atau tab secara langsung; tulis \\n atau \\t',
    'json.escape': 'garis miring terbalik (\\) yang tidak sah di dalam teks; tulis \\\\ untuk satu garis miring terbalik',
    'json.missingComma': 'kurang koma sebelum {found}',
    'json.missingColon': 'kurang titik dua (:) sesudah nama kunci',
    'json.extra': 'masih ada teks sesudah akhir dokumen',
    'json.unexpected': 'tanda {found} tidak diharapkan di sini',
  },
  {
    'json.at': '{problem} (line {line}, column {column})',
    'json.empty': 'the document is empty',
    'json.end': 'the document is cut short: a {, [ or " is never closed',
    'json.trailingComma': 'a comma too many before {found}',
    'json.singleQuote': 'texts and key names take double quotes ("), not single quotes (\')',
    'json.comment': 'JSON has no comments (// or /* … */)',
    'json.unquotedKey': 'key names take double quotes, for example "title"',
    'json.control': 'a text cannot hold a line break or tab as it is; write \\n or \\t',
    'json.escape': 'a backslash (\\) that is not allowed in a text; write \\\\ for one backslash',
    'json.missingComma': 'a comma is missing before {found}',
    'json.missingColon': 'a colon (:) is missing after the key name',
    'json.extra': 'there is more text after the end of the document',
    'json.unexpected': '{found} is not expected here',
  },
);

class Mistake {
  constructor(
    readonly offset: number,
    readonly mistake: JsonMistake,
  ) {}
}

/**
 * Finds the first mistake in text that JSON.parse rejected; `undefined` when
 * the reader finds none (then the text was valid after all).
 */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  const source = text.replace(/^\uFEFF/, '');
  let i = 0;
  const fail = (mistake?: JsonMistake): never => {
    if (i >= source.length) throw new Mistake(i, source.trim() ? 'end' : 'empty');
    const c = source[i];
    throw new Mistake(i, mistake ?? (c === "'" ? 'singleQuote' : c === '/' ? 'comment' : 'unexpected'));
  };
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++;
  };
  const string = () => {
    if (source[i] !== '"') fail();
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source.charCodeAt(i) < 0x20) fail('control');
      if (source[i] === '\\') {
        i++;
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) fail('escape');
          i += 4;
        } else if (i < source.length && !'"\\/bfnrt'.includes(source[i]!)) {
          i--;
          fail('escape');
        }
      }
      i++;
    }
    if (i >= source.length) fail();
    i++;
  };
  const literal = (word: string) => {
    if (!source.startsWith(word, i)) fail();
    i += word.length;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  // After a member or an element: a comma, or the closing bracket.
  const next = (close: '}' | ']'): boolean => {
    ws();
    if (source[i] === close) {
      i++;
      return false;
    }
    if (source[i] === ',') {
      i++;
      ws();
      if (source[i] === '}' || source[i] === ']') fail('trailingComma');
      return true;
    }
    if (i < source.length && '"{[-0123456789tfn'.includes(source[i]!)) fail('missingComma');
    return fail();
  };
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{') {
      i++;
      ws();
      if (source[i] === '}') return void i++;
      do {
        ws();
        if (i < source.length && /[A-Za-z_$]/.test(source[i]!)) fail('unquotedKey');
        string();
        ws();
        if (source[i] !== ':') fail(source[i] === '"' ? 'missingComma' : 'missingColon');
        i++;
        value();
      } while (next('}'));
    } else if (c === '[') {
      i++;
      ws();
      if (source[i] === ']') return void i++;
      do value();
      while (next(']'));
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (i < source.length) fail('extra');
    return undefined;
  } catch (error) {
    if (!(error instanceof Mistake)) return undefined;
    const before = source.slice(0, error.offset).split('\n');
    const found = source[error.offset];
    return { line: before.length, column: before[before.length - 1]!.length + 1, mistake: error.mistake, found };
  }
}

/** A located, translated description: `koma berlebih sebelum } (baris 3, kolom 5)`. */
export function describeJsonError(text: string, locale: Locale): string | undefined {
  const error = findJsonError(text);
  if (!error) return undefined;
  const found = error.found === undefined ? '' : JSON.stringify(error.found);
  const problem = jsonMsg(locale, `json.${error.mistake}`, { found });
  if (error.mistake === 'empty') return problem;
  return jsonMsg(locale, 'json.at', { problem, line: error.line, column: error.column });
}
