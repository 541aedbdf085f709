// Whether this device may hold a draft or an unsent application, without the
// sending code: the form fetches that code at once only then, and otherwise
// when the citizen starts answering (issue #12: a visitor who only reads
// never downloads it). The names are the store's (store.ts imports them).

/** The IndexedDB database of drafts and the outbox. */
export const DB_NAME = 'loket';
/** The prefix of loket's localStorage keys (the fallback when IndexedDB is unavailable). */
export const PREFIX = 'loket:';

/** `false` only when it is certain nothing is saved; any doubt says `true`. */
export async function mayHoldSavedState(): Promise<boolean> {
  try {
    const storage = globalThis.localStorage;
    for (let i = 0; i < (storage?.length ?? 0); i++) if (storage.key(i)?.startsWith(PREFIX)) return true;
    const factory = globalThis.indexedDB as (IDBFactory & { databases?: () => Promise<{ name?: string }[]> }) | undefined;
    if (!factory) return false;
    if (typeof factory.databases !== 'function') return true;
    return (await factory.databases()).some((db) => db.name === DB_NAME);
  } catch {
    return true;
  }
}
