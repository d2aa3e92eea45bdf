package org.masthead.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain text into sentences and sentences into clauses, as spans of the original text: nothing is
 * rewritten, a span is {@code text.substring(start, end)} with white space trimmed off its ends.
 *
 * <p>A sentence ends after 。！？；!?; a run of them (？！, ……), a line break, or an ASCII full stop that is
 * followed by white space and not preceded by a digit; closing quotes and brackets after the end mark
 * (。” or ！）) stay with the sentence. A full stop between digits (7.3元, 2.93%) never ends one.
 * Clauses additionally end after ，、：,: (a comma between digits, 1,032.64, does not end one).
 */
final class Sentences {

    /** A stretch of the text: {@code text.substring(start, end)}. */
    record Span(int start, int end) {

        int length(String text) {
            return text.codePointCount(start, end);
        }

        String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final String SENTENCE_ENDS = "。！？；!?;…";
    private static final String CLAUSE_ENDS = "，、：,:";
    private static final String CLOSERS = "”’」』）)】》〉\"'";

    private Sentences() {}

    /** The sentences of {@code text}, in order, none empty. */
    static List<Span> of(String text) {
        return split(text, 0, text.length(), false);
    }

    /** The clauses of one sentence span, in order, none empty. */
    static List<Span> clauses(String text, Span sentence) {
        return split(text, sentence.start(), sentence.end(), true);
    }

    private static List<Span> split(String text, int from, int to, boolean clauses) {
        List<Span> spans = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            boolean ends = c == '\n' || c == '\r' || SENTENCE_ENDS.indexOf(c) >= 0
                    || (c == '.' && endsWithFullStop(text, i, to))
                    || (clauses && CLAUSE_ENDS.indexOf(c) >= 0 && !betweenDigits(text, i, to));
            i++;
            if (ends) {
                while (i < to && (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0 || CLOSERS.indexOf(text.charAt(i)) >= 0
                        || (clauses && CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0))) {
                    i++;
                }
                add(text, spans, start, i);
                start = i;
            }
        }
        add(text, spans, start, to);
        return spans;
    }

    private static boolean endsWithFullStop(String text, int i, int to) {
        boolean spaceAfter = i + 1 >= to || Whitespace.is(text.charAt(i + 1));
        boolean digitBefore = i > 0 && Character.isDigit(text.charAt(i - 1));
        return spaceAfter && !digitBefore;
    }

    private static boolean betweenDigits(String text, int i, int to) {
        return i > 0 && i + 1 < to && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    private static void add(String text, List<Span> spans, int start, int end) {
        while (start < end && Whitespace.is(text.charAt(start))) {
            start++;
        }
        while (end > start && Whitespace.is(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }
}
