-- Uploads' content types get room for office documents' (package media): the longest,
-- application/vnd.openxmlformats-officedocument.presentationml.presentation, has 73 characters, and
-- PostgreSQL refuses it in the VARCHAR(50) of V10. One file for SQLite and PostgreSQL: SQLite can
-- neither change a column's type nor enforces its length, so the column is copied into a wider one,
-- dropped and the copy given its name; rows and the name stay as they were, so a node still on the
-- previous release reads and writes the table as before.
ALTER TABLE uploads ADD COLUMN content_type_wide VARCHAR(200) NOT NULL DEFAULT '';
UPDATE uploads SET content_type_wide = content_type;
ALTER TABLE uploads DROP COLUMN content_type;
ALTER TABLE uploads RENAME COLUMN content_type_wide TO content_type;
