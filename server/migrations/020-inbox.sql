-- The staff inbox: accounts, sessions, failed logins, and the audit log.
-- Times are TEXT, ISO 8601 UTC with milliseconds.

-- Staff accounts. Names are lowercase; passwords are scrypt hashes (server/inbox/password.ts).
CREATE TABLE staff_users (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  -- admin or staff (server/inbox/access.ts USER_ROLES).
  role TEXT NOT NULL,
  -- JSON array of form ids a staff account may see; NULL for every form.
  forms TEXT,
  created_at TEXT NOT NULL,
  created_by BIGINT,
  -- Set when an admin switched the account off; its sessions end with it.
  disabled_at TEXT
);

-- Logged-in sessions. Only the SHA-256 of the cookie's id is kept.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);

-- Failed logins per account (account:name) and per address (address:ip), for the lock-out.
CREATE TABLE login_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_at TEXT NOT NULL,
  locked_until TEXT
);

-- Who saw or changed which application's personal data, and when (UU PDP).
-- No foreign keys: the log outlives erased applications and removed accounts.
CREATE TABLE audit_log (
  id {{id}},
  at TEXT NOT NULL,
  user_id BIGINT,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id BIGINT,
  tracking_number TEXT,
  detail TEXT
);
CREATE INDEX audit_log_by_submission ON audit_log (submission_id, id);
