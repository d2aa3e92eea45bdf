/** The back office's articles: the list with filters and bulk actions, the editor, workflow buttons, revisions and diffs. */
package org.masthead.admin.article;
