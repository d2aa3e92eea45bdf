-- Sources managed by editors (API, CLI, back office) and the log of what polling did.
-- Times are epoch milliseconds (UTC) like every other table.

-- A logo for the source list and credit lines; a retired source is one an editor deleted: it leaves
-- the list and loses its feeds, but its row stays so its articles keep their publisher.
ALTER TABLE source ADD COLUMN logo_url TEXT;
ALTER TABLE source ADD COLUMN retired_at BIGINT;

-- One line per poll (fetched, not-modified, failed, busy) and per item that did something (new,
-- revised, duplicate, rejected, flagged). No foreign keys: the log outlives feeds, sources and
-- articles it names, and is pruned by age (masthead.ingest.event-retention).
CREATE TABLE ingest_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    source_id   BIGINT  NOT NULL,
    feed_id     BIGINT,
    kind        TEXT    NOT NULL,
    article_id  BIGINT,
    item_url    TEXT,
    detail      TEXT
);
CREATE INDEX ingest_event_source ON ingest_event (source_id, id);
CREATE INDEX ingest_event_at ON ingest_event (at);
