package org.masthead.topic;

import java.util.Arrays;

/** Input the topic rules refuse; the message is a bundle key with arguments. */
public class TopicRefused extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public TopicRefused(String key, Object... args) {
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
