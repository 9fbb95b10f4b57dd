-- Platform: areas and party orgs (the two trees a user's scope points into),
-- users, sessions, the audit chain, background jobs, settings.
-- Times are ISO-8601 UTC text unless the column says _unix; dates YYYY-MM-DD.

CREATE TABLE areas (
  id {{ID}},
  parent_id BIGINT REFERENCES areas(id),
  code TEXT,
  name TEXT NOT NULL,
  level TEXT NOT NULL,             -- district / street / community
  path {{PATH}} NOT NULL,          -- materialised path "/1/5/"
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX areas_path ON areas(path);
CREATE INDEX areas_parent ON areas(parent_id);

CREATE TABLE party_orgs (
  id {{ID}},
  parent_id BIGINT REFERENCES party_orgs(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,              -- committee / general_branch / branch / group
  role TEXT,                       -- leading (工委, 行业党委) or NULL
  formation TEXT,                  -- single / joint / attached / area_joint / ...
  temporary INTEGER NOT NULL DEFAULT 0,
  end_date TEXT,                   -- a temporary branch's planned end
  area_id BIGINT REFERENCES areas(id),
  founded_on TEXT NOT NULL,
  dissolved_on TEXT,
  term_start TEXT,
  term_years INTEGER,
  weak INTEGER NOT NULL DEFAULT 0,
  path {{PATH}} NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX party_orgs_path ON party_orgs(path);
CREATE INDEX party_orgs_parent ON party_orgs(parent_id);

CREATE TABLE users (
  id {{ID}},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  scope_type TEXT,                 -- party_org / area / NULL for the whole district
  scope_id BIGINT,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until_unix BIGINT NOT NULL DEFAULT 0,
  last_login_at TEXT,
  password_changed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_unix BIGINT NOT NULL,
  last_seen_unix BIGINT NOT NULL,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Append-only; each row's hash covers its fields and the previous row's hash.
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id BIGINT,
  login TEXT,
  ip TEXT,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user_id);

CREATE TABLE jobs (
  id {{ID}},
  kind TEXT NOT NULL,
  status TEXT NOT NULL,            -- queued / running / succeeded / failed
  done BIGINT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  params TEXT,
  result TEXT,
  error TEXT,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
