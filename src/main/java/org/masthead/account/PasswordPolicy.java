package org.masthead.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters (counted as people count
 * them, so 12 Chinese characters qualify), at most {@value #MAX_LENGTH}, and not the user name.
 * Length over composition rules, as NIST SP 800-63B advises.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Argon2 hashes any length, but a megabyte "password" is only a way to burn CPU. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    /** Throws {@link AccountException} naming the first rule the password breaks. */
    public static void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new AccountException("account.error.password.empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new AccountException("account.error.password.short", MIN_LENGTH, length);
        }
        if (length > MAX_LENGTH) {
            throw new AccountException("account.error.password.long", MAX_LENGTH);
        }
        if (password.isBlank()) {
            throw new AccountException("account.error.password.blank");
        }
        if (username != null && fold(password).equals(fold(username))) {
            throw new AccountException("account.error.password.username");
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
