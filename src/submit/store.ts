import { indexFields } from '../form/fields.js';
import type { FormDocument } from '../form/format.js';
import type { Payload } from './payload.js';
import type { FailureReason } from './response.js';

// Storage on the citizen's device: drafts and the outbox. IndexedDB first
// (it keeps Blobs, so files can wait offline), localStorage second (text
// only), memory last. Every access is wrapped: private mode, a full disk or
// storage blocked by the browser must never break the form — it only means
// less is remembered.

/** The two collections. */
export type Collection = 'drafts' | 'outbox';

/** A small key-value store. Never rejects: failures read as "nothing stored". */
export interface DeviceStore {
  /** `indexeddb`, `localstorage` or `memory`. */
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  /** Whether Blobs (files) survive a reload. */
  readonly keepsFiles: boolean;
  get<T>(collection: Collection, key: string): Promise<T | undefined>;
  /** Stores a value; `false` when the device refused (quota, blocked). */
  put(collection: Collection, key: string, value: unknown): Promise<boolean>;
  delete(collection: Collection, key: string): Promise<void>;
  list<T>(collection: Collection): Promise<T[]>;
}

import { DB_NAME, PREFIX } from './saved.js';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * How long a device-storage step may take. IndexedDB can hang (a database held
 * open by another tab, browser bugs in private modes); a citizen pressing
 * "Kirim permohonan" must never wait on it forever.
 */
const STORAGE_TIMEOUT_MS = 4000;

function withTimeout<T>(promise: Promise<T>, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error('storage timeout'));
    }, STORAGE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (late) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function connect(factory: IDBFactory): Promise<IDBDatabase> {
  return withTimeout(openDatabase(factory), (db) => db.close());
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    for (const name of ['drafts', 'outbox']) if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name);
  };
  return new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    // Another tab holds an older version open: give up rather than hang.
    open.onblocked = () => reject(new Error('blocked'));
  });
}

async function openIndexedDb(factory: IDBFactory): Promise<DeviceStore> {
  let db: Promise<IDBDatabase> | undefined = connect(factory);
  const watch = (opened: IDBDatabase) => {
    // Let another version (or "clear site data") take over: close, and reconnect on the next access.
    opened.onversionchange = opened.onclose = () => {
      opened.close();
      db = undefined;
    };
    return opened;
  };
  await db.then(watch);
  const tx = <T>(collection: Collection, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>) => withTimeout(transact(collection, mode, run));
  const transact = async <T>(collection: Collection, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>) => {
    db ??= connect(factory).then(watch);
    const t = (await db).transaction(collection, mode);
    const result = await request(run(t.objectStore(collection)));
    if (mode === 'readwrite') {
      await new Promise<void>((resolve, reject) => {
        t.oncomplete = () => resolve();
        t.onerror = t.onabort = () => reject(t.error);
      });
    }
    return result;
  };
  return {
    kind: 'indexeddb',
    keepsFiles: true,
    async get<T>(collection: Collection, key: string) {
      try {
        return (await tx(collection, 'readonly', (s) => s.get(key))) as T | undefined;
      } catch {
        return undefined;
      }
    },
    async put(collection, key, value) {
      try {
        await tx(collection, 'readwrite', (s) => s.put(value, key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(collection, key) {
      try {
        await tx(collection, 'readwrite', (s) => s.delete(key));
      } catch {
        // Nothing more can be done; the entry expires or is overwritten.
      }
    },
    async list<T>(collection: Collection) {
      try {
        return (await tx(collection, 'readonly', (s) => s.getAll())) as T[];
      } catch {
        return [];
      }
    },
  };
}

function localStore(storage: Storage): DeviceStore {
  const full = (collection: Collection, key: string) => `${PREFIX}${collection}:${key}`;
  return {
    kind: 'localstorage',
    keepsFiles: false,
    async get<T>(collection: Collection, key: string) {
      try {
        const raw = storage.getItem(full(collection, key));
        return raw === null ? undefined : (JSON.parse(raw) as T);
      } catch {
        return undefined;
      }
    },
    async put(collection, key, value) {
      try {
        storage.setItem(full(collection, key), JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    async delete(collection, key) {
      try {
        storage.removeItem(full(collection, key));
      } catch {
        // Storage went away; nothing is kept anyway.
      }
    },
    async list<T>(collection: Collection) {
      const out: T[] = [];
      try {
        const prefix = `${PREFIX}${collection}:`;
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) {
            try {
              out.push(JSON.parse(storage.getItem(key) ?? 'null') as T);
            } catch {
              // A damaged entry is skipped, never fatal.
            }
          }
        }
      } catch {
        // Storage blocked.
      }
      return out.filter((v) => v !== null);
    },
  };
}

/** A store that lasts as long as the page: the last resort, so the flow still works. */
export function memoryStore(): DeviceStore {
  const maps = { drafts: new Map<string, unknown>(), outbox: new Map<string, unknown>() };
  return {
    kind: 'memory',
    keepsFiles: true,
    get: async <T>(c: Collection, k: string) => maps[c].get(k) as T | undefined,
    put: async (c, k, v) => (maps[c].set(k, v), true),
    delete: async (c, k) => void maps[c].delete(k),
    list: async <T>(c: Collection) => [...maps[c].values()] as T[],
  };
}

/** Where to look for storage; tests pass `undefined` to simulate a browser without it. */
export interface StoreEnvironment {
  readonly indexedDB?: IDBFactory | undefined;
  readonly localStorage?: Storage | undefined;
}

function defaultEnvironment(): StoreEnvironment {
  const env: { indexedDB?: IDBFactory; localStorage?: Storage } = {};
  // Reading either property throws in some blocked-storage modes.
  try {
    env.indexedDB = globalThis.indexedDB;
  } catch {
    // Blocked.
  }
  try {
    env.localStorage = globalThis.localStorage;
    // Safari's old private mode had a localStorage that throws on write.
    env.localStorage?.setItem(`${PREFIX}probe`, '1');
    env.localStorage?.removeItem(`${PREFIX}probe`);
  } catch {
    delete env.localStorage;
  }
  return env;
}

let shared: Promise<DeviceStore> | undefined;

/** The best store this device offers (IndexedDB, then localStorage, then memory). Never rejects. */
export function openStore(env?: StoreEnvironment): Promise<DeviceStore> {
  if (!env && shared) return shared;
  const opening = (async () => {
    const e = env ?? defaultEnvironment();
    if (e.indexedDB) {
      try {
        return await openIndexedDb(e.indexedDB);
      } catch {
        // Private mode in some browsers, or blocked: fall through.
      }
    }
    if (e.localStorage) return localStore(e.localStorage);
    return memoryStore();
  })();
  if (!env) shared = opening;
  return opening;
}

// ---- Drafts ---------------------------------------------------------------

/** Default days a draft is kept. */
export const DEFAULT_KEEP_DAYS = 7;
const DAY = 86_400_000;

/** A draft on the device. */
export interface Draft {
  readonly formId: string;
  readonly revision?: string;
  /** When it was saved and when it will be deleted, in epoch milliseconds. */
  readonly savedAt: number;
  readonly expiresAt: number;
  /** The answers as the element holds them, minus files and (by default) sensitive fields. */
  readonly answers: Record<string, unknown>;
  /** The index of the step the citizen was on, to reopen there. */
  readonly step?: number;
}

/**
 * The answers a draft may keep: never files (they can be large and are not
 * worth keeping without the citizen knowing), and no field marked
 * `sensitive` unless `draft.storeSensitive`. Hidden fields are kept.
 */
export function draftAnswers(form: FormDocument, answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const index = indexFields(form);
  const keepSensitive = form.draft?.storeSensitive === true;
  const keep = (key: string) => {
    const field = index.entries.get(key)?.field;
    if (!field) return false;
    return field.type !== 'file' && (keepSensitive || field.sensitive !== true);
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (!keep(name)) continue;
    const field = index.entries.get(name)?.field;
    if (field?.type === 'group' && Array.isArray(value)) {
      out[name] = value.map((item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([child]) => keep(`${name}.${child}`))) : item,
      );
    } else out[name] = value;
  }
  return out;
}

/** Options shared by the draft helpers. */
export interface DraftOptions {
  readonly store?: DeviceStore;
  readonly now?: number;
  /** The step the citizen is on (saved with the draft). */
  readonly step?: number;
}

/** Whether the form keeps drafts at all (`draft.keepDays` of 0 turns them off). */
export function draftsEnabled(form: FormDocument): boolean {
  return (form.draft?.keepDays ?? DEFAULT_KEEP_DAYS) > 0;
}

/** Saves a draft (call it debounced as the citizen types); `false` when nothing could be kept. */
export async function saveDraft(form: FormDocument, answers: Readonly<Record<string, unknown>>, options: DraftOptions = {}): Promise<boolean> {
  if (!draftsEnabled(form)) return false;
  const store = options.store ?? (await openStore());
  const now = options.now ?? Date.now();
  const draft: Draft = {
    formId: form.id,
    ...(form.revision !== undefined ? { revision: form.revision } : {}),
    savedAt: now,
    expiresAt: now + (form.draft?.keepDays ?? DEFAULT_KEEP_DAYS) * DAY,
    answers: draftAnswers(form, answers),
    ...(options.step !== undefined ? { step: options.step } : {}),
  };
  return store.put('drafts', form.id, draft);
}

/** The form's draft, if one is kept and not expired; an expired one is deleted on the way. */
export async function loadDraft(form: FormDocument, options: DraftOptions = {}): Promise<Draft | undefined> {
  if (!draftsEnabled(form)) return undefined;
  const store = options.store ?? (await openStore());
  const draft = await store.get<Draft>('drafts', form.id);
  if (!draft || typeof draft !== 'object' || typeof draft.expiresAt !== 'number' || draft.answers === null || typeof draft.answers !== 'object') return undefined;
  if (draft.expiresAt <= (options.now ?? Date.now())) {
    await store.delete('drafts', form.id);
    return undefined;
  }
  return draft;
}

/** Deletes the form's draft ("Hapus data dari perangkat ini", and after a successful submit). */
export async function deleteDraft(formId: string, options: DraftOptions = {}): Promise<void> {
  const store = options.store ?? (await openStore());
  await store.delete('drafts', formId);
}

// ---- Outbox ---------------------------------------------------------------

/** A file waiting in the outbox. */
export interface StoredFile {
  readonly field: string;
  readonly name: string;
  readonly type: string;
  readonly blob: Blob;
}

/** Where an entry goes, fixed when it was created (an `action` override included). */
export interface Target {
  readonly url: string;
  readonly method: 'POST' | 'PUT';
  readonly encoding: 'json' | 'multipart' | 'text';
  readonly headers: Readonly<Record<string, string>>;
}

/** A submission kept on the device until it is delivered. */
export interface OutboxEntry {
  /** The idempotency key; also the entry's id. */
  readonly key: string;
  readonly formId: string;
  /** A hash of what was submitted, to recognise the same answers submitted again. */
  readonly hash: string;
  readonly payload: Payload;
  readonly files: readonly StoredFile[];
  /** `undefined` when a JavaScript hook delivers it. */
  readonly target?: Target;
  readonly createdAt: number;
  /**
   * When the device forgets it, delivered or not (epoch ms): `createdAt` plus
   * the form's `draft.keepDays`. Entries without one (older versions) expire
   * {@link DEFAULT_KEEP_DAYS} days after `createdAt`.
   */
  readonly expiresAt?: number;
  /** Attempts so far, over every try and every page load. */
  readonly attempts: number;
  /**
   * `waiting`: sent automatically when the connection returns. `failed` (only
   * in memory, and in entries older versions stored): sent again only when
   * the citizen retries; a device never keeps such an entry.
   */
  readonly state: 'waiting' | 'failed';
  readonly lastReason?: FailureReason;
  readonly lastStatus?: number;
}

/** Stores an entry; `false` when the device cannot keep it (files without IndexedDB, quota). */
export async function putEntry(store: DeviceStore, entry: OutboxEntry): Promise<boolean> {
  if (entry.files.length > 0 && !store.keepsFiles) return false;
  return store.put('outbox', entry.key, entry);
}

/** When an entry expires: its `expiresAt`, or {@link DEFAULT_KEEP_DAYS} days after `createdAt` for entries older versions stored. */
const expiryOf = (entry: OutboxEntry) => (typeof entry.expiresAt === 'number' ? entry.expiresAt : (typeof entry.createdAt === 'number' ? entry.createdAt : 0) + DEFAULT_KEEP_DAYS * DAY);

/**
 * When a new outbox entry of this form expires: `draft.keepDays` after `now`.
 * With `keepDays: 0` the outbox lives in the page's memory only, so it ends
 * with the page; the day here only keeps it from expiring while the page is open.
 */
export function outboxExpiry(form: FormDocument, now: number): number {
  const days = form.draft?.keepDays ?? DEFAULT_KEEP_DAYS;
  return now + (days > 0 ? days : 1) * DAY;
}

/**
 * The outbox entries of one form (or all), oldest first. Entries past their
 * expiry, and entries that failed for good (kept by older versions), are
 * deleted from the device on the way: personal data is never kept longer
 * than the form says. A waiting entry that expires leaves an
 * {@link ExpiredNote} (no answers, no files), so the citizen is told.
 */
export async function listEntries(store: DeviceStore, formId?: string, now: number = Date.now()): Promise<OutboxEntry[]> {
  const all = await store.list<OutboxEntry | Note>('outbox');
  const out: OutboxEntry[] = [];
  for (const e of all) {
    if (!e || typeof e !== 'object') continue;
    if (!('key' in e) || typeof e.key !== 'string') {
      const note = noteKey(e as Note);
      if (note && !((e as Note).expiresAt > now)) await store.delete('outbox', note);
      continue;
    }
    if (expiryOf(e) <= now || e.state === 'failed') {
      if (e.state !== 'failed' && typeof e.formId === 'string') {
        const expired: ExpiredNote = { key: e.key, formId: e.formId, submittedAt: typeof e.payload?.submittedAt === 'string' ? e.payload.submittedAt : new Date(e.createdAt).toISOString(), expiredAt: expiryOf(e) };
        await store.put('outbox', EXPIRED + e.key, { formId: e.formId, expiresAt: now + EXPIRED_NOTE_DAYS * DAY, expired } satisfies Note);
      }
      await store.delete('outbox', e.key);
      continue;
    }
    if (formId === undefined || e.formId === formId) out.push(e);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

/** Deletes every outbox entry of one form from the device, and what the device remembers of its sent and expired ones. */
export async function deleteEntries(store: DeviceStore, formId: string): Promise<void> {
  for (const e of await store.list<OutboxEntry | Note>('outbox')) {
    if (!e || typeof e !== 'object' || e.formId !== formId) continue;
    const key = 'key' in e && typeof e.key === 'string' ? e.key : noteKey(e as Note);
    if (key) await store.delete('outbox', key);
  }
}

// ---- What became of an application ------------------------------------------
// Notes in the outbox collection, under their own keys and without a `key`
// field (older versions skip them): what a tab that showed an application
// needs to show its end, with no answers and no files.

/** A delivered application: enough for every tab that showed it to show its receipt. */
export interface SentNote {
  readonly key: string;
  readonly formId: string;
  readonly trackingNumber: string;
  readonly submittedAt: string;
  /** The tracking secret for the receipt's "Lacak permohonan" link, when the form has one. */
  readonly trackingSecret?: string;
}

/** An application the device deleted unsent when it expired. */
export interface ExpiredNote {
  readonly key: string;
  readonly formId: string;
  readonly submittedAt: string;
  /** When it expired (epoch ms). */
  readonly expiredAt: number;
}

interface Note {
  readonly formId: string;
  readonly expiresAt: number;
  readonly sent?: SentNote;
  readonly expired?: ExpiredNote;
}

const SENT = 'sent:';
const EXPIRED = 'expired:';
/** How long the device remembers that an application expired unsent, unless the citizen reads it sooner. */
export const EXPIRED_NOTE_DAYS = 30;

function noteKey(note: Note): string | undefined {
  if (note.sent && typeof note.sent.key === 'string') return SENT + note.sent.key;
  if (note.expired && typeof note.expired.key === 'string') return EXPIRED + note.expired.key;
  return undefined;
}

/** Remembers that an entry was delivered, for as long as the entry itself would have been kept. */
export async function noteSent(store: DeviceStore, entry: OutboxEntry, trackingNumber: string, now: number = Date.now(), trackingSecret?: string): Promise<void> {
  const sent: SentNote = { key: entry.key, formId: entry.formId, trackingNumber, submittedAt: entry.payload.submittedAt, ...(trackingSecret !== undefined ? { trackingSecret } : {}) };
  await store.put('outbox', SENT + entry.key, { formId: entry.formId, expiresAt: Math.max(expiryOf(entry), now + DAY), sent } satisfies Note);
}

/** What became of an entry that is no longer waiting: sent, expired, or neither (deleted). */
export async function findNote(store: DeviceStore, key: string): Promise<{ sent?: SentNote; expired?: ExpiredNote }> {
  const [sent, expired] = await Promise.all([store.get<Note>('outbox', SENT + key), store.get<Note>('outbox', EXPIRED + key)]);
  return {
    ...(sent?.sent && typeof sent.sent.trackingNumber === 'string' ? { sent: sent.sent } : {}),
    ...(expired?.expired && typeof expired.expired.submittedAt === 'string' ? { expired: expired.expired } : {}),
  };
}

/** This form's applications that expired unsent and the citizen has not yet been told about. */
export async function expiredNotes(store: DeviceStore, formId: string, now: number = Date.now()): Promise<ExpiredNote[]> {
  await listEntries(store, formId, now);
  const out: ExpiredNote[] = [];
  for (const e of await store.list<Note>('outbox')) {
    if (e && typeof e === 'object' && e.formId === formId && e.expired && typeof e.expired.submittedAt === 'string') out.push(e.expired);
  }
  return out.sort((a, b) => a.expiredAt - b.expiredAt);
}

/** Forgets the expired notes of a form once the citizen has read them. */
export async function dismissExpired(store: DeviceStore, formId: string): Promise<void> {
  for (const note of await store.list<Note>('outbox')) {
    if (note && typeof note === 'object' && note.formId === formId && note.expired && typeof note.expired.key === 'string') await store.delete('outbox', EXPIRED + note.expired.key);
  }
}

// ---- Locks ----------------------------------------------------------------

/** Options for {@link withLock}. */
export interface LockOptions {
  /** Storage for the lease when the Web Locks API is missing. */
  readonly storage?: Storage | undefined;
  readonly leaseMs?: number;
}

const lockOwner = Math.random().toString(36).slice(2) + Date.now().toString(36);

/**
 * Runs `task` holding an exclusive lock shared by every tab of the site, or
 * returns `undefined` at once when another holder has it. Web Locks when the
 * browser has them (released even if the tab dies); otherwise a lease in
 * localStorage that expires, renewed while the task runs; without either,
 * a lock within this page only.
 */
export async function withLock<T>(name: string, task: () => Promise<T>, options: LockOptions = {}): Promise<{ ran: true; value: T } | { ran: false }> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks && typeof locks.request === 'function' && options.storage === undefined) {
    try {
      return await locks.request(`loket:${name}`, { ifAvailable: true }, async (lock) => (lock ? { ran: true as const, value: await task() } : { ran: false as const }));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'SecurityError') {
        // Opaque origins (sandboxed iframes) have no locks: use the lease below.
      } else throw error;
    }
  }
  return leaseLock(name, task, options);
}

const pageLocks = new Set<string>();

async function leaseLock<T>(name: string, task: () => Promise<T>, options: LockOptions): Promise<{ ran: true; value: T } | { ran: false }> {
  if (pageLocks.has(name)) return { ran: false };
  const leaseMs = options.leaseMs ?? 60_000;
  let storage: Storage | undefined = options.storage;
  try {
    storage ??= globalThis.localStorage;
  } catch {
    storage = undefined;
  }
  const key = `${PREFIX}lock:${name}`;
  const read = () => {
    try {
      const raw = storage?.getItem(key);
      return raw ? (JSON.parse(raw) as { owner: string; until: number }) : undefined;
    } catch {
      return undefined;
    }
  };
  const write = () => {
    try {
      storage?.setItem(key, JSON.stringify({ owner: lockOwner, until: Date.now() + leaseMs }));
    } catch {
      // Storage refused: this page's own lock still holds.
    }
  };
  const held = read();
  if (held && held.owner !== lockOwner && held.until > Date.now()) return { ran: false };
  pageLocks.add(name);
  write();
  // Two tabs may both have read "free": wait a moment and see whose write won.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const after = read();
  if (after && after.owner !== lockOwner) {
    pageLocks.delete(name);
    return { ran: false };
  }
  const renew = setInterval(write, Math.max(1000, leaseMs / 3));
  try {
    return { ran: true, value: await task() };
  } finally {
    clearInterval(renew);
    pageLocks.delete(name);
    try {
      if (read()?.owner === lockOwner) storage?.removeItem(key);
    } catch {
      // The lease expires on its own.
    }
  }
}
