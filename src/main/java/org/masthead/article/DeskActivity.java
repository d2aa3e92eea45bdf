package org.masthead.article;

/** An audit line with the title of its article, or null when the article has been deleted since. */
public record DeskActivity(AuditEntry entry, String articleTitle) {}
