package org.masthead.article;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor}, with the role they acted in and the address the
 * request came from) did what to which article, when; for state changes the states before and after.
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String role,
        String address,
        ArticleAction action,
        long articleId,
        ArticleStatus from,
        ArticleStatus to,
        String detail) {}
