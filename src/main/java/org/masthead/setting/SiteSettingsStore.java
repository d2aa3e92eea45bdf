package org.masthead.setting;

import java.time.DateTimeException;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the site settings; reads come from memory, every change goes to the database first. */
@Service
@EnableConfigurationProperties(InitialSiteSettings.class)
public class SiteSettingsStore {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile SiteSettings current;

    SiteSettingsStore(JdbcClient jdbc, InitialSiteSettings initial, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        seed(initial);
        this.current = load();
    }

    public SiteSettings current() {
        return current;
    }

    /** Validates and stores new settings; they show on the next page served. */
    @Transactional
    public SiteSettings update(SiteSettings settings) {
        validate(settings);
        asMap(settings).forEach(this::write);
        current = load();
        events.publishEvent(new SiteSettingsChanged(java.time.Instant.now()));
        return current;
    }

    /** A flag or value the application keeps for itself (e.g. that the demo was loaded). */
    public String value(String name) {
        return jdbc.sql("SELECT value FROM site_setting WHERE name = ?").param(name).query(String.class).optional().orElse(null);
    }

    @Transactional
    public void putValue(String name, String value) {
        write(name, value);
    }

    private void seed(InitialSiteSettings initial) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("site.name", Objects.requireNonNullElse(initial.name(), "报头新闻"));
        defaults.put("site.tagline", Objects.requireNonNullElse(initial.tagline(), ""));
        defaults.put("site.copyright-since", String.valueOf(Objects.requireNonNullElse(initial.copyrightSince(), Year.now().getValue())));
        defaults.put("site.icp", Objects.requireNonNullElse(initial.icp(), ""));
        defaults.put("site.public-security-filing", Objects.requireNonNullElse(initial.publicSecurityFiling(), ""));
        defaults.put("site.email", Objects.requireNonNullElse(initial.email(), ""));
        defaults.put("site.time-zone", Objects.requireNonNullElse(initial.timeZone(), "Asia/Shanghai"));
        defaults.put("site.excerpt-length", String.valueOf(Objects.requireNonNullElse(initial.excerptLength(), 36)));
        defaults.put("site.base-url", Objects.requireNonNullElse(initial.baseUrl(), "http://localhost:8080"));
        defaults.forEach((name, value) -> jdbc.sql("INSERT INTO site_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, value)
                .update());
    }

    private void write(String name, String value) {
        jdbc.sql("INSERT INTO site_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .params(name, value)
                .update();
    }

    private SiteSettings load() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT name, value FROM site_setting").query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return new SiteSettings(
                values.get("site.name"),
                values.get("site.tagline"),
                Integer.parseInt(values.get("site.copyright-since")),
                values.get("site.icp"),
                values.get("site.public-security-filing"),
                values.get("site.email"),
                ZoneId.of(values.get("site.time-zone")),
                Integer.parseInt(values.get("site.excerpt-length")),
                stripTrailingSlash(values.get("site.base-url")));
    }

    private static Map<String, String> asMap(SiteSettings s) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("site.name", s.name().strip());
        map.put("site.tagline", Objects.requireNonNullElse(s.tagline(), "").strip());
        map.put("site.copyright-since", String.valueOf(s.copyrightSince()));
        map.put("site.icp", Objects.requireNonNullElse(s.icp(), "").strip());
        map.put("site.public-security-filing", Objects.requireNonNullElse(s.publicSecurityFiling(), "").strip());
        map.put("site.email", Objects.requireNonNullElse(s.email(), "").strip());
        map.put("site.time-zone", s.timeZone().getId());
        map.put("site.excerpt-length", String.valueOf(s.excerptLength()));
        map.put("site.base-url", stripTrailingSlash(s.baseUrl()));
        return map;
    }

    static void validate(SiteSettings s) {
        if (s.name() == null || s.name().isBlank()) {
            throw new IllegalArgumentException("site name must not be empty");
        }
        if (s.excerptLength() < 8 || s.excerptLength() > 500) {
            throw new IllegalArgumentException("excerpt length must be between 8 and 500 characters");
        }
        if (s.copyrightSince() < 1900 || s.copyrightSince() > Year.now().getValue()) {
            throw new IllegalArgumentException("copyright start year must be between 1900 and this year");
        }
        if (s.email() != null && !s.email().isBlank() && !s.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("contact email is not an e-mail address: " + s.email());
        }
        try {
            Objects.requireNonNull(s.timeZone(), "time zone");
        } catch (NullPointerException | DateTimeException e) {
            throw new IllegalArgumentException("time zone is missing or unknown");
        }
    }

    private static String stripTrailingSlash(String url) {
        String u = Objects.requireNonNullElse(url, "").strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
