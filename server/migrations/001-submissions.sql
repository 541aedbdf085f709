-- The receiver's tables. Times are TEXT, ISO 8601 UTC with milliseconds.

-- One row per stored application.
CREATE TABLE submissions (
  id {{id}},
  form_id TEXT NOT NULL,
  -- PBG-2026-000001: prefix from the form id, year in the office's time zone.
  tracking_number TEXT NOT NULL UNIQUE,
  -- The client's Idempotency-Key; NULL when it sent none.
  idempotency_key TEXT,
  -- SHA-256 of the canonical payload and file bytes: the same key with another payload is refused.
  payload_hash TEXT NOT NULL,
  locale TEXT NOT NULL,
  form_revision TEXT,
  -- When the citizen pressed "Kirim permohonan" (the browser's clock).
  submitted_at TEXT,
  -- The validated final answers, JSON; NULL once erased (retention, or on request).
  answers TEXT,
  received_at TEXT NOT NULL,
  -- One of APPLICATION_STATES (src/tracking/states.ts).
  state TEXT NOT NULL DEFAULT 'received',
  state_changed_at TEXT NOT NULL,
  -- SHA-256 (hex) of the tracking secret the citizen got; the secret itself is never stored.
  secret_hash TEXT NOT NULL,
  -- Set when the application reaches a closed state; retention counts from here.
  closed_at TEXT,
  -- Set when the answers and files were erased.
  erased_at TEXT,
  UNIQUE (form_id, idempotency_key)
);
CREATE INDEX submissions_by_form ON submissions (form_id, received_at, id);
CREATE INDEX submissions_by_time ON submissions (received_at, id);
CREATE INDEX submissions_by_closing ON submissions (closed_at);

-- The uploaded files, bytes included, so that several receivers on one PostgreSQL share them.
CREATE TABLE submission_files (
  id {{id}},
  submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  -- The order of the multipart parts, from 0.
  position INTEGER NOT NULL,
  -- The answer path: ktp, or kapal[1].pas.
  field TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {{bytes}} NOT NULL,
  UNIQUE (submission_id, position)
);

-- What happened to an application, for the citizen (message_to_citizen) and the office (internal_note).
CREATE TABLE application_events (
  id {{id}},
  submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  state TEXT NOT NULL,
  message_to_citizen TEXT,
  internal_note TEXT,
  -- The staff user's id; NULL for the receiver itself.
  actor BIGINT
);
CREATE INDEX application_events_by_submission ON application_events (submission_id, id);

-- The last number issued per tracking-number prefix and year.
CREATE TABLE tracking_counters (
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  last BIGINT NOT NULL,
  PRIMARY KEY (prefix, year)
);

-- Values the receiver keeps for itself (the key tracking secrets are derived with).
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
