import { LitElement, html, type PropertyValues, type TemplateResult, type nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LoketErrorEvent, LoketReadyEvent, type LoketErrorDetail } from '../../src/events.js';
import { loadLocale, localeReady, msg } from '../../src/i18n.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, delaySeconds, fetchJson, parseJsonText, type LoadError, type LoadResult } from '../../src/load.js';
import { problemLine, type Problem } from '../../src/problem.js';
import type { StagedResult } from '../../src/fast/two-stage.js';
import { localeOf, toLocale, type Locale } from '../../src/locale.js';
import { hostStyles } from './shared.styles.js';

/**
 * The author-facing problem messages, fetched the first time a document fails:
 * a citizen's phone never downloads them on the happy path.
 */
let authoring: Promise<unknown> | undefined;
let authoringReady = false;
let describeJson: typeof import('../../src/messages/authoring.js').describeJsonError | undefined;
function loadAuthoring(): Promise<unknown> {
  authoring ??= import('../../src/messages/authoring.js').then(
    (module) => {
      describeJson = module.describeJsonError;
      authoringReady = true;
    },
    // Offline or blocked: the problems are still shown, with their message keys.
    () => (authoringReady = true),
  );
  return authoring;
}

/**
 * The error panel (its template, styles and messages), fetched the first time
 * a document cannot be shown; `undefined` when it cannot be fetched either
 * (offline), and then a later failure tries again.
 */
type Panel = typeof import('./error-panel.js');
let panel: Panel | undefined;
let panelLoad: Promise<Panel | undefined> | undefined;
function loadPanel(): Promise<Panel | undefined> {
  panelLoad ??= import('./error-panel.js').then(
    (module) => (panel = module),
    () => (panelLoad = undefined),
  );
  return panelLoad;
}

/** What src/loader.ts offers: the fetch of an element's `src` it started before the code arrived. */
const LOADER = Symbol.for('loket.loader');
interface LoaderHandoff {
  take?(element: Element, url: string): { readonly response: Promise<Response>; abort(): void } | undefined;
}

/**
 * The base of every loket element: it finds the JSON document (the `data`
 * property, the `src` URL, or an inline `<script type="application/json">`),
 * parses it at one boundary, and renders either the widget or a readable error
 * panel. It never throws into the host page.
 *
 * Until a document is ready, the element's light-DOM children (the webmaster's
 * fallback content, e.g. a link to the office's page) stay visible.
 */
export abstract class LoketElement<T> extends LitElement {
  static override styles = [hostStyles];

  /** URL of the JSON document. Relative URLs resolve against the page. */
  @property() src?: string;

  /** The document as a JavaScript value; takes precedence over `src` and inline JSON. */
  @property({ attribute: false }) data?: unknown;

  /** Seconds to wait for `src` before giving up. */
  @property({ type: Number }) timeout = 15;

  /** Language of the widget's own texts (`id` or `en`); inherited from the page when absent. */
  @property({ reflect: true }) override lang!: string;

  /** The locale in use: the element's `lang`, else the page's, else `id`. */
  @state() protected locale: Locale = 'id';

  /** The last document that parsed, kept when a later reload fails. */
  @state() protected value?: T;

  /** Why the latest attempt failed; cleared by the next success. */
  @state() protected failure?: LoketErrorDetail;

  /** The raw JSON of the latest attempt, re-parsed when the locale changes. */
  private raw?: unknown;
  /** The fetch of the strings of a newly chosen language, while it runs. */
  private languageLoad?: Promise<void>;
  private goodRaw?: unknown;
  private loadError?: LoadError;
  private loads?: AbortController;
  private pendingReady = false;
  /** The failure waiting for the error panel's code; a newer document or failure replaces it. */
  private failing?: object;
  private panelPending?: Promise<void>;

  private readonly internals?: ElementInternals;

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      // Older engines: custom states are a styling nicety, not a requirement.
    }
  }

  /**
   * Sets the element's custom states (`:state(open)`), plus `error` whenever
   * no document can be shown. Never throws: Chromium before 125 only accepted
   * `--name`, and styling is optional.
   */
  protected setStates(flags: Readonly<Record<string, boolean>>): void {
    const states = this.internals?.states;
    if (!states) return;
    const all = { ...flags, error: this.value === undefined && this.failure !== undefined };
    for (const [name, on] of Object.entries(all)) {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // See above.
      }
    }
  }

  /**
   * Parses a document into the widget's typed configuration, reporting problems
   * by path; `undefined` when that needs the full check, fetched by {@link loadParser}.
   */
  protected abstract parse(json: unknown, locale: Locale): StagedResult<T>;

  /** Fetches the full check of a document the fast path could not accept. */
  protected loadParser(): Promise<void> {
    return Promise.resolve();
  }

  /** Renders a parsed document. */
  protected abstract renderDocument(value: T): TemplateResult | typeof nothing;

  /** The element name, for console messages. */
  protected get tag(): string {
    return this.localName;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.locale = localeOf(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loads?.abort();
    this.loads = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) {
      // The attribute is reflected only after this hook, so read the property first.
      const locale = toLocale(this.lang) ?? localeOf(this);
      if (locale !== this.locale) {
        this.locale = locale;
        this.reparse(false);
        // Indonesian is shown until the English strings have arrived.
        if (!localeReady(locale)) {
          this.languageLoad = loadLocale(locale).then(() => {
            this.languageLoad = undefined;
            this.reparse(false);
            this.requestUpdate();
          });
        }
      }
    }
    if (changed.has('data') && this.data !== undefined) {
      this.loads?.abort();
      this.accept({ ok: true, json: this.data }, false);
    } else if (changed.has('src') && this.src && this.data === undefined) {
      void this.reload();
    } else if (!this.hasUpdated && this.data === undefined && !this.src) {
      this.readInline();
    }
  }

  /**
   * Parts of the widget on their way after its first render (a widget's
   * later code, say), which `updateComplete` also waits for: a host or a test
   * that awaits it sees the whole widget. `undefined` entries are skipped.
   */
  protected pendingParts(): readonly (Promise<unknown> | undefined)[] {
    return [];
  }

  /**
   * Resolves once the element has rendered, in its language when that had to
   * be fetched, with its error panel or its later parts when they were on
   * their way (a part that arrives may start another: a few rounds).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let round = 0; round < 6; round++) {
      const waits = [this.languageLoad, this.panelPending, ...this.pendingParts()].filter((w) => w !== undefined);
      if (!waits.length) break;
      await Promise.allSettled(waits);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(_changed: PropertyValues<this>): void {
    if (this.pendingReady) {
      this.pendingReady = false;
      this.dispatchEvent(new LoketReadyEvent());
    }
  }

  /**
   * Fetches `src` again. A failure keeps the last good document on screen and is
   * reported as stale; the promise always resolves.
   */
  async reload(): Promise<void> {
    if (!this.src) return;
    this.loads?.abort();
    const loads = (this.loads = new AbortController());
    let url: string;
    try {
      url = new URL(this.src, this.ownerDocument.baseURI).href;
    } catch {
      // "http://[oops": the URL parser throws; that is the webmaster's typo, not the page's problem.
      this.accept({ ok: false, error: { kind: 'bad-url', url: this.src } }, true);
      return;
    }
    const started = (globalThis as { [key: symbol]: LoaderHandoff | undefined })[LOADER]?.take?.(this, url);
    const result = await fetchJson(url, { timeoutMs: delaySeconds(this.timeout, DEFAULT_TIMEOUT_MS / 1000) * 1000, maxBytes: DEFAULT_MAX_BYTES, signal: loads.signal, started });
    if (loads.signal.aborted) return;
    this.accept(result, true);
  }

  /** Reads the inline `<script type="application/json">`, or reports that there is no document. */
  protected readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) {
      this.accept(parseJsonText(script.textContent ?? ''), false);
    } else if (this.ownerDocument.readyState === 'loading') {
      // The parser may not have reached the element's children yet.
      this.ownerDocument.addEventListener('DOMContentLoaded', () => this.data === undefined && !this.src && this.readInline(), { once: true });
    } else {
      this.accept({ ok: false, error: { kind: 'no-source' } }, false);
    }
  }

  /** Takes a loaded document (or why it failed), parses it and renders the widget or the error panel. */
  protected accept(result: LoadResult, fromNetwork: boolean, languageLoaded = false): void {
    // An English page fetches its strings first, so the first render and the
    // loket-error details are already in English.
    if (!languageLoaded && !localeReady(this.locale)) {
      const locale = this.locale;
      void loadLocale(locale).then(() => this.accept(result, fromNetwork, true));
      return;
    }
    // Only a network reload may fall back to the last good document; a new
    // document given by the page replaces it, good or bad.
    if (!fromNetwork) this.goodRaw = undefined;
    this.raw = result.ok ? result.json : undefined;
    this.loadError = result.ok ? undefined : result.error;
    this.reparse(true);
  }

  /**
   * Parses the latest document in the current locale. When it fails and an
   * earlier reload succeeded, that earlier document stays on screen (stale).
   */
  private reparse(report: boolean): void {
    let error = this.loadError;
    let problems: readonly Problem[] = [];
    if (error?.kind === 'json' && !authoringReady) {
      // Our own words for what is wrong, with line and column: they come with the author messages.
      const failed = error;
      void loadAuthoring()
        .then(() => loadLocale(this.locale))
        .then(() => {
          if (this.loadError === failed) this.reparse(report);
        });
      return;
    }
    if (!error) {
      if (this.raw === undefined) return;
      const parsed = this.parse(this.raw, this.locale);
      if (parsed === undefined) {
        // Not certainly valid: fetch zod and the authors' messages together;
        // until they arrive the fallback content stays.
        const raw = this.raw;
        void Promise.all([this.loadParser(), loadAuthoring()]).then(
          () => this.raw === raw && this.reparse(report),
          (cause: unknown) => {
            if (this.raw !== raw) return;
            this.loadError = { kind: 'network', detail: `the document check could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}` };
            this.reparse(report);
          },
        );
        return;
      }
      if (parsed.ok) {
        const replaced = this.value !== undefined;
        this.value = parsed.value;
        this.goodRaw = this.raw;
        this.failure = this.failing = undefined;
        if (report) {
          this.pendingReady = true;
          this.documentChanged(replaced);
        }
        return;
      }
      if (!authoringReady) {
        // Describe the problems once their messages have arrived; until then the fallback stays.
        const raw = this.raw;
        void loadAuthoring()
          .then(() => loadLocale(this.locale))
          .then(() => {
            if (this.raw === raw) this.reparse(report);
          });
        return;
      }
      error = { kind: 'invalid' };
      problems = parsed.problems;
    }
    // The last good document passed once, so it parses again without waiting.
    const good = this.goodRaw === undefined ? undefined : this.parse(this.goodRaw, this.locale);
    this.value = good?.ok ? good.value : undefined;
    this.fail(error, problems, report);
  }

  /** Forgets the shown document and any failure, so the element shows neither. */
  protected clearDocument(): void {
    this.loads?.abort();
    this.raw = this.goodRaw = this.loadError = undefined;
    this.value = undefined;
    this.failure = this.failing = undefined;
  }

  /** Hook for subclasses: a new document was accepted (`replaced` when one was shown before). */
  protected documentChanged(_replaced: boolean): void {}

  /**
   * Reports a failure: the panel's description once its code has arrived, or,
   * when that code cannot be fetched, a plain message that says so honestly.
   */
  private fail(error: LoadError, problems: readonly Problem[], report: boolean): void {
    const token = (this.failing = {});
    const show = (loaded: Panel | undefined): void => {
      if (this.failing !== token) return;
      this.failing = undefined;
      if (loaded) loaded.adoptPanelStyles(this.renderRoot);
      const detail: LoketErrorDetail = {
        kind: error.kind,
        message: loaded ? loaded.describe(error, problems.length, this.locale, this.timeout, describeJson) : msg(this.locale, 'load.network'),
        problems,
        url: error.url,
        status: error.status,
        stale: this.value !== undefined,
      };
      this.failure = detail;
      if (!report) return;
      const lines = problems.map((p) => `  ${problemLine(p, this.locale)}`).join('\n');
      const cause = loaded ? error.detail : `${error.kind}${error.url ? ` ${error.url}` : ''}${error.detail ? `: ${error.detail}` : ''} (the error panel's code could not be loaded)`;
      console.error(`[loket] <${this.tag}>: ${detail.message}${lines ? `\n${lines}` : ''}${cause ? `\n  ${cause}` : ''}`);
      this.dispatchEvent(new LoketErrorEvent(detail));
    };
    if (panel) return show(panel);
    // Until the panel's code arrives the fallback content (or the last good document) stays.
    const pending = (this.panelPending = loadPanel().then((loaded) => {
      if (this.panelPending === pending) this.panelPending = undefined;
      show(loaded);
    }));
  }

  protected override render(): TemplateResult {
    const body = this.value !== undefined ? this.renderDocument(this.value) : this.failure ? this.renderFailure(this.failure) : html`<slot></slot>`;
    return html`<div class="root" lang=${this.locale}>${body}</div>`;
  }

  /**
   * The error panel: what went wrong, each problem with its path, and the
   * fallback content. Without the panel's code (offline), a plain message.
   */
  protected renderFailure(failure: LoketErrorDetail): TemplateResult {
    if (panel) return panel.renderPanel(failure, this.locale);
    return html`<div part="error-panel"><p><strong>${msg(this.locale, 'load.title')}</strong></p><p>${failure.message}</p></div><slot></slot>`;
  }
}
