import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeHref } from '../../src/url.js';

// Render helpers every widget uses. Document text always goes through text
// bindings; links only get an href after the scheme allow-list.

/**
 * A heading at the host's chosen level (1–6), without knowing it at compile
 * time. `focusable` lets a step change move focus to it.
 */
export function heading(level: number, content: unknown, cls: string, id?: string, focusable = false): TemplateResult {
  return html`<div role="heading" aria-level=${Math.min(6, Math.max(1, level))} class=${cls} id=${ifDefined(id)} tabindex=${ifDefined(focusable ? '-1' : undefined)}>${content}</div>`;
}

/** A link from a document, or its label as plain text when the URL is not allowed. */
export function linkOrText(url: string | undefined, label: string, base: string): TemplateResult {
  const href = safeHref(url, base);
  return href ? html`<a part="link" href=${href}>${label}</a>` : html`<span>${label}</span>`;
}
