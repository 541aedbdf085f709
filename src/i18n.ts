import type { Locale } from './text.js';

/** A message with `{placeholders}`, or plural forms chosen by the `count` parameter. */
type Entry = string | { readonly one?: string; readonly other: string };

/**
 * The UI strings, Bahasa Indonesia first. Every key must exist in English too:
 * `en` is typed against this object, so a missing translation fails `tsc`.
 * Indonesian follows PUEBI/EYD: "silakan", "Jumat", times as "08.00".
 */
const id = {
  // Loading and document errors (shared by every widget).
  'load.title': 'Informasi ini belum dapat ditampilkan',
  'load.network': 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu muat ulang halaman.',
  'load.timeout': 'Server terlalu lama menjawab (lebih dari {seconds} detik).',
  'load.http': 'Server menjawab dengan galat HTTP {status} untuk {url}.',
  'load.notFound': 'Dokumen tidak ditemukan (HTTP 404): {url}.',
  'load.html': 'Server mengirim halaman HTML, bukan dokumen JSON: {url}.',
  'load.tooLarge': 'Dokumen terlalu besar: lebih dari {max}.',
  'load.badJson': 'Dokumen bukan JSON yang sah: {detail}.',
  'load.invalid': { other: 'Dokumen tidak sesuai format ({count} masalah):' },
  'load.noSource': 'Belum ada dokumen: isi atribut src, tambahkan <script type="application/json"> di dalam elemen, atau setel properti data.',
  'load.forAuthor': 'Untuk pengelola situs: rincian juga dicatat di konsol peramban.',
  // Calendar words.
  'day.0': 'Minggu',
  'day.1': 'Senin',
  'day.2': 'Selasa',
  'day.3': 'Rabu',
  'day.4': 'Kamis',
  'day.5': 'Jumat',
  'day.6': 'Sabtu',
  'month.1': 'Januari',
  'month.2': 'Februari',
  'month.3': 'Maret',
  'month.4': 'April',
  'month.5': 'Mei',
  'month.6': 'Juni',
  'month.7': 'Juli',
  'month.8': 'Agustus',
  'month.9': 'September',
  'month.10': 'Oktober',
  'month.11': 'November',
  'month.12': 'Desember',
  'time.at': 'pukul {time}',
  'time.range': '{from}–{to}',
  'time.today': 'hari ini',
  'time.tomorrow': 'besok',
} as const satisfies Record<string, Entry>;

const en: Record<keyof typeof id, Entry> = {
  'load.title': 'This information cannot be shown yet',
  'load.network': 'Could not reach the server. Check your internet connection, then reload the page.',
  'load.timeout': 'The server took too long to answer (more than {seconds} seconds).',
  'load.http': 'The server answered with HTTP error {status} for {url}.',
  'load.notFound': 'Document not found (HTTP 404): {url}.',
  'load.html': 'The server sent an HTML page instead of a JSON document: {url}.',
  'load.tooLarge': 'The document is too large: more than {max}.',
  'load.badJson': 'The document is not valid JSON: {detail}.',
  'load.invalid': { one: 'The document does not match the format (1 problem):', other: 'The document does not match the format ({count} problems):' },
  'load.noSource': 'No document yet: set the src attribute, add a <script type="application/json"> inside the element, or set the data property.',
  'load.forAuthor': 'For the site administrator: the details are also logged to the browser console.',
  'day.0': 'Sunday',
  'day.1': 'Monday',
  'day.2': 'Tuesday',
  'day.3': 'Wednesday',
  'day.4': 'Thursday',
  'day.5': 'Friday',
  'day.6': 'Saturday',
  'month.1': 'January',
  'month.2': 'February',
  'month.3': 'March',
  'month.4': 'April',
  'month.5': 'May',
  'month.6': 'June',
  'month.7': 'July',
  'month.8': 'August',
  'month.9': 'September',
  'month.10': 'October',
  'month.11': 'November',
  'month.12': 'December',
  'time.at': 'at {time}',
  'time.range': '{from}–{to}',
  'time.today': 'today',
  'time.tomorrow': 'tomorrow',
};

/** Parameters for a message; `count` also selects the plural form. */
export type Params = Readonly<Record<string, string | number>>;

/** A translator for one catalogue, plus the raw entries for completeness tests. */
export interface Messages<K extends string> {
  (locale: Locale, key: K, params?: Params): string;
  readonly keys: readonly K[];
  readonly catalogues: Readonly<Record<Locale, Readonly<Record<K, Entry>>>>;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/** Every catalogue defined so far, so a schema problem can name a key from any of them. */
const registered: Messages<string>[] = [];

function format(locale: Locale, entry: Entry, params: Params): string {
  let template: string;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const form = rules.select(Number(params.count ?? 0));
    template = (form === 'one' ? entry.one : undefined) ?? entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Defines a catalogue: Indonesian first, English typed against it, so a
 * missing translation fails `tsc`. Each widget has its own catalogue, so a
 * page with a banner does not download the form's strings.
 */
export function defineMessages<K extends string>(id: Record<K, Entry>, en: Record<NoInfer<K>, Entry>): Messages<K> {
  const catalogues = { id, en } as Record<Locale, Record<K, Entry>>;
  const t = ((locale: Locale, key: K, params: Params = {}) => format(locale, catalogues[locale][key], params)) as Messages<K>;
  Object.assign(t, { keys: Object.keys(id) as K[], catalogues });
  registered.push(t as unknown as Messages<string>);
  return t;
}

/** The shared strings: loading, schema problems, calendar words. */
export const msg = defineMessages<keyof typeof id>(id, en);
export type MessageKey = keyof typeof id;

/** Whether a string names an entry of any catalogue (schemas use keys as their error text). */
export function isMessageKey(value: unknown): value is string {
  return typeof value === 'string' && registered.some((m) => Object.hasOwn(m.catalogues.id, value));
}

/** Translates a key from whichever catalogue defines it; the key itself when none does. */
export function translate(locale: Locale, key: string, params: Params = {}): string {
  const owner = registered.find((m) => Object.hasOwn(m.catalogues.id, key));
  return owner ? owner(locale, key, params) : key;
}

/** Every catalogue, for completeness tests. */
export function allMessages(): readonly Messages<string>[] {
  return registered;
}
