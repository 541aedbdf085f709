import type { StatusLookup } from './format.js';

// The receipt's "Lacak permohonan" link and how the status page reads it. The
// number and the secret travel in the URL fragment (`#nomor=…&kode=…`):
// browsers never send a fragment to the server, so it stays out of access logs
// and Referer headers. The page removes it from the address bar once read.

/** The parameter names in the link: Indonesian, as a citizen may read them aloud. */
export const LINK_NUMBER = 'nomor';
export const LINK_SECRET = 'kode';

/** The tracking page's URL with the number and secret in its fragment; `undefined` for an unusable page URL. */
export function trackingHref(page: string, lookup: StatusLookup, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(page, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const params = new URLSearchParams({ [LINK_NUMBER]: lookup.trackingNumber, [LINK_SECRET]: lookup.secret });
  url.hash = params.toString();
  return url.href;
}

/** What a page address carries: the lookup (complete or only the number) and the address without it. */
export interface LinkRead {
  readonly trackingNumber?: string;
  readonly secret?: string;
  /** The same address with the number and secret removed, for `history.replaceState`; `undefined` when nothing was removed. */
  readonly cleaned?: string;
}

/**
 * Reads the number and the secret from a page address: the fragment first,
 * else the query (some mail and chat apps drop fragments; the query works but
 * reaches the server's log, so the receipt never writes it there).
 */
export function readTrackingLink(href: string): LinkRead {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return {};
  }
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const query = url.searchParams;
  const from = fragment.has(LINK_NUMBER) ? fragment : query.has(LINK_NUMBER) ? query : undefined;
  if (!from) return {};
  const trackingNumber = from.get(LINK_NUMBER)?.trim() || undefined;
  const secret = from.get(LINK_SECRET)?.trim() || undefined;
  from.delete(LINK_NUMBER);
  from.delete(LINK_SECRET);
  if (from === fragment) {
    const rest = fragment.toString();
    url.hash = rest ? `#${rest}` : '';
  } else {
    url.search = query.toString();
  }
  // An empty fragment still leaves "#" behind; drop it so the address looks untouched.
  const cleaned = url.href.replace(/#$/, '');
  return { trackingNumber, secret, cleaned };
}
