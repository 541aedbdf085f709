// Errors the routes answer with, as application/problem+json (RFC 9457).
import type { FastifyReply } from 'fastify';

export const PROBLEM = 'application/problem+json; charset=utf-8';

/** An error with an HTTP status and extra problem fields. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    title: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

/** Sends a problem; 413 also closes the connection so the rest of an oversized body is never read. */
export function sendProblem(reply: FastifyReply, status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  if (status === 413) headers = { ...headers, Connection: 'close' };
  return reply.code(status).headers({ 'Cache-Control': 'no-store', ...headers }).type(PROBLEM).send(JSON.stringify({ type: 'about:blank', title, status, ...extra }));
}
