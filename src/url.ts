/** The URL schemes a document may link to. Anything else is never rendered as a link. */
export const ALLOWED_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

const PROBE_BASE = 'https://loket.invalid/';

/**
 * Whether a URL from a document may become a link: an allowed scheme, or a
 * relative URL. Parsed with the URL parser, so `java\nscript:` and
 * `JAVASCRIPT:` are caught the same way a browser would read them.
 */
export function isAllowedUrl(value: string): boolean {
  try {
    return (ALLOWED_SCHEMES as readonly string[]).includes(new URL(value, PROBE_BASE).protocol);
  } catch {
    return false;
  }
}

/** The absolute href for an allowed URL, resolved against `base`; `undefined` when not allowed. */
export function safeHref(value: string | undefined, base: string): string | undefined {
  if (value === undefined || !isAllowedUrl(value)) return undefined;
  try {
    const url = new URL(value, base);
    return (ALLOWED_SCHEMES as readonly string[]).includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
