-- Slugs a special topic had before it was renamed: /topic/{old} answers 301 to the topic's current
-- address, the same way channel_slug_history keeps old channel addresses working.
CREATE TABLE topic_slug_history (
    slug        TEXT    PRIMARY KEY,
    topic_id    BIGINT NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    retired_at  BIGINT  NOT NULL
);
CREATE INDEX topic_slug_history_topic ON topic_slug_history (topic_id);
