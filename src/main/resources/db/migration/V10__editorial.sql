-- The editorial workflow: accounts, sessions, login throttling, API tokens (package admin), and
-- revisions, edit versions, slug redirects, preview links and uploads (package publishing).
-- One file for SQLite and PostgreSQL; times are UTC epoch milliseconds.

CREATE TABLE accounts (
  id            ${id_pk},
  email         VARCHAR(254) NOT NULL UNIQUE,  -- stored lower-case
  name          VARCHAR(200) NOT NULL,
  role          VARCHAR(16) NOT NULL,          -- admin, editor, author
  password_hash VARCHAR(400) NOT NULL,         -- Argon2id, PHC string format
  disabled      BOOLEAN NOT NULL DEFAULT FALSE,
  created_at    BIGINT NOT NULL,
  changed_at    BIGINT NOT NULL
);

-- Server-side sessions, shared by every node. The cookie holds a random token; only its SHA-256
-- is stored, so a copy of the table does not let anyone in.
CREATE TABLE admin_sessions (
  token_hash   VARCHAR(64) PRIMARY KEY,
  account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token   VARCHAR(64) NOT NULL,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX admin_sessions_by_account ON admin_sessions (account_id);

-- Failed logins per key ("account:EMAIL" or "address:IP"), whether or not the account exists.
CREATE TABLE login_throttle (
  throttle_key    VARCHAR(300) PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  blocked_until   BIGINT NOT NULL
);

CREATE TABLE api_tokens (
  id           ${id_pk},
  account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name         VARCHAR(100) NOT NULL,
  token_hash   VARCHAR(64) NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);

-- Who owns a piece and how many times it has been saved through the workflow: a save names the
-- edit version it started from, and is refused when another save came in between.
CREATE TABLE publication_edits (
  publication_id BIGINT PRIMARY KEY REFERENCES publications (id) ON DELETE CASCADE,
  owner_id       BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
  edit_version   BIGINT NOT NULL
);

-- Every save keeps the whole document (JSON of the editable fields). A save refused because of a
-- conflict is kept too, with kind 'conflict', so that nobody's words are lost.
CREATE TABLE revisions (
  id             ${id_pk},
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  edit_version   BIGINT NOT NULL,
  kind           VARCHAR(16) NOT NULL,          -- save, conflict, restore
  account_id     BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
  author_name    VARCHAR(200) NOT NULL,
  note           VARCHAR(300) NOT NULL DEFAULT '',
  document       TEXT NOT NULL,
  created_at     BIGINT NOT NULL
);
CREATE INDEX revisions_by_publication ON revisions (publication_id, id);

-- Old slugs that still answer with a 301 to the current one.
CREATE TABLE slug_redirects (
  kind       VARCHAR(16) NOT NULL,               -- publication, topic, region, expert
  old_slug   VARCHAR(120) NOT NULL,
  new_slug   VARCHAR(120) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (kind, old_slug)
);

-- Unguessable links to a draft for reviewers without an account; only the SHA-256 is stored.
CREATE TABLE preview_links (
  id             ${id_pk},
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  token_hash     VARCHAR(64) NOT NULL UNIQUE,
  created_by     BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
  created_at     BIGINT NOT NULL,
  revoked_at     BIGINT
);

-- Uploaded images; the file lives under data.dir/uploads/, named after its content hash.
CREATE TABLE uploads (
  id            ${id_pk},
  file_name     VARCHAR(100) NOT NULL UNIQUE,
  original_name VARCHAR(255) NOT NULL,
  content_type  VARCHAR(50) NOT NULL,
  size_bytes    BIGINT NOT NULL,
  width         INTEGER,
  height        INTEGER,
  account_id    BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
  created_at    BIGINT NOT NULL
);
