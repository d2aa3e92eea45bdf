package org.masthead.article;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A request about an article that the rules refuse: no such article, not allowed for this actor, not
 * from the article's current state, or bad input. The message is a bundle key with arguments, so every
 * caller shows it in the reader's language ({@link #message}); {@link #getMessage()} is for logs.
 */
public class ArticleRefused extends RuntimeException {

    /** Why, and so which HTTP status an API answers with. */
    public enum Reason {
        /** 404 */
        NOT_FOUND,
        /** 403: the actor's role or ownership does not allow it. */
        FORBIDDEN,
        /** 409: not from the article's current state. */
        CONFLICT,
        /** 400: the input is wrong (a time in the past, an empty body). */
        INVALID
    }

    private final Reason reason;
    private final String key;
    private final transient Object[] args;

    ArticleRefused(Reason reason, String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
    }

    static ArticleRefused notFound(String key, Object... args) {
        return new ArticleRefused(Reason.NOT_FOUND, key, args);
    }

    static ArticleRefused forbidden(String key, Object... args) {
        return new ArticleRefused(Reason.FORBIDDEN, key, args);
    }

    static ArticleRefused conflict(String key, Object... args) {
        return new ArticleRefused(Reason.CONFLICT, key, args);
    }

    static ArticleRefused invalid(String key, Object... args) {
        return new ArticleRefused(Reason.INVALID, key, args);
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle key, e.g. {@code workflow.authorCannotPublish}: stable, for clients to branch on. */
    public String key() {
        return key;
    }

    /** The message in {@code locale}; statuses and actions among the arguments are shown by their labels. */
    public String message(MessageSource messages, Locale locale) {
        Object[] shown = Arrays.stream(args).map(arg -> label(arg, messages, locale)).toArray();
        return messages.getMessage(key, shown, key, locale);
    }

    private static Object label(Object arg, MessageSource messages, Locale locale) {
        return switch (arg) {
            case ArticleStatus status -> messages.getMessage("article.status." + status.code(), null, status.code(), locale);
            case ArticleAction action -> messages.getMessage(action.labelKey(), null, action.code(), locale);
            case java.util.Collection<?> many -> String.join(messages.getMessage("article.listSeparator", null, ", ", locale),
                    many.stream().map(one -> String.valueOf(label(one, messages, locale))).toList());
            case null -> "";
            default -> arg;
        };
    }
}
