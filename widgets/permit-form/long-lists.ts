import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { LONG_LIST_THRESHOLD } from '../../src/fast/rules/form.js';
import type { InputField, Option, RegionField } from '../../src/form/format.js';
import { listMsg, type ListMessageKey } from '../../src/form/list-messages.js';
import { RegionStore } from '../../src/form/region-store.js';
import { REGION_LEVELS, regionCodeOf, regionFileOf, regionLevel, regionWithin, type RegionLevel, type RegionUnit } from '../../src/form/region.js';
import { formUiMsg } from '../../src/form/ui-messages.js';
import type { Params } from '../../src/i18n.js';
import { fetchJson } from '../../src/load.js';
import { ownKeysOnly } from '../../src/prototypes.js';
import { text, type Locale } from '../../src/locale.js';
import { idOf, readAnswer } from './answer-state.js';
import { describedBy, fieldset, hint, labelText, listPending, listStatus, messages, type FieldContext, type LongListsPart } from './fields.js';

// Searchable lists and region fields, fetched only by forms that have them.
// The searchable list follows the WAI-ARIA combobox pattern (APG, "editable
// combobox with list autocomplete"): a text input with role=combobox, a
// listbox popup inside the form's shadow root (aria-activedescendant cannot
// cross shadow roots), the result count in a live region. A region field is a
// cascade of native selects (best on cheap phones and with screen readers),
// a searchable list only for a level longer than LONG_LIST_THRESHOLD.

declare const __LOKET_REGIONS__: string | undefined;

/** Where the region files are: beside the chunks in a build; the built dist/ when running from source (tests). */
const DEFAULT_REGIONS = typeof __LOKET_REGIONS__ === 'string' ? new URL(__LOKET_REGIONS__, import.meta.url).href : new URL('/dist/regions/', location.href).href;
/** At most this many matches are in the listbox at once; typing narrows them. */
export const MAX_SHOWN = 50;
const TIMEOUT_MS = 20_000;
const MAX_BYTES = 4 * 1024 * 1024;

/** What the form element gives the long lists. */
export interface LongListsHost {
  locale(): Locale;
  /** The element's `regions-url`, if set. */
  regionsUrl(): string | undefined;
  /** The page's base URL, against which `optionsFrom` resolves. */
  baseUri(): string;
  refresh(path: string): void;
  refreshAll(): void;
  /** The form's shadow root. */
  root(): ShadowRoot;
  /** Resolves after the pending render. */
  rendered(): Promise<unknown>;
}

type ListState = { state: 'loading' | 'failed' } | { state: 'ok'; options: readonly Option[] };

// One page, one copy: lists and region files are fetched once however many forms use them.
const lists = new Map<string, ListState>();
const stores = new Map<string, RegionStore>();
const fileStates = new Map<string, 'loading' | 'failed'>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
/** Fetches in flight, so `updateComplete` can wait for the lists they bring. */
const inFlight = new Set<Promise<unknown>>();
function track<T>(promise: Promise<T>): Promise<T> {
  inFlight.add(promise);
  void promise.finally(() => inFlight.delete(promise));
  return promise;
}

/** Lower case, no diacritics ("Kecamatan Cibeureum" matches "cibéureum"), punctuation as spaces. */
export function normalizeSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const searchIndex = new WeakMap<readonly Option[], Map<Locale, string[]>>();
/** Each list's last search: a query that extends it (typing on) is looked for among its matches only, not the whole list. */
const lastSearch = new WeakMap<readonly Option[], { readonly locale: Locale; readonly query: string; readonly found: readonly number[]; readonly result: Option[] }>();

/** The options matching every word of the query, in any order, ignoring case and diacritics; all of them for an empty query. */
export function matchOptions(options: readonly Option[], query: string, locale: Locale): Option[] {
  const wanted = normalizeSearch(query);
  const words = wanted.split(' ').filter(Boolean);
  if (!words.length) return [...options];
  let byLocale = searchIndex.get(options);
  if (!byLocale) searchIndex.set(options, (byLocale = new Map()));
  let index = byLocale.get(locale);
  if (!index) byLocale.set(locale, (index = options.map((o) => ` ${normalizeSearch(`${text(o.label, locale)} ${o.value}`)}`)));
  const haystacks = index;
  const last = lastSearch.get(options);
  // The same query again (the handlers and the render of one keystroke): the same answer.
  if (last && last.locale === locale && last.query === wanted) return last.result;
  // Every word of a longer query contains (or adds to) the shorter one's: its matches are among the shorter one's.
  const from = last && last.locale === locale && wanted.startsWith(last.query) ? last.found : undefined;
  const found: number[] = [];
  const test = (i: number) => {
    const haystack = haystacks[i] as string;
    if (words.every((word) => haystack.includes(word))) found.push(i);
  };
  if (from) from.forEach(test);
  else for (let i = 0; i < haystacks.length; i++) test(i);
  const result = found.map((i) => options[i] as Option);
  lastSearch.set(options, { locale, query: wanted, found, result });
  return result;
}

const valueIndex = new WeakMap<readonly Option[], Map<string, Option>>();

/** The option with a value, from an index built once per list (a render looks it up on every keystroke). */
function optionByValue(options: readonly Option[], value: string): Option | undefined {
  let index = valueIndex.get(options);
  if (!index) valueIndex.set(options, (index = new Map(options.map((o) => [o.value, o]))));
  return index.get(value);
}

const exactIndex = new WeakMap<readonly Option[], Map<Locale, Map<string, Option>>>();

/** The option whose whole label is the query (ignoring case and diacritics), from an index built once per list. */
export function exactOption(options: readonly Option[], query: string, locale: Locale): Option | undefined {
  const wanted = normalizeSearch(query);
  if (!wanted) return undefined;
  let byLocale = exactIndex.get(options);
  if (!byLocale) exactIndex.set(options, (byLocale = new Map()));
  let index = byLocale.get(locale);
  if (!index) {
    index = new Map();
    for (const option of options) {
      const key = normalizeSearch(text(option.label, locale));
      if (!index.has(key)) index.set(key, option);
    }
    byLocale.set(locale, index);
  }
  return index.get(wanted);
}

/** One searchable list's state: what is typed, whether the popup is open, the highlighted option. */
interface Combo {
  /** The text typed since the last choice; `undefined` shows the chosen option's label. */
  query?: string;
  open: boolean;
  active: number;
  announcement: string;
  timer?: ReturnType<typeof setTimeout>;
}

interface ComboSpec {
  readonly key: string;
  readonly id: string;
  readonly path: string;
  readonly label: string;
  readonly options: readonly Option[];
  readonly value: string;
  readonly invalid: boolean;
  readonly describedBy?: string;
  choose(value: string): void;
}

/** The styles of the searchable list and the cascade, added to the form's shadow root with this code. */
export const longListStyles = css`
  .combobox {
    position: relative;
    max-inline-size: 100%;
  }
  .listbox {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 2px solid var(--loket-color-border, #57606a);
    border-block-start: 0;
    background: var(--loket-color-surface, #fff);
    max-block-size: 18rem;
    overflow-y: auto;
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    padding: 0.625rem 0.5rem;
    min-block-size: 44px;
    box-sizing: border-box;
    cursor: pointer;
    border-block-end: 1px solid #d0d7de;
    overflow-wrap: anywhere;
  }
  .option.active {
    background: var(--loket-color-link, #0b57a4);
    color: var(--loket-color-surface, #fff);
    outline: 3px solid var(--loket-color-focus, #b35c00);
    outline-offset: -3px;
  }
  .combobox-count {
    margin: 0.25rem 0 0;
  }
  .region-level + .region-level {
    margin-block-start: 1rem;
  }
  .region-label {
    font-weight: 400;
  }
  @media (forced-colors: active) {
    .option.active {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;

/** The searchable lists and region cascades of one form element. */
export class LongLists implements LongListsPart {
  private readonly combos = new Map<string, Combo>();

  private readonly listener: () => void;

  /** Not listening yet: the form calls connect() while it is on the page, so a form removed before this code arrived is never held. */
  constructor(private readonly host: LongListsHost) {
    this.listener = () => host.refreshAll();
  }

  /** Re-renders the form when shared data arrives (again, after the element came back to the page). */
  connect(): void {
    listeners.add(this.listener);
  }

  /** Stops re-rendering the form when shared data arrives (the element left the page), and drops pending announcements. */
  disconnect(): void {
    listeners.delete(this.listener);
    for (const combo of this.combos.values()) clearTimeout(combo.timer);
  }

  /** Resolves when the lists and region files being fetched have arrived (or failed); `undefined` when none are. */
  pending(): Promise<unknown> | undefined {
    return inFlight.size ? Promise.allSettled([...inFlight]) : undefined;
  }

  /** Resolves once the strings for the element's locale are at hand. */
  async ready(): Promise<void> {
    if (this.host.locale() === 'en') await listMsg.loadEnglish?.();
  }

  private t(key: ListMessageKey, params?: Params): string {
    return listMsg(this.host.locale(), key, params);
  }

  private get base(): string {
    const own = this.host.regionsUrl();
    try {
      const url = new URL(own ?? DEFAULT_REGIONS, this.host.baseUri()).href;
      return url.endsWith('/') ? url : `${url}/`;
    } catch {
      return DEFAULT_REGIONS;
    }
  }

  /** The region data loaded so far (shared by every form using the same files). */
  get regions(): RegionStore {
    const base = this.base;
    let store = stores.get(base);
    if (!store) stores.set(base, (store = new RegionStore()));
    return store;
  }

  // ---- Data ----------------------------------------------------------------

  /** The options fetched from a URL, fetching them on first use; `undefined` until they are here. */
  optionsFrom(url: string): readonly Option[] | undefined {
    const state = this.listState(url);
    return state.state === 'ok' ? state.options : undefined;
  }

  private resolve(url: string): string {
    try {
      return new URL(url, this.host.baseUri()).href;
    } catch {
      return url;
    }
  }

  private listState(url: string): ListState {
    const href = this.resolve(url);
    const known = lists.get(href);
    if (known) return known;
    const loading: ListState = { state: 'loading' };
    lists.set(href, loading);
    // The format's zod definition of an option checks the fetched list; it is
    // fetched with it, so a form whose lists are all in its document (or whose
    // long list is a region) never downloads zod.
    const checked = fetchJson(href, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES }).then(async (result) => {
      const { OptionList } = await import('../../src/form/format.js');
      return { result, parsed: result.ok ? ownKeysOnly(() => OptionList.safeParse(result.json)) : undefined };
    });
    void track(checked).then(({ result, parsed }) => {
      if (parsed?.success) lists.set(href, { state: 'ok', options: parsed.data });
      else {
        lists.set(href, { state: 'failed' });
        console.error(`[loket] <loket-permit-form>: the options at ${href} could not be used:`, result.ok ? 'not a list of { value, label }' : result.error);
      }
      notify();
    });
    return loading;
  }

  private retryList(url: string): void {
    lists.delete(this.resolve(url));
    this.host.refreshAll();
  }

  /** Fetches a region file once; a 404 means the codes it would hold do not exist. */
  private fetchFile(file: string): void {
    const store = this.regions;
    const href = `${this.base}${file}.json`;
    if (store.has(file) || fileStates.has(href)) return;
    fileStates.set(href, 'loading');
    void track(fetchJson(href, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES })).then((result) => {
      if (result.ok && store.add(file, result.json)) fileStates.delete(href);
      else if (!result.ok && result.error.kind === 'http' && result.error.status === 404) {
        store.markMissing(file);
        fileStates.delete(href);
      } else {
        fileStates.set(href, 'failed');
        console.error(`[loket] <loket-permit-form>: the region data ${href} could not be loaded:`, result.ok ? 'not a region file' : result.error);
      }
      notify();
    });
  }

  private fileFailed(file: string): boolean {
    return fileStates.get(`${this.base}${file}.json`) === 'failed';
  }

  private retryFile(file: string): void {
    fileStates.delete(`${this.base}${file}.json`);
    this.fetchFile(file);
    this.host.refreshAll();
  }

  // ---- Rendering -----------------------------------------------------------

  longList(field: Extract<InputField, { type: 'select' | 'radio' }>, path: string, ctx: FieldContext): TemplateResult {
    const label = html`<label class="label" for=${idOf(path)}>${labelText(field, ctx, path)}</label>`;
    let options: readonly Option[] | undefined = field.options;
    if (!options && field.optionsFrom !== undefined) {
      const state = this.listState(field.optionsFrom);
      if (state.state !== 'ok') {
        const url = field.optionsFrom;
        return listPending(field, path, ctx, this.problem(state.state === 'failed', 'list', () => this.retryList(url)));
      }
      options = state.options;
    }
    const value = readAnswer(ctx.answers, path);
    return html`${label} ${hint(path, field, ctx)} ${messages(path, ctx)}
      ${this.combobox(
        {
          key: path,
          id: idOf(path),
          path,
          label: text(field.label, ctx.locale),
          options: options ?? [],
          value: typeof value === 'string' ? value : '',
          invalid: ctx.error(path) !== undefined,
          describedBy: describedBy(path, field, ctx, [idOf(path, 'search-hint')]),
          choose: (chosen) => ctx.setAnswer(path, chosen),
        },
        ctx,
      )}`;
  }

  /** Loading, or a failure with "Coba lagi" (never a blank box). */
  private problem(failed: boolean, kind: 'list' | 'region', retry: () => void): TemplateResult {
    const words = { failed: this.t(`${kind}.failed`), loading: this.t(`${kind}.loading`), retry: this.t('region.retry') };
    return listStatus(failed, words, retry);
  }

  region(field: RegionField, path: string, ctx: FieldContext): TemplateResult {
    const store = this.regions;
    const scope = field.within ?? '';
    const first = scope === '' ? 0 : REGION_LEVELS.indexOf(regionLevel(scope) ?? 'village') + 1;
    const last = REGION_LEVELS.indexOf(field.depth ?? 'village');
    const answer = regionCodeOf(readAnswer(ctx.answers, path));
    const code = regionWithin(answer, scope) && answer !== scope ? answer : '';
    const segments = code ? code.split('.') : [];
    const error = ctx.error(path);
    const parts: TemplateResult[] = [];
    let parent = scope;
    for (let i = first; i <= last; i++) {
      const level = REGION_LEVELS[i] as RegionLevel;
      const file = regionFileOf(parent);
      const units = store.children(parent);
      if (store.isMissing(file) || (units !== undefined && parent !== '' && store.names(parent) === null)) {
        parts.push(html`<p class="status-message problem" role="alert">${this.t('region.missing', { code: parent })}</p>`);
        break;
      }
      if (units === undefined) {
        this.fetchFile(file);
        parts.push(this.problem(this.fileFailed(file), 'region', () => this.retryFile(file)));
        break;
      }
      const chosen = segments.length > i ? segments.slice(0, i + 1).join('.') : '';
      const levelParent = parent;
      const pick = (picked: string) => {
        const next = picked || levelParent;
        ctx.setAnswer(path, next === scope ? '' : { code: next, names: [...(store.names(next) ?? [])] });
      };
      const invalid = error !== undefined && (error.part === undefined || error.part === level);
      parts.push(this.level(field, path, level, units, chosen, invalid, pick, ctx));
      if (!chosen) break;
      parent = chosen;
    }
    return fieldset(field, path, ctx, html`<div class="region">${parts}</div>`);
  }

  private level(field: RegionField, path: string, level: RegionLevel, units: readonly RegionUnit[], chosen: string, invalid: boolean, pick: (code: string) => void, ctx: FieldContext): TemplateResult {
    const id = idOf(path, level);
    const name = this.t(`region.level.${level}`);
    const errorId = invalid ? idOf(path, 'error') : undefined;
    if (units.length > LONG_LIST_THRESHOLD) {
      return html`<div class="region-level">
        <label class="label region-label" for=${id}>${name}</label>
        ${this.combobox(
          {
            key: `${path}#${level}`,
            id,
            path,
            label: name,
            options: this.unitOptions(units),
            value: chosen,
            invalid,
            describedBy: [errorId, `${id}-search-hint`].filter(Boolean).join(' '),
            choose: pick,
          },
          ctx,
        )}
      </div>`;
    }
    return html`<div class="region-level">
      <label class="label region-label" for=${id}>${name}</label>
      <select
        class="input select ${invalid ? 'invalid' : ''}"
        id=${id}
        aria-describedby=${ifDefined(errorId)}
        aria-invalid=${invalid ? 'true' : nothing}
        @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!chosen}>${formUiMsg(ctx.locale, 'ui.choose')}</option>
        ${units.map((u) => html`<option value=${u.code} ?selected=${u.code === chosen}>${u.name}</option>`)}
      </select>
    </div>`;
  }

  private readonly unitLists = new WeakMap<readonly RegionUnit[], Option[]>();

  private unitOptions(units: readonly RegionUnit[]): Option[] {
    let options = this.unitLists.get(units);
    if (!options) this.unitLists.set(units, (options = units.map((u) => ({ value: u.code, label: u.name }))));
    return options;
  }

  // ---- The combobox ----------------------------------------------------------

  private combo(key: string): Combo {
    let combo = this.combos.get(key);
    if (!combo) this.combos.set(key, (combo = { open: false, active: -1, announcement: '' }));
    return combo;
  }

  private countText(count: number, query: string): string {
    if (count === 0) return this.t('list.noResults', { query });
    return count > MAX_SHOWN ? this.t('list.resultsMore', { shown: MAX_SHOWN, count }) : this.t('list.results', { count });
  }

  private combobox(spec: ComboSpec, ctx: FieldContext): TemplateResult {
    const combo = this.combo(spec.key);
    const locale = ctx.locale;
    const selected = optionByValue(spec.options, spec.value);
    const shownValue = combo.query ?? (selected ? text(selected.label, locale) : '');
    const matched = combo.open ? matchOptions(spec.options, combo.query ?? '', locale) : [];
    const shown = matched.slice(0, MAX_SHOWN);
    const listId = `${spec.id}-list`;
    const optionId = (i: number) => `${spec.id}-o${i}`;
    const active = combo.open && combo.active >= 0 && combo.active < shown.length ? combo.active : -1;

    const close = (keepQuery: boolean) => {
      combo.open = false;
      combo.active = -1;
      if (!keepQuery) combo.query = undefined;
      ctx.refresh(spec.path);
    };
    const choose = (option: Option) => {
      combo.query = undefined;
      combo.open = false;
      combo.active = -1;
      combo.announcement = '';
      spec.choose(option.value);
      ctx.refresh(spec.path);
    };
    const announce = (count: number) => {
      clearTimeout(combo.timer);
      // Said once typing pauses, not on every key.
      combo.timer = setTimeout(() => {
        combo.announcement = this.countText(count, combo.query ?? '');
        ctx.refresh(spec.path);
      }, 400);
    };
    const onInput = (event: Event) => {
      const query = (event.target as HTMLInputElement).value;
      combo.query = query;
      combo.open = true;
      combo.active = -1;
      const found = matchOptions(spec.options, query, locale);
      // Typing replaces the choice: an exact match counts, anything else is no answer yet.
      const exact = exactOption(spec.options, query, locale);
      if ((exact?.value ?? '') !== spec.value) spec.choose(exact?.value ?? '');
      announce(found.length);
      ctx.refresh(spec.path);
    };
    const onKeydown = (event: KeyboardEvent) => {
      const count = combo.open ? Math.min(matchOptions(spec.options, combo.query ?? '', locale).length, MAX_SHOWN) : 0;
      const move = (to: number) => {
        event.preventDefault();
        combo.active = Math.max(0, Math.min(to, count - 1));
        ctx.refresh(spec.path);
        // Keep the highlighted option in view inside the scrolling list.
        void this.host.rendered().then(() => this.host.root().getElementById(optionId(combo.active))?.scrollIntoView({ block: 'nearest' }));
      };
      switch (event.key) {
        case 'ArrowDown':
          if (event.altKey || !combo.open) {
            event.preventDefault();
            combo.open = true;
            const all = matchOptions(spec.options, combo.query ?? '', locale);
            const current = all.slice(0, MAX_SHOWN).findIndex((o) => o.value === spec.value);
            combo.active = event.altKey ? -1 : Math.max(current, 0);
            announce(all.length);
            ctx.refresh(spec.path);
          } else move(active + 1);
          return;
        case 'ArrowUp':
          if (!combo.open) return;
          if (event.altKey) {
            event.preventDefault();
            close(true);
          } else move(active <= 0 ? 0 : active - 1);
          return;
        case 'Home':
        case 'End':
          // With an option highlighted they move in the list; otherwise in the text, as usual.
          if (active < 0) return;
          move(event.key === 'Home' ? 0 : count - 1);
          return;
        case 'Enter':
          if (!combo.open) return;
          // Enter chooses; it never submits the step while the list is open.
          event.preventDefault();
          {
            const option = matchOptions(spec.options, combo.query ?? '', locale)[active];
            if (option) choose(option);
            else close(true);
          }
          return;
        case 'Escape':
          if (combo.open) {
            event.preventDefault();
            close(true);
          } else if (combo.query) {
            event.preventDefault();
            combo.query = '';
            if (spec.value) spec.choose('');
            ctx.refresh(spec.path);
          }
          return;
        default:
          return;
      }
    };
    const onBlur = () => {
      if (!combo.open && combo.query === undefined) return;
      // Leaving with a choice shows its label again; with unfinished text, the text stays.
      close(spec.value !== '' && combo.query !== '');
      if (spec.value !== '') combo.query = undefined;
    };
    const toggle = () => {
      combo.open = !combo.open;
      combo.active = -1;
      if (combo.open) announce(matchOptions(spec.options, combo.query ?? '', locale).length);
      ctx.refresh(spec.path);
    };

    return html`<div class="combobox">
      <p class="hint" id=${`${spec.id}-search-hint`}>${this.t('list.searchHint')}</p>
      <input
        class="input combobox-input ${spec.invalid ? 'invalid' : ''}"
        part="input"
        id=${spec.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${combo.open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${ifDefined(active >= 0 ? optionId(active) : undefined)}
        aria-describedby=${ifDefined(spec.describedBy)}
        aria-invalid=${spec.invalid ? 'true' : nothing}
        .value=${live(shownValue)}
        @input=${onInput}
        @keydown=${onKeydown}
        @blur=${onBlur}
        @click=${toggle}
      />
      <ul class="listbox" part="listbox" id=${listId} role="listbox" aria-label=${spec.label} ?hidden=${!combo.open || shown.length === 0}>
        ${shown.map(
          (option, i) => html`<li
            class="option ${i === active ? 'active' : ''}"
            id=${optionId(i)}
            role="option"
            aria-selected=${i === active ? 'true' : 'false'}
            @pointerdown=${(e: Event) => e.preventDefault()}
            @click=${() => choose(option)}
          >
            ${text(option.label, locale)}
          </li>`,
        )}
      </ul>
      ${combo.open ? html`<p class="muted combobox-count">${this.countText(matched.length, combo.query ?? '')}</p>` : nothing}
      <p class="visually-hidden" role="status">${combo.announcement}</p>
    </div>`;
  }
}
