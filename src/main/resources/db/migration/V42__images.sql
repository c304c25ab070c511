-- The responsive variants of each uploaded image (package media): the same picture at several
-- widths, as WebP and as JPEG or PNG, made when it was uploaded and kept next to it under
-- data.dir/uploads as HASH-WIDTH.ext. One row a file; pages build srcset and width/height from them.
CREATE TABLE upload_variants (
  id            ${id_pk},
  upload_name   VARCHAR(100) NOT NULL REFERENCES uploads (file_name) ON DELETE CASCADE,
  file_name     VARCHAR(100) NOT NULL UNIQUE,
  content_type  VARCHAR(50) NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  size_bytes    BIGINT NOT NULL
);
CREATE INDEX upload_variants_upload ON upload_variants (upload_name);

-- A publication's featured image (package content): an uploaded image's address, its alternative
-- text, caption and credit; empty strings when it has none.
ALTER TABLE publications ADD COLUMN image_url VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN image_alt VARCHAR(1200) NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN image_caption VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN image_credit VARCHAR(800) NOT NULL DEFAULT '';
