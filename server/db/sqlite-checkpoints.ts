// A worker thread that copies the SQLite WAL into the database file
// (checkpoints), so that work — a read of the WAL, a write of every page and
// an fsync of the database file — never runs on the receiver's event loop.
// Its own connection runs PASSIVE checkpoints: they never wait for, nor block,
// the receiver's writes. The receiver's connection keeps a far-off automatic
// checkpoint (SQLITE_BACKSTOP_PAGES) only in case this worker falls behind.
//
// Messages: 'checkpoint' → { frames, copied } or { error }; 'close' ends it.
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new BetterSqlite3((workerData as { path: string }).path);
// FULL, as the receiver's connection: the WAL is synced before its pages are copied, the database file after.
db.pragma('synchronous = FULL');

parentPort!.on('message', (message: unknown) => {
  if (message === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  if (message !== 'checkpoint') return;
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    parentPort!.postMessage({ frames: row?.log ?? 0, copied: row?.checkpointed ?? 0 });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
parentPort!.postMessage('ready');
