package org.masthead.account;

import java.util.Arrays;

/**
 * A refused account change with the message key that explains it to the person (in the bundles,
 * Chinese first) and its arguments, so the back office shows a clear reason and keeps what was valid.
 */
public class AccountException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public AccountException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
