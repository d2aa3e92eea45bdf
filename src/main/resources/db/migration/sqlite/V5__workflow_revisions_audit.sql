-- Editorial workflow (docs/workflow.md): who created an article (authors may edit only their own),
-- a revision counter that every save bumps (the UPDATE locks the row on PostgreSQL, and SQLite has one
-- writer, so two saves of one article can never take the same revision number), the revisions
-- themselves, the audit log and the ShedLock table that lets one node at a time publish due articles.
ALTER TABLE article ADD COLUMN created_by TEXT;
ALTER TABLE article ADD COLUMN revision_count INTEGER NOT NULL DEFAULT 0;

-- A snapshot of every field an editor can change (JSON of org.masthead.article.ArticleDraft).
CREATE TABLE article_revision (
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    snapshot    TEXT    NOT NULL,
    PRIMARY KEY (article_id, number)
);

-- Who did what to which article, when and from where. No foreign key: the log outlives a deleted article.
CREATE TABLE article_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    actor       TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    address     TEXT,
    action      TEXT    NOT NULL,
    article_id  BIGINT  NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    detail      TEXT
);
CREATE INDEX article_audit_article ON article_audit (article_id, id);

-- net.javacrumbs.shedlock JdbcTemplateLockProvider's table, as its documentation gives it.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
