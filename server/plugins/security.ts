// Who may talk to the receiver.
//
// Host: only 127.0.0.1/localhost/[::1], the hosts of the configured origins,
// and --allowed-host names are answered (421 otherwise). A page on a
// rebound DNS name (evil.example → 127.0.0.1) sends Host: evil.example, so
// "the Origin equals the Host" can no longer be abused on an office PC.
//
// Origin: a request from a page is allowed when it comes from the receiver's
// own (allowed) host or from a configured origin; only configured origins
// get CORS headers. The token routes never send CORS headers, so no other
// site's page can read a listing even if it had the token.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { sendProblem } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header, lower case, without the port; undefined when malformed. */
function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(host.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The host names this receiver answers to. */
export function allowedHostNames(config: Pick<Config, 'origins' | 'allowedHosts'>): Set<string> {
  const names = new Set(LOOPBACK);
  for (const origin of config.origins) names.add(new URL(origin).hostname.toLowerCase());
  for (const host of config.allowedHosts) names.add(hostName(host) ?? host.toLowerCase());
  return names;
}

/** Where a request comes from. */
export type OriginVerdict = 'none' | 'same' | 'configured' | 'refused';

/** Judges the Origin header (the Host was checked already). */
export function judgeOrigin(request: FastifyRequest, config: Config): OriginVerdict {
  const origin = request.headers.origin;
  if (origin === undefined) return 'none';
  if (config.origins.includes(origin)) return 'configured';
  const host = request.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return 'same';
  return 'refused';
}

/** Adds the CORS headers for a configured origin. */
export function allowCors(reply: FastifyReply, origin: string) {
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Vary', 'Origin');
  reply.header('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
}

/**
 * The Origin gate of a route pages call (submissions, status lookups): a
 * refused origin gets a 403 problem with `refusal` (and false); a configured
 * one gets its CORS headers. True when the request may go on.
 */
export function admitOrigin(request: FastifyRequest, reply: FastifyReply, config: Config, refusal: string): boolean {
  const verdict = judgeOrigin(request, config);
  if (verdict === 'refused') {
    sendProblem(reply, 403, refusal);
    return false;
  }
  if (verdict === 'configured') allowCors(reply, request.headers.origin!);
  return true;
}

/** The CORS preflight (OPTIONS) of such a route: 403 without a body for a refused origin, else 204 with what it allows. */
export function preflight(app: FastifyInstance, url: string, allow: { readonly methods: string; readonly headers: string }) {
  const { config } = app.loket;
  app.options(url, async (request, reply) => {
    const verdict = judgeOrigin(request, config);
    if (verdict === 'refused') return reply.code(403).header('Content-Length', '0').send();
    if (verdict === 'configured') allowCors(reply, request.headers.origin!);
    return reply.code(204).headers({ 'Access-Control-Allow-Methods': allow.methods, 'Access-Control-Allow-Headers': allow.headers, 'Access-Control-Max-Age': '600' }).send();
  });
}

/** Registers the Host check for every route of the app. */
export function hostCheck(app: FastifyInstance) {
  const names = allowedHostNames(app.loket.config);
  app.addHook('onRequest', async (request, reply) => {
    const name = hostName(request.headers.host);
    if (name === undefined || !names.has(name)) {
      return sendProblem(reply, 421, 'This receiver does not answer to that host name', { detail: 'Add it with --allowed-host, or use the address the office published.' });
    }
    return undefined;
  });
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Guards a token route: 404 when no token is configured (the route does not
 * exist), 403 for a page on another origin, 401 without the right token.
 * Returns true when the request may go on.
 */
export function tokenGuard(request: FastifyRequest, reply: FastifyReply, config: Config): boolean {
  if (!config.token) {
    sendProblem(reply, 404, 'Not found');
    return false;
  }
  const verdict = judgeOrigin(request, config);
  if (verdict !== 'none' && verdict !== 'same') {
    sendProblem(reply, 403, 'The listing is not available to other sites');
    return false;
  }
  const given = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
  if (!given || !timingSafeEqual(digest(given), digest(config.token))) {
    sendProblem(reply, 401, 'A valid bearer token is required', {}, { 'WWW-Authenticate': 'Bearer realm="loket"' });
    return false;
  }
  return true;
}
