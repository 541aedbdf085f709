// GET /api/submissions/:trackingNumber/files/:position: one stored file, for
// the office (bearer token). Always a download, never rendered: a file is
// whatever the citizen uploaded, and must not run as a page on this origin.
import type { FastifyInstance } from 'fastify';
import { fileContent } from '../data/submissions.js';
import { sendProblem } from '../errors.js';
import { tokenGuard } from './security.js';

export async function files(app: FastifyInstance) {
  const { config, db } = app.loket;
  app.get<{ Params: { trackingNumber: string; position: string } }>('/api/submissions/:trackingNumber/files/:position', async (request, reply) => {
    if (!tokenGuard(request, reply, config)) return reply;
    const position = Number(request.params.position);
    if (!Number.isSafeInteger(position) || position < 0) return sendProblem(reply, 404, 'No such file');
    const file = await fileContent(db, request.params.trackingNumber, position);
    if (!file) return sendProblem(reply, 404, 'No such file');
    const ascii = file.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80) || 'berkas';
    return reply
      .headers({
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'no-store',
      })
      .send(Buffer.from(file.content));
  });
}
