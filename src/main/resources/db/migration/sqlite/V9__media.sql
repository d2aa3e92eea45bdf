-- Media library (org.masthead.media): one row per stored image. The file itself (re-encoded, no
-- metadata) and its thumbnails live in the media store (data dir or S3) under its content hash;
-- a second upload of the same picture finds this row instead of adding one.
CREATE TABLE media_item (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    hash               TEXT    NOT NULL UNIQUE,
    original_filename  TEXT    NOT NULL,
    mime               TEXT    NOT NULL,
    width              INTEGER NOT NULL,
    height             INTEGER NOT NULL,
    bytes              BIGINT  NOT NULL,
    uploaded_by        TEXT    NOT NULL,
    uploaded_at        BIGINT  NOT NULL,
    alt_text           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX media_item_uploaded ON media_item (uploaded_at DESC, id DESC);
