// The receiver's store: an append-only journal of JSON lines, one record per
// stored submission, and the uploaded files beside it.
//
// Why this is durable without a database: a record is appended with one
// write(2) to a file opened O_APPEND and then fsync(2)ed before the receiver
// answers 2xx, so once the citizen sees a tracking number the record is on
// the disk, not in a page cache. Files are written and fsynced (and their
// directory fsynced, so the new names survive too) BEFORE the record that
// points to them. On start the journal is replayed; a torn last line (power
// cut mid-write) is ignored and cut off, because its submission was never
// answered 2xx and the client retries it with the same idempotency key.
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** fsyncs a directory so that new entries in it survive a crash (a no-op where directories cannot be opened, e.g. Windows). */
export function syncDir(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Creates a directory (and parents) and fsyncs it and its parent. */
export function makeDir(path) {
  if (existsSync(path)) return;
  mkdirSync(path, { recursive: true });
  syncDir(path);
  syncDir(dirname(path));
}

/** Writes a whole file durably: write, fsync, close, fsync the directory. */
export function writeDurably(path, bytes) {
  const fd = openSync(path, 'wx');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDir(dirname(path));
}

/**
 * Opens (or creates) the journal in `dir`. Returns the records read back and
 * `append(record)`, which returns only once the record is on disk.
 */
export function openJournal(dir) {
  makeDir(dir);
  const path = join(dir, 'journal.jsonl');
  const created = !existsSync(path);
  const records = [];
  let validBytes = 0;
  if (!created) {
    const text = readFileSync(path);
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== 0x0a) continue;
      try {
        records.push(JSON.parse(text.subarray(start, i).toString('utf8')));
        validBytes = i + 1;
      } catch {
        break;
      }
      start = i + 1;
    }
  }
  const fd = openSync(path, 'a+');
  if (created) syncDir(dir);
  else {
    // Cut off a torn tail so the next record starts on a line of its own.
    try {
      ftruncateSync(fd, validBytes);
      fsyncSync(fd);
    } catch {
      // Read-only media: appends will fail loudly later.
    }
  }
  return {
    path,
    records,
    append(record) {
      const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      let offset = 0;
      while (offset < line.length) offset += writeSync(fd, line, offset, line.length - offset);
      fsyncSync(fd);
      records.push(record);
    },
    close() {
      closeSync(fd);
    },
  };
}
