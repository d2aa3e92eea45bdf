-- Taxonomy (org.masthead.channel, org.masthead.tag, bylines in org.masthead.article) and the back-office
-- audit trail of changes that are not about one article or one account (org.masthead.platform.AdminAudit).

-- Slugs a channel had before: the public channel route answers them with a 301 to the current slug, so
-- old links and search-engine entries keep working. A slug taken again by a channel leaves this table.
CREATE TABLE channel_slug_history (
    slug        TEXT    PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    retired_at  BIGINT  NOT NULL
);
CREATE INDEX channel_slug_history_channel ON channel_slug_history (channel_id);

-- Names a tag had before (renamed), or tags merged into it: /tag/{old} answers 301 to the tag, and an
-- article imported later with the old name gets the tag it became.
CREATE TABLE tag_alias (
    name        TEXT    PRIMARY KEY,
    tag_id      INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX tag_alias_tag ON tag_alias (tag_id);

-- Bylines renamed or merged across articles: /author/{old} answers 301 to /author/{current}.
CREATE TABLE byline_alias (
    name        TEXT    PRIMARY KEY,
    current_name TEXT   NOT NULL,
    created_at  BIGINT  NOT NULL
);

-- Who changed which channel, tag, byline or setting, when and from where. No foreign keys: the lines
-- outlive what they describe.
CREATE TABLE admin_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    actor       TEXT    NOT NULL,
    address     TEXT,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    detail      TEXT
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC);
CREATE INDEX admin_audit_action ON admin_audit (action, at DESC);
