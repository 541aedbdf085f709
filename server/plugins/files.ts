// GET /api/submissions/:trackingNumber/files/:position: one stored file, for
// the office (bearer token). Always a download, never rendered: a file is
// whatever the citizen uploaded, and must not run as a page on this origin.
import type { FastifyInstance } from 'fastify';
import { fileContent } from '../data/submissions.js';
import { sendProblem } from '../errors.js';
import { fileHeaders } from '../inbox/files.js';
import { tokenGuard } from './security.js';

export async function files(app: FastifyInstance) {
  const { config, db } = app.loket;
  app.get<{ Params: { trackingNumber: string; position: string } }>('/api/submissions/:trackingNumber/files/:position', async (request, reply) => {
    if (!tokenGuard(request, reply, config)) return reply;
    const position = Number(request.params.position);
    if (!Number.isSafeInteger(position) || position < 0) return sendProblem(reply, 404, 'No such file');
    const file = await fileContent(db, request.params.trackingNumber, position);
    if (!file) return sendProblem(reply, 404, 'No such file');
    const content = Buffer.from(file.content);
    return reply.headers(fileHeaders(file.name, content, 'download')).send(content);
  });
}
