-- Moving in from another platform (package imports), and what imported content brings with it.
-- One file for SQLite and PostgreSQL; times are UTC epoch milliseconds.

-- Keywords (an imported site's tags, one per line) and the texts for search engines, read only
-- with the full piece: they live beside the body, away from the rows listings scan.
ALTER TABLE publication_bodies ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
ALTER TABLE publication_bodies ADD COLUMN seo_title VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE publication_bodies ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';

-- An expert's profiles elsewhere, one per line: KIND SPACE URL.
ALTER TABLE experts ADD COLUMN links TEXT NOT NULL DEFAULT '';

-- What each import brought in, by the source's own key, so that a second run of the same export
-- updates what changed in the source and adds what is new, and never makes a second copy.
CREATE TABLE import_items (
  source      VARCHAR(200) NOT NULL,   -- platform:site, e.g. wordpress:example.org
  kind        VARCHAR(16) NOT NULL,    -- publication, expert, topic, region, media
  source_id   VARCHAR(500) NOT NULL,   -- the source's id (post id, author login, term slug, file URL)
  target      VARCHAR(500) NOT NULL,   -- what it became: a slug, or a /media/ file name
  fingerprint VARCHAR(64) NOT NULL,    -- SHA-256 of what the source said, to tell a changed item from an unchanged one
  imported_at BIGINT NOT NULL,
  changed_at  BIGINT NOT NULL,
  PRIMARY KEY (source, kind, source_id)
);

-- Addresses of the old site that answer 301 with the new one. The path is site-relative and
-- percent-decoded, without a trailing slash ("/2019/05/14/grain-deal", "/?p=123", "/p/slug").
CREATE TABLE old_urls (
  path       VARCHAR(1000) PRIMARY KEY,
  target     VARCHAR(1000) NOT NULL,
  source     VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL
);
