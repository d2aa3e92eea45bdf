package org.masthead.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a reader typed into the search box, taken apart by a small tokenizer of our own (user text is
 * never handed to a query-language parser): words, {@code "quoted phrases"} (also with Chinese
 * quotation marks “…” 「…」 『…』) and {@code -exclusions} ({@code -word}, {@code -"a phrase"}).
 * Every other character is just text: the analyzer drops what it cannot index.
 *
 * <p>Limits, so that any input gives results or a clear message: at most {@value #MAX_LENGTH}
 * characters (longer input is refused), at most {@value #MAX_PARTS} words and phrases (further ones
 * are ignored and {@link #truncated()} says so). Control and format characters count as spaces; the
 * text is NFKC-normalised, so full-width ＂ and － work like " and -. An unbalanced quote runs to
 * the end of the input.
 */
public record UserQuery(List<Part> parts, boolean truncated) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_PARTS = 32;

    /** A word or a phrase, to be found or (excluded) to be absent. The text never contains a quotation mark. */
    public record Part(String text, boolean phrase, boolean excluded) {

        public String toText() {
            return (excluded ? "-" : "") + (phrase ? "\"" + text + "\"" : text);
        }
    }

    public UserQuery {
        parts = List.copyOf(parts);
    }

    /**
     * @throws IllegalArgumentException ("q: …") when the input is empty or longer than {@value #MAX_LENGTH} characters
     */
    public static UserQuery parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("q: enter at least one word to search for");
        }
        int length = input.codePointCount(0, input.length());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("q: at most " + MAX_LENGTH + " characters (this one has " + length + ")");
        }
        String text = Normalizer.normalize(visibleOnly(input), Normalizer.Form.NFKC);
        if (text.isBlank()) {
            throw new IllegalArgumentException("q: enter at least one word to search for");
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean excluded = false;
            if (text.charAt(i) == '-' && i + 1 < n && !isSpace(text.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            String part;
            boolean phrase;
            if (isQuote(text.charAt(i))) {
                int end = i + 1;
                while (end < n && !isQuote(text.charAt(end))) {
                    end++;
                }
                part = text.substring(i + 1, end);
                phrase = true;
                i = Math.min(n, end + 1);
            } else {
                int end = i;
                while (end < n && !isSpace(text.charAt(end)) && !isQuote(text.charAt(end))) {
                    end++;
                }
                part = text.substring(i, end);
                phrase = false;
                i = end;
            }
            part = part.strip().replaceAll("\\s+", " ");
            if (!part.isEmpty()) {
                parts.add(new Part(part, phrase, excluded));
            }
        }
        boolean truncated = parts.size() > MAX_PARTS;
        return new UserQuery(truncated ? parts.subList(0, MAX_PARTS) : parts, truncated);
    }

    /** Whether anything is to be found, not only excluded. */
    public boolean hasPositive() {
        return parts.stream().anyMatch(p -> !p.excluded());
    }

    /** The query written back in the same syntax, e.g. for a "did you mean" link. */
    public String toText() {
        return parts.stream().map(Part::toText).collect(Collectors.joining(" "));
    }

    /** The same query with one part's text replaced. */
    public UserQuery withText(int index, String text) {
        List<Part> changed = new ArrayList<>(parts);
        Part old = changed.get(index);
        changed.set(index, new Part(text, old.phrase(), old.excluded()));
        return new UserQuery(changed, truncated);
    }

    /** Control, format, separator, private-use and lone surrogate characters become spaces. */
    private static String visibleOnly(String input) {
        StringBuilder out = new StringBuilder(input.length());
        input.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                        Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> out.append(' ');
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isQuote(char c) {
        return switch (c) {
            case '"', '“', '”', '„', '「', '」', '『', '』' -> true;
            default -> false;
        };
    }
}
