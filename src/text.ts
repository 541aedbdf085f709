import * as z from 'zod/mini';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();

/** The languages loket speaks. Bahasa Indonesia comes first and is the default. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Text written by a schema author: a plain string (used in every language) or
 * `{ "id": "…", "en": "…" }`. Indonesian is required; English falls back to it.
 */
export const Text = z.union([
  z.string(),
  z.strictObject({ id: z.string(), en: z.optional(z.string()) }),
], { error: 'schema.text' });
export type Text = z.infer<typeof Text>;

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
