import * as z from 'zod/mini';
import type { Text as TextValue } from './locale.js';
import { ownKeysOnlyWhileLoading } from './prototypes.js';

// Before any schema is built: see prototypes.ts.
ownKeysOnlyWhileLoading();

// The zod definition of author text. Everything a widget needs at run time
// (`text`, `localeOf`, the locales) is in locale.ts, which has no zod.
export { LOCALES, localeOf, text, toLocale, type Locale } from './locale.js';

/**
 * Text written by a schema author: a plain string (used in every language) or
 * `{ "id": "…", "en": "…" }`. Indonesian is required; English falls back to it.
 */
export const Text = z.union([
  z.string(),
  z.strictObject({ id: z.string(), en: z.optional(z.string()) }),
], { error: 'schema.text' });
export type Text = TextValue;
