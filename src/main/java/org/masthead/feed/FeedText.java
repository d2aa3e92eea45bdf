package org.masthead.feed;

/**
 * Text as all three feed formats carry it. XML 1.0 cannot carry some characters at all, and UTF-8
 * cannot carry an unpaired surrogate; JSON Feed drops the same ones, so the three formats of a feed
 * say the same thing.
 */
final class FeedText {

    private FeedText() {}

    /**
     * The text without the characters XML 1.0 forbids: controls other than tab, line feed and
     * carriage return, unpaired surrogates, U+FFFE and U+FFFF. They mean nothing to a reader, and
     * one of them would make the whole feed unreadable to every XML parser. Everything else is kept
     * exactly; null stays null.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!allowed(cp)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(text, i, next);
            }
            i = next;
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
