-- Search-engine notifications (IndexNow, Baidu 普通收录) waiting to be sent: the listener adds a row
-- in the article's own transaction, the sender deletes it once delivered or given up. Times are epoch
-- milliseconds (UTC) like every other table.
CREATE TABLE notification_submission (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    target          TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    last_error      TEXT
);
CREATE INDEX notification_submission_due ON notification_submission (target, next_attempt_at);
