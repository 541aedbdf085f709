import { shape } from 'loket:shapes/status';
import { accepts } from '../fast/accept.js';
import { twoStage } from '../fast/two-stage.js';
import type { StatusDocument } from './format.js';

/** Parses a status document: the fast path first, zod (format.ts) only for a document it cannot accept. */
export const statusParser = twoStage<StatusDocument>(
  (json) => accepts(shape, json),
  () => import('./format.js').then((m) => m.parseStatus),
);
