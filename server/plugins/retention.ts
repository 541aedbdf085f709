// Personal data (UU PDP): answers and files are erased --retention-days
// after an application is closed (closed_at, set when it reaches a closed
// state), checked at start and every hour (a timer, never in a request); and one applicant's application
// is deleted on request with DELETE /api/submissions/:trackingNumber (bearer
// token) or `loket erase <tracking number>`.
import type { FastifyInstance } from 'fastify';
import { deleteSubmission, eraseClosedBefore } from '../data/submissions.js';
import { sendProblem } from '../errors.js';
import { every } from '../housekeeping.js';
import { tokenGuard } from './security.js';

/** How often retention runs. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Erases what retention says is due; returns how many applications. */
export async function runRetention(app: FastifyInstance): Promise<number> {
  const { config, db, log, now } = app.loket;
  if (config.retentionDays <= 0) return 0;
  const at = now();
  const erased = await eraseClosedBefore(db, new Date(at.getTime() - config.retentionDays * DAY_MS).toISOString(), at.toISOString());
  if (erased > 0) log(`receiver: retention erased the answers and files of ${erased} application(s) closed more than ${config.retentionDays} days ago`);
  return erased;
}

export async function retention(app: FastifyInstance) {
  const { config, db, log } = app.loket;
  if (config.retentionDays > 0) every(app, RETENTION_INTERVAL_MS, 'retention', () => runRetention(app));
  app.delete<{ Params: { trackingNumber: string } }>('/api/submissions/:trackingNumber', async (request, reply) => {
    if (!tokenGuard(request, reply, config)) return reply;
    const deleted = await deleteSubmission(db, request.params.trackingNumber);
    if (!deleted) return sendProblem(reply, 404, `No application ${request.params.trackingNumber}`);
    log(`receiver: deleted ${request.params.trackingNumber} on request`);
    return reply.code(204).send();
  });
}
