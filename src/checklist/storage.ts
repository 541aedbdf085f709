import type { ChecklistDocument } from './format.js';

// Ticks and answers kept on the device. Storage may be disabled (private
// mode, a WebView without DOM storage, a full quota): every access is wrapped
// in try/catch and failure only means the list is not remembered.

/** What is kept for one checklist. */
export interface SavedChecklist {
  readonly answers: Readonly<Record<string, unknown>>;
  readonly ticked: readonly string[];
}

/** `loket.checklist.<id>.v<version>`: a new format version starts from a clean slate. */
export function storageKey(doc: Pick<ChecklistDocument, 'id' | 'version'>): string {
  return `loket.checklist.${doc.id}.v${doc.version}`;
}

function store(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Reading `localStorage` itself throws when cookies are blocked.
    return undefined;
  }
}

/** The saved state, or `undefined` when there is none or it cannot be read. */
export function readSaved(key: string): SavedChecklist | undefined {
  try {
    const raw = store()?.getItem(key);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object') return undefined;
    const { answers, ticked } = value as Record<string, unknown>;
    return {
      answers: answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {},
      ticked: Array.isArray(ticked) ? ticked.filter((t): t is string => typeof t === 'string') : [],
    };
  } catch {
    return undefined;
  }
}

/** Saves the state; `false` when the device does not let us. An empty state removes the entry. */
export function writeSaved(key: string, saved: SavedChecklist): boolean {
  try {
    const s = store();
    if (!s) return false;
    if (saved.ticked.length === 0 && Object.keys(saved.answers).length === 0) s.removeItem(key);
    else s.setItem(key, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

/** Whether storage works right now (a write-and-remove probe). */
export function storageAvailable(): boolean {
  try {
    const s = store();
    if (!s) return false;
    const probe = 'loket.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}
