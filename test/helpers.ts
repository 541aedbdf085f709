import { aTimeout } from '@open-wc/testing';
import type { LoketPermitForm } from '../widgets/permit-form/permit-form.js';

/** Events a widget fired, in order, captured from before it was connected. */
export interface Mounted<T extends HTMLElement> {
  readonly el: T;
  readonly events: Event[];
  /** Resolves with the next event of a type (or the one already fired since the last call). */
  next(type: 'loket-ready' | 'loket-error', timeoutMs?: number): Promise<Event>;
}

const containers: HTMLElement[] = [];

/**
 * Inserts markup into the page the way a webmaster's HTML would arrive, with
 * listeners attached first so no event is missed.
 */
export function mount<T extends HTMLElement>(markup: string): Mounted<T> {
  const container = document.createElement('div');
  const events: Event[] = [];
  let seen = 0;
  for (const type of ['loket-ready', 'loket-error']) container.addEventListener(type, (e) => events.push(e));
  container.innerHTML = markup;
  document.body.append(container);
  containers.push(container);
  const el = container.firstElementChild as T;
  return {
    el,
    events,
    async next(type, timeoutMs = 8000) {
      const started = Date.now();
      for (;;) {
        const index = events.findIndex((e, i) => i >= seen && e.type === type);
        if (index >= 0) {
          seen = index + 1;
          return events[index] as Event;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`no ${type} within ${timeoutMs} ms; saw ${events.map((e) => e.type).join(', ') || 'nothing'}`);
        await aTimeout(10);
      }
    },
  };
}

/** Removes everything {@link mount} inserted. Call in afterEach. */
export function unmountAll(): void {
  for (const c of containers.splice(0)) c.remove();
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Counts console.error calls while a block runs. */
export async function countConsoleErrors(block: () => Promise<void>): Promise<string[]> {
  const original = console.error;
  const calls: string[] = [];
  console.error = (...args: unknown[]) => calls.push(args.map(String).join(' '));
  try {
    await block();
  } finally {
    console.error = original;
  }
  return calls;
}

/** Queues responses for `/test-api/scripted/<id>`. */
export async function script(id: string, steps: ReadonlyArray<{ status?: number; body?: unknown; type?: string; delayMs?: number; drop?: boolean; headers?: Record<string, string> }>): Promise<string> {
  await fetch(`/test-api/script/${id}`, { method: 'PUT', body: JSON.stringify(steps) });
  return `/test-api/scripted/${id}`;
}

/** HTML-escapes a JSON document for an inline `<script type="application/json">`. */
export function inlineJson(doc: unknown): string {
  return JSON.stringify(doc).replace(/</g, '\\u003c');
}

/**
 * Appends a widget and waits until it has either rendered its document or
 * reported a problem (problem messages load on first failure, so a broken
 * document settles a moment later than a good one).
 */
export async function appendAndSettle(el: HTMLElement & { updateComplete: Promise<unknown> }, parent: HTMLElement = document.body, timeoutMs = 5000): Promise<void> {
  const settled = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`<${el.localName}> neither rendered nor reported a problem within ${timeoutMs} ms`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    el.addEventListener('loket-ready', done, { once: true });
    el.addEventListener('loket-error', done, { once: true });
  });
  parent.append(el);
  await settled;
  await el.updateComplete;
}

/**
 * Mounts a `<loket-permit-form>` with its document inline (the test file
 * imports the element) and resolves once the first step is on screen.
 */
export async function mountForm(doc: unknown, attrs = '', timeoutMs = 8000): Promise<LoketPermitForm> {
  const probe = mount<LoketPermitForm>(`<loket-permit-form ${attrs}><script type="application/json">${inlineJson(doc)}</script></loket-permit-form>`);
  await probe.next('loket-ready', timeoutMs);
  await probe.el.updateComplete;
  return probe.el;
}

/** Waits until `read` gives a truthy value (checked every 20 ms) and returns it; fails naming `what` after `timeoutMs`. */
export async function until<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A page of its own in an iframe, as a webmaster's site would load loket (`head` first, e.g. a probe script). */
export interface FramePage<W extends Window = Window> {
  readonly win: W;
  readonly doc: Document;
  remove(): void;
}

/** Opens `body` (and `head`) in a new iframe and resolves once it has loaded. */
export async function framePage<W extends Window = Window>(body: string, head = '', style: Partial<Pick<CSSStyleDeclaration, "width" | "height">> = {}): Promise<FramePage<W>> {
  const iframe = document.createElement('iframe');
  Object.assign(iframe.style, style);
  iframe.srcdoc = `<!doctype html><html lang="id"><head>${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return { win: iframe.contentWindow as W, doc: iframe.contentDocument!, remove: () => iframe.remove() };
}
