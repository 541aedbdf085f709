// What every plugin can reach through `app.loket`.
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Faults } from './faults.js';
import type { Forms } from './forms.js';

export interface Loket {
  readonly config: Config;
  readonly db: Database;
  readonly forms: Forms;
  /** One line to the receiver's log (stdout by default). */
  readonly log: (line: string) => void;
  /** The clock (tests move it). */
  readonly now: () => Date;
  /** The key tracking secrets are derived with. */
  readonly secretKey: string;
  /** Test-only fault injection; inactive unless the app was created with rules. */
  readonly faults: Faults;
  /** How often the housekeeping timers run, ms (housekeeping.ts; tests shorten it). */
  readonly housekeepingMs: number;
  /** Work to finish before the app closes (the retention timer, hanging test sockets). */
  readonly onClose: (task: () => void | Promise<void>) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    loket: Loket;
  }
}
