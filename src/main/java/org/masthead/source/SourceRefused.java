package org.masthead.source;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A request about sources that cannot be done: no such source, a name or feed another source already
 * has, or a wrong field. The message is a bundle key ({@code source.error.*}) with arguments, so the
 * API, the back office and the CLI each say it in their reader's language.
 */
public class SourceRefused extends RuntimeException {

    /** Why, and so which HTTP status an API answers with. */
    public enum Reason {
        /** 404 */
        NOT_FOUND,
        /** 409: the name or feed URL is taken, or the source's state does not allow it. */
        CONFLICT,
        /** 400: a field is wrong. */
        INVALID
    }

    private final Reason reason;
    private final String key;
    private final transient Object[] args;

    SourceRefused(Reason reason, String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
    }

    public static SourceRefused notFound(long id) {
        return new SourceRefused(Reason.NOT_FOUND, "source.error.notFound", String.valueOf(id));
    }

    /** A field that is wrong, for callers that read a field themselves (a form's number). */
    public static SourceRefused invalid(String key, Object... args) {
        return new SourceRefused(Reason.INVALID, key, args);
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle key, stable for clients to branch on, e.g. {@code source.error.duplicateName}. */
    public String key() {
        return key;
    }

    public String message(MessageSource messages, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
