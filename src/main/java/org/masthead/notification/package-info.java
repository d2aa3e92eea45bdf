/**
 * Notification: tells search engines (IndexNow, Baidu 普通收录) about published and changed articles.
 *
 * <p>How it works: when an article is published or changed, {@link org.masthead.notification.SubmissionQueue}
 * adds a row per enabled engine to {@code notification_submission} <em>in the article's own
 * transaction</em>, so a rolled-back save queues nothing and an acknowledged one cannot lose its
 * notification in a crash. {@link org.masthead.notification.SubmissionSender} looks for due rows every
 * {@code masthead.notification.poll-interval} and sends them from a virtual thread, one request per
 * engine carrying every URL that became due meanwhile; failures are retried with exponential backoff
 * by moving the row's {@code next_attempt_at}. Nothing here is ever on an editor's request path except
 * that one INSERT.
 *
 * <p>One node only, for now: two application nodes would both send the same rows. With several nodes
 * the poller needs a lock on the database (ShedLock or db-scheduler, as DESIGN.md plans for every
 * job); {@code SELECT … FOR UPDATE SKIP LOCKED} is not an option because SQLite has no such thing.
 */
package org.masthead.notification;
