// The one embedding snippet. The snippet builder (demo/sematan.js) prints it,
// scripts/docs.mjs writes it into the README, the docs and demo/embed.html,
// and scripts/release.mjs into BACA-SAYA.txt, so every place a webmaster
// copies from says the same thing. Plain JavaScript with no imports: it runs
// in the browser under script-src 'self' and in Node.

/** Per widget: the placeholder document (or service, for `attribute: 'endpoint'`), the demo's example, the fallback link. */
export const WIDGETS = {
  'loket-service-status': {
    src: '/loket/status.json',
    example: '/demo/status/tabanan.json',
    fallbackHref: '/layanan',
    fallbackText: 'Lihat status layanan di situs kantor',
  },
  'loket-requirement-checklist': {
    src: '/loket/persyaratan.json',
    example: '/demo/checklists/pbg.json',
    fallbackHref: '/persyaratan',
    fallbackText: 'Lihat daftar persyaratan di situs kantor',
  },
  'loket-permit-form': {
    src: '/loket/formulir.json',
    example: '/demo/forms/tanya-ptsp.json',
    fallbackHref: '/formulir.pdf',
    fallbackText: 'Unduh formulir permohonan (PDF)',
  },
  // The tracking page asks a service, not a document: its address goes in `endpoint`.
  'loket-application-status': {
    attribute: 'endpoint',
    src: '/api/status',
    example: '/api/status',
    fallbackHref: '/layanan',
    fallbackText: 'Tanyakan status permohonan ke kantor',
  },
};

/** What the docs show instead of a real hash (a real one changes with every build). */
export const INTEGRITY_PLACEHOLDER = 'sha384-…';

/** Escapes a value for a double-quoted HTML attribute. */
export const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Escapes text for HTML content. */
export const text = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The snippet as text to copy. Defaults give the canonical one: the service-status
 * banner, Indonesian whatever the page's language, loket pinned to its version folder.
 * @param {{ version: string, integrity?: string, base?: string, widget?: keyof typeof WIDGETS,
 *   src?: string, lang?: '' | 'id' | 'en', action?: string, fallbackHref?: string, fallbackText?: string }} options
 */
export function snippet({ version, integrity = INTEGRITY_PLACEHOLDER, base = `/loket/${version}/`, widget = 'loket-service-status', src, lang = 'id', action = '', fallbackHref, fallbackText }) {
  const defaults = WIDGETS[widget];
  if (!defaults) throw new Error(`unknown widget ${widget}`);
  const loader = `${base}${base.endsWith('/') ? '' : '/'}loket.js`;
  const attrs = [
    `${defaults.attribute ?? 'src'}="${attr(src ?? defaults.src)}"`,
    lang ? `lang="${attr(lang)}"` : '',
    widget === 'loket-service-status' ? 'refresh="300"' : '',
    widget === 'loket-permit-form' && action ? `action="${attr(action)}"` : '',
  ].filter(Boolean);
  const href = fallbackHref ?? defaults.fallbackHref;
  const label = fallbackText ?? defaults.fallbackText;
  const inner = href && label ? `\n  <a href="${attr(href)}">${text(label)}</a>\n` : label ? `\n  ${text(label)}\n` : '';
  return `<!-- loket ${version}: sekali per halaman -->
<script type="module" src="${attr(loader)}"
  integrity="${attr(integrity)}" crossorigin="anonymous"></script>

<${widget} ${attrs.join(' ')}>${inner}</${widget}>
`;
}

/**
 * Hints for the page's `<head>`: the browser then fetches the widget's code
 * (`chunks`, its list in dist/preload.json) and its document together with
 * `loket.js`, instead of after it, one round trip sooner (docs/kecepatan.md).
 * loket's own fetch of `src` takes over the preloaded response (one request,
 * checked in Chromium by test/loader.test.ts). The file names change with
 * every version, like the folder.
 * @param {{ version: string, base?: string, widget?: keyof typeof WIDGETS, src?: string, chunks: readonly string[] }} options
 */
export function hints({ version, base = `/loket/${version}/`, widget = 'loket-service-status', src, chunks }) {
  const defaults = WIDGETS[widget];
  if (!defaults) throw new Error(`unknown widget ${widget}`);
  const folder = `${base}${base.endsWith('/') ? '' : '/'}`;
  const lines = chunks.map((file) => `<link rel="modulepreload" href="${attr(folder + file)}">`);
  // The tracking page asks its service with the citizen's number: nothing to fetch ahead.
  if (!defaults.attribute) lines.push(`<link rel="preload" as="fetch" crossorigin href="${attr(src ?? defaults.src)}">`);
  return `<!-- loket ${version}: di <head>, untuk halaman dengan <${widget}> -->\n${lines.join('\n')}\n`;
}
