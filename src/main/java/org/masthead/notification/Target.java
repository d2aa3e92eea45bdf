package org.masthead.notification;

/** A search engine that is told about article URLs; stored by name in {@code notification_submission.target}. */
enum Target {
    INDEXNOW,
    BAIDU
}
