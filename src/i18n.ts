import type { Locale } from './locale.js';

/** A message with `{placeholders}`, or plural forms chosen by the `count` parameter. */
export type Entry = string | { readonly one?: string; readonly other: string };

/**
 * The UI strings, Bahasa Indonesia first. Every key must exist in English too:
 * `en` is typed against this object, so a missing translation fails `tsc`.
 * Indonesian follows PUEBI/EYD: "silakan", "Jumat", times as "08.00".
 */
const id = {
  // Loading and document errors: the panel's title, and what it says when
  // its own code (widgets/shared/error-panel.ts, src/load-messages.ts) cannot
  // be fetched either.
  'load.title': 'Informasi ini belum dapat ditampilkan',
  'load.network': 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu muat ulang halaman.',
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



/** Parameters for a message; `count` also selects the plural form. */
export type Params = Readonly<Record<string, string | number>>;

/** Where a catalogue's English comes from: inline, or a module fetched on first use. */
export type EnglishSource<K extends string> = Readonly<Record<K, Entry>> | (() => Promise<{ readonly default: Readonly<Record<K, Entry>> }>);

/** A translator for one catalogue, plus the raw entries for completeness tests. */
export interface Messages<K extends string> {
  (locale: Locale, key: K, params?: Params): string;
  readonly keys: readonly K[];
  /** Indonesian always; English once loaded (see {@link loadLocale}). */
  readonly catalogues: { readonly id: Readonly<Record<K, Entry>>; en?: Readonly<Record<K, Entry>> };
  /** Fetches the English catalogue when it is not inline. */
  readonly loadEnglish?: () => Promise<void>;
}

/** Every catalogue defined so far, so a schema problem can name a key from any of them. */
const registered: Messages<string>[] = [];

function format(locale: Locale, entry: Entry, params: Params): string {
  let template: string;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    // Intl.PluralRules written out for our two languages (CLDR): Indonesian
    // has one form, English "one" for exactly 1 or -1. The first PluralRules of a
    // page costs ~12 ms on a slow phone (CPU ×4), before the checklist paints.
    const one = locale === 'en' && Math.abs(Number(params.count ?? 0)) === 1;
    template = (one ? entry.one : undefined) ?? entry.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Defines a catalogue: Indonesian first, English typed against it, so a
 * missing translation fails `tsc`. Each widget has its own catalogue, so a
 * page with a banner does not download the form's strings; and English can
 * be a module fetched on first use, so an Indonesian page does not download it.
 * Until English has arrived, Indonesian is used.
 */
export function defineMessages<K extends string>(id: Record<K, Entry>, en: EnglishSource<NoInfer<K>>): Messages<K> {
  const catalogues: Messages<K>['catalogues'] = typeof en === 'function' ? { id } : { id, en };
  let loading: Promise<void> | undefined;
  const loadEnglish =
    typeof en === 'function'
      ? () =>
          (loading ??= en().then(
            (module) => void (catalogues.en = module.default),
            () => void (loading = undefined),
          ))
      : undefined;
  const t = ((locale: Locale, key: K, params: Params = {}) => format(locale, (locale === 'en' ? catalogues.en?.[key] : undefined) ?? id[key], params)) as Messages<K>;
  Object.assign(t, { keys: Object.keys(id) as K[], catalogues, loadEnglish });
  registered.push(t as unknown as Messages<string>);
  return t;
}

/** Whether every catalogue defined so far can speak a locale without fetching anything. */
export function localeReady(locale: Locale): boolean {
  return locale === 'id' || registered.every((m) => m.catalogues.en !== undefined);
}

/** Fetches the catalogues a locale still needs; resolves even when a fetch fails (Indonesian stays). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'id') return;
  await Promise.all(registered.map((m) => (m.catalogues.en ? undefined : m.loadEnglish?.())));
}

/** The shared strings: loading, calendar words. */
export const msg = defineMessages<keyof typeof id>(id, () => import('./i18n.en.js'));
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
