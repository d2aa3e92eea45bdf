-- Ads (广告位): a slot is a named place on the pages (placement) with a size; it rotates among its
-- creatives by weight, each shown within its schedule window; impressions and clicks are counted per
-- creative and day (the day in the site's zone, 'YYYY-MM-DD'). The V1 table held one creative per slot:
-- each of its rows becomes a slot with that one creative.
-- (copied rather than renamed: PostgreSQL keeps the old constraint names on a renamed table)
CREATE TABLE ad_slot_v1 AS SELECT name, text, link_url, image_url, active FROM ad_slot;
DROP TABLE ad_slot;

CREATE TABLE ad_slot (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    placement   TEXT    NOT NULL,
    width       INTEGER,
    height      INTEGER NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE ad_creative (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slot_id     INTEGER NOT NULL REFERENCES ad_slot (id),
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    link_url    TEXT,
    image_url   TEXT,
    html        TEXT,
    weight      INTEGER NOT NULL DEFAULT 1,
    starts_at   BIGINT,
    ends_at     BIGINT,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX ad_creative_slot ON ad_creative (slot_id);

CREATE TABLE ad_daily_count (
    creative_id BIGINT  NOT NULL REFERENCES ad_creative (id),
    day         TEXT    NOT NULL,
    impressions BIGINT  NOT NULL DEFAULT 0,
    clicks      BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (creative_id, day)
);

INSERT INTO ad_slot (name, placement, width, height, active, created_at)
SELECT name, CASE WHEN name IN ('home-top', 'sidebar', 'article-bottom', 'list-top') THEN name ELSE 'sidebar' END, NULL, 90, active, 0
FROM ad_slot_v1;

INSERT INTO ad_creative (slot_id, kind, title, link_url, image_url, html, weight, starts_at, ends_at, active, created_at, updated_at)
SELECT s.id, CASE WHEN v.image_url IS NULL OR v.image_url = '' THEN 'text' ELSE 'image' END, COALESCE(v.text, ''), v.link_url,
       NULLIF(v.image_url, ''), NULL, 1, NULL, NULL, TRUE, 0, 0
FROM ad_slot_v1 v JOIN ad_slot s ON s.name = v.name
WHERE v.text IS NOT NULL AND v.text <> '';

DROP TABLE ad_slot_v1;

-- Flags an editor sets on an article: headline (头条), recommended (推荐), pinned (置顶).
CREATE TABLE article_flag (
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    flag        TEXT    NOT NULL,
    flagged_at  BIGINT  NOT NULL,
    PRIMARY KEY (article_id, flag)
);
CREATE INDEX article_flag_newest ON article_flag (flag, flagged_at DESC);

-- Special topics (专题): a page gathering articles in the editors' order, optionally under sections.
CREATE TABLE topic (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    summary     TEXT    NOT NULL DEFAULT '',
    cover_image TEXT,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

CREATE TABLE topic_article (
    topic_id    INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    section     TEXT,
    PRIMARY KEY (topic_id, article_id)
);
CREATE INDEX topic_article_article ON topic_article (article_id);
