// GET /api/health: 200 { status: "ok", database } when the database answers, 503 otherwise (for a load balancer or monitor).
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../errors.js';

export async function health(app: FastifyInstance) {
  const { db } = app.loket;
  app.get('/api/health', async (_request, reply) => {
    try {
      await db.get('SELECT 1 AS ok');
      return reply.header('Cache-Control', 'no-store').send({ status: 'ok', database: db.dialect });
    } catch {
      return sendProblem(reply, 503, 'The database does not answer');
    }
  });
}
