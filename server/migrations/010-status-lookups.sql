-- Failed status lookups (POST /api/status), counted per fixed window, so that
-- the limit holds across processes and restarts. `scope` is 'ip' or 'number';
-- `name` the client address or the tracking number asked about.
CREATE TABLE status_lookup_failures (
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  -- The window's start, ISO 8601 UTC.
  window_start TEXT NOT NULL,
  failures INTEGER NOT NULL,
  PRIMARY KEY (scope, name)
);
CREATE INDEX status_lookup_failures_by_window ON status_lookup_failures (window_start);
