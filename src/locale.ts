// Locales and author text, without zod: what every widget needs at first
// render. The zod definition of author text is in text.ts.

/** The languages loket speaks. Bahasa Indonesia comes first and is the default. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Text written by a schema author: a plain string (used in every language) or
 * `{ "id": "…", "en": "…" }`. Indonesian is required; English falls back to it.
 * Its zod definition (`Text` in text.ts) is the format; this is its type.
 */
export type Text = string | { id: string; en?: string | undefined };

/** Resolves schema text for a locale. Always returns a string, never HTML. */
export function text(value: Text | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return (locale === 'en' ? value.en : undefined) ?? value.id;
}

/** Maps any BCP 47 tag to a loket locale: English for `en*`, Indonesian otherwise. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  return tag.trim().toLowerCase().startsWith('en') ? 'en' : 'id';
}

/**
 * The locale for an element: its own `lang`, else the nearest ancestor's, else the
 * page's, else Indonesian.
 */
export function localeOf(element: Element): Locale {
  const owner = element.closest('[lang]');
  return toLocale(owner?.getAttribute('lang')) ?? toLocale(element.ownerDocument?.documentElement.lang) ?? 'id';
}
