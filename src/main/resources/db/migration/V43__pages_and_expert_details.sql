-- Site pages (About, Contact, Privacy...) need no table of their own: a page is a publication of
-- the built-in type 'page' (content.PublicationTypes.PAGE), served at /SLUG, so it shares the
-- store, the workflow, revisions, translations and the editor. Listings skip pages by type; they
-- already walk an index that starts with status, so no new index is needed.
--
-- What an expert's page shows beyond the biography (package content). One file for SQLite and
-- PostgreSQL.
ALTER TABLE experts ADD COLUMN expertise TEXT NOT NULL DEFAULT '';              -- one area per line
ALTER TABLE experts ADD COLUMN languages VARCHAR(500) NOT NULL DEFAULT '';      -- BCP 47 tags, space-separated
ALTER TABLE experts ADD COLUMN media_contact VARCHAR(254) NOT NULL DEFAULT '';  -- an email address or a phone number
