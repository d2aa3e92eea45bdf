package org.masthead.ads;

import java.util.Arrays;

/** Input the ad rules refuse; the message is a bundle key with arguments, shown in the reader's language. */
public class AdRefused extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public AdRefused(String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
