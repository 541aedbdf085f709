import { adoptStyles, css, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import type { LoketErrorDetail } from '../../src/events.js';
import { defineMessages, msg, translate } from '../../src/i18n.js';
import { id, en } from '../../src/load-messages.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, delaySeconds, type LoadError } from '../../src/load.js';
import type { Locale } from '../../src/locale.js';

// The error panel: its messages, template and styles. Fetched by
// LoketElement the first time a document cannot be shown, so a phone does
// not download it before a widget's first paint. When this module itself
// cannot be fetched, LoketElement shows a plain message instead.

/** The panel's messages; English inline, since this module is fetched on failure only. */
export const panelMsg = defineMessages(id, en);

const styles = css`
  .error-panel {
    border: 2px solid var(--loket-color-danger, #b3261e);
    border-inline-start-width: 6px;
    border-radius: var(--loket-radius, 6px);
    background: var(--loket-color-surface, #fff);
    padding: 0.75rem 1rem;
    margin: 0 0 0.5rem;
  }
  .error-panel p {
    margin: 0 0 0.5rem;
  }
  .error-title {
    color: var(--loket-color-danger, #b3261e);
  }
  .problems {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .problems code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.9em;
    background: var(--loket-color-code, #f3f4f6);
    padding: 0 0.2em;
    border-radius: 3px;
  }
  .for-author {
    font-size: 0.875em;
    color: var(--loket-color-muted, #4b5563);
  }
`;

const styled = new WeakSet<Node>();

/** Adds the panel's styles to an element's shadow root, after the widget's own, once. */
export function adoptPanelStyles(root: HTMLElement | DocumentFragment): void {
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  if (supportsAdoptingStyleSheets && styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  // Older engines: Lit's own fallback, a <style> element (with the page's nonce, if any).
  else adoptStyles(root, [styles]);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * What went wrong, in a sentence for the citizen and the webmaster.
 * `timeout` is the element's attribute (seconds); `describeJson` turns a
 * JSON syntax error into our own words when the authoring messages arrived.
 */
export function describe(error: LoadError, count: number, t: Locale, timeout: number, describeJson?: (source: string, locale: Locale) => string | undefined): string {
  const url = error.url ?? '';
  switch (error.kind) {
    case 'network':
      return msg(t, 'load.network');
    case 'timeout':
      return panelMsg(t, 'load.timeout', { seconds: delaySeconds(timeout, DEFAULT_TIMEOUT_MS / 1000) });
    case 'http':
      return error.status === 404 ? panelMsg(t, 'load.notFound', { url }) : panelMsg(t, 'load.http', { status: error.status ?? 0, url });
    case 'html':
      return panelMsg(t, 'load.html', { url: url || 'script' });
    case 'too-large':
      return panelMsg(t, 'load.tooLarge', { max: formatBytes(DEFAULT_MAX_BYTES) });
    case 'json': {
      const detail = error.source !== undefined ? describeJson?.(error.source, t) : undefined;
      return detail ? panelMsg(t, 'load.badJson', { detail }) : panelMsg(t, 'load.badJsonPlain');
    }
    case 'invalid':
      return panelMsg(t, 'load.invalid', { count });
    case 'no-source':
      return panelMsg(t, 'load.noSource');
    case 'bad-url':
      return panelMsg(t, 'load.badUrl', { url });
  }
}

/** The panel: what went wrong, each problem with its path, and the fallback content. */
export function renderPanel(failure: LoketErrorDetail, locale: Locale): TemplateResult {
  return html`<div part="error-panel" class="error-panel">
      <p class="error-title"><strong>${msg(locale, 'load.title')}</strong></p>
      <p>${failure.message}</p>
      ${failure.problems.length
        ? html`<ul class="problems">
            ${failure.problems.map((p) => html`<li><code>${p.path || translate(locale, 'schema.root')}</code>: ${p.message}</li>`)}
          </ul>`
        : nothing}
      <p class="for-author">${panelMsg(locale, 'load.forAuthor')}</p>
    </div>
    <slot></slot>`;
}
