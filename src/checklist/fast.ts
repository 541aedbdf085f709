import { shape } from 'loket:shapes/checklist';
import { accepts } from '../fast/accept.js';
import { twoStage } from '../fast/two-stage.js';
import { checkChecklist } from './check.js';
import type { ChecklistDocument } from './format.js';

/** Parses a checklist: the fast path (shape, then the whole-document checks) first, zod only for a document it cannot accept. */
export const checklistParser = twoStage<ChecklistDocument>(
  (json) => accepts(shape, json) && checkChecklist(json as ChecklistDocument, 'id').length === 0,
  () => import('./format.js').then((m) => m.parseChecklist),
);
