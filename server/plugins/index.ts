// The receiver's plugins, one per concern, registered in this order by
// createApp. To add a concern: write `plugins/<concern>.ts` exporting an
// async `(app: FastifyInstance) => void` and add it here (see server/README.md).
import type { FastifyInstance } from 'fastify';
import { files } from './files.js';
import { health } from './health.js';
import { inbox } from './inbox.js';
import { listing } from './listing.js';
import { retention } from './retention.js';
import { submissions } from './submissions.js';
import { tracking } from './tracking.js';

export type LoketPlugin = (app: FastifyInstance) => Promise<void>;

export const PLUGINS: readonly LoketPlugin[] = [health, submissions, listing, files, retention, inbox, tracking];
