-- Feeds of a source (来源), polled on their own schedule, and where every collected article came from.
-- Times are epoch milliseconds (UTC) like every other table.

-- One row per feed URL. A poller claims a feed by a conditional UPDATE of lease_owner/lease_until
-- (only when the lease is free or expired), so with several app nodes one node polls a feed at a time.
CREATE TABLE source_feed (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id         INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    url               TEXT    NOT NULL UNIQUE,
    title             TEXT,
    poll_seconds      INTEGER NOT NULL,
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    etag              TEXT,
    last_modified     TEXT,
    next_poll_at      BIGINT  NOT NULL,
    last_polled_at    BIGINT,
    last_success_at   BIGINT,
    last_error_at     BIGINT,
    last_error        TEXT,
    failure_count     INTEGER NOT NULL DEFAULT 0,
    lease_owner       TEXT,
    lease_until       BIGINT,
    created_at        BIGINT  NOT NULL
);
CREATE INDEX source_feed_due ON source_feed (next_poll_at);
CREATE INDEX source_feed_source ON source_feed (source_id);

-- Provenance of a collected article: the source, the feed and its GUID, the original URL as given
-- and normalised (tracking parameters removed), a hash of its normalised text, and when it was first
-- seen and last changed at the source. Exact duplicates are found through these columns.
CREATE TABLE ingest_item (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id        INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    source_id         INTEGER REFERENCES source (id),
    feed_id           INTEGER REFERENCES source_feed (id) ON DELETE SET NULL,
    guid              TEXT,
    original_url      TEXT,
    canonical_url     TEXT,
    content_hash      TEXT    NOT NULL,
    first_seen_at     BIGINT  NOT NULL,
    last_seen_at      BIGINT  NOT NULL,
    last_changed_at   BIGINT  NOT NULL,
    -- FALSE when this item's text was already collected under another URL or GUID: it is remembered
    -- so it is skipped quickly next time, and its later changes never overwrite the article.
    is_origin         BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX ingest_item_article ON ingest_item (article_id);
CREATE INDEX ingest_item_guid ON ingest_item (source_id, guid);
CREATE INDEX ingest_item_url ON ingest_item (canonical_url);
CREATE INDEX ingest_item_hash ON ingest_item (content_hash);
CREATE INDEX ingest_item_feed_seen ON ingest_item (feed_id, first_seen_at);
