package org.masthead.search;

/**
 * Which articles a search may see. {@link #PUBLIC}, the default of every {@link SearchQuery}: what
 * readers see, published articles whose publish time has come. The back office asks for more on
 * purpose: {@link #anyStatus()} (drafts, scheduled, unpublished … every article the index holds,
 * whatever its publish time) or {@link #status(String)} (one status, e.g. {@code "draft"}).
 *
 * @param editorial whether this is the back office's view (any status and publish time)
 * @param status with {@code editorial}, only articles with this status code; null for all of them
 */
public record Visibility(boolean editorial, String status) {

    /** Published articles whose publish time has come. */
    public static final Visibility PUBLIC = new Visibility(false, null);

    public Visibility {
        if (!editorial && status != null) {
            throw new IllegalArgumentException("status: only an editorial search chooses a status");
        }
        status = status == null || status.isBlank() ? null : status.strip();
    }

    /** Every article the index holds, whatever its status and publish time. */
    public static Visibility anyStatus() {
        return new Visibility(true, null);
    }

    /** The articles with this status code (as stored: "draft", "published" …), whatever their publish time. */
    public static Visibility status(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("status: name a status");
        }
        return new Visibility(true, code);
    }
}
