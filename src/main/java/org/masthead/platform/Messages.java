package org.masthead.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** UI strings for one request's locale, from the message bundles (zh-CN first, English second). */
public record Messages(MessageSource source, Locale locale) {

    public String get(String key, Object... args) {
        return source.getMessage(key, args, key, locale);
    }

    public String languageTag() {
        return locale.toLanguageTag();
    }
}
