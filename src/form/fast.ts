import { shape } from 'loket:shapes/form';
import { accepts } from '../fast/accept.js';
import { twoStage } from '../fast/two-stage.js';
import { checkForm } from './check.js';
import type { FormDocument } from './format.js';

/** Parses a permit form: the fast path (shape, then the whole-document checks) first, zod only for a document it cannot accept. */
export const formParser = twoStage<FormDocument>(
  (json) => accepts(shape, json) && checkForm(json as FormDocument, 'id').length === 0,
  () => import('./format.js').then((m) => m.parseForm),
);
