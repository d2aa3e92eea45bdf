package org.masthead.account;

/** What a user may do: admins everything, editors all content, authors their own drafts. */
public enum Role {
    ADMIN,
    EDITOR,
    AUTHOR
}
