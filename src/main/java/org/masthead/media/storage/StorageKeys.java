package org.masthead.media.storage;

import java.util.regex.Pattern;

/** The keys a store accepts: a two-character folder and a plain file name, nothing that could climb out. */
final class StorageKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{16,128}(-[0-9]{1,5})?\\.[a-z]{3,4}");

    private StorageKeys() {}

    static void requireValid(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
    }
}
