package org.masthead.platform;

/**
 * A change refused for a reason the person asking can fix (a taken name, an empty field, a channel still
 * in use): a message-bundle key and its arguments, so the back office says why in the reader's language.
 */
public class Refusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public Refusal(String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The reason in the reader's language. */
    public String text(Messages messages) {
        return messages.get(messageKey, arguments);
    }
}
