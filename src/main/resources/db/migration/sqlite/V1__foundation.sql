-- Times are instants stored as epoch milliseconds (UTC); the site zone applies only when shown.
CREATE TABLE channel (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    slug        TEXT    NOT NULL UNIQUE,
    position    INTEGER NOT NULL DEFAULT 0,
    parent_id   INTEGER REFERENCES channel (id)
);

CREATE TABLE source (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    homepage    TEXT
);

CREATE TABLE tag (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE
);

CREATE TABLE article (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    title        TEXT    NOT NULL,
    subtitle     TEXT,
    body_html    TEXT    NOT NULL,
    summary      TEXT,
    lead_text    TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL,
    published_at BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL,
    original_url TEXT    UNIQUE,
    source_id    INTEGER REFERENCES source (id),
    channel_id   INTEGER REFERENCES channel (id),
    cover_image  TEXT,
    view_count   BIGINT  NOT NULL DEFAULT 0,
    content_hash TEXT    NOT NULL
);
CREATE INDEX article_published ON article (status, published_at DESC);
CREATE INDEX article_channel ON article (channel_id, published_at DESC);
CREATE INDEX article_source ON article (source_id, published_at DESC);

CREATE TABLE article_author (
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_author_name ON article_author (name);

CREATE TABLE article_tag (
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tag (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag ON article_tag (tag_id);

CREATE TABLE article_figure (
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    url         TEXT    NOT NULL,
    caption     TEXT,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE site_setting (
    name        TEXT    PRIMARY KEY,
    value       TEXT    NOT NULL
);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE ad_slot (
    name        TEXT    PRIMARY KEY,
    text        TEXT,
    link_url    TEXT,
    image_url   TEXT,
    active      BOOLEAN NOT NULL DEFAULT TRUE
);
