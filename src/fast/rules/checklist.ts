import { unless, version } from './issue.js';

/** The requirement-checklist versions this build understands. */
export const CHECKLIST_VERSIONS = [1] as const;

const CHECKLIST_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The requirement-checklist format's own rules. */
export const CHECKLIST_RULES = {
  checklistVersion: version(CHECKLIST_VERSIONS),
  checklistId: (value: string) => unless(CHECKLIST_ID.test(value), { key: 'checklist.id', value }),
  applyTarget: (apply: { url?: unknown; form?: unknown }) => unless(apply.url !== undefined || apply.form !== undefined, { key: 'checklist.applyTarget' }),
} as const;
