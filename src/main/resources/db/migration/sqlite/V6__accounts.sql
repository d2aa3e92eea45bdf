-- Accounts (org.masthead.account): disabling, sign-in throttling, the account audit trail, API tokens
-- and the back-office sessions (Spring Session JDBC) shared by every app node.

-- Raised whenever the role, the password or the disabled flag changes: a session signed in under
-- an older version is ended on its next request, on whichever node it lands.
ALTER TABLE app_user ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- Failed sign-ins per key ("user:<name>" or "ip:<address>") in the current window; a key is refused
-- until locked_until. In the database, not in memory, so every app node counts the same failures.
CREATE TABLE login_throttle (
    throttle_key  TEXT    PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  BIGINT  NOT NULL,
    locked_until  BIGINT  NOT NULL DEFAULT 0
);

-- Who signed in or failed to, and what was done to accounts and tokens: kind, the user concerned,
-- who did it (null for the user themself), from which address, when.
CREATE TABLE account_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          BIGINT  NOT NULL,
    kind        TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    actor       TEXT,
    ip          TEXT,
    detail      TEXT
);
CREATE INDEX account_event_at ON account_event (at DESC);
CREATE INDEX account_event_kind ON account_event (kind, at DESC);

-- API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES app_user (id),
    name          TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,
    scopes        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_token_user ON api_token (user_id, created_at DESC);

-- Spring Session JDBC's tables, as its schema-sqlite.sql has them.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB        NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
