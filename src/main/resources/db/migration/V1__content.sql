-- The content model: experts, topics, regions, publications and their links.
-- One file for SQLite and PostgreSQL: ${id_pk} is the dialect's identity primary key.
-- Times are UTC epoch milliseconds (BIGINT): identical on both databases and cheap to compare.

CREATE TABLE experts (
  id          ${id_pk},
  slug        VARCHAR(120) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  role        VARCHAR(200) NOT NULL DEFAULT '',
  affiliation VARCHAR(200) NOT NULL DEFAULT '',
  bio_md      TEXT NOT NULL DEFAULT '',
  bio_html    TEXT NOT NULL DEFAULT '',
  photo_url   VARCHAR(500),
  created_at  BIGINT NOT NULL,
  changed_at  BIGINT NOT NULL
);

CREATE TABLE topics (
  id          ${id_pk},
  slug        VARCHAR(120) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  BIGINT NOT NULL,
  changed_at  BIGINT NOT NULL
);

CREATE TABLE regions (
  id          ${id_pk},
  slug        VARCHAR(120) NOT NULL UNIQUE,
  name        VARCHAR(200) NOT NULL,
  parent_id   BIGINT REFERENCES regions (id),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  BIGINT NOT NULL,
  changed_at  BIGINT NOT NULL
);

-- Names of experts, topics and regions in other languages than the one they were written in.
CREATE TABLE labels (
  kind     VARCHAR(16) NOT NULL,   -- expert, topic, region
  owner_id BIGINT NOT NULL,
  language VARCHAR(35) NOT NULL,
  name     VARCHAR(200) NOT NULL,
  PRIMARY KEY (kind, owner_id, language)
);

CREATE TABLE publications (
  id                ${id_pk},
  slug              VARCHAR(120) NOT NULL UNIQUE,
  language          VARCHAR(35) NOT NULL,
  translation_group VARCHAR(120),
  title             VARCHAR(300) NOT NULL,
  standfirst        TEXT NOT NULL DEFAULT '',
  reading_minutes   INTEGER NOT NULL DEFAULT 1,
  type              VARCHAR(40) NOT NULL,
  status            VARCHAR(16) NOT NULL,
  featured          BOOLEAN NOT NULL DEFAULT FALSE,
  published_at      BIGINT,
  updated_at        BIGINT,
  created_at        BIGINT NOT NULL,
  changed_at        BIGINT NOT NULL
);

-- Listings walk these newest first (ORDER BY published_at DESC, id DESC), stopping at the page.
CREATE INDEX publications_by_status_date ON publications (status, published_at, id);
CREATE INDEX publications_by_featured ON publications (featured, status, published_at, id);

-- Bodies live apart from the rows listings scan: on SQLite a long text column in the same row
-- would have every listing, count and filter read its overflow pages.
CREATE TABLE publication_bodies (
  publication_id BIGINT PRIMARY KEY REFERENCES publications (id) ON DELETE CASCADE,
  body_md        TEXT NOT NULL,
  body_html      TEXT NOT NULL,
  toc            TEXT NOT NULL
);
CREATE INDEX publications_by_type ON publications (type, status, published_at, id);
CREATE INDEX publications_by_language ON publications (language, status, published_at, id);
CREATE INDEX publications_by_group ON publications (translation_group);

CREATE TABLE publication_experts (
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  expert_id      BIGINT NOT NULL REFERENCES experts (id),
  position       INTEGER NOT NULL,
  PRIMARY KEY (publication_id, expert_id)
);
CREATE INDEX publication_experts_by_expert ON publication_experts (expert_id, publication_id);

CREATE TABLE publication_topics (
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  topic_id       BIGINT NOT NULL REFERENCES topics (id),
  position       INTEGER NOT NULL,
  PRIMARY KEY (publication_id, topic_id)
);
CREATE INDEX publication_topics_by_topic ON publication_topics (topic_id, publication_id);

CREATE TABLE publication_regions (
  publication_id BIGINT NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  region_id      BIGINT NOT NULL REFERENCES regions (id),
  position       INTEGER NOT NULL,
  PRIMARY KEY (publication_id, region_id)
);
CREATE INDEX publication_regions_by_region ON publication_regions (region_id, publication_id);

-- Site identity and other settings editors change at run time (name, description, ...).
CREATE TABLE settings (
  name  VARCHAR(100) PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row: bumped in the same transaction as every content change, so that every node's page
-- cache can tell that what it holds is out of date.
CREATE TABLE content_state (
  id         INTEGER PRIMARY KEY,
  version    BIGINT NOT NULL,
  changed_at BIGINT NOT NULL
);
INSERT INTO content_state (id, version, changed_at) VALUES (1, 0, 0);
