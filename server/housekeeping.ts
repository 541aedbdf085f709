// Cleanup that no request should pay for: forgetting the status lookups'
// old failure counters, staff sessions that can no longer be used, and
// retention's erasures run on timers, never inside a request.

import type { FastifyInstance } from 'fastify';

/** How often the small cleanups run (old counters, old sessions), ms. */
export const HOUSEKEEPING_INTERVAL_MS = 60_000;

/**
 * Runs `task` once the app is ready and then every `ms`, never keeping the
 * process alive, stopped when the app closes; a failure is logged, and the
 * next run tries again.
 */
export function every(app: FastifyInstance, ms: number, what: string, task: () => Promise<unknown>) {
  const { log, onClose } = app.loket;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const run = () => {
    // A run that outlasts the interval is not started twice.
    if (running || stopped) return;
    running = task()
      .catch((error: Error) => log(`receiver: ${what} failed: ${error.message}`))
      .finally(() => (running = undefined));
  };
  app.addHook('onReady', async () => {
    run();
    await running;
    const timer = setInterval(run, ms);
    timer.unref();
    onClose(async () => {
      stopped = true;
      clearInterval(timer);
      // The database closes after this: let a run in progress finish first.
      await running;
    });
  });
}
