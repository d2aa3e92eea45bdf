package org.masthead.media;

/**
 * An upload that is not stored, and why, as a message key with its arguments (messages.properties,
 * {@code media.error.*}). Thrown before anything is written, so a refused file leaves no trace.
 */
public class MediaRefused extends RuntimeException {

    /** Why: each has its own message; {@link #TOO_LARGE} is answered with 413, the others with 400. */
    public enum Reason {
        EMPTY("media.error.empty"),
        TOO_LARGE("media.error.tooLarge"),
        NOT_AN_IMAGE("media.error.notImage"),
        POLYGLOT("media.error.polyglot"),
        TOO_MANY_PIXELS("media.error.pixels"),
        CORRUPT("media.error.corrupt");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public MediaRefused(Reason reason, Object... arguments) {
        super(reason.messageKey);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
