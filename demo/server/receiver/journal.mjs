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
// answered 2xx and the client retries it with the same idempotency key. A
// damaged line anywhere else is skipped and reported, never cut off: the
// records after it were answered 2xx and must stay.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync, existsSync } from 'node:fs';
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

/** One journal line: the record as JSON and a newline. */
const serialize = (record) => Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');

/** Whether a parsed line looks like a record this journal wrote. */
const isRecord = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.formId === 'string' && typeof value.trackingNumber === 'string' && Number.isSafeInteger(value.seq);

/** What can still be read from a damaged line: its sequence number and tracking number, if they survived. */
function salvage(text) {
  const seq = /"seq":(\d{1,15})[,}]/.exec(text)?.[1];
  const trackingNumber = /"trackingNumber":"([A-Za-z0-9-]{1,80})"/.exec(text)?.[1];
  return { seq: seq === undefined ? undefined : Number(seq), trackingNumber };
}

const FS = { writeSync, fsyncSync, ftruncateSync, fstatSync };

/**
 * Opens (or creates) the journal in `dir`. Returns the records read back and
 * `append(record)`, which returns only once the record is on disk.
 *
 * Replay never deletes a complete line: only bytes after the last newline (a
 * write torn by a crash, never answered 2xx) are cut off. A damaged line in
 * the middle (a bad sector, a stray edit) is skipped, logged and counted in
 * `damaged`, and left in the file for a person to look at; whatever can be
 * read of it still counts towards `maxSeq` and `trackingNumbers`, so numbers
 * are never issued twice. `unreadable` counts damaged lines whose sequence
 * number was lost too; a caller issuing one number per record adds it to
 * `maxSeq` to stay above any number such a line may have held.
 *
 * @param {string} dir
 * @param {{ log?: (line: string) => void, io?: Partial<typeof FS> }} [options] `io` replaces fs calls (tests, fault injection)
 */
export function openJournal(dir, { log = () => {}, io = {} } = {}) {
  const fs = { ...FS, ...io };
  makeDir(dir);
  const path = join(dir, 'journal.jsonl');
  const created = !existsSync(path);
  const records = [];
  const trackingNumbers = new Set();
  let maxSeq = 0;
  let damaged = 0;
  let unreadable = 0;
  let validBytes = 0;
  let torn = 0;
  if (!created) {
    const text = readFileSync(path);
    let start = 0;
    let lineNo = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== 0x0a) continue;
      lineNo++;
      const line = text.subarray(start, i).toString('utf8');
      start = i + 1;
      validBytes = start;
      if (line.trim() === '') continue;
      let record;
      try {
        record = JSON.parse(line);
      } catch {
        record = undefined;
      }
      if (isRecord(record)) {
        records.push(record);
        trackingNumbers.add(record.trackingNumber);
        maxSeq = Math.max(maxSeq, record.seq);
        continue;
      }
      damaged++;
      const found = salvage(line);
      if (found.seq !== undefined) maxSeq = Math.max(maxSeq, found.seq);
      else unreadable++;
      if (found.trackingNumber) trackingNumbers.add(found.trackingNumber);
      log(`receiver: ${path} line ${lineNo} is damaged and was skipped (${line.length} characters${found.trackingNumber ? `, probably ${found.trackingNumber}` : ''}); it is left in the file`);
    }
    torn = text.length - validBytes;
  }
  const fd = openSync(path, 'a+');
  if (created) syncDir(dir);
  else if (torn > 0) {
    // Cut off a torn tail (only bytes after the last newline) so the next record starts on a line of its own.
    log(`receiver: ${path} ends with ${torn} bytes of a torn write; cut off`);
    try {
      fs.ftruncateSync(fd, validBytes);
      fs.fsyncSync(fd);
    } catch {
      // Read-only media: appends will fail loudly later.
    }
  }
  /** Set when a failed append could not be undone: no more appends, so nothing lands after a torn line. */
  let broken;
  return {
    path,
    records,
    /** Tracking numbers seen, damaged lines included. */
    trackingNumbers,
    /** The highest sequence number seen, damaged lines included. */
    get maxSeq() {
      return maxSeq;
    },
    /** Damaged lines skipped on replay. */
    damaged,
    /** Damaged lines whose sequence number could not be read. */
    unreadable,
    /**
     * Appends one record with a single write and fsyncs it. On any failure
     * the file is truncated back to where it was, so no torn line is left
     * for the next record to follow, and the error is thrown.
     */
    /** The line `append` writes for a record; throws when the record cannot be serialised. */
    serialize,
    append(record, line = serialize(record)) {
      if (broken) throw broken;
      const before = fs.fstatSync(fd).size;
      try {
        let offset = 0;
        while (offset < line.length) offset += fs.writeSync(fd, line, offset, line.length - offset);
        fs.fsyncSync(fd);
      } catch (error) {
        try {
          fs.ftruncateSync(fd, before);
          fs.fsyncSync(fd);
        } catch (undo) {
          broken = new Error(`the journal could not be restored after a failed write (${undo.message}); restart the receiver`);
          log(`receiver: ${broken.message}`);
        }
        throw error;
      }
      records.push(record);
      trackingNumbers.add(record.trackingNumber);
      maxSeq = Math.max(maxSeq, record.seq);
    },
    close() {
      closeSync(fd);
    },
  };
}
