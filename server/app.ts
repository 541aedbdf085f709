// createApp(config): the receiver as a Fastify app: the database opened and
// migrated, the forms, the Host check, then every plugin of plugins/index.ts.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import { loadLocale } from '../src/i18n.js';
import { zonedParts } from '../src/time.js';
import { sqliteFileOf, type Config } from './config.js';
import type { Loket } from './context.js';
import { setting } from './data/submissions.js';
import { openDatabase, type Database } from './db/database.js';
import { MIGRATIONS, migrateAll } from './db/migrate.js';
import { HttpError, sendProblem } from './errors.js';
import { createFaults, type FaultRule } from './faults.js';
import { createForms, type FormSource } from './forms.js';
import { HOUSEKEEPING_INTERVAL_MS } from './housekeeping.js';
import { PLUGINS, type LoketPlugin } from './plugins/index.js';
import { hostCheck } from './plugins/security.js';
import { newSecretKey } from './tracking.js';
import { defaultRegionsDir, openRegions } from './regions.js';

export type { Loket } from './context.js';

export { MIGRATIONS };

export interface AppOptions {
  /** Form documents by id (or a function), tried before the forms folder. */
  readonly forms?: FormSource;
  /** Test-only fault rules (faults.ts). */
  readonly faults?: readonly FaultRule[];
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
  /** Plugins after the receiver's own (an embedding app's routes). */
  readonly plugins?: readonly LoketPlugin[];
  /** An already open database (tests, `loket erase`); closed with the app. */
  readonly db?: Database;
  /** How often old lookup counters and sessions are forgotten, ms (HOUSEKEEPING_INTERVAL_MS; tests shorten it). */
  readonly housekeepingMs?: number;
}

/** Multipart and body-limit errors from Fastify and busboy, as the status they deserve. */
function statusOf(error: FastifyError): number {
  if (error instanceof HttpError) return error.status;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return 413;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 415;
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 400;
    default:
      return error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  }
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFileOf(config) }));
  const closers: (() => void | Promise<void>)[] = [];
  try {
    // Answers from English pages get English field errors.
    await loadLocale('en');
    const applied = await migrateAll(db, now);
    if (applied.length) log(`receiver: applied migrations ${applied.join(', ')}`);
    const secretKey = config.secretKey ?? (await setting(db, 'tracking-secret-key', newSecretKey));
    const faults = createFaults(options.faults ?? []);
    if (faults.active) log('receiver: FAULT INJECTION IS ON (test use only)');
    const regionsDir = defaultRegionsDir();
    if (!regionsDir) log('receiver: the region data (dist/regions/) is missing: region answers are checked for their form and scope only; run npm run build');
    const forms = createForms({
      dir: config.formsDir,
      regions: regionsDir ? openRegions(regionsDir) : undefined,
      source: options.forms,
      maxRequestBytes: config.maxRequestBytes,
      maxJsonBytes: config.maxJsonBytes,
      today: () => zonedParts(now().getTime(), config.timeZone),
      log,
    });

    const app = Fastify({
      logger: false,
      bodyLimit: config.maxJsonBytes,
      connectionTimeout: config.idleTimeoutMs,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      return503OnClosing: true,
      // X-Forwarded-For/-Proto only from the configured proxies (request.ip, request.protocol); never from anyone by default.
      trustProxy: config.trustProxy.length ? [...config.trustProxy] : false,
      // Node checks the header and request timeouts every connectionsCheckingInterval (30 s by
      // default): a slow-drip client would keep its socket up to 30 s past them.
      serverFactory: (handler) =>
        createServer(
          {
            headersTimeout: config.headersTimeoutMs,
            requestTimeout: config.requestTimeoutMs,
            keepAliveTimeout: config.keepAliveTimeoutMs,
            connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(config.headersTimeoutMs / 2))),
          },
          handler,
        ),
    });
    // A socket with no traffic for this long is closed (Fastify's connectionTimeout, set again for clarity).
    app.server.setTimeout(config.idleTimeoutMs);
    const loket: Loket = { config, db, forms, log, now, secretKey, faults, housekeepingMs: options.housekeepingMs ?? HOUSEKEEPING_INTERVAL_MS, onClose: (task) => closers.push(task) };
    app.decorate('loket', loket);
    app.addHook('onClose', async () => {
      for (const task of closers) await task();
      await db.close();
    });

    app.setErrorHandler((error: FastifyError, _request, reply) => {
      const status = statusOf(error);
      if (status >= 500) log(`receiver: ${error.stack ?? error.message}`);
      if (error instanceof HttpError) return sendProblem(reply, status, error.message, error.extra, error.headers);
      const title = status === 413 ? 'Request body too large' : status === 400 ? 'Malformed request' : status >= 500 ? 'The application could not be stored; try again' : error.message;
      return sendProblem(reply, status, title);
    });
    app.setNotFoundHandler((_request, reply) => sendProblem(reply, 404, 'Not found'));
    // After a 413 the rest of the body is not read: the connection closes once the answer is out.
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode !== 413) return;
      const socket = request.raw.socket;
      if (socket && !socket.destroyed) {
        socket.end();
        setTimeout(() => socket.destroy(), 1000).unref();
      }
    });

    hostCheck(app);
    for (const plugin of [...PLUGINS, ...(options.plugins ?? [])]) await app.register(plugin);
    return app;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
