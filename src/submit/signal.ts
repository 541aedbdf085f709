// Tabs of one site tell each other what happened to applications on the
// device, so every tab that shows an application shows what became of it:
// BroadcastChannel where the browser has it, `storage` events otherwise, and
// a direct call for forms in the same page. A message says only that
// something changed; the device store stays the one source of truth.

/** What a tab tells the others. */
export type OutboxSignal =
  /** This form's outbox changed (queued, delivered, deleted, expired): read it again. */
  | { readonly kind: 'outbox'; readonly formId: string }
  /** The office's server at this origin answered a submission: waiting applications may go now. */
  | { readonly kind: 'reachable'; readonly origin: string };

type Listener = (signal: OutboxSignal) => void;

const NAME = 'loket:outbox';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null | undefined;

/** Messages come from other tabs, maybe of another version of loket: read them defensively. */
function read(data: unknown): OutboxSignal | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.kind === 'outbox' && typeof d.formId === 'string') return { kind: 'outbox', formId: d.formId };
  if (d.kind === 'reachable' && typeof d.origin === 'string') return { kind: 'reachable', origin: d.origin };
  return undefined;
}

function deliver(data: unknown): void {
  const signal = read(data);
  if (!signal) return;
  for (const listener of [...listeners]) {
    try {
      listener(signal);
    } catch (error) {
      console.error('[loket]', error);
    }
  }
}

const onStorage = (event: StorageEvent) => {
  if (event.key !== NAME || !event.newValue) return;
  try {
    deliver(JSON.parse(event.newValue));
  } catch {
    // Not ours, or damaged.
  }
};

/** The channel to other tabs, opened on first use; `null` when the browser has none. */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME) : null;
  } catch {
    // Opaque origins (sandboxed frames) may refuse.
    channel = null;
  }
  if (channel) channel.onmessage = (event) => deliver(event.data);
  else if (typeof addEventListener === 'function') addEventListener('storage', onStorage);
  return channel;
}

/** Tells this page's forms and every other tab of the site. */
export function signal(message: OutboxSignal): void {
  // This page's own forms: a BroadcastChannel never echoes to its sender.
  queueMicrotask(() => deliver(message));
  const ch = open();
  try {
    if (ch) ch.postMessage(message);
    else {
      // A storage event fires in the other tabs only when the value changes: make each one unique.
      localStorage.setItem(NAME, JSON.stringify({ ...message, at: Date.now(), nonce: Math.random() }));
      localStorage.removeItem(NAME);
    }
  } catch {
    // Storage blocked: other tabs learn it when they next look (visibility, online, their own timer).
  }
}

/** Listens to what other tabs (and this page's other forms) say; returns the way to stop. */
export function onSignal(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The origin of an endpoint URL, for `reachable` signals; `undefined` when it has none. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
