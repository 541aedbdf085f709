// Tracking numbers and tracking secrets.
//
// A tracking number (PBG-2026-000001) is the form id's first word, the year
// in the office's time zone (so an application at 06.30 WIB on 1 January is
// in the new year, not the old one as UTC would have it), and a counter per
// prefix and year kept in the database: it is issued inside the transaction
// that stores the application, so numbers hold across processes and restarts
// and a failed save leaves no gap.
//
// The tracking secret lets the citizen (and only them) look the application
// up. It is an HMAC of the tracking number under a key the receiver keeps
// (--secret-key, or generated once and kept in the settings table): 128 bits
// no one can guess without the key, the same for a replayed request (so an
// idempotent retry gets the same answer), and only its SHA-256 is stored.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { zonedParts } from '../src/time.js';

/** The tracking-number prefix of a form: its id's first word, upper case. */
export const prefixOf = (formId: string) => formId.split('-')[0]!.toUpperCase();

/** The year at an instant in a time zone. */
export const yearIn = (instant: Date, timeZone: string) => zonedParts(instant.getTime(), timeZone).year;

/** PBG-2026-000001 (the counter grows past six digits if it must). */
export const formatTrackingNumber = (prefix: string, year: number, n: number) => `${prefix}-${year}-${String(n).padStart(6, '0')}`;

/** Bytes of a tracking secret (128 bits), base64url in the answer: 22 characters. */
export const TRACKING_SECRET_BYTES = 16;

/** The secret for a tracking number. */
export const trackingSecret = (key: string, trackingNumber: string) =>
  createHmac('sha256', key).update(`loket-tracking-secret:${trackingNumber}`).digest().subarray(0, TRACKING_SECRET_BYTES).toString('base64url');

/** What is stored: the secret's SHA-256, hex. Compare a presented secret by hashing it the same way. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A fresh key for deriving secrets (256 bits). */
export const newSecretKey = () => randomBytes(32).toString('base64url');
