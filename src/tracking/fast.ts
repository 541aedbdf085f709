import { shape } from 'loket:shapes/tracking';
import { accepts } from '../fast/accept.js';
import { twoStage } from '../fast/two-stage.js';
import type { ApplicationStatus } from './format.js';

/** Parses a status answer: the fast path first, zod (format.ts) only for an answer it cannot accept. */
export const trackingParser = twoStage<ApplicationStatus>(
  (json) => accepts(shape, json),
  () => import('./format.js').then((m) => m.parseApplicationStatus),
);
